/**
 * Audit of ten realistic invalid configurations (mistakes copied from upstream examples and docs) and more candidates, each as a complete
 * manifest set (every referenced object present, so only the intended problem remains). Each case asserts the exact
 * field error text (the part after `<path>: `) and its path, and that the corrected set has no error at all.
 */
import { embedded, externalAuth, GITHUB_OIDC, group, OKTA_OIDC, oidc, POLICY, server, url } from './fixtures';
import { cel, configMap, errors, secret, th, V1ALPHA1, type Finding } from './helpers';
import type { KubeObject } from '../../src/validation';

/** One expected error: which object, where, what text (rule only where it helps to read the case). */
interface Expected {
  readonly kind: string;
  readonly name: string;
  readonly path: string;
  readonly message: string;
}

interface Case {
  readonly title: string;
  readonly bad: readonly KubeObject[];
  readonly expected: readonly Expected[];
  readonly good: readonly KubeObject[];
}

const sortKey = (f: Expected) => `${f.kind}/${f.name} ${f.path} ${f.message}`;
const sorted = (l: readonly Expected[]) => [...l].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
const strip = (f: Finding): Expected => ({ kind: f.kind, name: f.name, path: f.path, message: f.message });

/** A VirtualMCPServer exactly as written (no default incoming auth: case 8 is about it). */
const vmcp = (name: string, spec: Record<string, unknown>) => th('VirtualMCPServer', name, spec);

// ---- the ten configurations -------------------------------------------------------------------------------

