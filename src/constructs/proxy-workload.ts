/** What an `MCPServer` and an `MCPRemoteProxy` share: the ToolHive proxy in front of an MCP server, and its auth. */
import type { Construct } from 'constructs';
import type { ToolHiveObjectProps } from './base';
import type { IMcpAuthzConfig } from './mcp-authz-config';
import type { IMcpExternalAuthConfig } from './mcp-external-auth-config';
import type { IMcpGroup } from './mcp-group';
import type { McpOidcConfigReference } from './mcp-oidc-config';
import type { McpTelemetryConfigReference } from './mcp-telemetry-config';
import type { IMcpToolConfig } from './mcp-tool-config';
import { ToolHiveWorkload } from './workload';
import type { ToolHiveKind } from '../manifests/common';
import type { McpRemoteProxySpec } from '../manifests/mcp-remote-proxy';
import type { McpServerSpec } from '../manifests/mcp-server';

/** The spec fields both kinds have, with the same CRD type in both. */
type Shared = McpServerSpec & McpRemoteProxySpec;

/**
 * Props of the ToolHive proxy both `McpServer` and `McpRemoteProxy` run (Deployment `<name>`, container
 * `toolhive`): its Service and scaling, session handling, audit, and the auth, authz, tools and telemetry it
 * applies to incoming requests.
 */
export interface ProxyWorkloadProps extends ToolHiveObjectProps {
  /**
   * ProxyPort is the port to expose the proxy on.
   *
   * @default - the operator's default, 8080
   */
  readonly proxyPort?: number;
  /**
   * Replicas is the desired number of proxy pod replicas (an MCPServer with the stdio transport is capped at 1).
   *
   * @default - not set: the operator leaves the Deployment's replicas alone (HPA-friendly)
   */
  readonly replicas?: number;
  /**
   * ResourceOverrides allows overriding annotations, labels and env of the resources the operator creates.
   *
   * @default - no overrides
   */
  readonly resourceOverrides?: Shared['resourceOverrides'];
  /**
   * The name of an already existing ServiceAccount for the proxy.
   *
   * @default - the operator creates one: `<name>-sa` for an MCPServer, `<name>-remote-proxy-runner` for an MCPRemoteProxy
   */
  readonly serviceAccount?: string;
  /**
   * SessionAffinity controls whether the Service routes repeated client connections to the same pod.
   *
   * @default - the operator's default, `ClientIP`
   */
  readonly sessionAffinity?: Shared['sessionAffinity'];
  /**
   * SessionStorage configures session storage for stateful horizontal scaling (`passwordRef` takes a `SecretKey`).
   *
   * @default - no session storage: sessions live in each pod's memory
   */
  readonly sessionStorage?: Shared['sessionStorage'];
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
  readonly audit?: Shared['audit'];
  /**
   * The MCPGroup this workload belongs to (`spec.groupRef`).
   *
   * @default - no group
   */
  readonly group?: IMcpGroup;
  /**
   * OIDC authentication of incoming requests: a shared MCPOIDCConfig plus this workload's audience
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
   * Inline authorization policy configuration (`spec.authzConfig`; inline Cedar policies must parse; `configMap`
   * takes a `ConfigMapKey`). Mutually exclusive with `authz`.
   *
   * @default - no inline authorization config
   */
  readonly authzConfig?: Shared['authzConfig'];
  /**
   * Outgoing credentials, to the MCP server or the remote server (`spec.externalAuthConfigRef`).
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
   * Shared telemetry configuration and this workload's service name (`spec.telemetryConfigRef`).
   *
   * @default - no telemetry
   */
  readonly telemetry?: McpTelemetryConfigReference;
}

/** Base class of the two proxied workloads: builds the spec fields of `ProxyWorkloadProps`. */
export abstract class ToolHiveProxyWorkload<S> extends ToolHiveWorkload<S> {
  /** The proxy runs in container `toolhive` of Deployment `<name>`. */
  public readonly mainContainer = 'toolhive';

  protected constructor(scope: Construct, id: string, kind: ToolHiveKind, props: ProxyWorkloadProps) {
    super(scope, id, kind, props);
  }

  /** The spec fields of the shared props, references resolved. */
  protected proxySpec(props: ProxyWorkloadProps) {
    return {
      proxyPort: props.proxyPort,
      replicas: props.replicas,
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
      authServerRef: props.authServer && { kind: 'MCPExternalAuthConfig' as const, name: this.refName(props.authServer, 'spec.authServerRef') },
      toolConfigRef: this.ref(props.toolConfig, 'spec.toolConfigRef'),
      telemetryConfigRef: this.configRef(props.telemetry, 'spec.telemetryConfigRef'),
    };
  }
}
