/** `VirtualMCPServer`: the vMCP gateway aggregating every workload of an MCPGroup. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import type { IEmbeddingServer } from './embedding-server';
import type { IMcpAuthzConfig } from './mcp-authz-config';
import type { IMcpExternalAuthConfig } from './mcp-external-auth-config';
import type { IMcpGroup } from './mcp-group';
import type { McpOidcConfigReference } from './mcp-oidc-config';
import type { McpTelemetryConfigReference } from './mcp-telemetry-config';
import type { SecretLike } from './secret-key';
import type { EmbeddedAuthServerConfig } from './upstream-provider';
import type { IVirtualMcpCompositeToolDefinition } from './virtual-mcp-composite-tool-definition';
import { ToolHiveWorkload } from './workload';
import { virtualMcpServerManifest, type VirtualMcpServerSpec } from '../manifests/virtual-mcp-server';

/** A `VirtualMCPServer`, defined in the app or imported with `VirtualMcpServer.fromName`. */
export interface IVirtualMcpServer extends IToolHiveObject {
  readonly kind: 'VirtualMCPServer';
}

type IncomingAuthSpec = VirtualMcpServerSpec['incomingAuth'];
type OutgoingAuthSpec = NonNullable<VirtualMcpServerSpec['outgoingAuth']>;

/** Authentication of clients connecting to the vMCP (`spec.incomingAuth`). */
export interface VirtualMcpIncomingAuth {
  /**
   * `oidc` or `anonymous`.
   *
   * @default - `oidc` when `oidcConfig` is set, `anonymous` otherwise
   */
  readonly type?: IncomingAuthSpec['type'];
  /**
   * The shared OIDC configuration plus this vMCP's audience (`oidcConfigRef`). With `authServerConfig`, the
   * audience must equal `resourceUrl` and the MCPOIDCConfig issuer the auth server's issuer.
   *
   * @default - none (required when type is `oidc`)
   */
  readonly oidcConfig?: McpOidcConfigReference;
  /**
   * A shared MCPAuthzConfig of type `cedarv1` (`authzConfigRef`). Mutually exclusive with `authzConfig`.
   *
   * @default - no shared authorization config
   */
  readonly authz?: IMcpAuthzConfig;
  /**
   * Inline Cedar authorization (`authzConfig`; `configMap` takes a `ConfigMapKey`). Mutually exclusive with `authz`.
   *
   * @default - no inline authorization config
   */
  readonly authzConfig?: IncomingAuthSpec['authzConfig'];
}

/** How the vMCP authenticates to one backend, or to every backend by default. */
export interface VirtualMcpBackendAuth {
  /**
   * `discovered` (use the backend's own externalAuthConfigRef) or `externalAuthConfigRef`.
   *
   * @default - `externalAuthConfigRef` when `externalAuth` is set, `discovered` otherwise
   */
  readonly type?: NonNullable<OutgoingAuthSpec['default']>['type'];
  /**
   * The credentials (an MCPExternalAuthConfig of a type vMCP supports: not bearerToken nor embeddedAuthServer).
   *
   * @default - none (required when type is `externalAuthConfigRef`)
   */
  readonly externalAuth?: IMcpExternalAuthConfig;
}

/** Authentication from the vMCP to its backends (`spec.outgoingAuth`). */
export interface VirtualMcpOutgoingAuth {
  /**
   * `discovered` (read each backend's externalAuthConfigRef) or `inline`.
   *
   * @default - the operator's default, `discovered`
   */
  readonly source?: OutgoingAuthSpec['source'];
  /**
   * The default backend authentication.
   *
   * @default - none
   */
  readonly default?: VirtualMcpBackendAuth;
  /**
   * Per-backend authentication, keyed by workload name.
   *
   * @default - none
   */
  readonly backends?: { readonly [workload: string]: VirtualMcpBackendAuth };
}

/** `spec.config` without `compositeToolRefs` (use `compositeToolDefinitions`). */
export type VirtualMcpConfig = Omit<NonNullable<VirtualMcpServerSpec['config']>, 'compositeToolRefs'>;

