/**
 * One component per ToolHive kind: the resource graph (type tokens, names, parents, dependsOn) and the inputs each
 * custom resource receives, which are exactly the shared builders' output for the same object (references by name).
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { customResource, customResources, mockProgram, settle, valueOf, type Registration } from './harness';
import {
  embeddingServerManifest, mcpAuthzConfigManifest, mcpExternalAuthConfigManifest, mcpGroupManifest, mcpOidcConfigManifest,
  mcpRemoteProxyManifest, mcpServerEntryManifest, mcpServerManifest, mcpTelemetryConfigManifest, mcpToolConfigManifest,
  mcpWebhookConfigManifest, virtualMcpCompositeToolDefinitionManifest, virtualMcpServerManifest, type ToolHiveManifest,
} from '../../src/manifests';
import * as toolhive from '../../src/pulumi';

const NS = 'demo';
const metadata = { namespace: NS };
const meta = (name: string): { name: string; namespace: string } => ({ name, namespace: NS });

/** Every kind, created with references by object; what the builders make of the same object by name. */
function platform(operator: pulumi.Resource): { components: toolhive.ToolHiveComponent[]; expected: ToolHiveManifest<unknown>[] } {
  toolhive.configure({ operator });
  const creds = new toolhive.ToolHiveSecret('creds', {
    metadata,
    stringData: { 'token': pulumi.secret('t'), 'client-secret': 'c', 'hf-token': 'h' },
  });
  const group = new toolhive.McpGroup('tools', { metadata, description: 'Tools' });
  const oidc = new toolhive.McpOidcConfig('oidc', {
    metadata,
    type: 'inline',
    inline: { issuer: 'https://login.example.com', clientId: 'toolhive', clientSecretRef: creds.key('client-secret') },
  });
  const cedar = new toolhive.McpAuthzConfig('cedar', { metadata, type: 'cedarv1', config: { policies: ['permit(principal, action, resource);'] } });
  const filter = new toolhive.McpToolConfig('fetch-tools', { metadata, toolsFilter: ['fetch'] });
  const otel = new toolhive.McpTelemetryConfig('otel', {
    metadata,
    openTelemetry: { enabled: true, endpoint: 'otel-collector.monitoring:4318', tracing: { enabled: true } },
  });
  const webhook = new toolhive.McpWebhookConfig('policy', {
    metadata,
    validating: [{ name: 'policy', url: 'https://policy.example.com/validate', failurePolicy: 'fail' }],
  });
  const bearer = new toolhive.McpExternalAuthConfig('bearer', { metadata, type: 'bearerToken', bearerToken: { tokenSecretRef: creds.key('token') } });
  const embeddings = new toolhive.EmbeddingServer('embeddings', { metadata, model: 'BAAI/bge-small-en-v1.5', hfTokenSecretRef: creds.key('hf-token') });
  const triage = new toolhive.VirtualMcpCompositeToolDefinition('triage', {
    metadata,
    name: 'triage',
    description: 'Fetch a page',
    steps: [{ id: 'fetch', tool: 'fetch.fetch' }],
  });
  const server = new toolhive.McpServer('fetch', {
    metadata: { ...metadata, labels: { team: 'tools' } },
    image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1',
    transport: 'streamable-http',
    groupRef: group,
    toolConfigRef: filter,
    telemetryConfigRef: otel,
    webhookConfigRef: webhook,
    oidcConfigRef: { name: oidc, audience: 'fetch' },
    authzConfigRef: cedar,
  });
  const proxy = new toolhive.McpRemoteProxy('docs', {
    metadata: { ...metadata, name: 'docs-proxy' },
    remoteUrl: 'https://mcp.docs.example.com/mcp',
    oidcConfigRef: { name: oidc, audience: 'docs' },
    externalAuthConfigRef: bearer,
  });
  const entry = new toolhive.McpServerEntry('search', { metadata, remoteUrl: 'https://mcp.search.example.com/mcp', transport: 'streamable-http', groupRef: group });
  const gateway = new toolhive.VirtualMcpServer('gateway', {
    metadata,
    groupRef: group,
    incomingAuth: { type: 'anonymous' },
    embeddingServerRef: embeddings,
    telemetryConfigRef: { name: otel, serviceName: 'gateway' },
    config: { compositeToolRefs: [triage] },
  });

  const expected = [
    mcpGroupManifest({ metadata: meta('tools'), spec: { description: 'Tools' } }),
    mcpOidcConfigManifest({
      metadata: meta('oidc'),
      spec: { type: 'inline', inline: { issuer: 'https://login.example.com', clientId: 'toolhive', clientSecretRef: { name: 'creds', key: 'client-secret' } } },
    }),
    mcpAuthzConfigManifest({ metadata: meta('cedar'), spec: { type: 'cedarv1', config: { policies: ['permit(principal, action, resource);'] } } }),
    mcpToolConfigManifest({ metadata: meta('fetch-tools'), spec: { toolsFilter: ['fetch'] } }),
    mcpTelemetryConfigManifest({
      metadata: meta('otel'),
      spec: { openTelemetry: { enabled: true, endpoint: 'otel-collector.monitoring:4318', tracing: { enabled: true } } },
    }),
    mcpWebhookConfigManifest({ metadata: meta('policy'), spec: { validating: [{ name: 'policy', url: 'https://policy.example.com/validate', failurePolicy: 'fail' }] } }),
    mcpExternalAuthConfigManifest({ metadata: meta('bearer'), spec: { type: 'bearerToken', bearerToken: { tokenSecretRef: { name: 'creds', key: 'token' } } } }),
    embeddingServerManifest({ metadata: meta('embeddings'), spec: { model: 'BAAI/bge-small-en-v1.5', hfTokenSecretRef: { name: 'creds', key: 'hf-token' } } }),
    virtualMcpCompositeToolDefinitionManifest({
      metadata: meta('triage'),
      spec: { name: 'triage', description: 'Fetch a page', steps: [{ id: 'fetch', tool: 'fetch.fetch' }] },
    }),
    mcpServerManifest({
      metadata: { ...meta('fetch'), labels: { team: 'tools' } },
      spec: {
        image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1',
        transport: 'streamable-http',
        groupRef: { name: 'tools' },
        toolConfigRef: { name: 'fetch-tools' },
        telemetryConfigRef: { name: 'otel' },
        webhookConfigRef: { name: 'policy' },
        oidcConfigRef: { name: 'oidc', audience: 'fetch' },
        authzConfigRef: { name: 'cedar' },
      },
    }),
    mcpRemoteProxyManifest({
      metadata: meta('docs-proxy'),
      spec: { remoteUrl: 'https://mcp.docs.example.com/mcp', oidcConfigRef: { name: 'oidc', audience: 'docs' }, externalAuthConfigRef: { name: 'bearer' } },
    }),
    mcpServerEntryManifest({ metadata: meta('search'), spec: { remoteUrl: 'https://mcp.search.example.com/mcp', transport: 'streamable-http', groupRef: { name: 'tools' } } }),
    virtualMcpServerManifest({
      metadata: meta('gateway'),
      spec: {
        groupRef: { name: 'tools' },
        incomingAuth: { type: 'anonymous' },
        embeddingServerRef: { name: 'embeddings' },
        telemetryConfigRef: { name: 'otel', serviceName: 'gateway' },
        config: { compositeToolRefs: [{ name: 'triage' }] },
      },
    }),
  ];
  return { components: [group, oidc, cedar, filter, otel, webhook, bearer, embeddings, triage, server, proxy, entry, gateway], expected };
}

