/**
 * Benchmark of cdk8s synth through the ToolHive constructs (issue 3): N MCPServers sharing a group, an OIDC
 * config and a Cedar authz config, each with its own Secret, synthesized with our constructs (which validate
 * the whole App once per synth) against the same manifests written as plain cdk8s `ApiObject`s (no
 * validation). Both sides build the tree and call `app.synthYaml()`, in-process, measured the same way.
 *
 * The Secrets are plain `ApiObject`s on both sides, so the difference is the ToolHive constructs and their
 * synth-time validation, not cdk8s-plus.
 */
import * as v8 from 'v8';
import * as vm from 'vm';
import { ApiObject, App, Chart, type ApiObjectProps } from 'cdk8s';
import type { Row } from './validate';
import { McpAuthzConfig, McpGroup, McpOidcConfig, McpServer, SecretKey, ToolHiveValidation } from '../src/constructs';
import { validateManifests } from '../src/validation';
import type { KubeObject } from '../src/validation/types';

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

/** Milliseconds to build the App and synthesize it to YAML; returns the YAML too. */
function timeSynth(build: (n: number) => App, n: number): { ms: number; yaml: string } {
  collectGarbage();
  const t = process.hrtime.bigint();
  const yaml = build(n).synthYaml();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, yaml };
}

/** The YAML documents, sorted: both sides must emit the same set (cdk8s orders them by dependencies). */
function documents(yaml: string): string[] {
  return yaml.split(/^---\n/m).map(d => d.trim()).filter(d => d !== '').sort();
}

interface Measure { constructs: number; plain: number; engine: number; collect: number }

/** Best of `rounds` for each side, interleaved so that both see the same machine state. */
function measure(n: number, rounds: number): Measure {
  let constructs = Infinity;
  let plain = Infinity;
  let engine = Infinity;
  let collect = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c = timeSynth(constructsApp, n);
    const p = timeSynth(plainApp, n);
    if (r === 0) {
      const a = documents(c.yaml);
      const b = documents(p.yaml);
      if (a.length !== 2 * n + 4 || a.join('\n---\n') !== b.join('\n---\n')) {
        throw new Error(`synth bench: the two sides emit different manifests at N=${n}`);
      }
    }
    constructs = Math.min(constructs, c.ms);
    plain = Math.min(plain, p.ms);
    // Where the constructs' extra time goes: collecting every object's JSON (what each validation pass does
    // before the engine runs or its cached result is reused), and the engine itself.
    const app = constructsApp(n);
    collectGarbage();
    let t = process.hrtime.bigint();
    const manifests = app.node.findAll().filter(ApiObject.isApiObject).map(o => o.toJson() as KubeObject);
    collect = Math.min(collect, Number(process.hrtime.bigint() - t) / 1e6);
    collectGarbage();
    t = process.hrtime.bigint();
    const violations = validateManifests(manifests);
    engine = Math.min(engine, Number(process.hrtime.bigint() - t) / 1e6);
    if (violations.some(v => v.severity === 'error')) throw new Error(`synth bench: the generated App is invalid: ${violations[0].message}`);
  }
  return { constructs, plain, engine, collect };
}

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
    rows.push({ name: `synth ${label} MCPServers, ToolHive constructs (best of ${rounds})`, value: m.constructs, unit: 'ms' });
    rows.push({ name: `synth ${label} MCPServers, plain ApiObjects (best of ${rounds})`, value: m.plain, unit: 'ms' });
    rows.push({ name: `  validation engine alone, ${label}`, value: m.engine, unit: 'ms', note: 'validateManifests on the same manifests' });
    rows.push({ name: `  toJson of every object, ${label}`, value: m.collect, unit: 'ms', note: 'paid by each validation pass: 1 per synthYaml + 1 per Chart' });
    rows.push({ name: `ratio constructs / plain, ${label}`, value: m.constructs / m.plain, unit: 'x', note: target });
  }
  const k1 = results.get(1_000)!;
  const k10 = results.get(10_000)!;
  rows.push({ name: 'growth 10,000 / 1,000, ToolHive constructs', value: k10.constructs / k1.constructs, unit: 'x', note: 'linear ≈ 10' });
  rows.push({ name: 'growth 10,000 / 1,000, plain ApiObjects', value: k10.plain / k1.plain, unit: 'x', note: 'linear ≈ 10' });
  return rows;
}
