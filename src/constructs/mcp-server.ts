/** `MCPServer`: a containerised MCP server behind the ToolHive proxy runner. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import type { IMcpAuthzConfig } from './mcp-authz-config';
import type { IMcpExternalAuthConfig } from './mcp-external-auth-config';
import type { IMcpGroup } from './mcp-group';
import type { McpOidcConfigReference } from './mcp-oidc-config';
import type { McpTelemetryConfigReference } from './mcp-telemetry-config';
import type { IMcpToolConfig } from './mcp-tool-config';
import type { IMcpWebhookConfig } from './mcp-webhook-config';
import type { SecretKeyRef } from './secret-key';
import { ToolHiveWorkload } from './workload';
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

export interface McpServerProps extends ToolHiveObjectProps {
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
   * ProxyPort is the port to expose the proxy runner on.
   *
   * @default - the operator's default, 8080
   */
  readonly proxyPort?: number;
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
   * Replicas is the desired number of proxy runner pod replicas (stdio is capped at 1).
   *
   * @default - not set: the operator leaves the Deployment's replicas alone (HPA-friendly)
   */
  readonly replicas?: number;
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
   * ResourceOverrides allows overriding annotations, labels and env of resources created by the operator.
   *
   * @default - no overrides
   */
  readonly resourceOverrides?: McpServerSpec['resourceOverrides'];
  /**
   * The name of an already existing ServiceAccount for the MCP server.
   *
   * @default - the operator creates `<name>-sa`
   */
  readonly serviceAccount?: string;
  /**
   * SessionAffinity controls whether the Service routes repeated client connections to the same pod.
   *
   * @default - the operator's default, `ClientIP`
   */
  readonly sessionAffinity?: McpServerSpec['sessionAffinity'];
  /**
   * SessionStorage configures session storage for stateful horizontal scaling (`passwordRef` takes a `SecretKey`).
   *
   * @default - no session storage
   */
  readonly sessionStorage?: McpServerSpec['sessionStorage'];
  /**
   * RateLimiting defines rate limiting; it requires Redis session storage, and per-user limits authentication.
   *
   * @default - no rate limiting
   */
  readonly rateLimiting?: McpServerSpec['rateLimiting'];
  /**
   * TrustProxyHeaders trusts X-Forwarded-* headers from reverse proxies to build endpoint URLs.
   *
   * @default - the operator's default, false
   */
  readonly trustProxyHeaders?: boolean;
  /**
   * EndpointPrefix is the path prefix to prepend to SSE endpoint URLs (path-based ingress routing).
   *
   * @default - no prefix
   */
  readonly endpointPrefix?: string;
  /**
   * Audit defines audit logging configuration.
   *
   * @default - the operator's default, audit disabled
   */
  readonly audit?: McpServerSpec['audit'];
  /**
   * The MCPGroup this server belongs to (`spec.groupRef`).
   *
   * @default - no group
   */
  readonly group?: IMcpGroup;
  /**
   * OIDC authentication of incoming requests: a shared MCPOIDCConfig plus this server's audience
   * (`spec.oidcConfigRef`). Without it (and without another auth source) the proxy runs UNAUTHENTICATED.
   *
   * @default - no OIDC authentication
   */
  readonly oidcConfig?: McpOidcConfigReference;
  /**
   * A shared MCPAuthzConfig (`spec.authzConfigRef`). Mutually exclusive with `authzConfig`.
   *
   * @default - no shared authorization config
   */
  readonly authz?: IMcpAuthzConfig;
  /**
   * Inline authorization policy configuration (`spec.authzConfig`; `configMap` takes a `ConfigMapKey`). Mutually exclusive with `authz`.
   *
   * @default - no inline authorization config
   */
  readonly authzConfig?: McpServerSpec['authzConfig'];
  /**
   * Outgoing credentials for the MCP server (`spec.externalAuthConfigRef`).
   *
   * @default - no external auth
   */
  readonly externalAuth?: IMcpExternalAuthConfig;
  /**
   * An embedded authorization server authenticating MCP clients: an MCPExternalAuthConfig of type
   * `embeddedAuthServer` with one upstream provider (`spec.authServerRef`). Needs `oidcConfig`.
   *
   * @default - no embedded auth server
   */
  readonly authServer?: IMcpExternalAuthConfig;
  /**
   * Tool filtering and renaming (`spec.toolConfigRef`).
   *
   * @default - every tool, unchanged
   */
  readonly toolConfig?: IMcpToolConfig;
  /**
   * Shared telemetry configuration and this server's service name (`spec.telemetryConfigRef`).
   *
   * @default - no telemetry
   */
  readonly telemetry?: McpTelemetryConfigReference;
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
export class McpServer extends ToolHiveWorkload<McpServerSpec> implements IMcpServer {
  /** Imports an `MCPServer` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IMcpServer {
    return new ImportedToolHiveObject(scope, id, 'MCPServer', name) as IMcpServer;
  }

  public declare readonly kind: 'MCPServer';
  public readonly mainContainer = 'toolhive';

  public constructor(scope: Construct, id: string, props: McpServerProps) {
    super(scope, id, 'MCPServer', props);
    this.setManifest(mcpServerManifest({
      metadata: this.builderMetadata(),
      spec: {
        image: props.image,
        transport: props.transport,
        proxyMode: props.proxyMode,
        proxyPort: props.proxyPort,
        mcpPort: props.mcpPort,
        args: props.args,
        env: props.env,
        secrets: props.secrets?.map((s, i) => ({ ...this.resolve(s.secretKey, `spec.secrets[${i}]`), targetEnvName: s.targetEnvName })),
        volumes: props.volumes,
        permissionProfile: props.permissionProfile,
        podTemplateSpec: props.podTemplateSpec,
        replicas: props.replicas,
        backendReplicas: props.backendReplicas,
        resources: props.resources,
        resourceOverrides: props.resourceOverrides,
        serviceAccount: props.serviceAccount,
        sessionAffinity: props.sessionAffinity,
        sessionStorage: this.resolve(props.sessionStorage, 'spec.sessionStorage'),
        rateLimiting: props.rateLimiting,
        trustProxyHeaders: props.trustProxyHeaders,
        endpointPrefix: props.endpointPrefix,
        audit: props.audit,
        groupRef: this.ref(props.group, 'spec.groupRef'),
        oidcConfigRef: this.configRef(props.oidcConfig, 'spec.oidcConfigRef'),
        authzConfigRef: this.ref(props.authz, 'spec.authzConfigRef'),
        authzConfig: this.resolve(props.authzConfig, 'spec.authzConfig'),
        externalAuthConfigRef: this.ref(props.externalAuth, 'spec.externalAuthConfigRef'),
        authServerRef: props.authServer && { kind: 'MCPExternalAuthConfig', name: this.refName(props.authServer, 'spec.authServerRef') },
        toolConfigRef: this.ref(props.toolConfig, 'spec.toolConfigRef'),
        telemetryConfigRef: this.configRef(props.telemetry, 'spec.telemetryConfigRef'),
        webhookConfigRef: this.ref(props.webhooks, 'spec.webhookConfigRef'),
      },
    }));
  }
}
