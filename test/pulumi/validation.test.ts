/**
 * Values known when the program runs are validated at construction, before the custom resource is registered:
 * the constructor throws one `ToolHiveValidationError` (a `pulumi.ResourceError` on the component) listing every
 * violation with its field path. `validate()` then checks the whole program (collisions and the like).
 */
import * as pulumi from '@pulumi/pulumi';
import { customResources, mockProgram, settle, valueOf, type Registration } from './harness';
import * as toolhive from '../../src/pulumi';

const NS = 'demo';
const metadata = { namespace: NS };
const IMAGE = 'ghcr.io/stackloklabs/gofetch/server:1.0.1';

/** The error `f` throws (fails the test when it throws none). */
function thrown(f: () => unknown): toolhive.ToolHiveValidationError {
  try {
    f();
  } catch (e) {
    return e as toolhive.ToolHiveValidationError;
  }
  throw new Error('expected an error');
}

let regs: Registration[];
beforeEach(async () => {
  regs = await mockProgram();
});

describe('at construction', () => {
  test('rejects prompt values the CRD rejects, all in one error on the component, before the child exists', async () => {
    const group = new toolhive.McpGroup('tools', { metadata });
    const err = thrown(() => new toolhive.McpServer('fetch', {
      metadata, image: IMAGE, groupRef: group, transport: 'websocket' as 'stdio', proxyPort: 0,
    }));
    expect(toolhive.ToolHiveValidationError.isToolHiveValidationError(err)).toBe(true);
    expect(pulumi.ResourceError.isInstance(err)).toBe(true);
    expect(err.message).toBe([
      'MCPServer demo/fetch is invalid (3 errors):',
      '  - spec.proxyPort: Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1 (schema.minimum)',
      '  - spec.transport: Unsupported value: "websocket": supported values: "stdio", "streamable-http", "sse" (schema.enum)',
      // the enum error blocks CEL, as on the API server (strategy.go hasBlockingErr)
      '  - <root>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation (cel.not-checked)',
    ].join('\n'));
    expect(err.errors).toEqual([
      { propertyPath: 'spec.proxyPort', reason: 'Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1' },
      { propertyPath: 'spec.transport', reason: 'Unsupported value: "websocket": supported values: "stdio", "streamable-http", "sse"' },
      { propertyPath: '<root>', reason: 'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation' },
    ]);
    expect(err.violations.map(v => v.rule)).toEqual(['schema.minimum', 'schema.enum', 'cel.not-checked']);
    expect(await valueOf(err.resource!.urn)).toBe(`urn:pulumi:${pulumi.getStack()}::toolhive::toolhive:index:McpServer::fetch`);
    await settle(group.resource.urn);
    expect(customResources(regs).map(r => r.inputs.kind)).toEqual(['MCPGroup']);
  });

  test('passes the same server with valid values', () => {
    const group = new toolhive.McpGroup('tools', { metadata });
    expect(() => new toolhive.McpServer('fetch', { metadata, image: IMAGE, groupRef: group, transport: 'streamable-http', proxyPort: 8080 })).not.toThrow();
  });

  test('rejects a reference to an object of the program in another namespace', () => {
    const group = new toolhive.McpGroup('tools', { metadata: { namespace: 'tools' } });
    const err = thrown(() => new toolhive.McpServer('fetch', { metadata, image: IMAGE, groupRef: group }));
    expect(err.message).toBe('MCPServer demo/fetch is invalid (1 error):\n'
      + '  - spec.groupRef.name: MCPGroup \'tools\' not found in namespace \'demo\'; MCPGroup "tools" exists only in namespace "tools", '
      + 'but ToolHive references are same-namespace: move it to namespace "demo" (ref.wrong-namespace)');
  });

  test('rejects a key the program\'s Secret does not have, naming the keys it has (never the values)', () => {
    const creds = new toolhive.ToolHiveSecret('creds', { metadata, stringData: { token: 'secret-token-value' } });
    const err = thrown(() => new toolhive.McpOidcConfig('oidc', {
      metadata, type: 'inline', inline: { issuer: 'https://idp.example.com', clientId: 'toolhive', clientSecretRef: creds.key('api-key') },
    }));
    expect(err.errors).toEqual([{
      propertyPath: 'spec.inline.clientSecretRef.key',
      reason: 'MCPOIDCConfig OIDC client secret secret demo/creds is missing key "api-key"; its keys are "token"',
    }]);
    expect(err.message).not.toContain('secret-token-value');
  });

  test('only warns on a missing key of an MCPExternalAuthConfig no workload uses yet (nothing reads it)', () => {
    const creds = new toolhive.ToolHiveSecret('creds', { metadata, stringData: { token: 'secret-token-value' } });
    expect(() => new toolhive.McpExternalAuthConfig('bearer', { metadata, type: 'bearerToken', bearerToken: { tokenSecretRef: creds.key('api-key') } })).not.toThrow();
  });

  test('passes a key the program\'s Secret has', () => {
    const creds = new toolhive.ToolHiveSecret('creds', { metadata, stringData: { token: 'secret-token-value' } });
    expect(() => new toolhive.McpExternalAuthConfig('bearer', { metadata, type: 'bearerToken', bearerToken: { tokenSecretRef: creds.key('token') } })).not.toThrow();
  });

  test('rejects a rule that involves a referenced object: a VirtualMCPServer with an httpv1 MCPAuthzConfig', () => {
    const group = new toolhive.McpGroup('tools', { metadata });
    const pdp = new toolhive.McpAuthzConfig('pdp', { metadata, type: 'httpv1', config: { http: { url: 'https://pdp.example.com' }, claim_mapping: 'standard' } });
    const err = thrown(() => new toolhive.VirtualMcpServer('gateway', { metadata, groupRef: group, incomingAuth: { type: 'anonymous', authzConfigRef: pdp } }));
    expect(err.errors).toEqual([{
      propertyPath: 'spec.incomingAuth.authzConfigRef.name',
      reason: 'MCPAuthzConfig pdp has unsupported type "httpv1" for VirtualMCPServer; only cedarv1 is supported',
    }]);
  });

  test('passes a VirtualMCPServer with a cedarv1 MCPAuthzConfig', () => {
    const group = new toolhive.McpGroup('tools', { metadata });
    const cedar = new toolhive.McpAuthzConfig('cedar', { metadata, type: 'cedarv1', config: { policies: ['permit(principal, action, resource);'] } });
    expect(() => new toolhive.VirtualMcpServer('gateway', { metadata, groupRef: group, incomingAuth: { type: 'anonymous', authzConfigRef: cedar } })).not.toThrow();
  });

  test('rejects a component of the wrong kind in a reference field', () => {
    const cedar = new toolhive.McpAuthzConfig('cedar', { metadata, type: 'cedarv1', config: { policies: ['permit(principal, action, resource);'] } });
    const err = thrown(() => new toolhive.McpServer('fetch', { metadata, image: IMAGE, groupRef: cedar as unknown as toolhive.McpGroup }));
    expect(pulumi.ResourceError.isInstance(err)).toBe(true);
    expect(err.message).toBe('spec.groupRef: this field references an MCPGroup, but an MCPAuthzConfig was given');
  });

  test('rejects a component given outside a reference field', () => {
    const group = new toolhive.McpGroup('tools', { metadata });
    const err = thrown(() => new toolhive.McpServer('fetch', { metadata, image: IMAGE, env: [{ name: 'GROUP', value: group as unknown as string }] }));
    expect(err.message).toBe('spec.env[0].value: an MCPGroup can only be given in a reference field (such as groupRef or clientSecretRef)');
  });

  test('passes a plain name: the object is declared external, so it is not looked up', () => {
    expect(() => new toolhive.McpServer('fetch', {
      metadata,
      image: IMAGE,
      groupRef: { name: 'shared-tools' },
      oidcConfigRef: { name: 'corp-oidc', audience: 'fetch' },
      secrets: [toolhive.SecretKey.external('github-token', 'token')],
    })).not.toThrow();
  });

  test('reports the default namespace of configure() for objects that name none', () => {
    toolhive.configure({ defaultNamespace: 'toolhive' });
    const err = thrown(() => new toolhive.McpServer('fetch', { image: IMAGE, transport: 'websocket' as 'stdio' }));
    // the enum error and the API server's "not checked" line for the CEL rules it blocks
    expect(err.message.split('\n')[0]).toBe('MCPServer toolhive/fetch is invalid (2 errors):');
  });
});

