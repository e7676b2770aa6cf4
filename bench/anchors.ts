/**
 * The anchors: what a user would run anyway, measured in the same process and run as our figures, so that every
 * figure is a ratio against its anchor (issue: "faster than the anchors, measured beside them").
 *
 *  - synth: our constructs with validation, and with validation switched off, against their plain twin (the same
 *    documents as plain `ApiObject`s); cdk8s-plus-28 L2 constructs (Deployment + Secret + ConfigMap per unit)
 *    against their plain twin; the `cdk8s import` L1 classes against their plain twin.
 *  - schema layer: ours against ajv-compiled validators of the same CRD schemas, and `kubernetes-models`'
 *    `validate()` of a Deployment, in µs per object with GC pauses taken out.
 *
 * A "plain twin" is built from the documents the other side synthesized, so both sides emit byte-identical YAML
 * (checked), and the ratio is what the constructs add over writing the manifests by hand.
 */
import Ajv from 'ajv';
import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct, type IConstruct } from 'constructs';
import { mixedObjects } from './fixtures';
import { Best, fmtBytes, fmtMs, median, sample, scaled } from './measure';
import { constructsApp } from './synth';
import type { Row } from './validate';
import { ToolHiveValidation } from '../src/constructs';
import type { KubeObject } from '../src/core/types';
import { McpServerV1Beta1, McpServerV1Beta1SpecTransport } from '../src/imports/toolhive.stacklok.dev';
import { withDefaults } from '../src/schema/defaults';
import { rootSchema, splitApiVersion } from '../src/schema/registry';
import type { SchemaNode } from '../src/schema/types';
import { unknownFields, validateRoot, type WalkContext } from '../src/validation/structural';

const IMAGE = 'ghcr.io/stackloklabs/gofetch/server:1.0.1';

/** cdk8s-plus-28: per unit a Deployment whose container reads a Secret key and a ConfigMap key. */
export function kplusApp(n: number): App {
  const app = new App();
  const chart = new Chart(app, 'bench', { namespace: 'bench' });
  for (let i = 0; i < n; i++) {
    // A placeholder, not a secret: the benchmark never prints manifests.
    const secret = new kplus.Secret(chart, `token-${i}`, { stringData: { token: 'bench-placeholder' } });
    const config = new kplus.ConfigMap(chart, `config-${i}`, { data: { LOG_LEVEL: 'info' } });
    new kplus.Deployment(chart, `server-${i}`, {
      containers: [{
        image: IMAGE,
        portNumber: 8080,
        envVariables: {
          API_TOKEN: kplus.EnvValue.fromSecretValue({ secret, key: 'token' }),
          LOG_LEVEL: kplus.EnvValue.fromConfigMap(config, 'LOG_LEVEL'),
        },
        securityContext: { ensureNonRoot: false },
      }],
    });
  }
  return app;
}

/** The `cdk8s import` L1 classes: per unit an MCPServer and its Secret. */
function l1App(n: number): App {
  const app = new App();
  const chart = new Chart(app, 'bench', { namespace: 'bench' });
  for (let i = 0; i < n; i++) {
    new ApiObject(chart, `token-${i}`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: `token-${i}` }, stringData: { token: 'bench-placeholder' } });
    new McpServerV1Beta1(chart, `server-${i}`, {
      metadata: { name: `server-${i}` },
      spec: {
        image: IMAGE,
        transport: McpServerV1Beta1SpecTransport.STREAMABLE_HYPHEN_HTTP,
        secrets: [{ name: `token-${i}`, key: 'token', targetEnvName: 'API_TOKEN' }],
        resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
      },
    });
  }
  return app;
}

/** Our constructs with the synth-time validation switched off. */
export function unvalidatedApp(n: number): App {
  const app = constructsApp(n);
  ToolHiveValidation.of(app).configure({ enabled: false });
  return app;
}

/** The plain twin of an App: its synthesized documents as plain `ApiObject`s, in the same order. */
export function twinOf(docs: readonly Record<string, unknown>[]): () => App {
  return () => {
    const app = new App();
    const chart = new Chart(app, 'bench');
    docs.forEach((d, i) => new ApiObject(chart, `o${i}`, d as never));
    return app;
  };
}

export function parseDocs(app: App): Record<string, unknown>[] {
  return app.charts.flatMap(c => c.toJson() as Record<string, unknown>[]);
}

export interface Pair {
  readonly side: Best;
  readonly twin: Best;
  /** Wall time of the side over its twin's, per round: the two run back to back, so a slow spell hits both. */
  readonly ratios: number[];
  readonly cpuRatios: number[];
}