describe('components', () => {
  let regs: Registration[];
  let components: toolhive.ToolHiveComponent[];
  let expected: ToolHiveManifest<unknown>[];
  let operator: k8s.helm.v3.Release;
  let warnings: readonly toolhive.Violation[];

  beforeAll(async () => {
    regs = await mockProgram();
    operator = new k8s.helm.v3.Release('toolhive-operator', { chart: 'oci://ghcr.io/stacklok/toolhive/toolhive-operator', version: '0.44.0' });
    ({ components, expected } = platform(operator));
    warnings = await valueOf(toolhive.validate());
    await settle(...components.map(c => c.resource.urn));
  });

  const componentUrn = (type: string, name: string): string => `urn:pulumi:${pulumi.getStack()}::toolhive::toolhive:index:${type}::${name}`;

  test('the program is valid as a whole', () => {
    expect(warnings).toEqual([]);
  });

  test('has one type token per kind, toolhive:index:<Class>', () => {
    expect(regs.filter(r => r.type.startsWith('toolhive:index:')).map(r => `${r.type} ${r.name}`)).toEqual([
      'toolhive:index:Secret creds',
      'toolhive:index:McpGroup tools',
      'toolhive:index:McpOidcConfig oidc',
      'toolhive:index:McpAuthzConfig cedar',
      'toolhive:index:McpToolConfig fetch-tools',
      'toolhive:index:McpTelemetryConfig otel',
      'toolhive:index:McpWebhookConfig policy',
      'toolhive:index:McpExternalAuthConfig bearer',
      'toolhive:index:EmbeddingServer embeddings',
      'toolhive:index:VirtualMcpCompositeToolDefinition triage',
      'toolhive:index:McpServer fetch',
      'toolhive:index:McpRemoteProxy docs',
      'toolhive:index:McpServerEntry search',
      'toolhive:index:VirtualMcpServer gateway',
      'toolhive:index:Validation toolhive-validation',
    ]);
  });

  test('each component has one child: the custom resource of its kind and version, with the component\'s name', () => {
    const children = customResources(regs);
    expect(children).toHaveLength(13);
    for (const child of children) {
      const parent = regs.find(r => r.urn === child.parent)!;
      expect(parent.type).toMatch(/^toolhive:index:/);
      expect(child.name).toBe(parent.name);
      const version = child.inputs.kind === 'MCPWebhookConfig' ? 'v1alpha1' : 'v1beta1';
      expect(child.type).toBe(`kubernetes:toolhive.stacklok.dev/${version}:${child.inputs.kind as string}`);
      expect(child.inputs.apiVersion).toBe(`toolhive.stacklok.dev/${version}`);
    }
    expect(regs.filter(r => r.parent === componentUrn('Secret', 'creds')).map(r => r.type)).toEqual(['kubernetes:core/v1:Secret']);
  });

  test('each custom resource receives exactly what the shared builder makes of the same object', () => {
    const key = (m: { kind?: unknown; metadata?: unknown }): string => `${m.kind as string}/${(m.metadata as { name: string }).name}`;
    const inputs = Object.fromEntries(customResources(regs).map(r => [key(r.inputs), r.inputs]));
    expect(inputs).toEqual(Object.fromEntries(expected.map(m => [key(m), m])));
  });

  test('the manifest output is the builder\'s output, and metadataName the object name', async () => {
    for (const [i, c] of components.entries()) {
      expect(await valueOf(c.manifest)).toEqual(expected[i]);
      expect(await valueOf(c.metadataName)).toBe(expected[i].metadata.name);
      expect(await valueOf(c.metadataNamespace)).toBe(NS);
    }
  });

  test('each custom resource depends on the operator and on every object it references, nothing else', () => {
    const op = regs.find(r => r.type === 'kubernetes:helm.sh/v3:Release')!.urn;
    const cr = (kind: string, name: string): string => customResource(regs, kind, name).urn;
    const secret = regs.find(r => r.type === 'kubernetes:core/v1:Secret')!.urn;
    const deps = (kind: string, name: string): string[] => [...customResource(regs, kind, name).dependencies].sort();
    expect(deps('MCPGroup', 'tools')).toEqual([op]);
    expect(deps('MCPOIDCConfig', 'oidc')).toEqual([op, secret].sort());
    expect(deps('MCPServer', 'fetch')).toEqual([op, cr('MCPGroup', 'tools'), cr('MCPToolConfig', 'fetch-tools'), cr('MCPTelemetryConfig', 'otel'),
      cr('MCPWebhookConfig', 'policy'), cr('MCPOIDCConfig', 'oidc'), cr('MCPAuthzConfig', 'cedar')].sort());
    expect(deps('MCPRemoteProxy', 'docs-proxy')).toEqual([op, cr('MCPOIDCConfig', 'oidc'), cr('MCPExternalAuthConfig', 'bearer')].sort());
    expect(deps('VirtualMCPServer', 'gateway')).toEqual([op, cr('MCPGroup', 'tools'), cr('EmbeddingServer', 'embeddings'), cr('MCPTelemetryConfig', 'otel'),
      cr('VirtualMCPCompositeToolDefinition', 'triage')].sort());
  });

  test('components are top-level resources (no parent) and register no inputs of their own', () => {
    for (const r of regs.filter(x => x.type.startsWith('toolhive:index:'))) {
      expect(r.parent).toBe('');
      expect(r.inputs).toEqual({});
      expect(r.custom).toBe(false);
    }
  });
});

describe('the operator dependency', () => {
  test('a component\'s own operator arg takes precedence over configure()', async () => {
    const regs2 = await mockProgram();
    const crds = new k8s.helm.v3.Release('crds', { chart: 'oci://ghcr.io/stacklok/toolhive/toolhive-operator-crds', version: '0.44.0' });
    const other = new k8s.helm.v3.Release('other-operator', { chart: 'oci://ghcr.io/stacklok/toolhive/toolhive-operator', version: '0.44.0' });
    toolhive.configure({ operator: crds });
    const a = new toolhive.McpGroup('a', { metadata });
    const b = new toolhive.McpGroup('b', { metadata, operator: pulumi.output([other]) });
    await settle(a.resource.urn, b.resource.urn);
    const urnOf = (name: string): string => regs2.find(r => r.type === 'kubernetes:helm.sh/v3:Release' && r.name === name)!.urn;
    expect(customResource(regs2, 'MCPGroup', 'a').dependencies).toEqual([urnOf('crds')]);
    expect(customResource(regs2, 'MCPGroup', 'b').dependencies).toEqual([urnOf('other-operator')]);
  });
});
