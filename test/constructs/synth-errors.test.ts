/**
 * Constructs do not judge their props: they build the manifest, and the engine judges it at synth. Every error of
 * the App is reported together, each under its construct path, with the engine's message and rule id.
 */
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { errorLines } from './helpers';
import {
  EmbeddingServer, McpAuthzConfig, McpExternalAuthConfig, McpGroup, McpOidcConfig, McpRemoteProxy, McpServer, McpServerEntry,
  McpToolConfig, McpWebhookConfig, SecretKey, UpstreamProvider, VirtualMcpCompositeToolDefinition, VirtualMcpServer,
} from '../../src';
import { validateManifests } from '../../src/validation';

const IMAGE = 'ghcr.io/stackloklabs/osv-mcp/server:0.1.0';
const okta = () => UpstreamProvider.oidc('okta', { issuerUrl: 'https://corp.okta.com', clientId: 'mcp' });

/** Builds the constructs (which must not throw) and returns the synth error lines. */
function linesOf(build: (chart: Chart) => void): string[] {
  const chart = Testing.chart();
  expect(() => build(chart)).not.toThrow();
  return errorLines(chart);
}

describe('props the engine rejects are reported at synth, with the engine\'s message and rule id', () => {
  test('an MCPServer without an image', () => {
    expect(linesOf(c => new McpServer(c, 'srv', { image: '' }))).toEqual([
      '[test/srv] spec.image: invalid RunConfig: image is required (operator.mcpserver.image)',
    ]);
  });

  test('an image of " " gets the engine\'s verdict and message (as from the CLI)', () => {
    const lines = linesOf(c => new McpServer(c, 'srv', { image: ' ' }));
    expect(lines).toEqual([
      '[test/srv] spec.image: Invalid value: " ": must not have leading or trailing whitespace (the MCP server container the proxy runner creates from it is rejected by the API server) (operator.mcpserver.image)',
    ]);
    const chart = Testing.chart();
    const srv = new McpServer(chart, 'srv', { image: ' ' });
    expect(validateManifests([{ apiVersion: srv.apiObject.apiVersion, kind: 'MCPServer', metadata: { name: srv.name }, spec: srv.spec }]).map(v => `${v.path}: ${v.message} (${v.rule})`))
      .toEqual([lines[0].replace('[test/srv] ', '')]);
  });

  test('a remoteUrl that is not http(s), and an MCPServerEntry without a group', () => {
    expect(linesOf(c => {
      new McpRemoteProxy(c, 'rp', { remoteUrl: 'mcp.example.com' });
      new McpServerEntry(c, 'e', { remoteUrl: 'ftp://x', transport: 'sse', group: undefined as any });
    })).toEqual([
      '[test/rp] spec.remoteUrl: Invalid value: "mcp.example.com": spec.remoteUrl in body should match \'^https?://\' (schema.pattern)',
      '[test/rp] spec.remoteUrl: remote URL must use http or https scheme, got "" (operator.remote-url.invalid)',
      '[test/e] spec.groupRef: Required value (schema.required)',
      '[test/e] spec.remoteUrl: Invalid value: "ftp://x": spec.remoteUrl in body should match \'^https?://\' (schema.pattern)',
      '[test/e] spec.remoteUrl: remote URL must use http or https scheme, got "ftp" (operator.remote-url.invalid)',
    ]);
  });

  test('bad toolsFilter entries (reported on the MCPServer that reads them), an MCPWebhookConfig without webhooks', () => {
    expect(linesOf(c => {
      const t = new McpToolConfig(c, 't', { toolsFilter: ['ok', ''] });
      const t2 = new McpToolConfig(c, 't2', { toolsFilter: ['a,b'] });
      new McpServer(c, 's', { image: 'ghcr.io/example/s:1', toolConfig: t });
      new McpServer(c, 's2', { image: 'ghcr.io/example/s:1', toolConfig: t2 });
      new McpWebhookConfig(c, 'w', { validating: [] });
    })).toEqual([
      '[test/s] spec.toolConfigRef.name: invalid RunConfig: tool filter cannot contain empty values (MCPToolConfig "test-t-c8ecf945" spec.toolsFilter[1]) (operator.toolconfig.tools-filter)',
      '[test/s2] spec.toolConfigRef.name: invalid RunConfig: invalid tool name: a,b, cannot contain commas or newlines (MCPToolConfig "test-t2-c8bfca33" spec.toolsFilter[0]) (operator.toolconfig.tools-filter)',
      '[test/w] spec: Invalid value: "object": at least one validating or mutating webhook must be defined (cel.MCPWebhookConfig.spec#8752bcf3)',
    ]);
  });

  test('Cedar MCPAuthzConfigs without policies or with an empty one, an HTTP one without url', () => {
    expect(linesOf(c => {
      McpAuthzConfig.cedar(c, 'a', { policies: [] });
      McpAuthzConfig.cedar(c, 'b', { policies: ['permit(principal, action, resource);', ' '] });
      McpAuthzConfig.http(c, 'h', { url: '', claimMapping: 'standard' });
    })).toEqual([
      '[test/a] spec.config: at least one policy is required for Cedar authorization (operator.authz.config)',
      '[test/b] spec.config.policies[1]: cedar policy at index 1 is empty; write a permit or forbid statement or remove the entry (operator.authz.policy-empty)',
      '[test/h] spec.config: http.url is required (operator.authz.config)',
    ]);
  });

  test('embedded auth servers: an upstream name that is not a DNS label, no upstreams, an empty issuer', () => {
    expect(linesOf(c => {
      McpExternalAuthConfig.embeddedAuthServer(c, 'as', {
        issuer: 'https://auth.example.com',
        upstreamProviders: [UpstreamProvider.oidc('Okta_Prod', { issuerUrl: 'https://corp.okta.com', clientId: 'mcp' })],
      });
      McpExternalAuthConfig.embeddedAuthServer(c, 'as2', { issuer: 'https://auth.example.com', upstreamProviders: [] });
      new VirtualMcpServer(c, 'v', {
        group: McpGroup.fromName(c, 'g', 'g'),
        incomingAuth: { type: 'oidc' },
        authServerConfig: { issuer: '', upstreamProviders: [okta()] },
      });
    })).toEqual([
      '[test/as] spec.embeddedAuthServer.upstreamProviders[0].name: Invalid value: "Okta_Prod": spec.embeddedAuthServer.upstreamProviders[0].name in body should match \'^[a-z0-9]([a-z0-9-]*[a-z0-9])?$\' (schema.pattern)',
      '[test/as2] spec.embeddedAuthServer.upstreamProviders: Invalid value: 0: spec.embeddedAuthServer.upstreamProviders in body should have at least 1 items (schema.min-items)',
      '[test/v] spec.authServerConfig.issuer: Invalid value: "": spec.authServerConfig.issuer in body should match \'^https?://[^\\s?#]+[^/\\s?#]$\' (schema.pattern)',
      '[test/v] spec.incomingAuth: Invalid value: "object": spec.incomingAuth.oidcConfigRef is required when type is oidc (cel.VirtualMCPServer.spec.incomingAuth#86c858d0)',
    ]);
  });

  test('a VirtualMCPServer without group and incomingAuth (props typed away in plain JavaScript)', () => {
    expect(linesOf(c => new VirtualMcpServer(c, 'v', {} as any))).toEqual([
      '[test/v] spec.groupRef: Required value (schema.required)',
      '[test/v] spec.incomingAuth: Required value (schema.required)',
      '[test/v] <root>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation (cel.not-checked)',
    ]);
  });

  test('external auth configs missing their one required value', () => {
    expect(linesOf(c => {
      McpExternalAuthConfig.upstreamInject(c, 'b', { providerName: '' });
      McpExternalAuthConfig.headerInjection(c, 'd', { headerName: '', valueSecretRef: SecretKey.external('s', 'k') });
    })).toEqual([
      '[test/b] spec.upstreamInject.providerName: Invalid value: "": spec.upstreamInject.providerName in body should be at least 1 chars long (schema.min-length)',
      '[test/d] spec.headerInjection.headerName: Invalid value: "": spec.headerInjection.headerName in body should be at least 1 chars long (schema.min-length)',
    ]);
  });

  test('empty values the CRDs admit but the operator or the workload cannot use', () => {
    expect(linesOf(c => {
      new EmbeddingServer(c, 'emb', { image: '', model: '' });
      McpOidcConfig.inline(c, 'idp', { issuer: '' });
      McpExternalAuthConfig.tokenExchange(c, 'te', { tokenUrl: '', audience: 'backend' });
    })).toEqual([
      '[test/emb] spec.image: image is empty: the StatefulSet the operator builds from it is rejected by the API server (containers[0].image: Required value); omit spec.image for the default Text Embeddings Inference image, or name one (operator.embedding.image)',
      '[test/emb] spec.model: model is empty: the embedding server starts with --model-id "" and exits, as no model can be downloaded without a name; omit spec.model for the default model, or name a Hugging Face model such as "BAAI/bge-small-en-v1.5" (operator.embedding.model)',
      '[test/idp] spec.inline.issuer: issuer is empty: set spec.inline.issuer to the issuer URL of the identity provider (the iss claim of its tokens); without it a VirtualMCPServer using this config exits at start, an MCPServer or MCPRemoteProxy exits unless jwksUrl is set, and then accepts tokens from any issuer (operator.oidc.issuer-empty)',
      '[test/te] spec.tokenExchange.tokenUrl: tokenExchange.tokenUrl is empty: set it to the token endpoint of the security token service (RFC 8693); without it a VirtualMCPServer using this config exits at start and an MCPServer or MCPRemoteProxy answers every authenticated request with 401 (operator.external-auth.token-url)',
    ]);
  });

  test('both a shared and an inline authz config, an authServer that is not an embedded auth server, an empty audience', () => {
    expect(linesOf(c => {
      new McpServer(c, 'a', {
        image: IMAGE,
        authz: McpAuthzConfig.fromName(c, 'authz', 'shared'),
        authzConfig: { type: 'inline', inline: { policies: ['permit(principal, action, resource);'] } },
      });
      const bearer = McpExternalAuthConfig.bearerToken(c, 'bt', { tokenSecretRef: SecretKey.external('s', 'k'), metadata: { name: 'bearer' } });
      new McpServer(c, 'b', { image: IMAGE, authServer: bearer });
      new McpServer(c, 'c', { image: IMAGE, oidcConfig: { config: McpOidcConfig.fromName(c, 'o', 'corp'), audience: '' } });
    })).toEqual([
      '[test/a] spec: Invalid value: "object": authzConfig and authzConfigRef are mutually exclusive; use authzConfigRef to reference a shared MCPAuthzConfig (cel.MCPServer.spec#c12c8451)',
      '[test/b] spec.authServerRef.name: authServerRef \'bearer\' has type "bearerToken", but only embeddedAuthServer is supported (operator.auth-server-ref.type)',
      '[test/c] spec.oidcConfigRef.audience: Invalid value: "": spec.oidcConfigRef.audience in body should be at least 1 chars long (schema.min-length)',
    ]);
  });

  test('composite tools without steps, name or description', () => {
    expect(linesOf(c => {
      new VirtualMcpCompositeToolDefinition(c, 'c', { name: 'x', description: 'd', steps: [] });
      new VirtualMcpCompositeToolDefinition(c, 'c2', { name: '', steps: [{ id: 'a', tool: 'b' }] });
    })).toEqual([
      '[test/c] spec.steps: spec.steps must have at least one step (operator.composite-tool.fields)',
      '[test/c2] spec.name: spec.name is required (operator.composite-tool.fields)',
      '[test/c2] spec.description: spec.description is required (operator.composite-tool.fields)',
    ]);
  });
});

