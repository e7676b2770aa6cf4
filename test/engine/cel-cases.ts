/**
 * One passing and one failing object for every x-kubernetes-validations placement of the v1beta1
 * CRDs (75) and of MCPWebhookConfig v1alpha1 (1). C-numbers are this suite's
 * names for the 47 distinct (rule, message) pairs; MESSAGES maps each to its CRD message.
 * Placements shared by several kinds (EmbeddedAuthServerConfig, AuthzConfigRef, session storage,
 * rate limiting) get one case per placement, built from the same fragments.
 */
import { celId, copy, toolhive, V1ALPHA1 } from './helpers';
import type { KubeObject } from '../../src/validation';

/** The CRD messages, verbatim (C-number → message), written out here so a changed CRD message fails the suite. */
export const MESSAGES: Readonly<Record<number, string>> = {
  1: 'tokenExchange configuration must be set if and only if type is \'tokenExchange\'',
  2: 'headerInjection configuration must be set if and only if type is \'headerInjection\'',
  3: 'bearerToken configuration must be set if and only if type is \'bearerToken\'',
  4: 'embeddedAuthServer configuration must be set if and only if type is \'embeddedAuthServer\'',
  5: 'awsSts configuration must be set if and only if type is \'awsSts\'',
  6: 'upstreamInject configuration must be set if and only if type is \'upstreamInject\'',
  7: 'obo configuration must be set if and only if type is \'obo\'',
  8: 'xaa configuration must be set if and only if type is \'xaa\'',
  9: 'no configuration must be set when type is \'unauthenticated\'',
  10: 'allowConfidentialClientRegistration cannot be combined with insecureAllowHTTP; client secrets would be issued in cleartext over an unauthenticated endpoint',
  11: 'delegateClients require an https:// issuer; delegate client secrets must not be sent over plaintext HTTP',
  12: 'forceConfidentialRedirectUris requires allowConfidentialClientRegistration to be true',
  13: 'clientSecretRef.name and clientSecretRef.key are required and must be non-empty',
  14: 'exactly one of addr or sentinelConfig must be set',
  15: 'clusterMode requires addr to be set',
  16: 'allowedDelegateClients must not combine the wildcard "*" with specific client IDs',
  17: 'allowMayAct must not be enabled when allowedDelegateClients contains the wildcard "*"',
  18: 'actorClaim must name a readable claim; use client_id or a non-reserved claim such as azp, appid, or cid',
  19: 'allowPrivateIPs requires jwksUrl to be set explicitly',
  20: 'expectedAudience is required unless jwtBearerGrant is configured without actorClaim, actorMatcher, allowMayAct, or allowedActors',
  21: 'allowedDelegateClients is required when expectedAudience, actorClaim, actorMatcher, or allowMayAct is set',
  22: 'maxAssertionAge must be greater than zero',
  23: 'subjectBindings must not contain duplicate subjects',
  24: 'type must be \'oidc\' or \'oauth2\'; oidcConfig must be set when type is \'oidc\' and oauth2Config must be set when type is \'oauth2\' (and the other must not be set)',
  25: 'exactly one of clientId or dcrConfig must be set',
  26: 'clientSecretRef must not be set when dcrConfig is set; the client_secret is obtained at runtime via Dynamic Client Registration',
  27: 'exactly one of discoveryUrl or registrationEndpoint must be set',
  28: 'kubernetesServiceAccount must be set when type is \'kubernetesServiceAccount\', and must not be set otherwise',
  29: 'inline must be set when type is \'inline\', and must not be set otherwise',
  30: 'authzConfig and authzConfigRef are mutually exclusive; use authzConfigRef to reference a shared MCPAuthzConfig',
  31: 'configMap must be set when type is \'configMap\', and must not be set otherwise',
  32: 'address is required',
  33: 'rateLimiting requires sessionStorage with provider \'redis\'',
  34: 'rateLimiting.perUser requires authentication (oidcConfigRef or externalAuthConfigRef)',
  35: 'per-tool perUser rate limiting requires authentication (oidcConfigRef or externalAuthConfigRef)',
  36: 'at least one of shared, perUser, or tools must be configured',
  37: 'at least one of shared or perUser must be configured',
  38: 'a header name cannot appear in both headers and sensitiveHeaders',
  39: 'at least one validating or mutating webhook must be defined',
  40: 'config.rateLimiting requires sessionStorage with provider \'redis\'',
  41: 'config.rateLimiting.perUser requires incomingAuth.type oidc',
  42: 'per-tool perUser rate limiting requires incomingAuth.type oidc',
  43: 'embeddingServerRef provisions a managed TEI server and cannot be combined with optimizer.embeddingProvider \'openai\'; openai mode uses embeddingService directly',
  44: 'timeout must be >= 1s',
  45: 'embeddingHeaders is only supported when embeddingProvider is \'openai\'',
  46: 'embeddingHeaders names must be valid HTTP header names and must not include Authorization or Content-Type',
  47: 'spec.incomingAuth.oidcConfigRef is required when type is oidc',
};

