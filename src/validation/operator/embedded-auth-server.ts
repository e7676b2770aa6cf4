/**
 * Checks of an embedded authorization server config (`EmbeddedAuthServerConfig`), shared by
 * MCPExternalAuthConfig `spec.embeddedAuthServer` and VirtualMCPServer `spec.authServerConfig`.
 * Only what the CRD schema and CEL rules do not already reject: the Go code of
 * `pkg/authserver` (config.go, tokenexchange/multi_issuer_validator.go) and ctrlutil authserver.go.
 *
 * Intrinsic checks depend on the config alone; consumer checks also need the consuming workload's
 * resourceUrl (the auth server's only allowed audience) and OIDC scopes (its scopes_supported).
 */
import { isLoopbackHost, isPrivateIpLiteral } from './go/hosts';
import { goQuote } from './go/quote';
import { goHostname, goParseUrl } from './go/url';
import type { RuleDoc, Severity } from '../../core/types';
import { dict, list, str, type Dict } from '../../core/util';

/** A finding before it is tied to an object. */
export interface AuthIssue {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
  readonly severity?: Severity;
}

/** Where the config lives, which decides the operator's wording. */
export interface EmbeddedAuthContext {
  /** Path of the config object, e.g. `spec.embeddedAuthServer` or `spec.authServerConfig`. */
  readonly base: string;
  readonly owner: 'MCPExternalAuthConfig' | 'VirtualMCPServer';
}

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.embedded-auth.confidential-transport',
    checks: 'confidential clients (allowConfidentialClientRegistration or delegateClients) are not served over cleartext HTTP: not with insecureAllowHTTP, not on a plain-HTTP loopback issuer without insecureAllowConfidentialOverLoopbackHTTP (cases the CEL rules miss)',
    source: 'pkg/authserver/config.go ValidateConfidentialClientTransport (MCPExternalAuthConfig.Validate, VirtualMCPServer validateAuthServerConfig)',
    example: 'allow_confidential_client_registration cannot be combined with a plain-HTTP loopback issuer ("http://localhost:9000") unless insecure_allow_confidential_over_loopback_http is set: confidential clients would send secrets over cleartext HTTP',
    severityReason: 'MCPExternalAuthConfig.Validate sets Valid=False (VirtualMCPServer: validateAuthServerConfig rejects the reconcile)',
  },
  {
    id: 'operator.embedded-auth.force-confidential-uri',
    checks: 'each forceConfidentialRedirectUris entry passes strict redirect-URI parsing and is not a loopback URI',
    source: 'pkg/authserver/config.go ValidateForceConfidentialRedirectURIs',
    example: 'force_confidential_redirect_uris: "https://localhost/callback" must not be a loopback redirect URI; a loopback client is a public client by construction and must not be issued a secret',
    severityReason: 'part of MCPExternalAuthConfig.Validate / the auth server config validation: Valid=False or a failed reconcile',
  },
  {
    id: 'operator.embedded-auth.issuer',
    checks: 'the auth server issuer parses, carries no userinfo and (MCPExternalAuthConfig; the vMCP has its own reconcile-time rule) uses https unless it is loopback or insecureAllowHTTP is set',
    source: 'pkg/authserver/config.go validateIssuerURL (auth server start-up, otherwise a crash loop)',
    example: 'issuer: http scheme is only allowed for localhost, use https for auth.example.com',
    severityReason: 'the embedded auth server validates its issuer at start and exits (a crash loop)',
  },
  {
    id: 'operator.embedded-auth.trusted-issuer',
    checks: 'trustedIssuers: issuerUrl differs from the auth server issuer and is listed once, actorMatcher parses as CEL, issuerUrl is an https (or insecureAllowHTTP) URL without query, fragment or userinfo, jwksUrl is a public https URL, jwtBearerGrant resources and acceptedAudiences are absolute http(s) URIs without fragment',
    source: 'pkg/authserver/server/tokenexchange/multi_issuer_validator.go ValidateTrustedIssuers, pkg/authserver/config.go validateTrustedIssuers',
    // the CRDs have trustedIssuers from v0.44.0; actorMatcher (3c41b20) and jwtBearerGrant (8735438) came after it
    releases: '>= v0.44.0 (actorMatcher and jwtBearerGrant checks: >= main@e25de16)',
    example: 'trustedIssuers: issuer_url "https://auth.example.com": must not equal the authorization server\'s own issuer; self-issued tokens are already handled separately',
    severityReason: 'MCPExternalAuthConfig.Validate sets Valid=False, and the auth server RunConfig validation fails at reconcile or start',
  },
  {
    id: 'operator.embedded-auth.dcr-endpoint',
    checks: 'an OAuth2 upstream dcrConfig has exactly one non-empty discoveryUrl or registrationEndpoint (Go counts an empty string as unset, CEL does not)',
    source: 'api/v1beta1 ValidateOAuth2DCRConfig',
    example: 'upstreamProviders[0]: oauth2Config.dcrConfig: exactly one of discoveryUrl or registrationEndpoint must be set',
    severityReason: 'MCPExternalAuthConfig.Validate sets Valid=False',
  },
  {
    id: 'operator.embedded-auth.reserved-param',
    checks: 'additionalAuthorizationParams (oidcConfig or oauth2Config) sets none of response_type, client_id, redirect_uri, scope, state, code_challenge, code_challenge_method, nonce',
    source: 'api/v1beta1 ValidateAdditionalAuthorizationParams (pkg/authserver/oauthparams)',
    example: 'upstreamProviders[0].additionalAuthorizationParams: reserved parameter "scope" is managed by the framework and cannot be overridden',
    severityReason: 'MCPExternalAuthConfig.Validate sets Valid=False',
  },
  {
    id: 'operator.embedded-auth.identity-synthesized',
    checks: 'OAuth2 upstreams without userInfo or identityFromToken get a synthesized, non-PII subject (advisory)',
    source: 'controllers IdentitySynthesized condition, reason OAuth2UpstreamWithoutUserInfo (EmbeddedAuthServerConfig.SyntheticIdentityUpstreams)',
    example: 'OAuth2 upstream(s) [github] have no userInfo configured; the embedded auth server will synthesize a non-PII subject from the access token (no Name/Email claims). If a userInfo endpoint exists for these upstreams, configure it to resolve real identity.',
    severity: 'warning',
    severityReason: 'advisory condition IdentitySynthesized: the config is valid and the auth server runs with a synthesized subject',
  },
  {
    id: 'operator.embedded-auth.storage',
    checks: 'storage.type redis has a storage.redis block and a Sentinel config names sentinelAddrs or sentinelService',
    source: 'ctrlutil authserver.go buildStorageRunConfig, resolveSentinelAddrs',
    example: 'failed to build storage config: redis config is required when storage type is redis',
    severityReason: 'BuildAuthServerRunConfig returns the error: the workload\'s RunConfig (or vMCP config) is not built and the reconcile fails',
  },
  {
    id: 'operator.embedded-auth.storage-ignored',
    checks: 'a storage.redis block under storage.type memory (the default), which the operator never reads',
    source: 'ctrlutil authserver.go buildStorageRunConfig (returns nil for type memory before reading storage.redis)',
    example: 'storage.redis is ignored because storage.type is "memory" (the default); set storage.type: redis to use Redis, or remove storage.redis',
    severity: 'warning',
    severityReason: 'the operator accepts the object and runs in-memory storage; the Redis settings silently have no effect',
  },
  {
    id: 'operator.embedded-auth.delegate-duplicate',
    checks: 'delegateClients client IDs are unique',
    source: 'pkg/authserver/config.go validateDelegateClients (run by ctrlutil BuildAuthServerRunConfig)',
    example: 'delegate_clients: duplicate client_id "agent"',
    severityReason: 'BuildAuthServerRunConfig validates the delegate clients: the reconcile fails',
  },
  {
    id: 'operator.embedded-auth.delegate-audience',
    checks: 'every delegateClients audience is the consuming workload\'s resourceUrl (the auth server\'s only allowed audience)',
    source: 'pkg/authserver/config.go validateDelegateClients (allowed_audiences = [resourceUrl])',
    example: 'delegate_clients: client_id "agent": audience "https://api.example.com" is not in allowed_audiences (allowed_audiences: ["http://github.default.svc.cluster.local:8080"])',
    severityReason: 'validateDelegateClients fails the auth server RunConfig: the reconcile fails',
  },
  {
    id: 'operator.embedded-auth.delegate-scope',
    checks: 'delegateClients scopes are a subset of the workload\'s OIDC scopes (default openid, profile, email, offline_access)',
    source: 'pkg/authserver/config.go validateDelegateClients, registration.ValidateScopeSubset',
    example: 'delegate_clients[agent].scopes contains "repo" which is not in scopes_supported (scopes_supported: ["openid", "profile", "email", "offline_access"])',
    severityReason: 'validateDelegateClients fails the auth server RunConfig: the reconcile fails',
  },
  {
    id: 'operator.embedded-auth.baseline-scope',
    checks: 'baselineClientScopes are a subset of the workload\'s OIDC scopes (default openid, profile, email, offline_access)',
    source: 'pkg/authserver/config.go RunConfig.validateBaselineClientScopes (auth server start-up)',
    example: 'baseline_client_scopes contains "repo" which is not in scopes_supported (scopes_supported: ["openid"])',
    severityReason: 'the auth server RunConfig validation fails at start: the workload exits',
  },
  {
    id: 'operator.embedded-auth.allowed-audience',
    checks: 'the workload\'s resourceUrl, the auth server\'s allowed audience, is an absolute http(s) URI without fragment',
    source: 'pkg/authserver/config.go validateAllowedAudiences',
    example: 'allowed_audiences contains invalid audience "my-api": invalid_target',
    severityReason: 'the auth server RunConfig validation fails (reconcile, or start): the workload does not run',
  },
  {
    id: 'operator.embedded-auth.jwt-bearer-audience',
    checks: 'jwtBearerGrant subject resources are the workload\'s resourceUrl, and acceptedAudiences do not include it',
    source: 'pkg/authserver/config.go validateTrustedIssuers, multi_issuer_validator.go validateJWTBearerAcceptedAudiences',
    releases: '>= main@e25de16',
    example: 'trusted_issuers: issuer_url "https://idp.example.com": jwt_bearer_grant subject "svc" resource "https://other.example.com" is not in allowed_audiences (allowed_audiences: ["https://mcp.example.com"])',
    severityReason: 'the auth server RunConfig validation fails (reconcile, or start): the workload does not run',
  },
];