describe('mistakes in the objects given (which the manifest cannot show) are reported at synth too', () => {
  test('a construct of the wrong kind: the engine\'s message when it reports the reference, else the construct\'s', () => {
    expect(linesOf(c => {
      const tools = new McpToolConfig(c, 'tools', { metadata: { name: 'tools' } });
      new McpServer(c, 'srv', { image: IMAGE, metadata: { name: 'osv' }, group: tools as any });
    })).toEqual([
      '[test/srv] spec.groupRef.name: MCPGroup \'tools\' not found in namespace \'default\'; an MCPToolConfig named "tools" exists in namespace "default", but this field references an MCPGroup (ref.missing)',
    ]);
    expect(linesOf(c => {
      const tools = new McpToolConfig(c, 'tools', { metadata: { name: 'shared' } });
      new McpGroup(c, 'group', { metadata: { name: 'shared' } });
      new McpServer(c, 'srv', { image: IMAGE, group: tools as any });
    })).toEqual(['[test/srv] spec.groupRef: must reference an MCPGroup, got MCPToolConfig "shared"']);
  });

  test('a plain object where a construct is expected', () => {
    expect(linesOf(c => {
      new McpGroup(c, 'group', { metadata: { name: 'g' } });
      new McpServer(c, 'srv', { image: IMAGE, group: { name: 'g' } as any });
    })).toEqual(['[test/srv] spec.groupRef: must be an MCPGroup construct (or McpGroup.fromName(...)), got a plain object']);
  });

  test('fromName without a name', () => {
    expect(linesOf(c => McpGroup.fromName(c, 'g', ''))).toEqual(['[test/g] McpGroup.fromName needs the name of the MCPGroup managed outside the app']);
  });
});

