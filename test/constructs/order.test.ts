import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { McpGroup, McpOidcConfig, McpServer, McpToolConfig, SecretKey, ToolHiveValidation } from '../../src';

/**
 * The order of the manifests: the construct tree's (declaration order), except that an object is always written
 * after every ToolHive object of the App it references, with an ordering edge only where the tree order could
 * put the target later (src/constructs/base.ts, `orderAfter`).
 */
const IMAGE = 'ghcr.io/stackloklabs/osv-mcp/server:0.1.0';

function order(chart: Chart): string[] {
  return Testing.synth(chart).map(m => `${m.kind}/${m.metadata.name}`);
}

function chartOf(app: App = Testing.app()): Chart {
  const chart = new Chart(app, 'test');
  ToolHiveValidation.of(chart).configure({ printWarnings: false });
  return chart;
}

describe('manifest order', () => {
  test('targets declared first under the same scope: declaration order, with no edge', () => {
    const chart = chartOf();
    const group = new McpGroup(chart, 'group', { metadata: { name: 'g' } });
    const tools = new McpToolConfig(chart, 'tools', { metadata: { name: 't' }, toolsFilter: ['a'] });
    const other = new McpGroup(chart, 'other', { metadata: { name: 'other' } });
    const server = new McpServer(chart, 'server', { metadata: { name: 's' }, image: IMAGE, group, toolConfig: tools });
    expect(order(chart)).toEqual(['MCPGroup/g', 'MCPToolConfig/t', 'MCPGroup/other', 'MCPServer/s']);
    expect(server.apiObject.node.dependencies).toEqual([]);
    expect(server.node.dependencies).toEqual([]);
    expect(other.node.dependencies).toEqual([]);
  });

  test('a target under a scope written later is ordered before the object referencing it', () => {
    const chart = chartOf();
    const servers = new Construct(chart, 'servers');
    const configs = new Construct(chart, 'configs');
    const group = new McpGroup(configs, 'group', { metadata: { name: 'g' } });
    const server = new McpServer(servers, 'server', { metadata: { name: 's' }, image: IMAGE, group });
    expect(order(chart)).toEqual(['MCPGroup/g', 'MCPServer/s']);
    expect(server.apiObject.node.dependencies).toEqual([group.apiObject]);
  });

  test('an id that JavaScript lists first among its siblings gets the edge', () => {
    const chart = chartOf();
    const group = new McpGroup(chart, '7', { metadata: { name: 'g' } });
    new McpServer(chart, '3', { metadata: { name: 's' }, image: IMAGE, group });
    expect(order(chart)).toEqual(['MCPGroup/g', 'MCPServer/s']);
    const chart2 = chartOf();
    const group2 = new McpGroup(chart2, 'group', { metadata: { name: 'g' } });
    new McpServer(chart2, '0', { metadata: { name: 's' }, image: IMAGE, group: group2 });
    expect(order(chart2)).toEqual(['MCPGroup/g', 'MCPServer/s']);
  });

  test('a target in another chart orders the charts', () => {
    const app = Testing.app();
    const servers = chartOf(app);
    const configs = new Chart(app, 'configs');
    const oidc = McpOidcConfig.kubernetesServiceAccount(configs, 'oidc', { metadata: { name: 'k8s' } });
    new McpServer(servers, 'server', {
      metadata: { name: 's' },
      image: IMAGE,
      oidcConfig: { config: oidc, audience: 's' },
    });
    const kinds = app.synthYaml().split('\n').filter(l => l.startsWith('kind: '));
    expect(kinds).toEqual(['kind: MCPOIDCConfig', 'kind: MCPServer']);
    expect(app.charts.map(c => c.node.id)).toEqual(['configs', 'test']);
  });

  test('a Secret needs no edge: SecretKeys name it, and its place is where it is declared', () => {
    const chart = chartOf();
    const server = new McpServer(chart, 'server', {
      metadata: { name: 's' },
      image: IMAGE,
      secrets: [{ secretKey: SecretKey.external('token', 'key'), targetEnvName: 'TOKEN' }],
    });
    expect(server.apiObject.node.dependencies).toEqual([]);
  });
});