export interface CelCase {
  /** C-number: the suite's name for the rule's (rule, message) pair (see MESSAGES). */
  readonly c: number;
  readonly kind: string;
  /** Schema location as in the generated RULES table (`spec.a[*].b`). */
  readonly location: string;
  /** Position of the rule in its x-kubernetes-validations list. */
  readonly index: number;
  /** A complete object that the API server admits. */
  readonly pass: KubeObject;
  /** The same object changed so that this rule fails. */
  readonly fail: KubeObject;
  /** Where the failure is reported (concrete indices). */
  readonly path: string;
  /** The type shown in `Invalid value: "<type>"` (the type of the node the rule is attached to). */
  readonly shown: 'object' | 'string';
}

/** The stable id of a case's rule (the digest of its CRD message; see celId). */
export function ruleId(c: Pick<CelCase, 'kind' | 'location' | 'c'>): string {
  return celId(c.kind, c.location, MESSAGES[c.c]);
}

// --- fragments -------------------------------------------------------------------------------

const ref = (name: string, key: string) => ({ name, key });

const OIDC_UPSTREAM = { name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'toolhive' } };
const OAUTH2 = {
  authorizationEndpoint: 'https://github.com/login/oauth/authorize',
  tokenEndpoint: 'https://github.com/login/oauth/access_token',
  clientId: 'toolhive',
  clientSecretRef: ref('github-oauth', 'client-secret'),
};
const OAUTH2_UPSTREAM = { name: 'github', type: 'oauth2', oauth2Config: OAUTH2 };
const DCR_OAUTH2 = {
  authorizationEndpoint: 'https://as.example.com/authorize',
  tokenEndpoint: 'https://as.example.com/token',
  dcrConfig: { discoveryUrl: 'https://as.example.com/.well-known/oauth-authorization-server' },
};
const DELEGATE = { clientId: 'agent', clientSecretRef: ref('agent-client', 'secret'), scopes: ['read'], audiences: ['https://api.example.com'] };
const ISSUER = { issuerUrl: 'https://idp.example.com', expectedAudience: 'https://auth.example.com', allowedDelegateClients: ['agent'] };
const GRANT = { maxAssertionAge: '5m', subjectBindings: [{ subject: 'svc-a', allowedResources: ['https://api.example.com'] }] };
const REDIS = { addr: 'redis.example.svc:6379', aclUserConfig: { passwordSecretRef: ref('redis-acl', 'password') } };
const SENTINEL = { masterName: 'mymaster', sentinelAddrs: ['sentinel-0.example.svc:26379'] };

/** A minimal valid EmbeddedAuthServerConfig with `extra` merged in at the top level. */
const eas = (extra: Record<string, unknown> = {}) => ({ issuer: 'https://auth.example.com', upstreamProviders: [OIDC_UPSTREAM], ...extra });

const SHARED = { maxTokens: 100, refillPeriod: '1m' };
const REDIS_SESSION = { provider: 'redis', address: 'redis.example.svc:6379' };
const OIDC_REF = { name: 'corp-oidc', audience: 'mcp' };
const POLICY = 'permit(principal, action, resource);';
const AUTHZ_CM = { type: 'configMap', configMap: { name: 'authz' } };
const AUTHZ_INLINE = { type: 'inline', inline: { policies: [POLICY] } };

// --- object builders ---------------------------------------------------------------------------

