import { Chart, Testing } from 'cdk8s';
import {
  EmbeddingServer, McpAuthzConfig, McpExternalAuthConfig, McpGroup, McpOidcConfig, McpRemoteProxy, McpServer, McpServerEntry,
  McpToolConfig, McpWebhookConfig, UpstreamProvider, VirtualMcpCompositeToolDefinition, VirtualMcpServer,
} from '../../src';

const IMAGE = 'ghcr.io/stackloklabs/osv-mcp/server:0.1.0';
const okta = () => UpstreamProvider.oidc('okta', { issuerUrl: 'https://corp.okta.com', clientId: 'mcp' });

describe('cheap single-prop checks throw in the constructor', () => {
  test('rejects an MCPServer with an empty image', () => {
    expect(() => new McpServer(Testing.chart(), 'srv', { image: ' ' })).toThrow('MCPServer image must not be empty: got " "');
  });

  test('rejects a remoteUrl that is not http(s)', () => {
    expect(() => new McpRemoteProxy(Testing.chart(), 'rp', { remoteUrl: 'mcp.example.com' }))
      .toThrow('MCPRemoteProxy remoteUrl must start with http:// or https://: got "mcp.example.com"');
    const chart = Testing.chart();
    expect(() => new McpServerEntry(chart, 'e', { remoteUrl: 'ftp://x', transport: 'sse', group: new McpGroup(chart, 'g') }))
      .toThrow('MCPServerEntry remoteUrl must start with http:// or https://: got "ftp://x"');
  });

  test('rejects an MCPServerEntry without a group', () => {
    expect(() => new McpServerEntry(Testing.chart(), 'e', { remoteUrl: 'https://x.example.com', transport: 'sse', group: undefined as any }))
      .toThrow('MCPServerEntry group is required: pass the McpGroup the entry belongs to');
  });

  test('rejects bad toolsFilter entries', () => {
    expect(() => new McpToolConfig(Testing.chart(), 't', { toolsFilter: ['ok', ''] }))
      .toThrow('MCPToolConfig toolsFilter[1] must not be empty: remove it or name a tool');
    expect(() => new McpToolConfig(Testing.chart(), 't', { toolsFilter: ['a,b'] }))
      .toThrow('MCPToolConfig toolsFilter[0] "a,b" must not contain commas or newlines: list one tool per entry');
  });

  test('rejects an MCPWebhookConfig without webhooks (the CRD message)', () => {
    expect(() => new McpWebhookConfig(Testing.chart(), 'w', { validating: [] }))
      .toThrow('MCPWebhookConfig: at least one validating or mutating webhook must be defined');
  });

  test('rejects an inline MCPOIDCConfig without issuer', () => {
    expect(() => McpOidcConfig.inline(Testing.chart(), 'o', { issuer: '' })).toThrow('MCPOIDCConfig inline.issuer must not be empty: got ""');
  });

  test('rejects a Cedar MCPAuthzConfig without policies and an HTTP one without url', () => {
    expect(() => McpAuthzConfig.cedar(Testing.chart(), 'a', { policies: [] }))
      .toThrow('MCPAuthzConfig cedar: at least one policy is required for Cedar authorization');
    expect(() => McpAuthzConfig.cedar(Testing.chart(), 'a', { policies: ['permit(principal, action, resource);', ' '] }))
      .toThrow('MCPAuthzConfig cedar: policies[1] must not be empty');
    expect(() => McpAuthzConfig.http(Testing.chart(), 'a', { url: '', claimMapping: 'standard' })).toThrow('MCPAuthzConfig http: http.url is required');
  });

  test('rejects an upstream provider name that is not a DNS label', () => {
    expect(() => UpstreamProvider.oidc('Okta_Prod', { issuerUrl: 'https://corp.okta.com', clientId: 'mcp' }))
      .toThrow('upstream provider name "Okta_Prod" must match ^[a-z0-9]([a-z0-9-]*[a-z0-9])?$ (lowercase alphanumeric and hyphens, at most 63 characters)');
    expect(() => UpstreamProvider.oauth2('a'.repeat(64), { authorizationEndpoint: 'https://a/authorize', tokenEndpoint: 'https://a/token' }))
      .toThrow(/^upstream provider name "a{64}" must match/);
  });

  test('rejects an embedded auth server without upstreams, or with a badly named plain upstream', () => {
    expect(() => McpExternalAuthConfig.embeddedAuthServer(Testing.chart(), 'as', { issuer: 'https://auth.example.com', upstreamProviders: [] }))
      .toThrow('MCPExternalAuthConfig embeddedAuthServer: at least one upstream provider is required');
    expect(() => McpExternalAuthConfig.embeddedAuthServer(Testing.chart(), 'as', {
      issuer: 'https://auth.example.com',
      upstreamProviders: [okta(), { name: 'Corp', type: 'oidc', oidcConfig: { issuerUrl: 'https://corp.example.com', clientId: 'x' } }],
    })).toThrow('MCPExternalAuthConfig embeddedAuthServer.upstreamProviders[1].name "Corp" must match ^[a-z0-9]([a-z0-9-]*[a-z0-9])?$');
    expect(() => new VirtualMcpServer(Testing.chart(), 'v', {
      group: McpGroup.fromName(Testing.chart(), 'g', 'g'),
      incomingAuth: {},
      authServerConfig: { issuer: '', upstreamProviders: [okta()] },
    })).toThrow('VirtualMCPServer authServerConfig.issuer must not be empty: set the issuer URL of the embedded auth server');
  });

  test('rejects external auth configs missing their one required value', () => {
    const chart = Testing.chart();
    expect(() => McpExternalAuthConfig.awsSts(chart, 'a', { region: '' })).toThrow('MCPExternalAuthConfig: awsSts.region is required');
    expect(() => McpExternalAuthConfig.upstreamInject(chart, 'b', { providerName: '' }))
      .toThrow('MCPExternalAuthConfig: upstreamInject requires a non-empty providerName');
    expect(() => McpExternalAuthConfig.tokenExchange(chart, 'c', { tokenUrl: '', audience: 'x' }))
      .toThrow('MCPExternalAuthConfig tokenExchange.tokenUrl must not be empty: got ""');
    expect(() => McpExternalAuthConfig.headerInjection(chart, 'd', { headerName: '', valueSecretRef: { name: 's', key: 'k' } }))
      .toThrow('MCPExternalAuthConfig headerInjection.headerName must not be empty: got ""');
  });

  test('rejects both a shared and an inline authz config (the CRD message)', () => {
    const chart = Testing.chart();
    expect(() => new McpServer(chart, 'srv', {
      image: IMAGE,
      authz: McpAuthzConfig.fromName(chart, 'authz', 'shared'),
      authzConfig: { type: 'inline', inline: { policies: ['permit(principal, action, resource);'] } },
    })).toThrow('MCPServer spec: authzConfig and authzConfigRef are mutually exclusive; use authzConfigRef to reference a shared MCPAuthzConfig (set either authz or authzConfig)');
  });

  test('rejects an authServer that is not an embedded auth server (the operator message)', () => {
    const chart = Testing.chart();
    const bearer = McpExternalAuthConfig.bearerToken(chart, 'bt', { tokenSecretRef: { name: 's', key: 'k' }, metadata: { name: 'bearer' } });
    expect(() => new McpServer(chart, 'srv', { image: IMAGE, authServer: bearer }))
      .toThrow('authServerRef \'bearer\' has type "bearerToken", but only embeddedAuthServer is supported');
  });

  test('rejects an OIDC reference without audience', () => {
    const chart = Testing.chart();
    expect(() => new McpServer(chart, 'srv', { image: IMAGE, oidcConfig: { config: McpOidcConfig.fromName(chart, 'o', 'corp'), audience: '' } }))
      .toThrow('MCPServer spec.oidcConfigRef.audience must not be empty: set a per-workload audience (it must be unique per workload)');
  });

  test('rejects a vMCP with incomingAuth type oidc and no oidcConfig (the CRD message)', () => {
    const chart = Testing.chart();
    expect(() => new VirtualMcpServer(chart, 'v', { group: McpGroup.fromName(chart, 'g', 'g'), incomingAuth: { type: 'oidc' } }))
      .toThrow('VirtualMCPServer incomingAuth: spec.incomingAuth.oidcConfigRef is required when type is oidc (set incomingAuth.oidcConfig)');
  });

  test('rejects a composite tool without steps', () => {
    expect(() => new VirtualMcpCompositeToolDefinition(Testing.chart(), 'c', { name: 'x', description: 'd', steps: [] }))
      .toThrow('VirtualMCPCompositeToolDefinition spec.steps must have at least one step');
    expect(() => new VirtualMcpCompositeToolDefinition(Testing.chart(), 'c', { name: '', steps: [{ id: 'a', tool: 'b' }] }))
      .toThrow('VirtualMCPCompositeToolDefinition name must not be empty: got ""');
  });

  test('rejects an empty EmbeddingServer image or model', () => {
    expect(() => new EmbeddingServer(Testing.chart(), 'e', { image: '' })).toThrow('EmbeddingServer image must not be empty: omit it for the default TEI image');
    expect(() => new EmbeddingServer(Testing.chart(), 'e', { model: '' })).toThrow('EmbeddingServer model must not be empty: omit it for the default model');
  });

  test('rejects an object of the wrong kind where a reference is expected', () => {
    const chart = Testing.chart();
    const tools = new McpToolConfig(chart, 'tools', { metadata: { name: 'tools' } });
    expect(() => new McpServer(chart, 'srv', { image: IMAGE, metadata: { name: 'osv' }, group: tools as any }))
      .toThrow('MCPServer "osv": spec.groupRef must reference a MCPGroup, got MCPToolConfig "tools"');
  });

  test('rejects fromName without a name', () => {
    expect(() => McpGroup.fromName(Testing.chart(), 'g', '')).toThrow('McpGroup.fromName needs the name of the MCPGroup managed outside the app');
  });
});

