import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, DependencyGraph, Testing, YamlOutputType } from 'cdk8s';
import { Construct, type IConstruct } from 'constructs';
import { McpGroup, McpOidcConfig, McpServer, SecretKey, ToolHiveValidation, VirtualMcpServer } from '../../src';

/**
 * The order of the manifests: every ToolHive object of the App that an object references is written before it,
 * whatever the construct tree and whatever other edges the App has when it is validated. A reference across charts adds a cdk8s ordering
 * edge when it is made; a reference in one chart is settled at synth (src/constructs/validation.ts, `settleOrder`):
 * no edge when no construct of the App has a dependency, no chart is nested and cdk8s's own order already writes
 * the target first; otherwise every such reference gets its edge. cdk8s writes a chart depth-first from the objects
 * nothing depends on, so one edge anywhere can reorder the rest (the cases below, found by review of a version that
 * skipped edges when the App was built instead of at synth).
 */
const IMAGE = 'ghcr.io/stackloklabs/osv-mcp/server:0.1.0';

function order(chart: Chart): string[] {
  return Testing.synth(chart).map(m => `${m.kind}/${m.metadata.name}`);
}

function chartOf(app: App = Testing.app(), id = 'test'): Chart {
  const chart = new Chart(app, id);
  ToolHiveValidation.of(chart).configure({ printWarnings: false });
  return chart;
}

/** The paths of what a construct depends on (construct objects are too large for a failure message). */
const deps = (c: IConstruct) => c.node.dependencies.map(d => d.node.path);

const before = (out: string[], a: string, b: string) => expect(out.indexOf(a)).toBeLessThan(out.indexOf(b));