const server = (spec: Record<string, unknown> = {}) => toolhive('MCPServer', { image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', ...spec });
const proxy = (spec: Record<string, unknown> = {}) => toolhive('MCPRemoteProxy', { remoteUrl: 'https://mcp.example.com/mcp', ...spec });
const vmcp = (spec: Record<string, unknown> = {}) => toolhive('VirtualMCPServer', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' }, ...spec });
const extAuth = (spec: Record<string, unknown>) => toolhive('MCPExternalAuthConfig', spec);

// --- MCPExternalAuthConfig spec: one config block per type (C1–C9) ------------------------------

const AUTH_BLOCKS: readonly [number, string, unknown][] = [
  [1, 'tokenExchange', { tokenUrl: 'https://sts.example.com/token', audience: 'backend' }],
  [2, 'headerInjection', { headerName: 'X-API-Key', valueSecretRef: ref('api-key', 'key') }],
  [3, 'bearerToken', { tokenSecretRef: ref('api-bearer-token', 'token') }],
  [4, 'embeddedAuthServer', eas()],
  [5, 'awsSts', { region: 'us-east-1', fallbackRoleArn: 'arn:aws:iam::123456789012:role/TestRole' }],
  [6, 'upstreamInject', { providerName: 'github' }],
  [7, 'obo', { tenantId: 'contoso.onmicrosoft.com', clientId: 'toolhive', audience: 'api://backend' }],
  [8, 'xaa', { idpTokenUrl: 'https://idp.example.com/token', targetTokenUrl: 'https://as.example.com/token', targetAudience: 'backend' }],
];

const externalAuthCases: CelCase[] = [
  ...AUTH_BLOCKS.map(([c, type, block]): CelCase => ({
    c,
    kind: 'MCPExternalAuthConfig',
    location: 'spec',
    index: c - 1,
    path: 'spec',
    shown: 'object',
    pass: extAuth({ type, [type]: block }),
    fail: extAuth({ type }),
  })),
  {
    c: 9,
    kind: 'MCPExternalAuthConfig',
    location: 'spec',
    index: 8,
    path: 'spec',
    shown: 'object',
    pass: extAuth({ type: 'unauthenticated' }),
    fail: extAuth({ type: 'unauthenticated', bearerToken: { tokenSecretRef: ref('api-bearer-token', 'token') } }),
  },
];

// --- EmbeddedAuthServerConfig (C10–C27), relative to the config node ---------------------------

interface EasCase { c: number; location: string; index: number; at: string; pass: Record<string, unknown>; fail: Record<string, unknown> }

const issuer = (extra: Record<string, unknown>) => eas({ trustedIssuers: [{ ...ISSUER, ...extra }] });
const bare = (extra: Record<string, unknown>) => eas({ trustedIssuers: [{ issuerUrl: 'https://idp.example.com', ...extra }] });
const grant = (extra: Record<string, unknown>) => bare({ jwtBearerGrant: { ...GRANT, ...extra } });
const upstream = (provider: Record<string, unknown>) => eas({ upstreamProviders: [provider] });

const EAS_CASES: readonly EasCase[] = [
  {
    c: 10,
    location: '',
    index: 0,
    at: '',
    pass: eas({ allowConfidentialClientRegistration: true }),
    fail: eas({ allowConfidentialClientRegistration: true, insecureAllowHTTP: true }),
  },
  {
    c: 11,
    location: '',
    index: 1,
    at: '',
    pass: eas({ delegateClients: [DELEGATE] }),
    fail: eas({ issuer: 'http://auth.example.com', delegateClients: [DELEGATE] }),
  },
  {
    c: 12,
    location: '',
    index: 2,
    at: '',
    pass: eas({ allowConfidentialClientRegistration: true, forceConfidentialRedirectUris: ['https://app.example.com/callback'] }),
    fail: eas({ forceConfidentialRedirectUris: ['https://app.example.com/callback'] }),
  },
  {
    c: 13,
    location: '.delegateClients[*]',
    index: 0,
    at: '.delegateClients[0]',
    pass: eas({ delegateClients: [DELEGATE] }),
    fail: eas({ delegateClients: [{ ...DELEGATE, clientSecretRef: ref('', 'secret') }] }),
  },
  {
    c: 14,
    location: '.storage.redis',
    index: 0,
    at: '.storage.redis',
    pass: eas({ storage: { type: 'redis', redis: REDIS } }),
    fail: eas({ storage: { type: 'redis', redis: { ...REDIS, sentinelConfig: SENTINEL } } }),
  },
  {
    c: 15,
    location: '.storage.redis',
    index: 1,
    at: '.storage.redis',
    pass: eas({ storage: { type: 'redis', redis: { ...REDIS, clusterMode: true } } }),
    fail: eas({ storage: { type: 'redis', redis: { aclUserConfig: REDIS.aclUserConfig, sentinelConfig: SENTINEL, clusterMode: true } } }),
  },
  {
    c: 16,
    location: '.trustedIssuers[*]',
    index: 0,
    at: '.trustedIssuers[0]',
    pass: issuer({ allowedDelegateClients: ['*'] }),
    fail: issuer({ allowedDelegateClients: ['*', 'agent'] }),
  },
  {
    c: 17,
    location: '.trustedIssuers[*]',
    index: 1,
    at: '.trustedIssuers[0]',
    pass: issuer({ allowMayAct: true }),
    fail: issuer({ allowMayAct: true, allowedDelegateClients: ['*'] }),
  },
  {
    c: 18,
    location: '.trustedIssuers[*]',
    index: 2,
    at: '.trustedIssuers[0]',
    pass: issuer({ actorClaim: 'azp' }),
    fail: issuer({ actorClaim: 'sub' }),
  },
  {
    c: 19,
    location: '.trustedIssuers[*]',
    index: 3,
    at: '.trustedIssuers[0]',
    pass: issuer({ allowPrivateIPs: true, jwksUrl: 'https://idp.internal.example.com/jwks' }),
    fail: issuer({ allowPrivateIPs: true }),
  },
  {
    c: 20,
    location: '.trustedIssuers[*]',
    index: 4,
    at: '.trustedIssuers[0]',
    pass: bare({ jwtBearerGrant: GRANT }),
    fail: bare({}),
  },
  {
    c: 21,
    location: '.trustedIssuers[*]',
    index: 5,
    at: '.trustedIssuers[0]',
    pass: issuer({}),
    fail: bare({ expectedAudience: 'https://auth.example.com' }),
  },
  {
    c: 22,
    location: '.trustedIssuers[*].jwtBearerGrant',
    index: 0,
    at: '.trustedIssuers[0].jwtBearerGrant',
    pass: grant({ maxAssertionAge: '1h30m' }),
    fail: grant({ maxAssertionAge: '0s' }),
  },
  {
    c: 23,
    location: '.trustedIssuers[*].jwtBearerGrant',
    index: 1,
    at: '.trustedIssuers[0].jwtBearerGrant',
    pass: grant({ subjectBindings: [...GRANT.subjectBindings, { subject: 'svc-b', allowedResources: ['https://api.example.com'] }] }),
    fail: grant({ subjectBindings: [...GRANT.subjectBindings, { subject: 'svc-a', allowedResources: ['https://other.example.com'] }] }),
  },
  {
    c: 24,
    location: '.upstreamProviders[*]',
    index: 0,
    at: '.upstreamProviders[0]',
    pass: upstream(OAUTH2_UPSTREAM),
    fail: upstream({ ...OAUTH2_UPSTREAM, type: 'oidc' }),
  },
  {
    c: 25,
    location: '.upstreamProviders[*].oauth2Config',
    index: 0,
    at: '.upstreamProviders[0].oauth2Config',
    pass: upstream(OAUTH2_UPSTREAM),
    fail: upstream({ ...OAUTH2_UPSTREAM, oauth2Config: { ...OAUTH2, clientId: '' } }),
  },
  {
    c: 26,
    location: '.upstreamProviders[*].oauth2Config',
    index: 1,
    at: '.upstreamProviders[0].oauth2Config',
    pass: upstream({ ...OAUTH2_UPSTREAM, oauth2Config: DCR_OAUTH2 }),
    fail: upstream({ ...OAUTH2_UPSTREAM, oauth2Config: { ...DCR_OAUTH2, clientSecretRef: ref('github-oauth', 'client-secret') } }),
  },
  {
    c: 27,
    location: '.upstreamProviders[*].oauth2Config.dcrConfig',
    index: 0,
    at: '.upstreamProviders[0].oauth2Config.dcrConfig',
    pass: upstream({ ...OAUTH2_UPSTREAM, oauth2Config: { ...DCR_OAUTH2, dcrConfig: { registrationEndpoint: 'https://as.example.com/register' } } }),
    fail: upstream({ ...OAUTH2_UPSTREAM, oauth2Config: { ...DCR_OAUTH2, dcrConfig: { ...DCR_OAUTH2.dcrConfig, registrationEndpoint: 'https://as.example.com/register' } } }),
  },
];

/** Where EmbeddedAuthServerConfig is placed, and how to wrap one into a complete object. */
const EAS_PLACEMENTS: readonly { kind: string; prefix: string; wrap: (config: unknown) => KubeObject }[] = [
  { kind: 'MCPExternalAuthConfig', prefix: 'spec.embeddedAuthServer', wrap: config => extAuth({ type: 'embeddedAuthServer', embeddedAuthServer: config }) },
  { kind: 'VirtualMCPServer', prefix: 'spec.authServerConfig', wrap: config => vmcp({ authServerConfig: config }) },
];

const embeddedAuthServerCases: CelCase[] = EAS_PLACEMENTS.flatMap(p => EAS_CASES.map((e): CelCase => ({
  c: e.c,
  kind: p.kind,
  location: `${p.prefix}${e.location}`,
  index: e.index,
  path: `${p.prefix}${e.at}`,
  shown: 'object',
  pass: p.wrap(e.pass),
  fail: p.wrap(e.fail),
})));

// --- AuthzConfigRef (C31, C29) and its mutual exclusion with authzConfigRef (C30) ---------------

const AUTHZ_PLACEMENTS: readonly { kind: string; owner: string; authz: string; wrap: (owner: Record<string, unknown>) => KubeObject }[] = [
  { kind: 'MCPServer', owner: 'spec', authz: 'spec.authzConfig', wrap: s => server(s) },
  { kind: 'MCPRemoteProxy', owner: 'spec', authz: 'spec.authzConfig', wrap: s => proxy(s) },
  { kind: 'VirtualMCPServer', owner: 'spec.incomingAuth', authz: 'spec.incomingAuth.authzConfig', wrap: s => vmcp({ incomingAuth: { type: 'anonymous', ...s } }) },
];

const authzCases: CelCase[] = AUTHZ_PLACEMENTS.flatMap(p => [
  {
    c: 30,
    kind: p.kind,
    location: p.owner,
    index: p.kind === 'VirtualMCPServer' ? 1 : 0,
    path: p.owner,
    shown: 'object',
    pass: p.wrap({ authzConfigRef: { name: 'shared-authz' } }),
    fail: p.wrap({ authzConfigRef: { name: 'shared-authz' }, authzConfig: AUTHZ_CM }),
  },
  {
    c: 31,
    kind: p.kind,
    location: p.authz,
    index: 0,
    path: p.authz,
    shown: 'object',
    pass: p.wrap({ authzConfig: AUTHZ_CM }),
    fail: p.wrap({ authzConfig: { ...AUTHZ_INLINE, configMap: AUTHZ_CM.configMap } }),
  },
  {
    c: 29,
    kind: p.kind,
    location: p.authz,
    index: 1,
    path: p.authz,
    shown: 'object',
    pass: p.wrap({ authzConfig: AUTHZ_INLINE }),
    fail: p.wrap({ authzConfig: { ...AUTHZ_CM, inline: AUTHZ_INLINE.inline } }),
  },
] satisfies CelCase[]);

// --- session storage (C32) ---------------------------------------------------------------------

const sessionCases: CelCase[] = [
  ['MCPServer', server], ['MCPRemoteProxy', proxy], ['VirtualMCPServer', vmcp],
].map(([kind, build]): CelCase => {
  const b = build as (spec: Record<string, unknown>) => KubeObject;
  return {
    c: 32,
    kind: kind as string,
    location: 'spec.sessionStorage',
    index: 0,
    path: 'spec.sessionStorage',
    shown: 'object',
    pass: b({ sessionStorage: REDIS_SESSION }),
    fail: b({ sessionStorage: { provider: 'redis', keyPrefix: 'thv' } }),
  };
});

// --- rate limiting: MCPServer (C33–C37) ----------------------------------------------------------

const limited = (rateLimiting: unknown, extra: Record<string, unknown> = {}) => server({ sessionStorage: REDIS_SESSION, rateLimiting, ...extra });

const serverCases: CelCase[] = [
  {
    c: 33,
    kind: 'MCPServer',
    location: 'spec',
    index: 1,
    path: 'spec',
    shown: 'object',
    pass: limited({ shared: SHARED }),
    fail: server({ sessionStorage: { provider: 'memory' }, rateLimiting: { shared: SHARED } }),
  },
  {
    c: 34,
    kind: 'MCPServer',
    location: 'spec',
    index: 2,
    path: 'spec',
    shown: 'object',
    pass: limited({ perUser: SHARED }, { oidcConfigRef: OIDC_REF }),
    fail: limited({ perUser: SHARED }),
  },
  {
    c: 35,
    kind: 'MCPServer',
    location: 'spec',
    index: 3,
    path: 'spec',
    shown: 'object',
    pass: limited({ tools: [{ name: 'fetch', perUser: SHARED }] }, { externalAuthConfigRef: { name: 'token-exchange' } }),
    fail: limited({ tools: [{ name: 'fetch', perUser: SHARED }] }),
  },
  {
    c: 36,
    kind: 'MCPServer',
    location: 'spec.rateLimiting',
    index: 0,
    path: 'spec.rateLimiting',
    shown: 'object',
    pass: limited({ tools: [{ name: 'fetch', shared: SHARED }] }),
    fail: limited({ tools: [] }),
  },
  {
    c: 37,
    kind: 'MCPServer',
    location: 'spec.rateLimiting.tools[*]',
    index: 0,
    path: 'spec.rateLimiting.tools[1]',
    shown: 'object',
    pass: limited({ tools: [{ name: 'fetch', shared: SHARED }, { name: 'search', perUser: SHARED }] }, { oidcConfigRef: OIDC_REF }),
    fail: limited({ tools: [{ name: 'fetch', shared: SHARED }, { name: 'search' }] }),
  },
];

// --- VirtualMCPServer spec and spec.config (C40–C47, C36, C37) -----------------------------------

const OIDC_INCOMING = { type: 'oidc', oidcConfigRef: OIDC_REF };
const vmcpLimited = (rateLimiting: unknown, extra: Record<string, unknown> = {}) =>
  vmcp({ sessionStorage: REDIS_SESSION, config: { rateLimiting }, ...extra });
const optimizer = (opt: Record<string, unknown>, extra: Record<string, unknown> = {}) => vmcp({ config: { optimizer: opt }, ...extra });
const breaker = (timeout: string) => vmcp({ config: { operational: { failureHandling: { circuitBreaker: { enabled: true, timeout } } } } });

const vmcpCases: CelCase[] = [
  {
    c: 40,
    kind: 'VirtualMCPServer',
    location: 'spec',
    index: 0,
    path: 'spec',
    shown: 'object',
    pass: vmcpLimited({ shared: SHARED }),
    fail: vmcp({ config: { rateLimiting: { shared: SHARED } } }),
  },
  {
    c: 41,
    kind: 'VirtualMCPServer',
    location: 'spec',
    index: 1,
    path: 'spec',
    shown: 'object',
    pass: vmcpLimited({ perUser: SHARED }, { incomingAuth: OIDC_INCOMING }),
    fail: vmcpLimited({ perUser: SHARED }),
  },
  {
    c: 42,
    kind: 'VirtualMCPServer',
    location: 'spec',
    index: 2,
    path: 'spec',
    shown: 'object',
    pass: vmcpLimited({ tools: [{ name: 'fetch', perUser: SHARED }] }, { incomingAuth: OIDC_INCOMING }),
    fail: vmcpLimited({ tools: [{ name: 'fetch', perUser: SHARED }] }),
  },
  {
    c: 43,
    kind: 'VirtualMCPServer',
    location: 'spec',
    index: 3,
    path: 'spec',
    shown: 'object',
    pass: optimizer({ embeddingProvider: 'tei' }, { embeddingServerRef: { name: 'embeddings' } }),
    fail: optimizer({ embeddingProvider: 'openai', embeddingService: 'https://api.openai.com/v1' }, { embeddingServerRef: { name: 'embeddings' } }),
  },
  {
    c: 44,
    kind: 'VirtualMCPServer',
    location: 'spec.config.operational.failureHandling.circuitBreaker.timeout',
    index: 0,
    path: 'spec.config.operational.failureHandling.circuitBreaker.timeout',
    shown: 'string',
    pass: breaker('1s'),
    fail: breaker('999ms'),
  },
  {
    c: 45,
    kind: 'VirtualMCPServer',
    location: 'spec.config.optimizer',
    index: 0,
    path: 'spec.config.optimizer',
    shown: 'object',
    pass: optimizer({ embeddingProvider: 'openai', embeddingService: 'https://api.openai.com/v1', embeddingHeaders: { 'X-Org': 'acme' } }),
    // embeddingProvider defaults to tei before the rule runs
    fail: optimizer({ embeddingHeaders: { 'X-Org': 'acme' } }),
  },
  {
    c: 46,
    kind: 'VirtualMCPServer',
    location: 'spec.config.optimizer',
    index: 1,
    path: 'spec.config.optimizer',
    shown: 'object',
    pass: optimizer({ embeddingProvider: 'openai', embeddingHeaders: { 'X-Org': 'acme', 'OpenAI-Project': 'p' } }),
    fail: optimizer({ embeddingProvider: 'openai', embeddingHeaders: { 'X-Org': 'acme', 'authorization': 'x' } }),
  },
  {
    c: 36,
    kind: 'VirtualMCPServer',
    location: 'spec.config.rateLimiting',
    index: 0,
    path: 'spec.config.rateLimiting',
    shown: 'object',
    pass: vmcpLimited({ tools: [{ name: 'fetch', shared: SHARED }] }),
    fail: vmcpLimited({}),
  },
  {
    c: 37,
    kind: 'VirtualMCPServer',
    location: 'spec.config.rateLimiting.tools[*]',
    index: 0,
    path: 'spec.config.rateLimiting.tools[0]',
    shown: 'object',
    pass: vmcpLimited({ tools: [{ name: 'fetch', shared: SHARED }] }),
    fail: vmcpLimited({ tools: [{ name: 'fetch' }] }),
  },
  {
    c: 47,
    kind: 'VirtualMCPServer',
    location: 'spec.incomingAuth',
    index: 0,
    path: 'spec.incomingAuth',
    shown: 'object',
    pass: vmcp({ incomingAuth: OIDC_INCOMING }),
    fail: vmcp({ incomingAuth: { type: 'oidc' } }),
  },
];

// --- the remaining kinds --------------------------------------------------------------------------

const otherCases: CelCase[] = [
  {
    c: 28,
    kind: 'MCPOIDCConfig',
    location: 'spec',
    index: 0,
    path: 'spec',
    shown: 'object',
    pass: toolhive('MCPOIDCConfig', { type: 'kubernetesServiceAccount', kubernetesServiceAccount: { serviceAccount: 'mcp', namespace: 'default' } }),
    fail: toolhive('MCPOIDCConfig', { type: 'inline', inline: { issuer: 'https://idp.example.com' }, kubernetesServiceAccount: {} }),
  },
  {
    c: 29,
    kind: 'MCPOIDCConfig',
    location: 'spec',
    index: 1,
    path: 'spec',
    shown: 'object',
    pass: toolhive('MCPOIDCConfig', { type: 'inline', inline: { issuer: 'https://idp.example.com', clientId: 'mcp' } }),
    fail: toolhive('MCPOIDCConfig', { type: 'inline' }),
  },
  {
    c: 38,
    kind: 'MCPTelemetryConfig',
    location: 'spec.openTelemetry',
    index: 0,
    path: 'spec.openTelemetry',
    shown: 'object',
    pass: toolhive('MCPTelemetryConfig', {
      openTelemetry: { enabled: true, endpoint: 'otel-collector:4317', headers: { 'x-tenant': 'a' }, sensitiveHeaders: [{ name: 'authorization', secretKeyRef: ref('otel', 'token') }] },
    }),
    fail: toolhive('MCPTelemetryConfig', {
      openTelemetry: { enabled: true, endpoint: 'otel-collector:4317', headers: { authorization: 'plain' }, sensitiveHeaders: [{ name: 'authorization', secretKeyRef: ref('otel', 'token') }] },
    }),
  },
  {
    c: 39,
    kind: 'MCPWebhookConfig',
    location: 'spec',
    index: 0,
    path: 'spec',
    shown: 'object',
    pass: toolhive('MCPWebhookConfig', { mutating: [{ name: 'redact', url: 'https://hooks.example.com/mutate', timeout: '5s' }] }, 'sample', V1ALPHA1),
    fail: toolhive('MCPWebhookConfig', { validating: [], mutating: [] }, 'sample', V1ALPHA1),
  },
];

/** Every placement, in a stable order. Fixtures are deep-copied so no case can leak into another. */
export const CEL_CASES: readonly CelCase[] = [
  ...externalAuthCases, ...embeddedAuthServerCases, ...authzCases, ...sessionCases, ...serverCases, ...vmcpCases, ...otherCases,
].map(c => ({ ...c, pass: copy(c.pass), fail: copy(c.fail) }));
