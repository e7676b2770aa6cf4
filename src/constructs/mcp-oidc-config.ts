/** `MCPOIDCConfig`: shared settings for validating incoming OIDC tokens. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, ToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import { mcpOidcConfigManifest, type McpOidcConfigSpec } from '../manifests/mcp-oidc-config';

/** An `MCPOIDCConfig`, defined in the app or imported with `McpOidcConfig.fromName`. */
export interface IMcpOidcConfig extends IToolHiveObject {
  readonly kind: 'MCPOIDCConfig';
}

/**
 * A workload's reference to an `MCPOIDCConfig` (`spec.oidcConfigRef`): the shared provider settings plus the
 * per-workload audience, scopes and resource URL.
 */
export interface McpOidcConfigReference {
  /** The shared OIDC configuration. */
  readonly config: IMcpOidcConfig;
  /**
   * Audience is the expected audience for token validation. It must be unique per workload to prevent token
   * replay. With an embedded auth server it must equal `resourceUrl`.
   */
  readonly audience: string;
  /**
   * Scopes to advertise in the well-known endpoint (RFC 9728).
   *
   * @default - the operator's default, `["openid"]`
   */
  readonly scopes?: readonly string[];
  /**
   * The public URL for OAuth protected resource metadata (RFC 9728): set it to the external URL when the
   * workload is exposed through an Ingress or gateway.
   *
   * @default - the internal Service URL, `http://<name>.<namespace>.svc.cluster.local:<port>`
   */
  readonly resourceUrl?: string;
}

/** Settings of an `inline` MCPOIDCConfig (`spec.inline`; `clientSecretRef` takes a `SecretKey`). */
export type McpOidcInlineConfig = NonNullable<McpOidcConfigSpec['inline']>;
/** Settings of a `kubernetesServiceAccount` MCPOIDCConfig (`spec.kubernetesServiceAccount`). */
export type McpOidcKubernetesServiceAccountConfig = NonNullable<McpOidcConfigSpec['kubernetesServiceAccount']>;

export interface McpOidcConfigInlineProps extends ToolHiveObjectProps, McpOidcInlineConfig {}
export interface McpOidcConfigKubernetesServiceAccountProps extends ToolHiveObjectProps, McpOidcKubernetesServiceAccountConfig {}

/**
 * Props of an `MCPOIDCConfig`. Build one with `McpOidcConfig.inline(...)` or
 * `McpOidcConfig.kubernetesServiceAccount(...)`, so that `type` and its configuration always agree.
 */
export interface McpOidcConfigProps extends ToolHiveObjectProps {
  /** Type is the type of OIDC configuration source. */
  readonly type: McpOidcConfigSpec['type'];
  /**
   * Inline contains direct OIDC configuration. Only used when type is `inline`.
   *
   * @default - none (required when type is `inline`)
   */
  readonly inline?: McpOidcInlineConfig;
  /**
   * KubernetesServiceAccount configures OIDC for Kubernetes service account token validation. Only used when
   * type is `kubernetesServiceAccount`.
   *
   * @default - none (required when type is `kubernetesServiceAccount`)
   */
  readonly kubernetesServiceAccount?: McpOidcKubernetesServiceAccountConfig;
}

/**
 * An `MCPOIDCConfig`, referenced by workloads through `oidcConfig: { config, audience }`.
 *
 * @example
 * const oidc = McpOidcConfig.inline(chart, 'corp', { issuer: 'https://login.example.com', clientId: 'mcp' });
 * new McpServer(chart, 'osv', { image, oidcConfig: { config: oidc, audience: 'osv' } });
 */
export class McpOidcConfig extends ToolHiveObject<McpOidcConfigSpec> implements IMcpOidcConfig {
  /** An MCPOIDCConfig of type `inline`: an external OIDC provider. */
  public static inline(scope: Construct, id: string, props: McpOidcConfigInlineProps): McpOidcConfig {
    const { metadata, ...inline } = props;
    return new McpOidcConfig(scope, id, { metadata, type: 'inline', inline });
  }

  /** An MCPOIDCConfig of type `kubernetesServiceAccount`: validates Kubernetes service account tokens. */
  public static kubernetesServiceAccount(scope: Construct, id: string, props: McpOidcConfigKubernetesServiceAccountProps = {}): McpOidcConfig {
    const { metadata, ...kubernetesServiceAccount } = props;
    return new McpOidcConfig(scope, id, { metadata, type: 'kubernetesServiceAccount', kubernetesServiceAccount });
  }

  /** Imports an `MCPOIDCConfig` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IMcpOidcConfig {
    return new ImportedToolHiveObject(scope, id, 'MCPOIDCConfig', name) as IMcpOidcConfig;
  }

  public declare readonly kind: 'MCPOIDCConfig';
  /** The configuration source type. */
  public readonly type: McpOidcConfigSpec['type'];

  private constructor(scope: Construct, id: string, props: McpOidcConfigProps) {
    super(scope, id, 'MCPOIDCConfig', props);
    this.type = props.type;
    this.setManifest(mcpOidcConfigManifest({
      metadata: this.builderMetadata(),
      spec: {
        type: props.type,
        inline: this.resolve(props.inline, 'spec.inline'),
        kubernetesServiceAccount: props.kubernetesServiceAccount,
      },
    }));
  }
}
