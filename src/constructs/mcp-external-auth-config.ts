/** `MCPExternalAuthConfig`: a backend credential strategy, or the configuration of an embedded auth server. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, ToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import type { EmbeddedAuthServerConfig } from './upstream-provider';
import { mcpExternalAuthConfigManifest, type McpExternalAuthConfigSpec } from '../manifests/mcp-external-auth-config';

/** The `type` of an MCPExternalAuthConfig. */
export type ExternalAuthType = McpExternalAuthConfigSpec['type'];

/** An `MCPExternalAuthConfig`, defined in the app or imported with `McpExternalAuthConfig.fromName`. */
export interface IMcpExternalAuthConfig extends IToolHiveObject {
  readonly kind: 'MCPExternalAuthConfig';
  /** The auth type; undefined for an imported config (unknown). */
  readonly authType?: ExternalAuthType;
}

/** `spec.tokenExchange` (RFC 8693 token exchange; `clientSecretRef` takes a `SecretKey`). */
export type TokenExchangeConfig = NonNullable<McpExternalAuthConfigSpec['tokenExchange']>;
/** `spec.headerInjection` (a header whose value comes from a Secret). */
export type HeaderInjectionConfig = NonNullable<McpExternalAuthConfigSpec['headerInjection']>;
/** `spec.bearerToken` (a static bearer token from a Secret). */
export type BearerTokenConfig = NonNullable<McpExternalAuthConfigSpec['bearerToken']>;
/** `spec.awsSts` (AWS STS role assumption and SigV4 signing). */
export type AwsStsConfig = NonNullable<McpExternalAuthConfigSpec['awsSts']>;
/** `spec.upstreamInject` (inject the token of an embedded auth server's upstream). */
export type UpstreamInjectConfig = NonNullable<McpExternalAuthConfigSpec['upstreamInject']>;
/** `spec.xaa` (Cross-Application Access). */
export type XaaConfig = NonNullable<McpExternalAuthConfigSpec['xaa']>;
/** `spec.obo` (On-Behalf-Of; needs an enterprise operator build). */
export type OboConfig = NonNullable<McpExternalAuthConfigSpec['obo']>;

export interface TokenExchangeProps extends ToolHiveObjectProps, TokenExchangeConfig {}
export interface HeaderInjectionProps extends ToolHiveObjectProps, HeaderInjectionConfig {}
export interface BearerTokenProps extends ToolHiveObjectProps, BearerTokenConfig {}
export interface AwsStsProps extends ToolHiveObjectProps, AwsStsConfig {}
export interface UpstreamInjectProps extends ToolHiveObjectProps, UpstreamInjectConfig {}
export interface XaaProps extends ToolHiveObjectProps, XaaConfig {}
export interface OboProps extends ToolHiveObjectProps, OboConfig {}
export interface EmbeddedAuthServerProps extends ToolHiveObjectProps, EmbeddedAuthServerConfig {}

/**
 * Props of an `MCPExternalAuthConfig`: `type` and the one matching configuration. Build one with the static
 * factory of its type (`McpExternalAuthConfig.bearerToken(...)`, ...), so that they cannot disagree.
 */
export interface McpExternalAuthConfigProps extends ToolHiveObjectProps {
  /** Type is the type of external authentication to configure. */
  readonly type: ExternalAuthType;
  /** RFC 8693 token exchange. Only used when type is `tokenExchange`. @default - none */
  readonly tokenExchange?: TokenExchangeConfig;
  /** Custom HTTP header injection. Only used when type is `headerInjection`. @default - none */
  readonly headerInjection?: HeaderInjectionConfig;
  /** Bearer token authentication. Only used when type is `bearerToken`. @default - none */
  readonly bearerToken?: BearerTokenConfig;
  /** An embedded OAuth2/OIDC authorization server. Only used when type is `embeddedAuthServer`. @default - none */
  readonly embeddedAuthServer?: EmbeddedAuthServerConfig;
  /** AWS STS with SigV4 request signing. Only used when type is `awsSts`. @default - none */
  readonly awsSts?: AwsStsConfig;
  /** Upstream token injection. Only used when type is `upstreamInject`. @default - none */
  readonly upstreamInject?: UpstreamInjectConfig;
  /** Cross-Application Access. Only used when type is `xaa`. @default - none */
  readonly xaa?: XaaConfig;
  /** On-Behalf-Of. Only used when type is `obo` (enterprise builds only). @default - none */
  readonly obo?: OboConfig;
}

type Config = Omit<McpExternalAuthConfigProps, 'type' | 'metadata'>;

