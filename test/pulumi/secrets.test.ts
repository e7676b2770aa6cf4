/**
 * Secrets: values created by the program are Pulumi secrets end to end, and Secrets of the program (ToolHiveSecret
 * or a plain `k8s.core.v1.Secret`) and ConfigMaps join the validated set by key name, so key presence is checked.
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { customResource, isSecretInput, mockProgram, settle, valueOf, type Registration } from './harness';
import * as toolhive from '../../src/pulumi';

const metadata = { namespace: 'demo' };
const IMAGE = 'ghcr.io/stackloklabs/gofetch/server:1.0.1';

let regs: Registration[];
beforeEach(async () => {
  regs = await mockProgram();
});

describe('ToolHiveSecret', () => {
  test('creates a toolhive:index:Secret whose k8s Secret child gets every value marked secret', async () => {
    const creds = new toolhive.ToolHiveSecret('creds', {
      metadata,
      stringData: { 'plain': 'plain-value', 'from-output': pulumi.output('output-value'), 'from-config': pulumi.secret('config-value') },
    });
    await settle(creds.secret.urn);
    const child = regs.find(r => r.type === 'kubernetes:core/v1:Secret')!;
    expect(regs.find(r => r.urn === child.parent)?.type).toBe('toolhive:index:Secret');
    expect(child.inputs).toMatchObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'demo' }, type: 'Opaque' });
    expect(isSecretInput(child.inputs.stringData)).toBe(true);
    expect(await pulumi.isSecret(creds.secret.stringData)).toBe(true);
    const outsideTheSecret = JSON.stringify(regs.filter(r => r !== child));
    for (const value of ['plain-value', 'output-value', 'config-value']) expect(outsideTheSecret).not.toContain(value);
  });

  test('createSecret() is the same helper', async () => {
    const creds = toolhive.createSecret('creds', { metadata, stringData: { token: 't' }, type: 'kubernetes.io/basic-auth' });
    expect(creds).toBeInstanceOf(toolhive.ToolHiveSecret);
    await settle(creds.secret.urn);
    expect(regs.find(r => r.type === 'kubernetes:core/v1:Secret')!.inputs.type).toBe('kubernetes.io/basic-auth');
  });

  test('passes a reference to a key of a Secret whose data is one Output (keys known later)', async () => {
    const creds = new toolhive.ToolHiveSecret('creds', { metadata, stringData: pulumi.secret({ token: 't' }) });
    const bearer = new toolhive.McpExternalAuthConfig('bearer', { metadata, type: 'bearerToken', bearerToken: { tokenSecretRef: creds.key('token') } });
    expect(await valueOf(bearer.manifest)).toMatchObject({ spec: { bearerToken: { tokenSecretRef: { name: 'creds', key: 'token' } } } });
    // only key names were read: the manifest does not inherit the Secret's secretness
    expect(await pulumi.isSecret(bearer.manifest)).toBe(false);
  });
});

describe('Secrets and ConfigMaps of the program', () => {
  test('passes a k8s.core.v1.Secret key reference, resolved by name, and the custom resource depends on the Secret', async () => {
    const token = new k8s.core.v1.Secret('api-token', { metadata: { name: 'api-token', namespace: 'demo' }, stringData: { token: 't' } });
    const bearer = new toolhive.McpExternalAuthConfig('bearer', {
      metadata, type: 'bearerToken', bearerToken: { tokenSecretRef: toolhive.SecretKey.fromSecret(token, 'token') },
    });
    await settle(bearer.resource.urn);
    const cr = customResource(regs, 'MCPExternalAuthConfig', 'bearer');
    expect(cr.inputs.spec).toEqual({ type: 'bearerToken', bearerToken: { tokenSecretRef: { name: 'api-token', key: 'token' } } });
    expect(cr.dependencies).toContain(regs.find(r => r.type === 'kubernetes:core/v1:Secret')!.urn);
  });

  test('passes a Secret given as the name of a reference object (MCPServer secrets)', async () => {
    const key = new k8s.core.v1.Secret('fetch-key', { metadata: { name: 'fetch-key', namespace: 'demo' }, data: { 'api-key': 'YQ==' } });
    const server = new toolhive.McpServer('fetch', { metadata, image: IMAGE, secrets: [{ name: key, key: 'api-key', targetEnvName: 'API_KEY' }] });
    expect((await valueOf(server.manifest)).spec.secrets).toEqual([{ name: 'fetch-key', key: 'api-key', targetEnvName: 'API_KEY' }]);
  });

  test('passes an authz ConfigMap key of the program', async () => {
    const policies = new k8s.core.v1.ConfigMap('authz', { metadata: { name: 'authz', namespace: 'demo' }, data: { 'authz.json': '{"version":"1.0","type":"cedarv1","cedar":{"policies":["permit(principal, action, resource);"]}}' } });
    const server = new toolhive.McpServer('fetch', {
      metadata, image: IMAGE, authzConfig: { type: 'configMap', configMap: toolhive.ConfigMapKey.fromConfigMap(policies, 'authz.json') },
    });
    await settle(server.resource.urn);
    const cr = customResource(regs, 'MCPServer', 'fetch');
    expect(cr.inputs.spec).toMatchObject({ authzConfig: { type: 'configMap', configMap: { name: 'authz', key: 'authz.json' } } });
    expect(cr.dependencies).toContain(regs.find(r => r.type === 'kubernetes:core/v1:ConfigMap')!.urn);
  });

  test('passes external Secret and ConfigMap keys without looking them up', async () => {
    const server = new toolhive.McpServer('fetch', {
      metadata,
      image: IMAGE,
      secrets: [toolhive.SecretKey.external('vault-synced', 'api-key')],
      authzConfig: { type: 'configMap', configMap: toolhive.ConfigMapKey.external('shared-authz', 'authz.json') },
    });
    expect((await valueOf(server.manifest)).spec).toMatchObject({
      secrets: [{ name: 'vault-synced', key: 'api-key' }],
      authzConfig: { configMap: { name: 'shared-authz', key: 'authz.json' } },
    });
  });

  test('rejects a ConfigMap key where a Secret key belongs', () => {
    expect(() => new toolhive.McpServer('fetch', {
      metadata, image: IMAGE, secrets: [toolhive.ConfigMapKey.external('settings', 'api-key') as unknown as toolhive.SecretKey],
    })).toThrow('spec.secrets[0]: this field references a Secret, but a ConfigMap key was given');
  });
});

describe('in a preview', () => {
  test('a custom resource shows its own values while a referenced Secret\'s keys are still unknown', async () => {
    regs = await mockProgram({
      preview: true,
      // the engine does not know a new Secret's data during a preview
      state: args => (args.type === 'kubernetes:core/v1:Secret' ? { metadata: args.inputs.metadata } : args.inputs),
    });
    const token = new k8s.core.v1.Secret('api-token', { metadata: { name: 'api-token', namespace: 'demo' }, stringData: { token: 't' } });
    const bearer = new toolhive.McpExternalAuthConfig('bearer', {
      metadata, type: 'bearerToken', bearerToken: { tokenSecretRef: toolhive.SecretKey.fromSecret(token, 'token') },
    });
    await settle(bearer.resource.urn);
    expect(customResource(regs, 'MCPExternalAuthConfig', 'bearer').inputs.spec).toEqual({
      type: 'bearerToken',
      bearerToken: { tokenSecretRef: { name: 'api-token', key: 'token' } },
    });
  });
});