/**
 * `rounds` rounds of an App builder and its plain twin, interleaved; checks both emit the same YAML. The figure of a
 * pair is the median of its per-round ratios: on a shared machine the best of each side can come from different
 * moments, and the two best times of one size have been seen 25 % apart for the same documents. Each sample starts
 * after a forced full GC unless `collectFirst` is false (the `modes` suite measures both ways).
 */
export function pair(build: () => App, rounds: number, collectFirst = true): Pair {
  const twin = twinOf(parseDocs(build()));
  const a = build().synthYaml();
  const b = twin().synthYaml();
  if (a !== b) throw new Error('anchor bench: an App and its plain twin emit different YAML');
  const out: Pair = { side: new Best(), twin: new Best(), ratios: [], cpuRatios: [] };
  for (let r = 0; r < rounds; r++) {
    const s = sample(() => build().synthYaml(), { collectFirst }).sample;
    const t = sample(() => twin().synthYaml(), { collectFirst }).sample;
    out.side.add(s);
    out.twin.add(t);
    out.ratios.push(s.wall / t.wall);
    out.cpuRatios.push(s.cpu / t.cpu);
  }
  return out;
}

/**
 * The plain twin with our construct tree: every object inside a wrapper construct where ours has one, and the same
 * ordering edges between objects (ours orders a workload after what it references). No ToolHive code runs: the
 * ratio to the plain twin is what cdk8s itself spends on the shape of our constructs.
 */
function shapedTwinOf(app: App): () => App {
  const objects = app.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
  const docs = objects.map(o => o.toJson() as Record<string, unknown>);
  const index = new Map<IConstruct, number>();
  objects.forEach((o, i) => {
    index.set(o, i);
    const scope = o.node.scope;
    if (scope && !Chart.isChart(scope)) index.set(scope, i);
  });
  const wrapped = objects.map(o => o.node.scope !== undefined && !Chart.isChart(o.node.scope));
  const edges = objects.map((o, i) => {
    const from = [...o.node.dependencies, ...(wrapped[i] ? o.node.scope!.node.dependencies : [])];
    return [...new Set(from.map(d => index.get(d)).filter((j): j is number => j !== undefined && j !== i))];
  });
  return () => {
    const twin = new App();
    const chart = new Chart(twin, 'bench');
    const made = docs.map((d, i) => (wrapped[i] ? new ApiObject(new Construct(chart, `w${i}`), 'Resource', d as never) : new ApiObject(chart, `o${i}`, d as never)));
    edges.forEach((es, i) => es.forEach(j => made[i].node.addDependency(made[j])));
    return twin;
  };
}

/** Synth ratios at two sizes (units of one workload + its Secret): ours, ours unvalidated, cdk8s-plus, L1. */
export function benchSynthAnchors(): Row[] {
  const sizes: Array<[number, number]> = [[scaled(1_000), 15], [scaled(10_000), 5]];
  pair(() => constructsApp(50), 1); // warm-up: module loading, schema tables, JIT
  pair(() => kplusApp(50), 1);
  const rows: Row[] = [];
  const byN = new Map<number, Record<string, Pair>>();
  for (const [n, rounds] of sizes) {
    const label = n.toLocaleString('en-US');
    const m: Record<string, Pair> = {
      ours: pair(() => constructsApp(n), rounds),
      unvalidated: pair(() => unvalidatedApp(n), rounds),
      kplus: pair(() => kplusApp(n), rounds),
      l1: pair(() => l1App(n), rounds),
      shape: pair(shapedTwinOf(unvalidatedApp(n)), rounds),
    };
    byN.set(n, m);
    const ratio = (p: Pair) => median(p.ratios);
    const cpu = (p: Pair) => `median of ${rounds} paired rounds; cpu ${median(p.cpuRatios).toFixed(2)}x; best ${fmtMs(p.side.wall)} vs ${fmtMs(p.twin.wall)}`;
    rows.push({ name: `synth ${label}: ToolHive constructs with validation / plain twin`, value: ratio(m.ours), unit: 'x', note: `${cpu(m.ours)}; anchor cdk8s-plus ${ratio(m.kplus).toFixed(2)}x; goal <= 1.25` });
    rows.push({ name: `synth ${label}: cdk8s-plus-28 L2 (Deployment+Secret+ConfigMap) / plain twin`, value: ratio(m.kplus), unit: 'x', note: `anchor; ${cpu(m.kplus)}` });
    rows.push({ name: `synth ${label}: ToolHive constructs, validation off / plain twin`, value: ratio(m.unvalidated), unit: 'x', note: `${cpu(m.unvalidated)}; anchor L1 ${ratio(m.l1).toFixed(2)}x; goal <= 1.15` });
    rows.push({ name: `synth ${label}: cdk8s import L1 classes / plain twin`, value: ratio(m.l1), unit: 'x', note: `anchor; ${cpu(m.l1)}` });
    rows.push({ name: `synth ${label}: plain twin shaped like our constructs (wrappers, our ordering edges) / plain twin`, value: ratio(m.shape), unit: 'x', note: `what cdk8s itself spends on the shape of our construct tree; ${cpu(m.shape)}` });
    rows.push({ name: `synth ${label}: allocated per unit, constructs with validation / plain twin`, value: m.ours.side.allocated / n / 1024, unit: 'KiB', note: `plain twin ${fmtBytes(m.ours.twin.allocated / n)} per unit; cdk8s-plus ${fmtBytes(m.kplus.side.allocated / n)}` });
  }
  const a = byN.get(sizes[0][0])!;
  const b = byN.get(sizes[1][0])!;
  for (const k of ['ours', 'unvalidated', 'kplus', 'l1']) {
    rows.push({ name: `synth growth 10,000 / 1,000: ${k}`, value: b[k].side.wall / a[k].side.wall, unit: 'x', note: `plain twin ${(b[k].twin.wall / a[k].twin.wall).toFixed(1)}x; linear ≈ 10` });
  }
  return rows;
}