/**
 * An `MCPExternalAuthConfig`. Referenced by workloads as `externalAuth` (outgoing credentials) or `authServer`
 * (an embedded auth server for incoming clients), and by vMCP outgoing auth.
 *
 * @example
 * const github = McpExternalAuthConfig.bearerToken(chart, 'github', { tokenSecretRef: SecretKey.fromSecret(token, 'token') });
 */
export class McpExternalAuthConfig extends ToolHiveObject<McpExternalAuthConfigSpec> implements IMcpExternalAuthConfig {
  /** RFC 8693 OAuth 2.0 token exchange (`type: tokenExchange`). */
  public static tokenExchange(scope: Construct, id: string, props: TokenExchangeProps): McpExternalAuthConfig {
    const { metadata, ...tokenExchange } = props;
    return new McpExternalAuthConfig(scope, id, metadata, 'tokenExchange', { tokenExchange });
  }

  /** A header whose value comes from a Secret (`type: headerInjection`). */
  public static headerInjection(scope: Construct, id: string, props: HeaderInjectionProps): McpExternalAuthConfig {
    const { metadata, ...headerInjection } = props;
    return new McpExternalAuthConfig(scope, id, metadata, 'headerInjection', { headerInjection });
  }

  /** A static bearer token from a Secret (`type: bearerToken`). */
  public static bearerToken(scope: Construct, id: string, props: BearerTokenProps): McpExternalAuthConfig {
    const { metadata, ...bearerToken } = props;
    return new McpExternalAuthConfig(scope, id, metadata, 'bearerToken', { bearerToken });
  }

  /** An embedded OAuth2/OIDC authorization server (`type: embeddedAuthServer`). */
  public static embeddedAuthServer(scope: Construct, id: string, props: EmbeddedAuthServerProps): McpExternalAuthConfig {
    const { metadata, ...embeddedAuthServer } = props;
    return new McpExternalAuthConfig(scope, id, metadata, 'embeddedAuthServer', { embeddedAuthServer });
  }

  /** AWS STS role assumption with SigV4 signing (`type: awsSts`). */
  public static awsSts(scope: Construct, id: string, props: AwsStsProps): McpExternalAuthConfig {
    const { metadata, ...awsSts } = props;
    return new McpExternalAuthConfig(scope, id, metadata, 'awsSts', { awsSts });
  }

  /** Inject the token of an embedded auth server's upstream provider (`type: upstreamInject`). */
  public static upstreamInject(scope: Construct, id: string, props: UpstreamInjectProps): McpExternalAuthConfig {
    const { metadata, ...upstreamInject } = props;
    return new McpExternalAuthConfig(scope, id, metadata, 'upstreamInject', { upstreamInject });
  }

  /** Cross-Application Access (`type: xaa`). */
  public static xaa(scope: Construct, id: string, props: XaaProps): McpExternalAuthConfig {
    const { metadata, ...xaa } = props;
    return new McpExternalAuthConfig(scope, id, metadata, 'xaa', { xaa });
  }

  /** On-Behalf-Of (`type: obo`); rejected by upstream (non-enterprise) operator builds. */
  public static obo(scope: Construct, id: string, props: OboProps = {}): McpExternalAuthConfig {
    const { metadata, ...obo } = props;
    return new McpExternalAuthConfig(scope, id, metadata, 'obo', { obo });
  }

  /** No credentials (`type: unauthenticated`). */
  public static unauthenticated(scope: Construct, id: string, props: ToolHiveObjectProps = {}): McpExternalAuthConfig {
    return new McpExternalAuthConfig(scope, id, props.metadata, 'unauthenticated', {});
  }

  /** Imports an `MCPExternalAuthConfig` managed outside the app (declared external; its type is unknown). */
  public static fromName(scope: Construct, id: string, name: string): IMcpExternalAuthConfig {
    return new ImportedToolHiveObject(scope, id, 'MCPExternalAuthConfig', name) as IMcpExternalAuthConfig;
  }

  public declare readonly kind: 'MCPExternalAuthConfig';
  public readonly authType: ExternalAuthType;
  /** Number of upstream providers of an embedded auth server (0 for other types). */
  public readonly upstreamProviderCount: number;

  private constructor(scope: Construct, id: string, metadata: ToolHiveObjectProps['metadata'], type: ExternalAuthType, config: Config) {
    super(scope, id, 'MCPExternalAuthConfig', { metadata });
    this.authType = type;
    this.upstreamProviderCount = config.embeddedAuthServer?.upstreamProviders?.length ?? 0;
    this.setManifest(mcpExternalAuthConfigManifest({
      metadata: this.builderMetadata(),
      spec: { type, ...this.resolve(config, 'spec') },
    }));
  }
}