describe('manifest order', () => {
  test('a reference in one chart that cdk8s already writes in order adds no edge', () => {
    const chart = chartOf();
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    const server = new McpServer(chart, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    expect(order(chart)).toEqual(['MCPGroup/g', 'MCPServer/s']);
    expect(deps(server.apiObject)).toEqual([]);
  });

  test('a target written after its referrer by cdk8s: the reference becomes an edge between the two L1 objects at synth', () => {
    const chart = chartOf();
    const servers = new Construct(chart, 'servers');
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    const server = new McpServer(servers, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    expect(deps(server.apiObject)).toEqual([]);
    expect(order(chart)).toEqual(['MCPGroup/g', 'MCPServer/s']);
    expect(deps(server.apiObject)).toEqual([group.apiObject.node.path]);
  });

  test('one edge needed: every pending reference of the App gets its edge', () => {
    const chart = chartOf();
    const servers = new Construct(chart, 'servers');
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    const late = new McpServer(servers, 'late', { metadata: { name: 'late' }, image: IMAGE, group });
    const inOrder = new McpServer(chart, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    expect(order(chart)).toEqual(['MCPGroup/g', 'MCPServer/late', 'MCPServer/s']);
    expect(deps(late.apiObject)).toEqual([group.apiObject.node.path]);
    expect(deps(inOrder.apiObject)).toEqual([group.apiObject.node.path]);
  });

  test('validation switched off: the order is settled all the same', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'test');
    ToolHiveValidation.of(app).configure({ enabled: false });
    const servers = new Construct(chart, 'servers');
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    new McpServer(servers, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    const kinds = app.synthYaml().split('\n').filter(l => l.startsWith('kind: '));
    expect(kinds).toEqual(['kind: MCPGroup', 'kind: MCPServer']);
  });

  test('app.synth() writes the same order as synthYaml(), with and without an edge', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-'));
    try {
      const app = new App({ outdir });
      const chart = chartOf(app, 'platform');
      const later = new Construct(chart, 'later');
      const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
      new McpServer(chart, 'first', { metadata: { name: 'first' }, image: IMAGE, group });
      app.synth();
      const kindsIn = () => fs.readFileSync(path.join(outdir, 'platform.k8s.yaml'), 'utf8').split('\n').filter(l => l.startsWith('kind: '));
      expect(kindsIn()).toEqual(['kind: MCPGroup', 'kind: MCPServer']);
      // a second synth of the same App after a referrer is added in a scope the tree writes before the group
      const early = new McpServer(later, 'early', { metadata: { name: 'early' }, image: IMAGE, group });
      app.synth();
      const names = fs.readFileSync(path.join(outdir, 'platform.k8s.yaml'), 'utf8').split('\n').filter(l => l.startsWith('  name: ')).map(l => l.trim());
      expect(names.indexOf('name: g')).toBeLessThan(names.indexOf('name: early'));
      expect(deps(early.apiObject)).toEqual([group.apiObject.node.path]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('a user edge added after a synth that needed none: the next synth adds every edge', () => {
    const chart = chartOf();
    const client = new ApiObject(chart, 'client', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'client' } });
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    const server = new McpServer(chart, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    expect(order(chart)).toEqual(['ConfigMap/client', 'MCPGroup/g', 'MCPServer/s']);
    expect(deps(server.apiObject)).toEqual([]);
    client.node.addDependency(server);
    expect(order(chart)).toEqual(['MCPGroup/g', 'MCPServer/s', 'ConfigMap/client']);
  });

  test('a nested chart anywhere in the App: every reference gets its edge', () => {
    const app = Testing.app();
    const chart = chartOf(app);
    new Chart(chart, 'nested');
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    const server = new McpServer(chart, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    app.synthYaml();
    expect(deps(server.apiObject)).toEqual([group.apiObject.node.path]);
  });

  test('a dependency a Chart subclass adds in toJson() during synthYaml() is seen by the next pass', () => {
    class HookedChart extends Chart {
      public hook?: () => void;
      public toJson(): any[] {
        this.hook?.();
        return super.toJson();
      }
    }
    const app = Testing.app();
    const chart = new HookedChart(app, 'test');
    ToolHiveValidation.of(chart).configure({ printWarnings: false });
    const client = new ApiObject(chart, 'client', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'client' } });
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    const server = new McpServer(chart, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    chart.hook = () => client.node.addDependency(server);
    const names = app.synthYaml().split('\n').filter(l => l.startsWith('  name: ')).map(l => l.trim());
    expect(names).toEqual(['name: g', 'name: s', 'name: client']);
  });

  test('a dependency a validation adds during the first pass of app.synth() is seen by the chart\'s pass', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-'));
    try {
      const app = new App({ outdir, yamlOutputType: YamlOutputType.FILE_PER_APP });
      const chart = chartOf(app);
      const client = new ApiObject(chart, 'client', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'client' } });
      const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
      const server = new McpServer(chart, 'server', { metadata: { name: 's' }, image: IMAGE, group });
      client.node.addValidation({
        validate: () => {
          if (client.node.dependencies.length === 0) client.node.addDependency(server);
          return [];
        },
      });
      app.synth();
      const names = fs.readFileSync(path.join(outdir, 'app.k8s.yaml'), 'utf8').split('\n').filter(l => l.startsWith('  name: ')).map(l => l.trim());
      expect(names).toEqual(['name: g', 'name: s', 'name: client']);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('two charts, each with its own references, no edge across them', () => {
    const app = Testing.app();
    const a = chartOf(app, 'a');
    const b = new Chart(app, 'b');
    const servers = new Construct(a, 'servers');
    const ga = new McpGroup(a, 'group', { metadata: { name: 'ga' } });
    const gb = new McpGroup(b, 'group', { metadata: { name: 'gb' } });
    new McpServer(servers, 'server', { metadata: { name: 'sa' }, image: IMAGE, group: ga });
    const sb = new McpServer(b, 'server', { metadata: { name: 'sb' }, image: IMAGE, group: gb });
    const kinds = app.synthYaml().split('\n').filter(l => l.startsWith('  name: ')).map(l => l.trim());
    expect(kinds).toEqual(['name: ga', 'name: sa', 'name: gb', 'name: sb']);
    expect(deps(sb.apiObject)).toEqual([gb.apiObject.node.path]); // chart a needed an edge: every reference got one
  });

  test('cdk8s, with no dependency in the App, writes a chart\'s objects in the order of the construct tree', () => {
    // what settleOrder relies on (src/constructs/validation.ts): pinned on the cdk8s this library is built with
    const app = Testing.app();
    const chart = new Chart(app, '7');
    const make = (scope: Construct, id: string) => new ApiObject(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${id}` } });
    const outer = new Construct(chart, 'outer');
    make(outer, 'b');
    make(chart, '2');
    make(new Construct(outer, '10'), 'a');
    make(chart, '1');
    const inner = new Construct(chart, 'inner');
    make(inner, 'c');
    make(outer, '0');
    const tree = chart.node.findAll().filter(ApiObject.isApiObject).map(o => `ConfigMap/${o.name}`);
    // the tree's order lists integer-like ids first, in numeric order (constructs keeps children in an object)
    expect(tree).toEqual(['ConfigMap/cm-1', 'ConfigMap/cm-2', 'ConfigMap/cm-0', 'ConfigMap/cm-a', 'ConfigMap/cm-b', 'ConfigMap/cm-c']);
    expect(order(chart)).toEqual(tree);
    expect(new DependencyGraph(chart.node).topology().filter(ApiObject.isApiObject)).toEqual(chart.node.findAll().filter(ApiObject.isApiObject));
  });

  test('a shared target, with one referrer under a sub-construct', () => {
    const chart = chartOf();
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    new McpServer(chart, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    new McpServer(new Construct(chart, 'more'), 'server', { metadata: { name: 's2' }, image: IMAGE, group });
    const out = order(chart);
    before(out, 'MCPGroup/g', 'MCPServer/s');
    before(out, 'MCPGroup/g', 'MCPServer/s2');
  });

  test('the gateway layout: group and VirtualMCPServer at the top, backends in a helper construct', () => {
    const app = Testing.app();
    const chart = chartOf(app);
    const group = new McpGroup(chart, 'group', { metadata: { name: 'platform' } });
    new VirtualMcpServer(chart, 'gateway', { metadata: { name: 'gateway' }, group, incomingAuth: {} });
    new McpServer(new Construct(chart, 'backends'), 'fetch', { metadata: { name: 'fetch' }, image: IMAGE, group });
    const out = order(chart);
    before(out, 'MCPGroup/platform', 'VirtualMCPServer/gateway');
    before(out, 'MCPGroup/platform', 'MCPServer/fetch');
    const names = app.synthYaml().split('\n').filter(l => l.startsWith('  name: ')).map(l => l.trim());
    expect(names.indexOf('name: platform')).toBe(0);
  });

  test('a target declared after its referrer\'s scope, and ids JavaScript lists first', () => {
    const chart = chartOf();
    const servers = new Construct(chart, 'servers');
    const configs = new Construct(chart, 'configs');
    const group = new McpGroup(configs, 'group', { metadata: { name: 'g' } });
    new McpServer(servers, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    new McpServer(chart, '1000000000', { metadata: { name: 'n' }, image: IMAGE, group });
    new McpServer(chart, '3', { metadata: { name: 'three' }, image: IMAGE, group });
    const out = order(chart);
    for (const s of ['MCPServer/s', 'MCPServer/n', 'MCPServer/three']) before(out, 'MCPGroup/g', s);
  });

  test('a user ordering edge onto the referrer, from an object declared before the target', () => {
    const chart = chartOf();
    const client = new ApiObject(chart, 'client', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'client' } });
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    const server = new McpServer(chart, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    client.node.addDependency(server);
    expect(order(chart)).toEqual(['MCPGroup/g', 'MCPServer/s', 'ConfigMap/client']);
  });

  test('a target in another chart orders the charts', () => {
    const app = Testing.app();
    const servers = chartOf(app);
    const configs = new Chart(app, 'configs');
    const oidc = McpOidcConfig.kubernetesServiceAccount(configs, 'oidc', { metadata: { name: 'k8s' } });
    const server = new McpServer(servers, 'server', { metadata: { name: 's' }, image: IMAGE, oidcConfig: { config: oidc, audience: 's' } });
    expect(deps(server.apiObject)).toEqual([oidc.apiObject.node.path]); // made with the reference, before synth
    const kinds = app.synthYaml().split('\n').filter(l => l.startsWith('kind: '));
    expect(kinds).toEqual(['kind: MCPOIDCConfig', 'kind: MCPServer']);
    expect(app.charts.map(c => c.node.id)).toEqual(['configs', 'test']);
  });

  test('a Secret named by a SecretKey adds no edge: it stays where it is declared', () => {
    const chart = chartOf();
    const servers = new Construct(chart, 'servers');
    const secrets = new Construct(chart, 'secrets');
    const token = new ApiObject(secrets, 'token', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' }, stringData: { key: 'placeholder' } });
    const server = new McpServer(servers, 'server', {
      metadata: { name: 's' },
      image: IMAGE,
      secrets: [{ secretKey: SecretKey.fromSecret(token, 'key'), targetEnvName: 'TOKEN' }],
    });
    // the tree lists the server first; an edge to the Secret would write the Secret first
    expect(order(chart)).toEqual(['MCPServer/s', 'Secret/token']);
    expect(deps(server.apiObject)).toEqual([]);
  });

  test('a chart nested directly in a chart cannot reference its parent\'s objects: cdk8s reports a cycle', () => {
    // cdk8s orders a parent chart after its child charts, and the reference orders the child after the parent
    const app = Testing.app();
    const chart = chartOf(app);
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    new McpServer(new Chart(chart, 'nested'), 'server', { metadata: { name: 's' }, image: IMAGE, group });
    expect(() => app.synthYaml()).toThrow(/Dependency cycle detected/);
  });
});
