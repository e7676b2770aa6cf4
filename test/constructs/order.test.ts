import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { McpGroup, McpOidcConfig, McpServer, SecretKey, ToolHiveValidation, VirtualMcpServer } from '../../src';

/**
 * The order of the manifests: every ToolHive object of the App that an object references is written before it,
 * whatever the construct tree and whatever other edges the App has. Each reference adds a cdk8s ordering edge
 * (src/constructs/base.ts, `orderAfter`): cdk8s writes a chart depth-first from the objects nothing depends on, so
 * skipping an edge where the tree order looks right is not safe once any other edge touches either object (the
 * cases below, found by review of a version that skipped them).
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

const before = (out: string[], a: string, b: string) => expect(out.indexOf(a)).toBeLessThan(out.indexOf(b));

describe('manifest order', () => {
  test('each reference to a ToolHive object of the App is an edge between the two L1 objects', () => {
    const chart = chartOf();
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    const server = new McpServer(chart, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    expect(server.apiObject.node.dependencies).toEqual([group.apiObject]);
    expect(order(chart)).toEqual(['MCPGroup/g', 'MCPServer/s']);
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
    new McpServer(servers, 'server', { metadata: { name: 's' }, image: IMAGE, oidcConfig: { config: oidc, audience: 's' } });
    const kinds = app.synthYaml().split('\n').filter(l => l.startsWith('kind: '));
    expect(kinds).toEqual(['kind: MCPOIDCConfig', 'kind: MCPServer']);
    expect(app.charts.map(c => c.node.id)).toEqual(['configs', 'test']);
  });

  test('a Secret named by a SecretKey adds no edge: it stays where it is declared', () => {
    const chart = chartOf();
    const server = new McpServer(chart, 'server', {
      metadata: { name: 's' },
      image: IMAGE,
      secrets: [{ secretKey: SecretKey.external('token', 'key'), targetEnvName: 'TOKEN' }],
    });
    expect(server.apiObject.node.dependencies).toEqual([]);
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
