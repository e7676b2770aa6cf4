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

/**
 * Factories for the upstream providers of an embedded auth server, so that `type` and its configuration
 * always agree. The name is checked at synth, with the rest of the object (the CRD's pattern: a DNS label).
 *
 * @example
 * UpstreamProvider.oidc('okta', { issuerUrl: 'https://corp.okta.com', clientId: 'mcp', clientSecretRef: SecretKey.fromSecret(okta, 'secret') })
 */
export class UpstreamProvider {
  /** An OIDC upstream (`type: oidc`), discovered from its issuer. */
  public static oidc(name: string, config: UpstreamOidcConfig): UpstreamProviderConfig {
    return { name, type: 'oidc', oidcConfig: config };
  }

  /** A plain OAuth 2.0 upstream (`type: oauth2`) with explicit endpoints. */
  public static oauth2(name: string, config: UpstreamOAuth2Config): UpstreamProviderConfig {
    return { name, type: 'oauth2', oauth2Config: config };
  }

  private constructor() {}
}