const TEN: Case[] = [
  {
    title: '1. snake_case token exchange (copied from the repo examples)',
    bad: [externalAuth('token-exchange', {
      type: 'tokenExchange',
      tokenExchange: { token_url: 'https://oauth.example.com/token', client_id: 'my-client', audience: 'my-audience' },
    })],
    // strict decoding fails on the unknown fields before validation: they are reported alone
    expected: [
      { kind: 'MCPExternalAuthConfig', name: 'token-exchange', path: 'spec.tokenExchange.token_url', message: 'unknown field "spec.tokenExchange.token_url"' },
      { kind: 'MCPExternalAuthConfig', name: 'token-exchange', path: 'spec.tokenExchange.client_id', message: 'unknown field "spec.tokenExchange.client_id"' },
    ],
    good: [externalAuth('token-exchange', {
      type: 'tokenExchange',
      tokenExchange: { tokenUrl: 'https://oauth.example.com/token', clientId: 'my-client', audience: 'my-audience' },
    })],
  },
  {
    title: '2. type/config mismatch (bearerToken with a headerInjection block): both CEL rules are reported',
    bad: [
      externalAuth('api-key', { type: 'bearerToken', headerInjection: { headerName: 'X-API-Key', valueSecretRef: { name: 's', key: 'k' } } }),
      secret('s', { k: 'v' }),
    ],
    expected: [
      { kind: 'MCPExternalAuthConfig', name: 'api-key', path: 'spec', message: cel("headerInjection configuration must be set if and only if type is 'headerInjection'") },
      { kind: 'MCPExternalAuthConfig', name: 'api-key', path: 'spec', message: cel("bearerToken configuration must be set if and only if type is 'bearerToken'") },
    ],
    good: [
      externalAuth('api-key', { type: 'headerInjection', headerInjection: { headerName: 'X-API-Key', valueSecretRef: { name: 's', key: 'k' } } }),
      secret('s', { k: 'v' }),
    ],
  },
  {
    title: '3. upstream of type oidc with an oauth2Config block',
    bad: [embedded('corp-as', {
      upstreamProviders: [{
        name: 'okta',
        type: 'oidc',
        oauth2Config: { authorizationEndpoint: 'https://a/authorize', tokenEndpoint: 'https://a/token', clientId: 'c' },
      }],
    })],
    expected: [{
      kind: 'MCPExternalAuthConfig',
      name: 'corp-as',
      path: 'spec.embeddedAuthServer.upstreamProviders[0]',
      message: cel("type must be 'oidc' or 'oauth2'; oidcConfig must be set when type is 'oidc' and oauth2Config must be set when type is 'oauth2' (and the other must not be set)"),
    }],
    good: [embedded('corp-as', {
      upstreamProviders: [{
        name: 'okta',
        type: 'oauth2',
        oauth2Config: { authorizationEndpoint: 'https://a/authorize', tokenEndpoint: 'https://a/token', clientId: 'c' },
      }],
    })],
  },
  {
    title: '4. upstream name that is not a DNS label',
    bad: [embedded('corp-as', {
      upstreamProviders: [{ name: 'Okta_Prod', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'x' } }],
    })],
    expected: [{
      kind: 'MCPExternalAuthConfig',
      name: 'corp-as',
      path: 'spec.embeddedAuthServer.upstreamProviders[0].name',
      message: 'Invalid value: "Okta_Prod": spec.embeddedAuthServer.upstreamProviders[0].name in body should match \'^[a-z0-9]([a-z0-9-]*[a-z0-9])?$\'',
    }],
    good: [embedded('corp-as', {
      upstreamProviders: [{ name: 'okta-prod', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'x' } }],
    })],
  },
  {
    title: '5. confidential dynamic client registration over cleartext HTTP',
    bad: [embedded('corp-as', { issuer: 'http://auth.toolhive.svc', insecureAllowHTTP: true, allowConfidentialClientRegistration: true })],
    expected: [{
      kind: 'MCPExternalAuthConfig',
      name: 'corp-as',
      path: 'spec.embeddedAuthServer',
      message: cel('allowConfidentialClientRegistration cannot be combined with insecureAllowHTTP; client secrets would be issued in cleartext over an unauthenticated endpoint'),
    }],
    good: [embedded('corp-as', { issuer: 'http://auth.toolhive.svc', insecureAllowHTTP: true })],
  },
  {
    title: '6. both authz forms on an MCPServer',
    bad: [
      server('fetch', { authzConfig: { type: 'inline', inline: { policies: [POLICY] } }, authzConfigRef: { name: 'shared-authz' } }),
      th('MCPAuthzConfig', 'shared-authz', { type: 'cedarv1', config: { policies: [POLICY] } }),
    ],
    expected: [{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec',
      message: cel('authzConfig and authzConfigRef are mutually exclusive; use authzConfigRef to reference a shared MCPAuthzConfig'),
    }],
    good: [
      server('fetch', { authzConfigRef: { name: 'shared-authz' } }),
      th('MCPAuthzConfig', 'shared-authz', { type: 'cedarv1', config: { policies: [POLICY] } }),
    ],
  },
  {
    title: '7. per-user rate limit without authentication',
    bad: [server('fetch', {
      sessionStorage: { provider: 'redis', address: 'redis:6379' },
      rateLimiting: { perUser: { maxTokens: 10, refillPeriod: '1m' } },
    })],
    expected: [{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec',
      message: cel('rateLimiting.perUser requires authentication (oidcConfigRef or externalAuthConfigRef)'),
    }],
    good: [
      server('fetch', {
        sessionStorage: { provider: 'redis', address: 'redis:6379' },
        rateLimiting: { perUser: { maxTokens: 10, refillPeriod: '1m' } },
        oidcConfigRef: { name: 'idp', audience: url('fetch') },
      }),
      oidc(),
    ],
  },
  {
    title: '7b. rate limit with authentication but without redis session storage',
    bad: [
      server('fetch', { rateLimiting: { perUser: { maxTokens: 10, refillPeriod: '1m' } }, oidcConfigRef: { name: 'idp', audience: url('fetch') } }),
      oidc(),
    ],
    expected: [{ kind: 'MCPServer', name: 'fetch', path: 'spec', message: cel("rateLimiting requires sessionStorage with provider 'redis'") }],
    good: [
      server('fetch', {
        sessionStorage: { provider: 'redis', address: 'redis:6379' },
        rateLimiting: { perUser: { maxTokens: 10, refillPeriod: '1m' } },
        oidcConfigRef: { name: 'idp', audience: url('fetch') },
      }),
      oidc(),
    ],
  },
  {
    title: '7c. per-user rate limit with neither session storage nor authentication: both rules fire',
    bad: [server('fetch', { rateLimiting: { perUser: { maxTokens: 10, refillPeriod: '1m' } } })],
    expected: [
      { kind: 'MCPServer', name: 'fetch', path: 'spec', message: cel("rateLimiting requires sessionStorage with provider 'redis'") },
      { kind: 'MCPServer', name: 'fetch', path: 'spec', message: cel('rateLimiting.perUser requires authentication (oidcConfigRef or externalAuthConfigRef)') },
    ],
    good: [server('fetch', {
      sessionStorage: { provider: 'redis', address: 'redis:6379' },
      rateLimiting: { shared: { maxTokens: 10, refillPeriod: '1m' } },
    })],
  },
  {
    title: '8. vMCP with OIDC incoming auth and no oidcConfigRef',
    bad: [vmcp('gateway', { groupRef: { name: 'g' }, incomingAuth: { type: 'oidc' } }), group()],
    expected: [{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.incomingAuth',
      message: cel('spec.incomingAuth.oidcConfigRef is required when type is oidc'),
    }],
    good: [
      vmcp('gateway', { groupRef: { name: 'g' }, incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'idp', audience: 'https://mcp.example.com' } } }),
      group(),
      oidc(),
    ],
  },
  {
    title: '9. MCPServer pointing at a multi-upstream auth server (admitted; fails at reconcile)',
    bad: [
      embedded('corp-as', { upstreamProviders: [OKTA_OIDC, GITHUB_OIDC] }),
      server('fetch', { authServerRef: { kind: 'MCPExternalAuthConfig', name: 'corp-as' }, oidcConfigRef: { name: 'idp', audience: url('fetch') } }),
      oidc(),
    ],
    expected: [{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.authServerRef.name',
      message: 'MCPServer supports only one upstream provider (found 2); use VirtualMCPServer for multi-upstream',
    }],
    good: [
      embedded('corp-as', { upstreamProviders: [OKTA_OIDC] }),
      server('fetch', { authServerRef: { kind: 'MCPExternalAuthConfig', name: 'corp-as' }, oidcConfigRef: { name: 'idp', audience: url('fetch') } }),
      oidc(),
    ],
  },
  {
    title: '10. vMCP referencing an HTTP-PDP MCPAuthzConfig (admitted; fails at reconcile)',
    bad: [
      th('MCPAuthzConfig', 'pdp', { type: 'httpv1', config: { http: { url: 'https://pdp' }, claim_mapping: 'standard' } }),
      vmcp('gateway', {
        groupRef: { name: 'g' },
        incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'idp', audience: 'https://mcp.example.com' }, authzConfigRef: { name: 'pdp' } },
      }),
      group(),
      oidc(),
    ],
    expected: [{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.incomingAuth.authzConfigRef.name',
      message: 'MCPAuthzConfig pdp has unsupported type "httpv1" for VirtualMCPServer; only cedarv1 is supported',
    }],
    good: [
      th('MCPAuthzConfig', 'pdp', { type: 'cedarv1', config: { policies: [POLICY] } }),
      vmcp('gateway', {
        groupRef: { name: 'g' },
        incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'idp', audience: 'https://mcp.example.com' }, authzConfigRef: { name: 'pdp' } },
      }),
      group(),
      oidc(),
    ],
  },
];

