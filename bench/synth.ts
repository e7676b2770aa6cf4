/**
 * Benchmark of cdk8s synth through the ToolHive constructs (issue 3): N MCPServers sharing a group, an OIDC
 * config and a Cedar authz config, each with its own Secret, synthesized with our constructs (which validate
 * the whole App once per synth) against the same manifests written as plain cdk8s `ApiObject`s (no
 * validation). Both sides build the tree and call `app.synthYaml()`, in-process, measured the same way.
 *
 * The Secrets are plain `ApiObject`s on both sides, so the difference is the ToolHive constructs and their
 * synth-time validation, not cdk8s-plus. Each figure is the best of several runs, in wall time and in CPU time
 * (user + system of this process): on a shared machine the CPU time is the steadier of the two.
 */
import * as v8 from 'v8';
import * as vm from 'vm';
import { ApiObject, App, Chart, type ApiObjectProps } from 'cdk8s';
import type { Row } from './validate';
import { McpAuthzConfig, McpGroup, McpOidcConfig, McpServer, SecretKey, ToolHiveValidation } from '../src/constructs';
import type { KubeObject } from '../src/core/types';
import { validateManifests } from '../src/validation';

const NAMESPACE = 'bench';
const API = 'toolhive.stacklok.dev/v1beta1';
const POLICIES = ['permit(principal, action == Action::"call_tool", resource) when { principal.claim_groups.contains("engineering") };'];
const RESOURCES = { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } };

function secretManifest(name: string, key: string): ApiObjectProps {
  // A placeholder, not a secret: the benchmark never prints manifests.
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: 'Opaque', stringData: { [key]: 'bench-placeholder' } };
}

/** The App through the ToolHive constructs. */
export function constructsApp(n: number): App {
  const app = new App();
  const chart = new Chart(app, 'bench', { namespace: NAMESPACE });
  ToolHiveValidation.of(app).configure({ printWarnings: false });
  const group = new McpGroup(chart, 'group', { metadata: { name: 'engineering' } });
  const oidcSecret = new ApiObject(chart, 'oidc-client', secretManifest('oidc-client', 'client-secret'));
  const oidc = McpOidcConfig.inline(chart, 'oidc', {
    metadata: { name: 'platform-oidc' },
    issuer: 'https://auth.example.com',
    clientId: 'toolhive',
    clientSecretRef: SecretKey.fromSecret(oidcSecret, 'client-secret'),
  });
  const authz = McpAuthzConfig.cedar(chart, 'authz', { metadata: { name: 'engineering-cedar' }, policies: POLICIES });
  for (let i = 0; i < n; i++) {
    const secret = new ApiObject(chart, `token-${i}`, secretManifest(`token-${i}`, 'token'));
    new McpServer(chart, `server-${i}`, {
      metadata: { name: `server-${i}` },
      image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1',
      transport: 'streamable-http',
      group,
      secrets: [{ secretKey: SecretKey.fromSecret(secret, 'token'), targetEnvName: 'API_TOKEN' }],
      oidcConfig: { config: oidc, audience: `server-${i}` },
      authz,
      resources: RESOURCES,
    });
  }
  return app;
}

/** The same manifests as plain `ApiObject`s. */
export function plainApp(n: number): App {
  const app = new App();
  const chart = new Chart(app, 'bench', { namespace: NAMESPACE });
  new ApiObject(chart, 'group', { apiVersion: API, kind: 'MCPGroup', metadata: { name: 'engineering' }, spec: {} });
  new ApiObject(chart, 'oidc-client', secretManifest('oidc-client', 'client-secret'));
  new ApiObject(chart, 'oidc', {
    apiVersion: API,
    kind: 'MCPOIDCConfig',
    metadata: { name: 'platform-oidc' },
    spec: { type: 'inline', inline: { issuer: 'https://auth.example.com', clientId: 'toolhive', clientSecretRef: { name: 'oidc-client', key: 'client-secret' } } },
  });
  new ApiObject(chart, 'authz', { apiVersion: API, kind: 'MCPAuthzConfig', metadata: { name: 'engineering-cedar' }, spec: { type: 'cedarv1', config: { policies: POLICIES } } });
  for (let i = 0; i < n; i++) {
    new ApiObject(chart, `token-${i}`, secretManifest(`token-${i}`, 'token'));
    new ApiObject(chart, `server-${i}`, {
      apiVersion: API,
      kind: 'MCPServer',
      metadata: { name: `server-${i}` },
      spec: {
        image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1',
        transport: 'streamable-http',
        groupRef: { name: 'engineering' },
        secrets: [{ name: `token-${i}`, key: 'token', targetEnvName: 'API_TOKEN' }],
        oidcConfigRef: { name: 'platform-oidc', audience: `server-${i}` },
        authzConfigRef: { name: 'engineering-cedar' },
        resources: RESOURCES,
      },
    });
  }
  return app;
}

/**
 * A full garbage collection before each timed region, so that neither side pays for the garbage of the
 * previous measurement (at 10,000 servers a synth leaves hundreds of MB behind).
 */
