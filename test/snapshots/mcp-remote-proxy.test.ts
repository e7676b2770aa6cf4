import { Testing } from 'cdk8s';
import { McpExternalAuthConfig, McpOidcConfig, McpRemoteProxy, SecretKey } from '../../src';

test('McpRemoteProxy', () => {
  const chart = Testing.chart();
  const oidc = McpOidcConfig.inline(chart, 'oidc', { metadata: { name: 'corp' }, issuer: 'https://login.example.com', clientId: 'mcp' });
  const auth = McpExternalAuthConfig.bearerToken(chart, 'auth', { metadata: { name: 'notion-token' }, tokenSecretRef: SecretKey.external('notion', 'token') });
  new McpRemoteProxy(chart, 'notion', {
    metadata: { name: 'notion' },
    remoteUrl: 'https://mcp.notion.com/mcp',
    oidcConfig: { config: oidc, audience: 'notion', resourceUrl: 'https://mcp.example.com/notion' },
    externalAuth: auth,
    headerForward: {
      addPlaintextHeaders: { 'X-Tenant': 'acme' },
      addHeadersFromSecret: [{ headerName: 'X-Workspace-Key', valueSecretRef: SecretKey.external('notion', 'workspace-key') }],
    },
    trustProxyHeaders: true,
    endpointPrefix: '/notion',
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