describe('references are same-namespace only', () => {
  test('rejects a reference to an object of another namespace', () => {
    const app = Testing.app();
    const tools = new Chart(app, 'tools', { namespace: 'tools' });
    const apps = new Chart(app, 'apps', { namespace: 'apps' });
    const group = new McpGroup(tools, 'g', { metadata: { name: 'platform' } });
    expect(() => new McpServer(apps, 'srv', { image: IMAGE, group, metadata: { name: 'osv' } }))
      .toThrow('MCPServer "osv" in namespace "apps" cannot reference MCPGroup "platform" in namespace "tools" (spec.groupRef): '
        + 'ToolHive references are same-namespace only; define it in namespace "apps"');
  });

  test('rejects a reference when metadata.namespace overrides the chart namespace', () => {
    const chart = new Chart(Testing.app(), 'tools', { namespace: 'tools' });
    const oidc = McpOidcConfig.kubernetesServiceAccount(chart, 'oidc', { metadata: { name: 'k8s', namespace: 'auth' } });
    expect(() => new McpServer(chart, 'srv', { image: IMAGE, metadata: { name: 'osv' }, oidcConfig: { config: oidc, audience: 'osv' } }))
      .toThrow('MCPServer "osv" in namespace "tools" cannot reference MCPOIDCConfig "k8s" in namespace "auth" (spec.oidcConfigRef.name)');
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