/** A copy of a schema without its CEL rules: the schema layer alone. */
function withoutRules(s: SchemaNode): SchemaNode {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'x-kubernetes-validations') continue;
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as Record<string, SchemaNode>).map(([p, c]) => [p, withoutRules(c)]));
    else if ((k === 'items' || k === 'additionalProperties') && typeof v === 'object') out[k] = withoutRules(v as SchemaNode);
    else if (k === 'anyOf' || k === 'allOf' || k === 'oneOf') out[k] = (v as SchemaNode[]).map(withoutRules);
    else out[k] = v;
  }
  return out as SchemaNode;
}

/** An ajv-compatible JSON Schema of a CRD schema (Kubernetes keywords dropped, `nullable` kept as ajv supports it). */
function ajvSchema(s: SchemaNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith('x-kubernetes-')) continue;
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as Record<string, SchemaNode>).map(([p, c]) => [p, ajvSchema(c)]));
    else if ((k === 'items' || k === 'additionalProperties') && typeof v === 'object') out[k] = ajvSchema(v as SchemaNode);
    else if (k === 'anyOf' || k === 'allOf' || k === 'oneOf') out[k] = (v as SchemaNode[]).map(ajvSchema);
    // JavaScript RegExp (ajv's default engine) has no POSIX classes: the one CRD pattern that uses one is rewritten
    else if (k === 'pattern') out[k] = (v as string).replace(/\[\[:space:\]\]/g, '\\s').replace(/\[:space:\]/g, '\\s');
    else out[k] = v;
  }
  if (s.type === 'object' && s.properties && !s['x-kubernetes-preserve-unknown-fields'] && s.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** µs per object with GC pauses excluded, best of `rounds`. */
/**
 * Best per-object µs over `rounds` samples with GC pauses taken out. Each sample checks at least 10,000 objects
 * (the 1,000 set several times), without a forced GC before it: a region of a few milliseconds after a forced GC
 * measures V8 getting back to speed more than the check.
 */
function perObject(objects: readonly unknown[], check: (o: unknown) => void, rounds: number): { us: number; allocated: number } {
  const best = new Best();
  const passes = Math.max(1, Math.ceil(10_000 / objects.length));
  for (let r = 0; r < rounds; r++) {
    best.add(sample(() => {
      for (let p = 0; p < passes; p++) for (const o of objects) check(o);
    }, { collectFirst: false }).sample);
  }
  return { us: (best.noGc * 1e3) / (objects.length * passes), allocated: best.allocated / (objects.length * passes) };
}

/** A Deployment like the one cdk8s-plus emits per unit (for the kubernetes-models anchor). */
function deployment(i: number): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `server-${i}`, namespace: 'bench' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: `server-${i}` } },
      template: {
        metadata: { labels: { app: `server-${i}` } },
        spec: {
          containers: [{
            name: 'main',
            image: IMAGE,
            ports: [{ containerPort: 8080 }],
            env: [{ name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: `token-${i}`, key: 'token' } } }],
            resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
          }],
        },
      },
    },
  };
}

