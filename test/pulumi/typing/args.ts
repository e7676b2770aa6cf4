/**
 * Compile-time checks of the component args, compiled by test/pulumi/typing.test.ts: every line marked
 * `@ts-expect-error` must be a type error, every other line must compile.
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import * as toolhive from '../../../src/pulumi';

export function typing(): void {
  const metadata = { namespace: 'demo' };
  const group = new toolhive.McpGroup('tools', { metadata });
  const oidc = new toolhive.McpOidcConfig('oidc', { metadata, type: 'kubernetesServiceAccount', kubernetesServiceAccount: {} });
  const creds = new toolhive.ToolHiveSecret('creds', { metadata, stringData: { token: pulumi.secret('t') } });
  const plain = new k8s.core.v1.Secret('plain', { stringData: { token: 't' } });
  const cm = new k8s.core.v1.ConfigMap('cm', { data: { 'authz.json': '{}' } });

  // References: the object, the CRD shape with the object as name, or a plain name (external).
  new toolhive.McpServer('a', { image: 'x', groupRef: group });
  new toolhive.McpServer('b', { image: 'x', groupRef: { name: group } });
  new toolhive.McpServer('c', { image: 'x', groupRef: { name: 'elsewhere' } });
  new toolhive.McpServer('d', { image: 'x', oidcConfigRef: { name: oidc, audience: 'a' } });
  new toolhive.McpServer('e', { image: 'x', secrets: [creds.key('token'), { name: plain, key: 'token', targetEnvName: 'T' }] });
  new toolhive.McpServer('f', { image: 'x', authzConfig: { type: 'configMap', configMap: cm } });
  new toolhive.McpServer('g', { image: 'x', authzConfig: { type: 'configMap', configMap: toolhive.ConfigMapKey.fromConfigMap(cm, 'authz.json') } });
  // `group`, the cdk8s name of groupRef, takes the same values (VirtualMCPServer and MCPServerEntry require one of the two).
  new toolhive.McpServer('a2', { image: 'x', group });
  new toolhive.McpRemoteProxy('a3', { remoteUrl: 'https://mcp.example.com', group: { name: 'elsewhere' } });
  new toolhive.VirtualMcpServer('a4', { group, incomingAuth: { type: 'anonymous' } });
  new toolhive.VirtualMcpServer('a5', { groupRef: group, incomingAuth: { type: 'anonymous' } });
  // @ts-expect-error group and groupRef are the same reference: one of the two
  new toolhive.McpServer('a6', { image: 'x', group, groupRef: group });
  // Reference fields come from the engine's reference table, including rows built by helpers (webhooks, auth servers).
  new toolhive.McpWebhookConfig('w', { validating: [{ name: 'v', url: 'https://v.example.com', hmacSecretRef: creds.key('token') }] });
  new toolhive.VirtualMcpServer('v', {
    groupRef: group,
    incomingAuth: { type: 'anonymous' },
    authServerConfig: { issuer: 'https://auth.example.com', upstreamProviders: [], signingKeySecretRefs: [creds.key('token')] },
  });
  // Inputs at any level.
  new toolhive.McpServer('h', { image: pulumi.output('x'), transport: pulumi.output<'stdio'>('stdio'), env: pulumi.output([{ name: 'A', value: 'b' }]) });

  // @ts-expect-error an MCPOIDCConfig is not an MCPGroup
  new toolhive.McpServer('i', { image: 'x', groupRef: oidc });
  // @ts-expect-error oidcConfigRef needs its audience, so the object alone is not enough
  new toolhive.McpServer('j', { image: 'x', oidcConfigRef: oidc });
  // @ts-expect-error a keyed reference needs the key: a Secret alone is not a SecretKey
  new toolhive.McpExternalAuthConfig('k', { type: 'bearerToken', bearerToken: { tokenSecretRef: creds } });
  // @ts-expect-error not a transport the CRD allows
  new toolhive.McpServer('l', { image: 'x', transport: 'websocket' });
  // @ts-expect-error image is required
  new toolhive.McpServer('m', {});
  // @ts-expect-error unknown spec field
  new toolhive.McpGroup('n', { descriptoin: 'typo' });
  // @ts-expect-error a ConfigMap where a webhook's Secret key belongs
  new toolhive.McpWebhookConfig('x', { mutating: [{ name: 'm', url: 'https://m.example.com', hmacSecretRef: cm }] });
  // @ts-expect-error a ConfigMap key where a Secret key belongs
  new toolhive.McpServer('o', { image: 'x', secrets: [toolhive.ConfigMapKey.fromConfigMap(cm, 'k')] });
}