describe('references are same-namespace only', () => {
  function twoNamespaces(): { app: App; tools: Chart; apps: Chart } {
    const app = Testing.app();
    return { app, tools: new Chart(app, 'tools', { namespace: 'tools' }), apps: new Chart(app, 'apps', { namespace: 'apps' }) };
  }

  test('the engine reports an object that exists only in another namespace', () => {
    const { apps, tools } = twoNamespaces();
    const group = new McpGroup(tools, 'g', { metadata: { name: 'platform' } });
    new McpServer(apps, 'srv', { image: IMAGE, group, metadata: { name: 'osv' } });
    const secret = new kplus.Secret(tools, 'hf', { metadata: { name: 'hf-token' }, stringData: { token: 'x' } });
    new EmbeddingServer(apps, 'emb', { metadata: { name: 'emb' }, hfTokenSecretRef: SecretKey.fromSecret(secret, 'token') });
    expect(errorLines(apps)).toEqual([
      '[apps/srv] spec.groupRef.name: MCPGroup \'platform\' not found in namespace \'apps\'; MCPGroup "platform" exists only in namespace "tools", but ToolHive references are same-namespace: move it to namespace "apps" (ref.wrong-namespace)',
      '[apps/emb] spec.hfTokenSecretRef.name: Secret "hf-token" not found in namespace "apps"; Secret "hf-token" exists only in namespace "tools", but ToolHive references are same-namespace: move it to namespace "apps" (ref.wrong-namespace)',
    ]);
  });

  test('the construct reports an object of another namespace when one of the same name lives in its own', () => {
    const { apps, tools } = twoNamespaces();
    new McpGroup(apps, 'local', { metadata: { name: 'platform' } });
    const group = new McpGroup(tools, 'g', { metadata: { name: 'platform' } });
    new McpServer(apps, 'srv', { image: IMAGE, group, metadata: { name: 'osv' } });
    expect(errorLines(apps)).toEqual([
      '[apps/srv] spec.groupRef: MCPServer "osv" in namespace "apps" cannot reference MCPGroup "platform" in namespace "tools": '
        + 'ToolHive references are same-namespace only; define it in namespace "apps"',
    ]);
  });

  test('metadata.namespace overriding the chart namespace counts', () => {
    const chart = new Chart(Testing.app(), 'tools', { namespace: 'tools' });
    const oidc = McpOidcConfig.kubernetesServiceAccount(chart, 'oidc', { metadata: { name: 'k8s', namespace: 'auth' } });
    new McpServer(chart, 'srv', { image: IMAGE, metadata: { name: 'osv' }, oidcConfig: { config: oidc, audience: 'osv' } });
    expect(errorLines(chart)).toEqual([
      '[tools/srv] spec.oidcConfigRef.name: MCPOIDCConfig k8s not found; MCPOIDCConfig "k8s" exists only in namespace "auth", but ToolHive references are same-namespace: move it to namespace "tools" (ref.wrong-namespace)',
    ]);
  });

  test('a chart without namespace and the default namespace are the same namespace', () => {
    const app = Testing.app();
    const group = new McpGroup(new Chart(app, 'a'), 'g');
    const srv = new McpServer(new Chart(app, 'b', { namespace: 'default' }), 'srv', { image: IMAGE, group });
    expect(srv.spec.groupRef).toEqual({ name: group.name });
  });

  test('an imported object lives in the namespace of its chart', () => {
    const chart = new Chart(Testing.app(), 'tools', { namespace: 'tools' });
    expect(McpGroup.fromName(chart, 'g', 'platform').namespace).toBe('tools');
  });
});

describe('every error of the App is reported together, under its construct path', () => {
  test('errors of several constructs in several charts, in one synth error', () => {
    const app = Testing.app();
    const platform = new Chart(app, 'Platform', { namespace: 'platform' });
    const github = new Chart(platform, 'github');
    new McpServer(github, 'server', { image: '', proxyPort: 0 });
    const tools = new Chart(app, 'tools', { namespace: 'platform' });
    new McpServer(tools, 'reader', { image: 'ghcr.io/example/reader:1', toolConfig: new McpToolConfig(tools, 'filter', { toolsFilter: [''] }) });
    let message = '';
    try {
      app.synthYaml();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n').map(l => l.trim())).toEqual([
      'Validation failed with the following errors:',
      '[Platform/github/server] spec.proxyPort: Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1 (schema.minimum)',
      '[Platform/github/server] spec.image: invalid RunConfig: image is required (operator.mcpserver.image)',
      '[tools/reader] spec.toolConfigRef.name: invalid RunConfig: tool filter cannot contain empty values (MCPToolConfig "tools-filter-c86753c9" spec.toolsFilter[0]) (operator.toolconfig.tools-filter)',
    ]);
  });
});