/** The schema layer per object, against ajv and kubernetes-models, at 1,000 and 10,000 objects. */
export function benchSchemaAnchors(): Row[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Deployment } = require('kubernetes-models/apps/v1') as { Deployment: new (o: unknown) => { validate(): void } };
  const rows: Row[] = [];
  const results = new Map<number, { ours: number; ajv: number; km: number }>();
  for (const n of [scaled(1_000), scaled(10_000)]) {
    const objects = mixedObjects(n).filter(o => splitApiVersion(o.apiVersion ?? '').group === 'toolhive.stacklok.dev');
    const ours = new Map<string, SchemaNode>();
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const compiled = new Map<string, (o: unknown) => boolean>();
    for (const o of objects) {
      const kind = o.kind!;
      if (ours.has(kind)) continue;
      const { version } = splitApiVersion(o.apiVersion!);
      const schema = rootSchema(kind, version)!;
      ours.set(kind, withoutRules(schema));
      compiled.set(kind, ajv.compile(ajvSchema(schema)));
    }
    // Ours: what admission.ts runs for the schema, minus metadata and CEL (the copy has no rules): defaulting,
    // then the compiled schema nodes (compiled at the warm-up's first object of each kind, as in use).
    const oursCheck = (o: unknown) => {
      const obj = o as KubeObject;
      const schema = ours.get(obj.kind!)!;
      const defaulted = withDefaults(schema, obj as never, true) as Record<string, unknown>;
      const ctx: WalkContext = { kind: obj.kind!, issues: [] };
      validateRoot(schema, defaulted, ctx, true);
      if (ctx.issues.length > 0) throw new Error(`schema anchor: a fixture is invalid: ${ctx.issues[0].message}`);
    };
    // The same plus strict decoding's unknown fields, which ajv checks too (additionalProperties: false).
    const oursStrictCheck = (o: unknown) => {
      const obj = o as KubeObject;
      const unknown = unknownFields(ours.get(obj.kind!)!, obj);
      if (unknown.length > 0) throw new Error(`schema anchor: a fixture is invalid: ${unknown[0].message}`);
      oursCheck(o);
    };
    const ajvCheck = (o: unknown) => {
      const f = compiled.get((o as KubeObject).kind!)! as ((o: unknown) => boolean) & { errors?: unknown };
      if (!f(o)) throw new Error(`ajv anchor: a fixture is invalid: ${JSON.stringify(f.errors).slice(0, 300)}`);
    };
    const deployments = Array.from({ length: objects.length }, (_, i) => deployment(i));
    const kmCheck = (o: unknown) => new Deployment(o).validate();
    // Warm-up to steady state, the same for every contender: three passes over 10,000 objects (V8 optimizes our
    // walker and defaulting later than ajv's small generated functions; measured cold, 10,000 looked slower per
    // object than 1,000)
    for (let w = 0; w < 3; w++) {
      for (let i = 0; i < 10_000; i++) {
        oursStrictCheck(objects[i % objects.length]);
        ajvCheck(objects[i % objects.length]);
        kmCheck(deployments[i % deployments.length]);
      }
    }
    const rounds = n >= scaled(10_000) ? 3 : 5;
    const o = perObject(objects, oursCheck, rounds);
    const os = perObject(objects, oursStrictCheck, rounds);
    const a = perObject(objects, ajvCheck, rounds);
    const k = perObject(deployments, kmCheck, rounds);
    results.set(n, { ours: o.us * n, ajv: a.us * n, km: k.us * n });
    const label = n.toLocaleString('en-US');
    rows.push({ name: `schema layer per object, ${label} ToolHive objects (no GC)`, value: o.us, unit: 'µs', note: `${(o.us / a.us).toFixed(2)}x ajv; anchors: ajv ${a.us.toFixed(2)} µs, kubernetes-models ${k.us.toFixed(2)} µs; goal <= 3; allocated ${fmtBytes(o.allocated)}/object` });
    rows.push({ name: `  schema layer with unknown fields (strict decoding), ${label} (no GC)`, value: os.us, unit: 'µs', note: `ajv checks them too; ${(os.us / a.us).toFixed(2)}x ajv` });
    rows.push({ name: `  ajv compiled validators, ${label} (no GC)`, value: a.us, unit: 'µs', note: 'anchor' });
    rows.push({ name: `  kubernetes-models Deployment.validate(), ${label} (no GC)`, value: k.us, unit: 'µs', note: 'anchor' });
  }
  const a = results.get(scaled(1_000))!;
  const b = results.get(scaled(10_000))!;
  rows.push({ name: 'schema layer growth 10,000 / 1,000', value: b.ours / a.ours, unit: 'x', note: `ajv ${(b.ajv / a.ajv).toFixed(1)}x; linear ≈ 10` });
  return rows;
}
