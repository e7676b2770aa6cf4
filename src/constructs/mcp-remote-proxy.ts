/** `MCPRemoteProxy`: a ToolHive proxy in front of a remote MCP server. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import type { IMcpAuthzConfig } from './mcp-authz-config';
import type { IMcpExternalAuthConfig } from './mcp-external-auth-config';
import type { IMcpGroup } from './mcp-group';
import type { McpOidcConfigReference } from './mcp-oidc-config';
import type { McpTelemetryConfigReference } from './mcp-telemetry-config';
import type { IMcpToolConfig } from './mcp-tool-config';
import { ToolHiveWorkload } from './workload';
import { mcpRemoteProxyManifest, type McpRemoteProxySpec } from '../manifests/mcp-remote-proxy';

/** An `MCPRemoteProxy`, defined in the app or imported with `McpRemoteProxy.fromName`. */
export interface IMcpRemoteProxy extends IToolHiveObject {
  readonly kind: 'MCPRemoteProxy';
}

export interface McpRemoteProxyProps extends ToolHiveObjectProps {
  /** RemoteURL is the URL of the remote MCP server to proxy (`http://` or `https://`). */
  readonly remoteUrl: string;
  /**
   * Transport is the transport method of the remote server (sse or streamable-http).
   *
   * @default - the operator's default, `streamable-http`
   */
  readonly transport?: McpRemoteProxySpec['transport'];
  /**
   * Allow a remote URL on a private network (RFC 1918, ULA, `*.cluster.local`); loopback, link-local and
   * metadata addresses stay blocked.
   *
   * @default - the operator's default, false
   */
  readonly allowPrivateEndpoint?: boolean;
  /**
   * Headers added to requests to the remote server: plaintext, or from Secrets (`valueSecretRef` takes a `SecretKey`).
   *
   * @default - no extra headers
   */
  readonly headerForward?: McpRemoteProxySpec['headerForward'];
  /**
   * ProxyPort is the port to expose the proxy on.
   *
   * @default - the operator's default, 8080
   */
  readonly proxyPort?: number;
  /**
   * PodTemplateSpec customises the proxy pod; name the container `toolhive` to change the proxy container.
   *
   * @default - the operator's pod template
   */
  readonly podTemplateSpec?: McpRemoteProxySpec['podTemplateSpec'];
  /**
   * Replicas is the desired number of proxy pod replicas.
   *
   * @default - not set: the operator leaves the Deployment's replicas alone (HPA-friendly)
   */
  readonly replicas?: number;
  /**
   * Resources defines the resource requirements for the proxy container (valid quantities).
   *
   * @default - no requests or limits
   */
  readonly resources?: McpRemoteProxySpec['resources'];
  /**
   * ResourceOverrides allows overriding annotations, labels and env of resources created by the operator.
   *
   * @default - no overrides
   */
  readonly resourceOverrides?: McpRemoteProxySpec['resourceOverrides'];
  /**
   * The name of an already existing ServiceAccount for the proxy.
   *
   * @default - the operator creates `<name>-remote-proxy-runner`
   */
  readonly serviceAccount?: string;
  /**
   * SessionAffinity controls whether the Service routes repeated client connections to the same pod.
   *
   * @default - the operator's default, `ClientIP`
   */
  readonly sessionAffinity?: McpRemoteProxySpec['sessionAffinity'];
  /**
   * SessionStorage configures session storage for stateful horizontal scaling (`passwordRef` takes a `SecretKey`).
   *
   * @default - no session storage
   */
  readonly sessionStorage?: McpRemoteProxySpec['sessionStorage'];
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
   * @default - audit disabled
   */
  readonly audit?: McpRemoteProxySpec['audit'];
  /**
   * The MCPGroup this proxy belongs to (`spec.groupRef`).
   *
   * @default - no group
   */
  readonly group?: IMcpGroup;
  /**
   * OIDC authentication of incoming requests: a shared MCPOIDCConfig plus this proxy's audience
   * (`spec.oidcConfigRef`).
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
   * Inline authorization policy configuration (`spec.authzConfig`; inline Cedar policies must parse; `configMap`
   * takes a `ConfigMapKey`).
   * Mutually exclusive with `authz`.
   *
   * @default - no inline authorization config
   */
  readonly authzConfig?: McpRemoteProxySpec['authzConfig'];
  /**
   * Credentials for the remote server (`spec.externalAuthConfigRef`).
   *
   * @default - no external auth
   */
  readonly externalAuth?: IMcpExternalAuthConfig;
  /**
   * An embedded authorization server authenticating MCP clients (`spec.authServerRef`; type
   * `embeddedAuthServer`, one upstream provider). Needs `oidcConfig`.
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
   * Shared telemetry configuration (`spec.telemetryConfigRef`).
   *
   * @default - no telemetry
   */
  readonly telemetry?: McpTelemetryConfigReference;
}

/**
 * An `MCPRemoteProxy`: a proxy Deployment `<name>` (container `toolhive`) adding auth, authz, tool filtering
 * and telemetry in front of a remote MCP URL.
 *
 * @example
 * new McpRemoteProxy(chart, 'notion', { remoteUrl: 'https://mcp.notion.com/mcp', oidcConfig: { config: oidc, audience: 'notion' } });
 */
export class McpRemoteProxy extends ToolHiveWorkload<McpRemoteProxySpec> implements IMcpRemoteProxy {
  /** Imports an `MCPRemoteProxy` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IMcpRemoteProxy {
    return new ImportedToolHiveObject(scope, id, 'MCPRemoteProxy', name) as IMcpRemoteProxy;
  }

  public declare readonly kind: 'MCPRemoteProxy';
  public readonly mainContainer = 'toolhive';

  public constructor(scope: Construct, id: string, props: McpRemoteProxyProps) {
    super(scope, id, 'MCPRemoteProxy', props);
    this.setManifest(mcpRemoteProxyManifest({
      metadata: this.builderMetadata(),
      spec: {
        remoteUrl: props.remoteUrl,
        transport: props.transport,
        allowPrivateEndpoint: props.allowPrivateEndpoint,
        headerForward: this.resolve(props.headerForward, 'spec.headerForward'),
        proxyPort: props.proxyPort,
        podTemplateSpec: props.podTemplateSpec,
        replicas: props.replicas,
        resources: props.resources,
        resourceOverrides: props.resourceOverrides,
        serviceAccount: props.serviceAccount,
        sessionAffinity: props.sessionAffinity,
        sessionStorage: this.resolve(props.sessionStorage, 'spec.sessionStorage'),
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
      },
    }));
  }
}