const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/** Wall and CPU (user + system, this process) milliseconds of one run of `f`. */
interface Time { readonly wall: number; readonly cpu: number }

function timed<T>(f: () => T): { time: Time; value: T } {
  collectGarbage();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = f();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { time: { wall, cpu: (cpu.user + cpu.system) / 1e3 }, value };
}

/** The YAML documents, sorted: both sides must emit the same set (cdk8s orders them by dependencies). */
function documents(yaml: string): string[] {
  return yaml.split(/^---\n/m).map(d => d.trim()).filter(d => d !== '').sort();
}

/** Best (lowest) wall and CPU time of several runs; each minimum is taken separately. */
class Best {
  public wall = Infinity;
  public cpu = Infinity;
  public add(t: Time): void {
    this.wall = Math.min(this.wall, t.wall);
    this.cpu = Math.min(this.cpu, t.cpu);
  }
}

interface Measure { readonly constructs: Best; readonly plain: Best; readonly engine: Best; readonly collect: Best }

/** Best of `rounds` for each side, interleaved so that both see the same machine state. */
function measure(n: number, rounds: number): Measure {
  const m: Measure = { constructs: new Best(), plain: new Best(), engine: new Best(), collect: new Best() };
  for (let r = 0; r < rounds; r++) {
    const c = timed(() => constructsApp(n).synthYaml());
    const p = timed(() => plainApp(n).synthYaml());
    if (r === 0) {
      const a = documents(c.value);
      const b = documents(p.value);
      if (a.length !== 2 * n + 4 || a.join('\n---\n') !== b.join('\n---\n')) {
        throw new Error(`synth bench: the two sides emit different manifests at N=${n}`);
      }
    }
    m.constructs.add(c.time);
    m.plain.add(p.time);
    // Where the constructs' extra time goes: collecting every object's JSON (what each validation pass does
    // before the engine runs or its cached result is reused), and the engine itself.
    const app = constructsApp(n);
    const manifests = timed(() => app.node.findAll().filter(ApiObject.isApiObject).map(o => o.toJson() as KubeObject));
    m.collect.add(manifests.time);
    const violations = timed(() => validateManifests(manifests.value));
    m.engine.add(violations.time);
    const errors = violations.value.filter(v => v.severity === 'error');
    if (errors.length > 0) throw new Error(`synth bench: the generated App is invalid: ${errors[0].message}`);
  }
  return m;
}

const fmt = (ms: number) => `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;

export function benchSynth(): Row[] {
  measure(100, 2); // warm-up: module loading, schema compilation, JIT
  const sizes: Array<[number, number]> = [[100, 7], [1_000, 5], [10_000, 3]];
  const rows: Row[] = [];
  const results = new Map<number, Measure>();
  for (const [n, rounds] of sizes) {
    const m = measure(n, rounds);
    results.set(n, m);
    const label = n.toLocaleString('en-US');
    const target = n >= 1_000 ? 'target <= 1.3' : 'no target at this size';
    rows.push({ name: `synth ${label} MCPServers, ToolHive constructs (best of ${rounds})`, value: m.constructs.wall, unit: 'ms', note: `cpu ${fmt(m.constructs.cpu)}` });
    rows.push({ name: `synth ${label} MCPServers, plain ApiObjects (best of ${rounds})`, value: m.plain.wall, unit: 'ms', note: `cpu ${fmt(m.plain.cpu)}` });
    rows.push({ name: `  validation engine alone, ${label}`, value: m.engine.wall, unit: 'ms', note: `cpu ${fmt(m.engine.cpu)}; validateManifests on the same manifests` });
    rows.push({ name: `  toJson of every object, ${label}`, value: m.collect.wall, unit: 'ms', note: `cpu ${fmt(m.collect.cpu)}; computed once per synth, by the validation, and then written as it is` });
    rows.push({ name: `ratio constructs / plain, ${label}, wall time`, value: m.constructs.wall / m.plain.wall, unit: 'x', note: target });
    rows.push({ name: `ratio constructs / plain, ${label}, cpu time`, value: m.constructs.cpu / m.plain.cpu, unit: 'x', note: target });
  }
  const k1 = results.get(1_000)!;
  const k10 = results.get(10_000)!;
  rows.push({ name: 'growth 10,000 / 1,000, ToolHive constructs, wall time', value: k10.constructs.wall / k1.constructs.wall, unit: 'x', note: 'linear ≈ 10' });
  rows.push({ name: 'growth 10,000 / 1,000, plain ApiObjects, wall time', value: k10.plain.wall / k1.plain.wall, unit: 'x', note: 'linear ≈ 10' });
  rows.push({ name: 'growth 10,000 / 1,000, ToolHive constructs, cpu time', value: k10.constructs.cpu / k1.constructs.cpu, unit: 'x', note: 'linear ≈ 10' });
  rows.push({ name: 'growth 10,000 / 1,000, plain ApiObjects, cpu time', value: k10.plain.cpu / k1.plain.cpu, unit: 'x', note: 'linear ≈ 10' });
  return rows;
}
