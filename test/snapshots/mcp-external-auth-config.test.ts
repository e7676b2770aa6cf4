import { Testing } from 'cdk8s';
import { McpExternalAuthConfig, SecretKey, UpstreamProvider } from '../../src';

test('McpExternalAuthConfig, one per type', () => {
  const chart = Testing.chart();
  McpExternalAuthConfig.tokenExchange(chart, 'token-exchange', {
    tokenUrl: 'https://sts.example.com/token',
    audience: 'github',
    clientId: 'mcp',
    clientSecretRef: SecretKey.external('sts-client', 'secret'),
    scopes: ['repo'],
  });
  McpExternalAuthConfig.headerInjection(chart, 'header-injection', { headerName: 'X-API-Key', valueSecretRef: SecretKey.external('api-key', 'key') });
  McpExternalAuthConfig.bearerToken(chart, 'bearer-token', { tokenSecretRef: SecretKey.external('api-token', 'token') });
  McpExternalAuthConfig.embeddedAuthServer(chart, 'embedded-auth-server', {
    issuer: 'https://auth.example.com',
    signingKeySecretRefs: [SecretKey.external('as-signing', 'key.pem')],
    hmacSecretRefs: [SecretKey.external('as-hmac', 'hmac')],
    upstreamProviders: [
      UpstreamProvider.oidc('okta', { issuerUrl: 'https://corp.okta.com', clientId: 'mcp', clientSecretRef: SecretKey.external('okta', 'secret') }),
    ],
  });
  McpExternalAuthConfig.awsSts(chart, 'aws-sts', {
    region: 'eu-west-1',
    roleMappings: [{ claim: 'admins', roleArn: 'arn:aws:iam::123456789012:role/admin', priority: 1 }],
    fallbackRoleArn: 'arn:aws:iam::123456789012:role/reader',
  });
  McpExternalAuthConfig.upstreamInject(chart, 'upstream-inject', { providerName: 'okta' });
  McpExternalAuthConfig.xaa(chart, 'xaa', {
    idpTokenUrl: 'https://idp.example.com/token',
    targetTokenUrl: 'https://target.example.com/token',
    targetAudience: 'target',
  });
  McpExternalAuthConfig.unauthenticated(chart, 'unauthenticated');
  expect(Testing.synth(chart)).toMatchSnapshot();
});

test('McpExternalAuthConfig of type obo (rejected by upstream operator builds, so rendered without synth)', () => {
  const chart = Testing.chart();
  const obo = McpExternalAuthConfig.obo(chart, 'obo', { tenantId: 'example.com', clientId: 'mcp', scopes: ['api://downstream/.default'] });
  expect(obo.apiObject.toJson()).toMatchSnapshot();
});
