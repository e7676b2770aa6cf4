/** The platform built step by step in docs/cdk8s.md: it must synthesize cleanly. */
import { App, Chart, Testing, type ChartProps } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import {
  EmbeddingServer, McpAuthzConfig, McpGroup, McpOidcConfig, McpRemoteProxy, McpServer, McpTelemetryConfig,
  McpToolConfig, SecretKey, VirtualMcpCompositeToolDefinition, VirtualMcpServer,
} from '../../src';

// --- docs/cdk8s.md: the platform chart ---
export interface PlatformProps extends ChartProps {
  /** Public URL of the gateway, used as its OAuth resource URL and audience. */
  readonly gatewayUrl: string;
}

export class Platform extends Chart {
  public readonly gateway: VirtualMcpServer;

  constructor(scope: Construct, id: string, props: PlatformProps) {
    super(scope, id, props);

    const group = new McpGroup(this, 'platform', { description: 'Tools of the platform team' });
    const oidc = McpOidcConfig.inline(this, 'corp-oidc', {
      issuer: 'https://login.example.com',
      clientId: 'toolhive',
      clientSecretRef: SecretKey.external('corp-oidc-client', 'client-secret'),
    });
    const readers = McpAuthzConfig.cedar(this, 'readers', {
      policies: ['permit(principal in THVGroup::"engineering", action == Action::"call_tool", resource);'],
    });
    const otel = new McpTelemetryConfig(this, 'otel', {
      openTelemetry: { enabled: true, endpoint: 'otel-collector.monitoring:4317', insecure: true, tracing: { enabled: true } },
    });

    // A containerised MCP server.
    new McpServer(this, 'osv', {
      image: 'ghcr.io/stackloklabs/osv-mcp/server:0.1.0',
      transport: 'streamable-http',
      group,
      toolConfig: new McpToolConfig(this, 'osv-tools', { toolsFilter: ['query_vulnerability'] }),
      telemetry: { config: otel, serviceName: 'osv' },
    });

    // A remote MCP server behind a ToolHive proxy, with an API key from a Secret of the app.
    const notionKey = new kplus.Secret(this, 'notion-key');
    notionKey.addStringData('api-key', process.env.NOTION_API_KEY ?? 'set-me');
    new McpRemoteProxy(this, 'notion', {
      remoteUrl: 'https://mcp.notion.com/mcp',
      group,
      headerForward: {
        addHeadersFromSecret: [{ headerName: 'X-API-Key', valueSecretRef: SecretKey.fromSecret(notionKey, 'api-key') }],
      },
    });

    // The gateway: one endpoint for every workload of the group.
    this.gateway = new VirtualMcpServer(this, 'gateway', {
      metadata: { name: 'gateway' },
      group,
      incomingAuth: {
        oidcConfig: { config: oidc, audience: props.gatewayUrl, resourceUrl: props.gatewayUrl },
        authz: readers,
      },
      compositeToolDefinitions: [
        new VirtualMcpCompositeToolDefinition(this, 'triage', {
          name: 'triage_vulnerability',
          description: 'Look a package up in OSV',
          parameters: { type: 'object', properties: { package: { type: 'string' } }, required: ['package'] },
          steps: [{ id: 'query', tool: 'osv_query_vulnerability', arguments: { package: '{{.params.package}}' } }],
        }),
      ],
      embeddingServer: new EmbeddingServer(this, 'embeddings'),
      config: { optimizer: {} },
      telemetry: { config: otel, serviceName: 'gateway' },
    });
  }
}
// --- end ---

describe('the docs/cdk8s.md tutorial platform', () => {
  test('synthesizes in its namespace', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const platform = new Platform(app, 'platform', { namespace: 'mcp', gatewayUrl: 'https://mcp.example.com' });
    const kinds = Testing.synth(platform).map((o: any) => `${o.kind}/${o.metadata.namespace}`);
    expect(kinds.filter(k => !k.endsWith('/mcp'))).toEqual([]);
    expect(kinds).toHaveLength(11);
    expect(platform.gateway.envVars.vmcp.map(e => e.name)).toContain('VMCP_OIDC_CLIENT_SECRET');
  });
});
