import { Testing } from 'cdk8s';
import {
  EmbeddingServer, McpAuthzConfig, McpExternalAuthConfig, McpGroup, McpOidcConfig, McpServer, McpToolConfig, SecretKey,
  VirtualMcpCompositeToolDefinition, VirtualMcpServer,
} from '../../src';

test('VirtualMcpServer, anonymous', () => {
  const chart = Testing.chart();
  const group = new McpGroup(chart, 'group', { metadata: { name: 'platform' } });
  new VirtualMcpServer(chart, 'gateway', { metadata: { name: 'gateway' }, group, incomingAuth: {} });
  expect(Testing.synth(chart)).toMatchSnapshot();
});

test('VirtualMcpServer with OIDC, Cedar, outgoing auth, composite tools and the optimizer', () => {
  const chart = Testing.chart();
  const group = new McpGroup(chart, 'group', { metadata: { name: 'platform' } });
  new McpServer(chart, 'osv', { metadata: { name: 'osv' }, image: 'ghcr.io/stackloklabs/osv-mcp/server:0.1.0', transport: 'streamable-http', group });
  const oidc = McpOidcConfig.inline(chart, 'oidc', { metadata: { name: 'corp' }, issuer: 'https://login.example.com', clientId: 'gateway' });
  const authz = McpAuthzConfig.cedar(chart, 'authz', { metadata: { name: 'readers' }, policies: ['permit(principal, action, resource);'] });
  const exchange = McpExternalAuthConfig.tokenExchange(chart, 'exchange', {
    metadata: { name: 'osv-exchange' },
    tokenUrl: 'https://sts.example.com/token',
    audience: 'osv',
    clientId: 'gateway',
    clientSecretRef: SecretKey.external('sts-client', 'secret'),
  });
  const tools = new McpToolConfig(chart, 'tools', { metadata: { name: 'osv-tools' }, toolsFilter: ['query_vulnerability'] });
  const triage = new VirtualMcpCompositeToolDefinition(chart, 'triage', {
    metadata: { name: 'triage' },
    name: 'triage_vulnerability',
    description: 'Look a package up in OSV',
    steps: [{ id: 'query', tool: 'osv_query_vulnerability', arguments: { package: '{{.params.package}}' } }],
  });
  const embeddings = new EmbeddingServer(chart, 'embeddings', { metadata: { name: 'embeddings' } });
  new VirtualMcpServer(chart, 'gateway', {
    metadata: { name: 'gateway' },
    group,
    incomingAuth: { oidcConfig: { config: oidc, audience: 'gateway' }, authz },
    outgoingAuth: { source: 'inline', backends: { osv: { externalAuth: exchange } } },
    config: { aggregation: { tools: [{ workload: 'osv', toolConfigRef: tools }] }, optimizer: {} },
    compositeToolDefinitions: [triage],
    embeddingServer: embeddings,
    serviceType: 'ClusterIP',
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