describe('validate()', () => {
  test('passes a program whose objects do not collide, returning the warnings', () => {
    new toolhive.McpServer('fetch', { metadata, image: IMAGE });
    new toolhive.McpRemoteProxy('docs', { metadata, remoteUrl: 'https://mcp.docs.example.com/mcp' });
    expect(() => toolhive.validate()).not.toThrow();
  });

  test('rejects objects that each pass alone but collide, on the object that completes the collision', async () => {
    new toolhive.McpServer('fetch', { metadata, image: IMAGE });
    new toolhive.McpRemoteProxy('fetch', { metadata, remoteUrl: 'https://mcp.docs.example.com/mcp' });
    const err = thrown(() => toolhive.validate());
    expect(err.message).toBe([
      'ToolHive validation failed (2 errors):',
      '  - MCPRemoteProxy demo/fetch metadata.name: generated Deployment "fetch" collides: MCPServer "fetch" and MCPRemoteProxy "fetch" in namespace "demo" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them (collision.deployment)',
      '  - MCPRemoteProxy demo/fetch metadata.name: generated ConfigMap "fetch-runconfig" collides: MCPServer "fetch" and MCPRemoteProxy "fetch" in namespace "demo" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them (collision.configmap)',
    ].join('\n'));
    expect(err.errors.map(e => e.propertyPath)).toEqual(['metadata.name', 'metadata.name']);
    expect(await valueOf(err.resource!.urn)).toBe(`urn:pulumi:${pulumi.getStack()}::toolhive::toolhive:index:McpRemoteProxy::fetch`);
  });

  test('fails when called twice', () => {
    toolhive.validate();
    expect(() => toolhive.validate()).toThrow('toolhive validate() was already called in this program: call it once, last');
  });

  test('fails for an object created after it', () => {
    toolhive.validate();
    expect(() => new toolhive.McpGroup('late', { metadata })).toThrow(
      'MCPGroup was created after toolhive validate() ran: create every ToolHive object first, then call validate() last');
  });

  test('fails configure() after the first object', () => {
    new toolhive.McpGroup('tools', { metadata });
    expect(() => toolhive.configure({ defaultNamespace: 'x' })).toThrow('toolhive configure() must run before any ToolHive object is created');
  });

  test('a second run of the same stack in the same process starts from an empty set (Automation API)', async () => {
    await mockProgram({ stack: 'dev' });
    new toolhive.McpServer('fetch', { metadata, image: IMAGE });
    toolhive.validate();
    await mockProgram({ stack: 'dev' });
    new toolhive.McpServer('fetch', { metadata, image: IMAGE });
    expect(() => toolhive.validate()).not.toThrow();
  });

  test('registers the toolhive:index:Validation component with the warnings as its outputs', async () => {
    const group = new toolhive.McpGroup('tools', { metadata });
    const warnings = toolhive.validate({ name: 'checks' });
    expect(await valueOf(warnings)).toEqual([]);
    await settle(group.resource.urn);
    expect(regs.filter(r => r.type === 'toolhive:index:Validation').map(r => r.name)).toEqual(['checks']);
  });
});
