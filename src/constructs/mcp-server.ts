/** `MCPServer`: a containerised MCP server behind the ToolHive proxy runner. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, type IToolHiveObject } from './base';
import type { IMcpWebhookConfig } from './mcp-webhook-config';
import { ToolHiveProxyWorkload, type ProxyWorkloadProps } from './proxy-workload';
import type { SecretKeyRef } from './secret-key';
import { mcpServerManifest, type McpServerSpec } from '../manifests/mcp-server';

/** An `MCPServer`, defined in the app or imported with `McpServer.fromName`. */
export interface IMcpServer extends IToolHiveObject {
  readonly kind: 'MCPServer';
}

/** A Secret key exposed as an env var of the MCP server container (`spec.secrets[]`). */
export interface McpServerSecret {
  /** The Secret key: a `SecretKey` or a plain `{ name, key }`. One entry per Secret. */
  readonly secretKey: SecretKeyRef;
  /**
   * The env var the value is exposed as in the `mcp` container.
   *
   * @default - the key
   */
  readonly targetEnvName?: string;
}

export interface McpServerProps extends ProxyWorkloadProps {
  /** Image is the container image for the MCP server. */
  readonly image: string;
  /**
   * Transport is the transport method for the MCP server (stdio, streamable-http or sse).
   *
   * @default - the operator's default, `stdio`
   */
  readonly transport?: McpServerSpec['transport'];
  /**
   * ProxyMode is the proxy mode for the stdio transport (sse or streamable-http); ignored for other transports.
   *
   * @default - the operator's default, `streamable-http`
   */
  readonly proxyMode?: McpServerSpec['proxyMode'];
  /**
   * MCPPort is the port the MCP server listens to.
   *
   * @default - the operator's default, 8080
   */
  readonly mcpPort?: number;
  /**
   * Args are additional arguments to pass to the MCP server.
   *
   * @default - no arguments
   */
  readonly args?: readonly string[];
  /**
   * Env are environment variables to set in the MCP server container (values must not contain newlines).
   *
   * @default - no extra env vars
   */
  readonly env?: McpServerSpec['env'];
  /**
   * Secret keys exposed as env vars of the MCP server container (`spec.secrets`).
   *
   * @default - no Secrets
   */
  readonly secrets?: readonly McpServerSecret[];
  /**
   * Volumes are host paths to mount in the MCP server container (paths must not contain `:`).
   *
   * @default - no volumes
   */
  readonly volumes?: McpServerSpec['volumes'];
  /**
   * PermissionProfile defines the permission profile to use (builtin `none`/`network`, or a ConfigMap).
   *
   * @default - the operator's default, type `builtin`
   */
  readonly permissionProfile?: McpServerSpec['permissionProfile'];
  /**
   * PodTemplateSpec customises the backend pod beyond the other fields; name the container `mcp` to change
   * the MCP server container.
   *
   * @default - the operator's pod template
   */
  readonly podTemplateSpec?: McpServerSpec['podTemplateSpec'];
  /**
   * BackendReplicas is the desired number of MCP server backend pod replicas.
   *
   * @default - not set: the operator leaves the backend's replicas alone (HPA-friendly)
   */
  readonly backendReplicas?: number;
  /**
   * Resources defines the resource requirements for the MCP server container (valid quantities).
   *
   * @default - no requests or limits
   */
  readonly resources?: McpServerSpec['resources'];
  /**
   * RateLimiting defines rate limiting; it requires Redis session storage, and per-user limits authentication.
   *
   * @default - no rate limiting
   */
  readonly rateLimiting?: McpServerSpec['rateLimiting'];
  /**
   * Webhook middleware (`spec.webhookConfigRef`).
   *
   * @default - no webhooks
   */
  readonly webhooks?: IMcpWebhookConfig;
}

/**
 * An `MCPServer`: the operator runs the proxy runner (Deployment `<name>`, container `toolhive`) and the MCP
 * server itself (container `mcp`).
 *
 * @example
 * new McpServer(chart, 'osv', {
 *   image: 'ghcr.io/stackloklabs/osv-mcp/server',
 *   transport: 'streamable-http',
 *   group: platform,
 *   oidcConfig: { config: oidc, audience: 'osv' },
 * });
 */
export class McpServer extends ToolHiveProxyWorkload<McpServerSpec> implements IMcpServer {
  /** Imports an `MCPServer` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IMcpServer {
    return new ImportedToolHiveObject(scope, id, 'MCPServer', name) as IMcpServer;
  }

  public declare readonly kind: 'MCPServer';

  public constructor(scope: Construct, id: string, props: McpServerProps) {
    super(scope, id, 'MCPServer', props);
    this.setManifest(mcpServerManifest({
      metadata: this.builderMetadata(),
      // Object.assign, not a spread: V8 copies a spread object into a slow one before the keys below are added
      spec: Object.assign(this.proxySpec(props), {
        image: props.image,
        transport: props.transport,
        proxyMode: props.proxyMode,
        mcpPort: props.mcpPort,
        args: props.args,
        env: props.env,
        secrets: props.secrets?.map((s, i) => ({ ...this.resolve(s.secretKey, `spec.secrets[${i}]`), targetEnvName: s.targetEnvName })),
        volumes: props.volumes,
        permissionProfile: props.permissionProfile,
        podTemplateSpec: props.podTemplateSpec,
        backendReplicas: props.backendReplicas,
        resources: props.resources,
        rateLimiting: props.rateLimiting,
        webhookConfigRef: this.ref(props.webhooks, 'spec.webhookConfigRef'),
      }),
    }));
  }
}
