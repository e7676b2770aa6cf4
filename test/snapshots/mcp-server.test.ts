import { Chart, Testing } from 'cdk8s';
import { McpAuthzConfig, McpGroup, McpOidcConfig, McpServer, McpTelemetryConfig, McpToolConfig, SecretKey } from '../../src';

test('McpServer, minimal', () => {
  const chart = Testing.chart();
  new McpServer(chart, 'fetch', { image: 'ghcr.io/stackloklabs/gofetch/server:1.0.0' });
  expect(Testing.synth(chart)).toMatchSnapshot();
});

test('McpServer with references, Secrets and session storage', () => {
  const chart = new Chart(Testing.app(), 'tools', { namespace: 'tools' });
  const group = new McpGroup(chart, 'group', { metadata: { name: 'platform' } });
  const oidc = McpOidcConfig.kubernetesServiceAccount(chart, 'oidc', { metadata: { name: 'cluster' } });
  const authz = McpAuthzConfig.cedar(chart, 'authz', { metadata: { name: 'readers' }, policies: ['permit(principal, action == Action::"call_tool", resource);'] });
  const tools = new McpToolConfig(chart, 'tools', { metadata: { name: 'osv-tools' }, toolsFilter: ['query_vulnerability'] });
  const otel = new McpTelemetryConfig(chart, 'otel', { metadata: { name: 'otel' }, prometheus: { enabled: true } });
  new McpServer(chart, 'osv', {
    metadata: { name: 'osv' },
    image: 'ghcr.io/stackloklabs/osv-mcp/server:0.1.0',
    transport: 'streamable-http',
    mcpPort: 8080,
    args: ['--verbose'],
    env: [{ name: 'LOG_LEVEL', value: 'info' }],
    secrets: [{ secretKey: SecretKey.external('osv-api', 'token'), targetEnvName: 'OSV_TOKEN' }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    replicas: 2,
    sessionStorage: { provider: 'redis', address: 'redis.tools:6379', passwordRef: SecretKey.external('redis', 'password') },
    group,
    oidcConfig: { config: oidc, audience: 'osv' },
    authz,
    toolConfig: tools,
    telemetry: { config: otel, serviceName: 'osv' },
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