// ---- "more candidates" --------------------------------------------------------------------------------------

const REDIS_ACL = { passwordSecretRef: { name: 'redis-acl', key: 'password' } };

const MORE: Case[] = [
  {
    title: 'MCPWebhookConfig with an empty spec',
    bad: [th('MCPWebhookConfig', 'hooks', {}, V1ALPHA1)],
    expected: [{ kind: 'MCPWebhookConfig', name: 'hooks', path: 'spec', message: cel('at least one validating or mutating webhook must be defined') }],
    good: [th('MCPWebhookConfig', 'hooks', { validating: [{ name: 'policy', url: 'https://webhook.example.com/validate' }] }, V1ALPHA1)],
  },
  {
    title: 'MCPOIDCConfig of type inline without the inline block',
    bad: [th('MCPOIDCConfig', 'idp', { type: 'inline' })],
    expected: [{ kind: 'MCPOIDCConfig', name: 'idp', path: 'spec', message: cel("inline must be set when type is 'inline', and must not be set otherwise") }],
    good: [oidc()],
  },
  {
    title: 'inline authz without type: the default configMap makes both rules fire',
    bad: [server('fetch', { authzConfig: { inline: { policies: [POLICY] } } })],
    expected: [
      { kind: 'MCPServer', name: 'fetch', path: 'spec.authzConfig', message: cel("configMap must be set when type is 'configMap', and must not be set otherwise") },
      { kind: 'MCPServer', name: 'fetch', path: 'spec.authzConfig', message: cel("inline must be set when type is 'inline', and must not be set otherwise") },
    ],
    good: [server('fetch', { authzConfig: { type: 'inline', inline: { policies: [POLICY] } } })],
  },
  {
    title: 'vMCP embeddingServerRef together with the openai embedding provider',
    bad: [
      vmcp('gateway', {
        groupRef: { name: 'g' },
        incomingAuth: { type: 'anonymous' },
        embeddingServerRef: { name: 'embed' },
        config: { optimizer: { embeddingProvider: 'openai' } },
      }),
      group(),
      th('EmbeddingServer', 'embed', { model: 'BAAI/bge-small-en-v1.5' }),
    ],
    expected: [{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec',
      message: cel("embeddingServerRef provisions a managed TEI server and cannot be combined with optimizer.embeddingProvider 'openai'; openai mode uses embeddingService directly"),
    }],
    good: [
      vmcp('gateway', { groupRef: { name: 'g' }, incomingAuth: { type: 'anonymous' }, embeddingServerRef: { name: 'embed' }, config: { optimizer: {} } }),
      group(),
      th('EmbeddingServer', 'embed', { model: 'BAAI/bge-small-en-v1.5' }),
    ],
  },
  {
    title: 'redis storage with both addr and sentinelConfig',
    bad: [
      embedded('corp-as', {
        storage: {
          type: 'redis',
          redis: { addr: 'redis:6379', sentinelConfig: { masterName: 'mymaster', sentinelAddrs: ['sentinel:26379'] }, aclUserConfig: REDIS_ACL },
        },
      }),
      secret('redis-acl', { password: 'p' }),
    ],
    expected: [{
      kind: 'MCPExternalAuthConfig',
      name: 'corp-as',
      path: 'spec.embeddedAuthServer.storage.redis',
      message: cel('exactly one of addr or sentinelConfig must be set'),
    }],
    good: [
      embedded('corp-as', { storage: { type: 'redis', redis: { addr: 'redis:6379', aclUserConfig: REDIS_ACL } } }),
      secret('redis-acl', { password: 'p' }),
    ],
  },
  {
    title: 'MCPRemoteProxy pointing at localhost (SSRF blocklist)',
    bad: [th('MCPRemoteProxy', 'remote', { remoteUrl: 'http://localhost:8080/mcp' })],
    expected: [{
      kind: 'MCPRemoteProxy',
      name: 'remote',
      path: 'spec.remoteUrl',
      message: 'remote URL host is not allowed: hostname "localhost" matches blocked internal hostname "localhost"',
    }],
    good: [th('MCPRemoteProxy', 'remote', { remoteUrl: 'https://mcp.example.com/mcp' })],
  },
  {
    title: 'MCPTelemetryConfig endpoint with neither tracing nor metrics',
    bad: [th('MCPTelemetryConfig', 'otel', { openTelemetry: { endpoint: 'otel:4317' } })],
    expected: [{
      kind: 'MCPTelemetryConfig',
      name: 'otel',
      path: 'spec.openTelemetry.endpoint',
      message: 'endpoint requires at least one of tracing or metrics to be enabled',
    }],
    good: [th('MCPTelemetryConfig', 'otel', { openTelemetry: { endpoint: 'otel:4317', tracing: { enabled: true } } })],
  },
  {
    title: 'awsSts with only a region',
    bad: [externalAuth('aws', { type: 'awsSts', awsSts: { region: 'us-east-1' } })],
    expected: [{
      kind: 'MCPExternalAuthConfig',
      name: 'aws',
      path: 'spec.awsSts',
      message: 'awsSts: at least one of fallbackRoleArn or roleMappings must be configured',
    }],
    good: [externalAuth('aws', { type: 'awsSts', awsSts: { region: 'us-east-1', fallbackRoleArn: 'arn:aws:iam::123456789012:role/mcp' } })],
  },
  {
    title: 'MCPServer with an embedded auth server whose oidcConfigRef.audience is not the default resourceUrl',
    bad: [
      embedded('corp-as', {}),
      server('fetch', { authServerRef: { kind: 'MCPExternalAuthConfig', name: 'corp-as' }, oidcConfigRef: { name: 'idp', audience: 'my-api' } }),
      oidc(),
    ],
    expected: [{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.oidcConfigRef.audience',
      message: `oidcConfigRef.audience "my-api" must match resourceUrl "${url('fetch')}" when an embedded auth server is active; ` +
        `set audience to "${url('fetch')}" or set resourceUrl to match audience`,
    }],
    good: [
      embedded('corp-as', {}),
      server('fetch', { authServerRef: { kind: 'MCPExternalAuthConfig', name: 'corp-as' }, oidcConfigRef: { name: 'idp', audience: url('fetch') } }),
      oidc(),
    ],
  },
];

