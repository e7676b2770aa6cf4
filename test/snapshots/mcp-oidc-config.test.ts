import { Testing } from 'cdk8s';
import { ConfigMapKey, McpOidcConfig, SecretKey } from '../../src';

test('McpOidcConfig', () => {
  const chart = Testing.chart();
  McpOidcConfig.inline(chart, 'inline', {
    issuer: 'https://login.example.com',
    clientId: 'mcp',
    clientSecretRef: SecretKey.external('oidc-client', 'secret'),
    caBundleRef: { configMapRef: ConfigMapKey.external('corp-ca', 'ca.crt') },
  });
  McpOidcConfig.kubernetesServiceAccount(chart, 'kubernetes-service-account', { serviceAccount: 'mcp-client', namespace: 'clients' });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
