/** An OIDC client secret taken from a key the program's Secret does not have (the Secret's keys are Outputs). */
import * as k8s from '@pulumi/kubernetes';
import * as toolhive from '../../../src/pulumi';

export default function program(): void {
  const token = new k8s.core.v1.Secret('api-token', { metadata: { name: 'api-token', namespace: 'demo' }, stringData: { 'api-key': 'not-the-token' } });
  new toolhive.McpOidcConfig('oidc', {
    metadata: { namespace: 'demo' },
    type: 'inline',
    inline: { issuer: 'https://idp.example.com', clientId: 'toolhive', clientSecretRef: toolhive.SecretKey.fromSecret(token, 'token') },
  });
}
