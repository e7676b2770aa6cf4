import { Testing } from 'cdk8s';
import { ConfigMapKey, McpExternalAuthConfig, McpGroup, McpServerEntry, SecretKey } from '../../src';

test('McpServerEntry', () => {
  const chart = Testing.chart();
  const group = new McpGroup(chart, 'group', { metadata: { name: 'platform' } });
  const auth = McpExternalAuthConfig.headerInjection(chart, 'auth', {
    metadata: { name: 'context7-key' },
    headerName: 'X-API-Key',
    valueSecretRef: SecretKey.external('context7', 'api-key'),
  });
  new McpServerEntry(chart, 'context7', {
    metadata: { name: 'context7' },
    remoteUrl: 'https://mcp.context7.com/mcp',
    transport: 'streamable-http',
    group,
    externalAuth: auth,
    caBundleRef: { configMapRef: ConfigMapKey.external('corp-ca', 'ca.crt') },
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