describe('ten realistic invalid configurations', () => {
  test.each(TEN.map(c => [c.title, c] as const))('rejects %s', (_title, c) => {
    expect(sorted(errors(c.bad).map(strip))).toEqual(sorted(c.expected));
  });

  test.each(TEN.map(c => [c.title, c] as const))('accepts the corrected version of %s', (_title, c) => {
    expect(errors(c.good)).toEqual([]);
  });
});

describe('more realistic invalid configurations', () => {
  test.each(MORE.map(c => [c.title, c] as const))('rejects %s', (_title, c) => {
    expect(sorted(errors(c.bad).map(strip))).toEqual(sorted(c.expected));
  });

  test.each(MORE.map(c => [c.title, c] as const))('accepts the corrected version of %s', (_title, c) => {
    expect(errors(c.good)).toEqual([]);
  });
});

/** The case whose title starts with `prefix`. */
function item(prefix: string): Case {
  const c = TEN.find(t => t.title.startsWith(prefix));
  if (!c) throw new Error(`no case ${prefix}`);
  return c;
}

describe('the status-condition wording of the reconcile-time cases', () => {
  test('fails the multi-upstream MCPServer with the condition text, not the Ready text', () => {
    const [e] = errors(item('9.').bad);
    // the Ready condition says "MCPServer default/fetch: embedded auth server has 2 upstream providers, ..."; the rule
    // reports the AuthServerRefValidated condition message, which is the one users see in `kubectl describe`
    expect(e.rule).toBe('operator.embedded-auth.single-upstream');
    expect(e.message).not.toContain('default/fetch');
  });

  test('rejects the authz type mismatch with the rule for vMCP Cedar-only authz', () => {
    expect(errors(item('10.').bad).map(e => e.rule)).toEqual(['operator.authz.vmcp-cedar-only']);
  });

  test('fails the stale chainsaw expectation: the message names oidcConfigRef, not oidcConfig', () => {
    const [e] = errors(item('8.').bad);
    expect(e.message).toContain('spec.incomingAuth.oidcConfigRef is required');
    expect(e.message).not.toContain('spec.incomingAuth.oidcConfig is required');
  });
});

