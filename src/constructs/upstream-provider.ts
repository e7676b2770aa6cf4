/** Upstream identity providers of an embedded authorization server. */
import type { McpExternalAuthConfigSpec } from '../manifests/mcp-external-auth-config';

/** `spec.embeddedAuthServer` of an MCPExternalAuthConfig, also `spec.authServerConfig` of a VirtualMCPServer. */
export type EmbeddedAuthServerConfig = NonNullable<McpExternalAuthConfigSpec['embeddedAuthServer']>;
/** One upstream provider (`upstreamProviders[]`). */
export type UpstreamProviderConfig = EmbeddedAuthServerConfig['upstreamProviders'][number];
/** `oidcConfig` of an upstream provider (`clientSecretRef` takes a `SecretKey`). */
export type UpstreamOidcConfig = NonNullable<UpstreamProviderConfig['oidcConfig']>;
/** `oauth2Config` of an upstream provider (`clientSecretRef`, `dcrConfig.initialAccessTokenRef` take a `SecretKey`). */
export type UpstreamOAuth2Config = NonNullable<UpstreamProviderConfig['oauth2Config']>;

/** The CRD pattern of upstream provider names (they become part of env var names). */
export const UPSTREAM_NAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/**
 * Factories for the upstream providers of an embedded auth server, so that `type` and its configuration
 * always agree.
 *
 * @example
 * UpstreamProvider.oidc('okta', { issuerUrl: 'https://corp.okta.com', clientId: 'mcp', clientSecretRef: SecretKey.fromSecret(okta, 'secret') })
 */
export class UpstreamProvider {
  /** An OIDC upstream (`type: oidc`), discovered from its issuer. */
  public static oidc(name: string, config: UpstreamOidcConfig): UpstreamProviderConfig {
    checkUpstreamName(name, 'upstream provider name');
    return { name, type: 'oidc', oidcConfig: config };
  }

  /** A plain OAuth 2.0 upstream (`type: oauth2`) with explicit endpoints. */
  public static oauth2(name: string, config: UpstreamOAuth2Config): UpstreamProviderConfig {
    checkUpstreamName(name, 'upstream provider name');
    return { name, type: 'oauth2', oauth2Config: config };
  }

  private constructor() {}
}

/** Throws unless `name` is a DNS label of at most 63 characters (the CRD's pattern for upstream names). */
export function checkUpstreamName(name: string, what: string): void {
  // mirrors the CRD pattern on upstreamProviders[].name (and pkg/authserver validateUpstreamName)
  if (typeof name !== 'string' || name.length > 63 || !UPSTREAM_NAME_PATTERN.test(name)) {
    throw new Error(`${what} ${JSON.stringify(name)} must match ^[a-z0-9]([a-z0-9-]*[a-z0-9])?$ (lowercase alphanumeric and hyphens, at most 63 characters)`);
  }
}

/** Eager checks of an embedded auth server's configuration (shared by MCPExternalAuthConfig and vMCP). */
export function checkEmbeddedAuthServer(config: EmbeddedAuthServerConfig | undefined, path: string): void {
  if (!config) return;
  if (typeof config.issuer !== 'string' || config.issuer === '') {
    throw new Error(`${path}.issuer must not be empty: set the issuer URL of the embedded auth server`);
  }
  // mirrors MCPExternalAuthConfig validateEmbeddedAuthServer: at least one upstream provider is required
  if (!config.upstreamProviders || config.upstreamProviders.length === 0) {
    throw new Error(`${path}: at least one upstream provider is required`);
  }
  config.upstreamProviders.forEach((p, i) => checkUpstreamName(p.name, `${path}.upstreamProviders[${i}].name`));
}