const RESERVED_PARAMS = new Set(['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'nonce']);

/** `registration.DefaultScopes`, used when the workload's OIDC reference names no scopes. */
export const DEFAULT_SCOPES: readonly string[] = ['openid', 'profile', 'email', 'offline_access'];

/** Go `%v` of a string slice: `[a b]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/** A JSON-ish list for our own hints: `["a", "b"]`. */
function showList(items: readonly string[]): string {
  return `[${items.map(goQuote).join(', ')}]`;
}

const bool = (x: unknown) => x === true;
const nonEmpty = (x: unknown): x is string => typeof x === 'string' && x !== '';

/** Names of the upstream providers, in order. */
export function upstreamNames(cfg: Dict): string[] {
  return list(cfg.upstreamProviders).map(p => str(dict(p)?.name) ?? '');
}

/** `authserver.ResolveUpstreamName`: an empty name is `default`. */
export function resolveUpstreamName(name: string): string {
  return name === '' ? 'default' : name;
}

/** True when `name` resolves to one of the config's upstreams (both sides resolved, as the operator does). */
export function hasUpstream(cfg: Dict, name: string): boolean {
  const want = resolveUpstreamName(name);
  return upstreamNames(cfg).some(n => resolveUpstreamName(n) === want);
}

/** `server.ValidateAudienceURI`: the fosite error prints as `invalid_target`. */
function audienceUriInvalid(uri: string): boolean {
  if (uri === '') return false;
  const p = goParseUrl(uri);
  if (!p.url) return true;
  return p.url.scheme === '' || p.url.host === '' || p.url.fragment !== '' || (p.url.scheme !== 'http' && p.url.scheme !== 'https');
}

/** `validateIssuerURLCore`; undefined when valid. */
function issuerUrlError(issuer: string, insecureAllowHTTP: boolean, localhostExempt: boolean, allowTrailingSlash: boolean): string | undefined {
  if (issuer === '') return 'issuer is required';
  const p = goParseUrl(issuer);
  if (!p.url) return `invalid URL: ${p.error}`;
  const u = p.url;
  if (u.scheme === '') return 'scheme is required';
  if (u.host === '') return 'host is required';
  if (u.rawQuery !== '') return 'must not contain query component';
  if (u.fragment !== '') return 'must not contain fragment component';
  if (u.user !== undefined) return 'must not contain userinfo (credentials in the URL)';
  if (u.scheme !== 'https') {
    if (u.scheme !== 'http') return 'scheme must be https (or http for localhost)';
    if (!insecureAllowHTTP && (!localhostExempt || !isLoopbackHost(u.host))) {
      return `http scheme is only allowed for localhost, use https for ${goHostname(u.host)}`;
    }
  }
  if (!allowTrailingSlash && issuer.endsWith('/')) return 'must not have trailing slash';
  return undefined;
}

/** `tokenexchange.ValidateJWKSURL`; undefined when valid. */
function jwksUrlError(jwksUrl: string, insecureAllowHTTP: boolean, allowPrivateIPs: boolean): string | undefined {
  const p = goParseUrl(jwksUrl);
  if (!p.url) return `invalid URL: ${p.error}`;
  const u = p.url;
  if (u.host === '') return 'host is required';
  if (u.user !== undefined) return 'must not contain userinfo (credentials in the URL)';
  if (u.scheme !== 'https' && (u.scheme !== 'http' || !insecureAllowHTTP)) return `must use HTTPS, got ${goQuote(u.scheme)}`;
  if (!allowPrivateIPs && isPrivateIpLiteral(goHostname(u.host))) return 'must not point to a private or loopback address';
  return undefined;
}

/** `oauthproto.ValidateRedirectURI(uri, RedirectURIPolicyStrict)`; undefined when valid. */
function strictRedirectUriError(uri: string): string | undefined {
  if (uri.length > 2048) return 'redirect_uri too long (maximum 2048 characters)';
  const p = goParseUrl(uri);
  if (!p.url) return `invalid redirect_uri format: ${p.error}`;
  if (p.url.scheme === '' || p.url.fragment !== '') return 'redirect_uri must be an absolute URI without a fragment';
  const secure = p.url.scheme === 'https' || (p.url.scheme === 'http' && isLoopbackHost(p.url.host));
  if (!secure) return 'redirect_uri must use http (for loopback) or https scheme';
  return undefined;
}

function checkConfidentialTransport(cfg: Dict, ctx: EmbeddedAuthContext, out: AuthIssue[]): void {
  const acr = bool(cfg.allowConfidentialClientRegistration);
  const delegates = list(cfg.delegateClients).length > 0;
  if (!acr && !delegates) return;
  const prefix = ctx.owner === 'VirtualMCPServer' ? 'spec.authServerConfig: ' : '';
  const rule = 'operator.embedded-auth.confidential-transport';
  if (bool(cfg.insecureAllowHTTP)) {
    // mirrors pkg/authserver ValidateConfidentialClientTransport; with allowConfidentialClientRegistration the CEL rule already reports it
    if (!acr) {
      out.push({
        path: `${ctx.base}.insecureAllowHTTP`,
        rule,
        message: `${prefix}allow_confidential_client_registration cannot be combined with insecure_allow_http: confidential clients would send secrets over cleartext HTTP`,
      });
    }
    return;
  }
  if (bool(cfg.insecureAllowConfidentialOverLoopbackHTTP)) return;
  const issuer = str(cfg.issuer) ?? '';
  const p = goParseUrl(issuer);
  // mirrors ValidateConfidentialClientTransport: plain-HTTP loopback issuer; with delegateClients the CEL https rule already reports it
  if (p.url && p.url.scheme === 'http' && isLoopbackHost(p.url.host) && !delegates) {
    out.push({
      path: `${ctx.base}.issuer`,
      rule,
      message: `${prefix}allow_confidential_client_registration cannot be combined with a plain-HTTP loopback issuer (${goQuote(issuer)}) unless insecure_allow_confidential_over_loopback_http is set: confidential clients would send secrets over cleartext HTTP`,
    });
  }
}

function checkForceConfidentialUris(cfg: Dict, ctx: EmbeddedAuthContext, out: AuthIssue[]): void {
  // the "requires allowConfidentialClientRegistration" half is a CRD CEL rule ("forceConfidentialRedirectUris requires allowConfidentialClientRegistration to be true"); the per-URI checks are Go only
  list(cfg.forceConfidentialRedirectUris).forEach((u, i) => {
    const uri = str(u);
    if (uri === undefined) return;
    const path = `${ctx.base}.forceConfidentialRedirectUris[${i}]`;
    const rule = 'operator.embedded-auth.force-confidential-uri';
    // mirrors ValidateForceConfidentialRedirectURIs: oauthproto.ValidateRedirectURI(uri, RedirectURIPolicyStrict)
    const err = strictRedirectUriError(uri);
    if (err) {
      out.push({ path, rule, message: `force_confidential_redirect_uris: ${goQuote(uri)}: ${err}` });
      return;
    }
    const p = goParseUrl(uri);
    // mirrors ValidateForceConfidentialRedirectURIs: networking.IsLocalhost(parsed.Hostname())
    if (p.url && isLoopbackHost(goHostname(p.url.host))) {
      out.push({
        path,
        rule,
        message: `force_confidential_redirect_uris: ${goQuote(uri)} must not be a loopback redirect URI; a loopback client is a public client by construction and must not be issued a secret`,
      });
    }
  });
}

function checkOwnIssuer(cfg: Dict, ctx: EmbeddedAuthContext, out: AuthIssue[]): void {
  const issuer = str(cfg.issuer);
  if (issuer === undefined) return;
  const err = issuerUrlError(issuer, bool(cfg.insecureAllowHTTP), true, false);
  // the vMCP reports a plain-HTTP issuer at reconcile time with its own message (virtualmcpserver-auth.ts)
  const http = err?.startsWith('http scheme') && ctx.owner === 'MCPExternalAuthConfig';
  // mirrors pkg/authserver validateIssuerURL at auth server start-up; the CRD pattern covers query, fragment and trailing slash
  if (err && (http || err.startsWith('must not contain userinfo') || err.startsWith('invalid URL'))) {
    out.push({ path: `${ctx.base}.issuer`, rule: 'operator.embedded-auth.issuer', message: `issuer: ${err}` });
  }
}

function checkTrustedIssuers(cfg: Dict, ctx: EmbeddedAuthContext, out: AuthIssue[]): void {
  const asIssuer = str(cfg.issuer) ?? '';
  // MCPExternalAuthConfig.Validate wraps with "trustedIssuers: "; the vMCP path goes through RunConfig.Validate ("trusted_issuers: ")
  const prefix = ctx.owner === 'MCPExternalAuthConfig' ? 'trustedIssuers: ' : 'trusted_issuers: ';
  const rule = 'operator.embedded-auth.trusted-issuer';
  const seen = new Set<string>();
  list(cfg.trustedIssuers).forEach((t, i) => {
    const ti = dict(t);
    if (!ti) return;
    const path = `${ctx.base}.trustedIssuers[${i}]`;
    const url = str(ti.issuerUrl) ?? '';
    const q = goQuote(url);
    const insecure = bool(ti.insecureAllowHTTP);
    if (url !== '') {
      // mirrors config.go validateTrustedIssuers: validateTrustedIssuerURL (no localhost exemption, trailing slash allowed)
      const urlErr = issuerUrlError(url, insecure, false, true);
      if (urlErr) out.push({ path: `${path}.issuerUrl`, rule, message: `trusted_issuers: issuer_url ${q}: ${urlErr}` });
      // mirrors validateTrustedIssuer: self-issuer collision
      if (url === asIssuer) {
        out.push({ path: `${path}.issuerUrl`, rule, message: `${prefix}issuer_url ${q}: must not equal the authorization server's own issuer; self-issued tokens are already handled separately` });
      }
      // mirrors validateTrustedIssuer: duplicate issuers
      if (seen.has(url)) out.push({ path: `${path}.issuerUrl`, rule, message: `${prefix}issuer_url ${q}: configured more than once` });
      seen.add(url);
    }
    const jwks = str(ti.jwksUrl);
    if (nonEmpty(jwks)) {
      // mirrors config.go validateTrustedIssuers: validateJWKSEndpointURL (tokenexchange.ValidateJWKSURL)
      const err = jwksUrlError(jwks, insecure, bool(ti.allowPrivateIPs));
      if (err) out.push({ path: `${path}.jwksUrl`, rule, message: `trusted_issuers: jwks_url ${goQuote(jwks)}: ${err}` });
    }
    const matcher = str(ti.actorMatcher);
    if (nonEmpty(matcher)) {
      // mirrors validateTrustedIssuer: compileActorMatcher (syntax only; cel-go's type checker is not reproduced)
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- CEL loads only for a matcher to check
        (require('@bufbuild/cel') as typeof import('@bufbuild/cel')).parse(matcher);
      } catch (e) {
        out.push({ path: `${path}.actorMatcher`, rule, message: `${prefix}issuer_url ${q}: invalid actor_matcher: ${(e as Error).message}` });
      }
    }
    const grant = dict(ti.jwtBearerGrant);
    if (!grant) return;
    list(grant.subjectBindings).forEach((b, j) => {
      const binding = dict(b);
      const subject = str(binding?.subject) ?? '';
      list(binding?.allowedResources).forEach((r, k) => {
        const res = str(r);
        // mirrors validateJWTBearerSubjectBindings: server.ValidateAudienceURI (the CRD pattern misses fragments, hostless and unparsable URIs)
        if (nonEmpty(res) && res !== '*' && audienceUriInvalid(res)) {
          out.push({
            path: `${path}.jwtBearerGrant.subjectBindings[${j}].allowedResources[${k}]`,
            rule,
            message: `${prefix}issuer_url ${q}: jwt_bearer_grant subject ${goQuote(subject)} resource ${goQuote(res)} is invalid: invalid_target`,
          });
        }
      });
    });
    list(grant.acceptedAudiences).forEach((a, k) => {
      const aud = str(a);
      // mirrors validateJWTBearerAcceptedAudiences: server.ValidateAudienceURI
      if (nonEmpty(aud) && audienceUriInvalid(aud)) {
        out.push({
          path: `${path}.jwtBearerGrant.acceptedAudiences[${k}]`,
          rule,
          message: `${prefix}issuer_url ${q}: jwt_bearer_grant.accepted_audiences value ${goQuote(aud)} is invalid: invalid_target`,
        });
      }
    });
  });
}

function checkUpstreams(cfg: Dict, ctx: EmbeddedAuthContext, out: AuthIssue[]): void {
  const synthetic: string[] = [];
  list(cfg.upstreamProviders).forEach((p, i) => {
    const up = dict(p);
    if (!up) return;
    const name = str(up.name) ?? '';
    const path = `${ctx.base}.upstreamProviders[${i}]`;
    const oauth2 = dict(up.oauth2Config);
    const dcr = dict(oauth2?.dcrConfig);
    if (dcr) {
      const hasD = 'discoveryUrl' in dcr;
      const hasR = 'registrationEndpoint' in dcr;
      const goBad = nonEmpty(dcr.discoveryUrl) === nonEmpty(dcr.registrationEndpoint);
      // mirrors ValidateOAuth2DCRConfig, where "" is unset; only the cases the CRD CEL has() rule "exactly one of discoveryUrl or registrationEndpoint must be set" lets through
      if (goBad && hasD !== hasR) {
        const where = ctx.owner === 'MCPExternalAuthConfig' ? `upstreamProviders[${i}]` : `upstream ${goQuote(name)}`;
        out.push({
          path: `${path}.oauth2Config.dcrConfig`,
          rule: 'operator.embedded-auth.dcr-endpoint',
          message: `${where}: oauth2Config.dcrConfig: exactly one of discoveryUrl or registrationEndpoint must be set`,
        });
      }
    }
    for (const block of ['oidcConfig', 'oauth2Config'] as const) {
      const params = dict(dict(up[block])?.additionalAuthorizationParams);
      if (!params) continue;
      for (const key of Object.keys(params).sort()) {
        if (!RESERVED_PARAMS.has(key)) continue;
        const prefix = ctx.owner === 'VirtualMCPServer' ? `spec.authServerConfig.upstreamProviders[${i}]` : `upstreamProviders[${i}]`;
        // mirrors ValidateAdditionalAuthorizationParams (oauthparams.Validate)
        out.push({
          path: `${path}.${block}.additionalAuthorizationParams[${key}]`,
          rule: 'operator.embedded-auth.reserved-param',
          message: `${prefix}.additionalAuthorizationParams: reserved parameter ${goQuote(key)} is managed by the framework and cannot be overridden`,
        });
      }
    }
    // mirrors EmbeddedAuthServerConfig.SyntheticIdentityUpstreams
    if (str(up.type) === 'oauth2' && oauth2 && oauth2.userInfo === undefined && oauth2.identityFromToken === undefined) synthetic.push(name);
  });
  if (synthetic.length > 0) {
    out.push({
      path: `${ctx.base}.upstreamProviders`,
      rule: 'operator.embedded-auth.identity-synthesized',
      severity: 'warning',
      message: `OAuth2 upstream(s) ${goList(synthetic.sort())} have no userInfo configured; the embedded auth server will synthesize a non-PII subject from the access token (no Name/Email claims). If a userInfo endpoint exists for these upstreams, configure it to resolve real identity.`,
    });
  }
}

function checkStorage(cfg: Dict, ctx: EmbeddedAuthContext, out: AuthIssue[]): void {
  const storage = dict(cfg.storage);
  if (!storage) return;
  const type = str(storage.type) ?? 'memory';
  const redis = dict(storage.redis);
  const rule = 'operator.embedded-auth.storage';
  if (type === 'memory') {
    // buildStorageRunConfig returns before reading storage.redis: the block has no effect
    if (redis) {
      out.push({
        path: `${ctx.base}.storage.redis`,
        rule: 'operator.embedded-auth.storage-ignored',
        severity: 'warning',
        message: 'storage.redis is ignored because storage.type is "memory" (the default); set storage.type: redis to use Redis, or remove storage.redis',
      });
    }
    return;
  }
  if (type !== 'redis') return; // the enum rejects it
  if (!redis) {
    // mirrors buildStorageRunConfig: redis config is required when storage type is redis
    out.push({ path: `${ctx.base}.storage`, rule, message: 'failed to build storage config: redis config is required when storage type is redis' });
    return;
  }
  const sentinel = dict(redis.sentinelConfig);
  if (sentinel && list(sentinel.sentinelAddrs).length === 0 && sentinel.sentinelService === undefined) {
    // mirrors resolveSentinelAddrs
    out.push({
      path: `${ctx.base}.storage.redis.sentinelConfig`,
      rule,
      message: 'failed to resolve sentinel addresses: either sentinelAddrs or sentinelService must be specified',
    });
  }
}

function checkDelegateDuplicates(cfg: Dict, ctx: EmbeddedAuthContext, out: AuthIssue[]): void {
  const seen = new Set<string>();
  list(cfg.delegateClients).forEach((c, i) => {
    const id = str(dict(c)?.clientId);
    if (!nonEmpty(id)) return;
    // mirrors pkg/authserver validateDelegateClients: duplicate client_id
    if (seen.has(id)) {
      out.push({ path: `${ctx.base}.delegateClients[${i}].clientId`, rule: 'operator.embedded-auth.delegate-duplicate', message: `delegate_clients: duplicate client_id ${goQuote(id)}` });
    }
    seen.add(id);
  });
}

/** Every check that depends on the embedded auth server config alone. */
export function intrinsicEmbeddedAuthChecks(cfg: Dict, ctx: EmbeddedAuthContext): AuthIssue[] {
  const out: AuthIssue[] = [];
  checkConfidentialTransport(cfg, ctx, out);
  checkForceConfidentialUris(cfg, ctx, out);
  checkOwnIssuer(cfg, ctx, out);
  checkTrustedIssuers(cfg, ctx, out);
  checkUpstreams(cfg, ctx, out);
  checkStorage(cfg, ctx, out);
  checkDelegateDuplicates(cfg, ctx, out);
  return out;
}

/** What a consuming workload contributes to the auth server's RunConfig. */
export interface AuthServerAudience {
  /** The workload's resourceUrl: `allowed_audiences` is exactly `[resourceUrl]`. */
  readonly resourceUrl: string;
  /** The workload's OIDC reference scopes (`scopes_supported`); empty means the auth server's defaults. */
  readonly scopes: readonly string[];
}

/**
 * Checks that need the consuming workload: `RunConfig.Validate` with `allowed_audiences = [resourceUrl]`
 * and `scopes_supported = oidcConfigRef.scopes`. Paths are relative to the config (`delegateClients[0]...`).
 */
export function consumerEmbeddedAuthChecks(cfg: Dict, aud: AuthServerAudience): AuthIssue[] {
  const out: AuthIssue[] = [];
  const allowed = [aud.resourceUrl];
  const allowedHint = ` (allowed_audiences: ${showList(allowed)})`;
  const effective = aud.scopes.length > 0 ? aud.scopes : DEFAULT_SCOPES;
  const scopesHint = ` (scopes_supported: ${showList(effective)})`;

  // mirrors validateAllowedAudiences (auth server start-up, and reconcile when delegates or trusted issuers exist)
  if (audienceUriInvalid(aud.resourceUrl)) {
    out.push({ path: '', rule: 'operator.embedded-auth.allowed-audience', message: `allowed_audiences contains invalid audience ${goQuote(aud.resourceUrl)}: invalid_target` });
  }
  list(cfg.delegateClients).forEach((c, i) => {
    const client = dict(c);
    const id = str(client?.clientId) ?? '';
    list(client?.scopes).forEach((s, j) => {
      const scope = str(s);
      // mirrors validateDelegateClients: registration.ValidateScopeSubset(scopes, scopesSupported)
      if (scope !== undefined && !effective.includes(scope)) {
        out.push({
          path: `delegateClients[${i}].scopes[${j}]`,
          rule: 'operator.embedded-auth.delegate-scope',
          message: `delegate_clients[${id}].scopes contains ${goQuote(scope)} which is not in scopes_supported${scopesHint}`,
        });
      }
    });
    list(client?.audiences).forEach((a, j) => {
      const audience = str(a);
      // mirrors validateDelegateClients: every audience must be in allowed_audiences
      if (audience !== undefined && !allowed.includes(audience)) {
        out.push({
          path: `delegateClients[${i}].audiences[${j}]`,
          rule: 'operator.embedded-auth.delegate-audience',
          message: `delegate_clients: client_id ${goQuote(id)}: audience ${goQuote(audience)} is not in allowed_audiences${allowedHint}`,
        });
      }
    });
  });
  list(cfg.baselineClientScopes).forEach((s, i) => {
    const scope = str(s);
    // mirrors RunConfig.validateBaselineClientScopes (auth server start-up)
    if (scope !== undefined && !effective.includes(scope)) {
      out.push({
        path: `baselineClientScopes[${i}]`,
        rule: 'operator.embedded-auth.baseline-scope',
        message: `baseline_client_scopes contains ${goQuote(scope)} which is not in scopes_supported${scopesHint}`,
      });
    }
  });
  list(cfg.trustedIssuers).forEach((t, i) => {
    const ti = dict(t);
    const url = str(ti?.issuerUrl) ?? '';
    const grant = dict(ti?.jwtBearerGrant);
    if (!grant) return;
    list(grant.subjectBindings).forEach((b, j) => {
      const subject = str(dict(b)?.subject) ?? '';
      list(dict(b)?.allowedResources).forEach((r, k) => {
        const res = str(r);
        // mirrors config.go validateTrustedIssuers: every jwt-bearer resource must be an allowed audience
        if (res !== undefined && !allowed.includes(res)) {
          out.push({
            path: `trustedIssuers[${i}].jwtBearerGrant.subjectBindings[${j}].allowedResources[${k}]`,
            rule: 'operator.embedded-auth.jwt-bearer-audience',
            message: `trusted_issuers: issuer_url ${goQuote(url)}: jwt_bearer_grant subject ${goQuote(subject)} resource ${goQuote(res)} is not in allowed_audiences${allowedHint}`,
          });
        }
      });
    });
    list(grant.acceptedAudiences).forEach((a, k) => {
      const audience = str(a);
      // mirrors validateJWTBearerAcceptedAudiences: accepted_audiences must not be a resource audience
      if (audience !== undefined && allowed.includes(audience)) {
        out.push({
          path: `trustedIssuers[${i}].jwtBearerGrant.acceptedAudiences[${k}]`,
          rule: 'operator.embedded-auth.jwt-bearer-audience',
          message: `trusted_issuers: issuer_url ${goQuote(url)}: jwt_bearer_grant.accepted_audiences value ${goQuote(audience)} must not also be a configured resource audience (allowed_audiences); accepted_audiences identifies this authorization server, not a resource, or a resource-scoped access token could be replayed as a JWT-bearer assertion`,
        });
      }
    });
  });
  return out;
}