describe('realistic invalid configuration 6, configMap form', () => {
  test('rejects both authz forms when the inline one is a ConfigMap', () => {
    const bad = [
      server('fetch', { authzConfig: { type: 'configMap', configMap: { name: 'authz' } }, authzConfigRef: { name: 'shared-authz' } }),
      th('MCPAuthzConfig', 'shared-authz', { type: 'cedarv1', config: { policies: [POLICY] } }),
      configMap('authz', { 'authz.json': JSON.stringify({ version: '1.0', type: 'cedarv1', cedar: { policies: [POLICY], entities_json: '[]' } }) }),
    ];
    expect(errors(bad).map(e => `${e.path}: ${e.message}`)).toEqual([
      `spec: ${cel('authzConfig and authzConfigRef are mutually exclusive; use authzConfigRef to reference a shared MCPAuthzConfig')}`,
    ]);
  });

  test('accepts the authz ConfigMap alone', () => {
    const good = [
      server('fetch', { authzConfig: { type: 'configMap', configMap: { name: 'authz' } } }),
      configMap('authz', { 'authz.json': JSON.stringify({ version: '1.0', type: 'cedarv1', cedar: { policies: [POLICY], entities_json: '[]' } }) }),
    ];
    expect(errors(good)).toEqual([]);
  });
});