export interface VirtualMcpServerProps extends ToolHiveObjectProps {
  /** The MCPGroup whose workloads the vMCP aggregates (`spec.groupRef`). */
  readonly group: IMcpGroup;
  /** Authentication of clients (`spec.incomingAuth`); `{}` means anonymous. */
  readonly incomingAuth: VirtualMcpIncomingAuth;
  /**
   * Authentication to the backends (`spec.outgoingAuth`).
   *
   * @default - the operator's default, source `discovered`
   */
  readonly outgoingAuth?: VirtualMcpOutgoingAuth;
  /**
   * An embedded OAuth authorization server (`spec.authServerConfig`): the vMCP becomes an OIDC issuer that
   * drives users through its upstream providers. Its issuer must match the MCPOIDCConfig issuer.
   *
   * @default - no embedded auth server (clients bring IdP tokens)
   */
  readonly authServerConfig?: EmbeddedAuthServerConfig;
  /**
   * The vMCP configuration (`spec.config`): aggregation, composite tools, optimizer, operational settings.
   * `aggregation.tools[].toolConfigRef` accepts an `McpToolConfig`.
   *
   * @default - the operator's defaults
   */
  readonly config?: VirtualMcpConfig;
  /**
   * Reusable composite tools (`spec.config.compositeToolRefs`).
   *
   * @default - none
   */
  readonly compositeToolDefinitions?: readonly IVirtualMcpCompositeToolDefinition[];
  /**
   * The embedding server of the optimizer (`spec.embeddingServerRef`).
   *
   * @default - none (the optimizer then needs `config.optimizer.embeddingService`)
   */
  readonly embeddingServer?: IEmbeddingServer;
  /**
   * Shared telemetry configuration (`spec.telemetryConfigRef`).
   *
   * @default - no telemetry
   */
  readonly telemetry?: McpTelemetryConfigReference;
  /**
   * Image pull Secrets for the vMCP pod and its ServiceAccount: cdk8s-plus Secrets (an imported one,
   * `kplus.Secret.fromSecretName`, is declared external) or `{ name }` of a Secret of the app.
   *
   * @default - none
   */
  readonly imagePullSecrets?: readonly SecretLike[];
  /**
   * Incoming header names forwarded verbatim to every backend (not restricted headers).
   *
   * @default - none
   */
  readonly passthroughHeaders?: readonly string[];
  /**
   * PodTemplateSpec customises the pod; name the container `vmcp` to change the vMCP container.
   *
   * @default - the operator's pod template
   */
  readonly podTemplateSpec?: VirtualMcpServerSpec['podTemplateSpec'];
  /**
   * Replicas is the desired number of vMCP pod replicas (more than 1 needs Redis session storage).
   *
   * @default - not set: the operator leaves the Deployment's replicas alone (HPA-friendly)
   */
  readonly replicas?: number;
  /**
   * The name of an already existing ServiceAccount for the vMCP.
   *
   * @default - the operator creates `<name>-vmcp`
   */
  readonly serviceAccount?: string;
  /**
   * ServiceType of the vMCP Service `vmcp-<name>` (port 4483).
   *
   * @default - the operator's default, `ClusterIP`
   */
  readonly serviceType?: VirtualMcpServerSpec['serviceType'];
  /**
   * SessionAffinity controls whether the Service routes repeated client connections to the same pod.
   *
   * @default - the operator's default, `ClientIP`
   */
  readonly sessionAffinity?: VirtualMcpServerSpec['sessionAffinity'];
  /**
   * SessionStorage configures session storage for horizontal scaling (`passwordRef` takes a `SecretKey`).
   *
   * @default - no session storage
   */
  readonly sessionStorage?: VirtualMcpServerSpec['sessionStorage'];
}

/**
 * A `VirtualMCPServer` (Deployment `<name>`, container `vmcp`, Service `vmcp-<name>` on port 4483).
 *
 * @example
 * new VirtualMcpServer(chart, 'gateway', {
 *   group: platform,
 *   incomingAuth: { oidcConfig: { config: oidc, audience: 'gateway' }, authz },
 *   outgoingAuth: { backends: { github: { externalAuth: githubExchange } } },
 * });
 */
export class VirtualMcpServer extends ToolHiveWorkload<VirtualMcpServerSpec> implements IVirtualMcpServer {
  /** Imports a `VirtualMCPServer` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IVirtualMcpServer {
    return new ImportedToolHiveObject(scope, id, 'VirtualMCPServer', name) as IVirtualMcpServer;
  }

  public declare readonly kind: 'VirtualMCPServer';
  public readonly mainContainer = 'vmcp';

  public constructor(scope: Construct, id: string, props: VirtualMcpServerProps) {
    super(scope, id, 'VirtualMCPServer', props);
    const incoming = props.incomingAuth;
    const compositeToolRefs = props.compositeToolDefinitions?.map((d, i) => ({
      name: this.refName(d, `spec.config.compositeToolRefs[${i}]`),
    }));
    const config = props.config || compositeToolRefs ? { ...this.resolve(props.config, 'spec.config'), compositeToolRefs } : undefined;
    this.setManifest(virtualMcpServerManifest({
      metadata: this.builderMetadata(),
      spec: {
        groupRef: this.ref(props.group, 'spec.groupRef')!,
        incomingAuth: incoming && {
          type: incoming.type ?? (incoming.oidcConfig ? 'oidc' : 'anonymous'),
          oidcConfigRef: this.configRef(incoming.oidcConfig, 'spec.incomingAuth.oidcConfigRef'),
          authzConfigRef: this.ref(incoming.authz, 'spec.incomingAuth.authzConfigRef'),
          authzConfig: this.resolve(incoming.authzConfig, 'spec.incomingAuth.authzConfig'),
        },
        outgoingAuth: props.outgoingAuth && {
          source: props.outgoingAuth.source,
          default: this.backendAuth(props.outgoingAuth.default, 'spec.outgoingAuth.default'),
          backends: props.outgoingAuth.backends && Object.fromEntries(Object.entries(props.outgoingAuth.backends)
            .map(([name, auth]) => [name, this.backendAuth(auth, `spec.outgoingAuth.backends[${name}]`)!])),
        },
        authServerConfig: this.resolve(props.authServerConfig, 'spec.authServerConfig'),
        config,
        embeddingServerRef: this.ref(props.embeddingServer, 'spec.embeddingServerRef'),
        telemetryConfigRef: this.configRef(props.telemetry, 'spec.telemetryConfigRef'),
        imagePullSecrets: props.imagePullSecrets?.map((s, i) => this.secretName(s, `spec.imagePullSecrets[${i}]`)),
        passthroughHeaders: props.passthroughHeaders,
        podTemplateSpec: props.podTemplateSpec,
        replicas: props.replicas,
        serviceAccount: props.serviceAccount,
        serviceType: props.serviceType,
        sessionAffinity: props.sessionAffinity,
        sessionStorage: this.resolve(props.sessionStorage, 'spec.sessionStorage'),
      },
    }));
  }

  private backendAuth(auth: VirtualMcpBackendAuth | undefined, field: string) {
    if (auth === undefined) return undefined;
    return {
      type: auth.type ?? (auth.externalAuth ? 'externalAuthConfigRef' as const : 'discovered' as const),
      externalAuthConfigRef: this.ref(auth.externalAuth, `${field}.externalAuthConfigRef`),
    };
  }
}
