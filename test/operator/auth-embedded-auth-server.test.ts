import { authFindings, embeddedAuth, GITHUB_OIDC, messages, SLACK_OAUTH2, vmcpWithAuthServer, copy } from './auth-fixtures';
import { validateManifests } from '../../src/validation';

const DELEGATE = { clientId: 'agent', clientSecretRef: { name: 'agent-secret', key: 'secret' }, scopes: ['openid'], audiences: ['https://mcp.example.com'] };

describe('embedded auth server: confidential client transport', () => {
  const rule = 'operator.embedded-auth.confidential-transport';

  it('accepts confidential registration on an https issuer', () => {
    expect(messages([embeddedAuth('as', { allowConfidentialClientRegistration: true })], rule)).toEqual([]);
  });

  it('accepts a plain-HTTP loopback issuer when insecureAllowConfidentialOverLoopbackHTTP is set', () => {
    const cfg = embeddedAuth('as', { issuer: 'http://localhost:9000', allowConfidentialClientRegistration: true, insecureAllowConfidentialOverLoopbackHTTP: true });
    expect(messages([cfg], rule)).toEqual([]);
  });

  it('rejects delegate clients with insecureAllowHTTP (no CEL rule covers an https issuer)', () => {
    const cfg = embeddedAuth('as', { insecureAllowHTTP: true, delegateClients: [DELEGATE] });
    expect(authFindings([cfg]).filter(f => f.rule === rule)).toEqual([{
      kind: 'MCPExternalAuthConfig',
      name: 'as',
      path: 'spec.embeddedAuthServer.insecureAllowHTTP',
      rule,
      severity: 'error',
      message: 'allow_confidential_client_registration cannot be combined with insecure_allow_http: confidential clients would send secrets over cleartext HTTP',
    }]);
  });

  it('rejects confidential registration on a plain-HTTP loopback issuer', () => {
    const cfg = embeddedAuth('as', { issuer: 'http://127.0.0.1:9000', allowConfidentialClientRegistration: true });
    expect(messages([cfg], rule)).toEqual([
      'allow_confidential_client_registration cannot be combined with a plain-HTTP loopback issuer ("http://127.0.0.1:9000") unless insecure_allow_confidential_over_loopback_http is set: confidential clients would send secrets over cleartext HTTP',
    ]);
  });

  it('leaves allowConfidentialClientRegistration with insecureAllowHTTP to the CEL rule', () => {
    const cfg = embeddedAuth('as', { allowConfidentialClientRegistration: true, insecureAllowHTTP: true });
    const all = validateManifests([cfg]);
    expect(all.filter(v => v.rule === rule)).toEqual([]);
    expect(all.map(v => v.message)).toContain('Invalid value: "object": allowConfidentialClientRegistration cannot be combined with insecureAllowHTTP; client secrets would be issued in cleartext over an unauthenticated endpoint');
  });

  it('rejects it on VirtualMCPServer authServerConfig with the vMCP prefix', () => {
    const objects = vmcpWithAuthServer({}, { issuer: 'http://localhost:9000', allowConfidentialClientRegistration: true });
    expect(messages(objects, rule)).toEqual([
      'spec.authServerConfig: allow_confidential_client_registration cannot be combined with a plain-HTTP loopback issuer ("http://localhost:9000") unless insecure_allow_confidential_over_loopback_http is set: confidential clients would send secrets over cleartext HTTP',
    ]);
  });
});

describe('embedded auth server: forceConfidentialRedirectUris', () => {
  const rule = 'operator.embedded-auth.force-confidential-uri';
  const withUris = (uris: string[]) => embeddedAuth('as', { allowConfidentialClientRegistration: true, forceConfidentialRedirectUris: uris });

  it('accepts https non-loopback redirect URIs', () => {
    expect(messages([withUris(['https://app.example.com/callback'])], rule)).toEqual([]);
  });

  it('rejects a loopback redirect URI', () => {
    expect(authFindings([withUris(['https://localhost:8443/callback'])]).filter(f => f.rule === rule)).toEqual([{
      kind: 'MCPExternalAuthConfig',
      name: 'as',
      path: 'spec.embeddedAuthServer.forceConfidentialRedirectUris[0]',
      rule,
      severity: 'error',
      message: 'force_confidential_redirect_uris: "https://localhost:8443/callback" must not be a loopback redirect URI; a loopback client is a public client by construction and must not be issued a secret',
    }]);
  });

  it('rejects a redirect URI Go cannot parse', () => {
    expect(messages([withUris(['https://app.example.com/ok', 'https://app.example.com:https/callback'])], rule)).toEqual([
      'force_confidential_redirect_uris: "https://app.example.com:https/callback": invalid redirect_uri format: parse "https://app.example.com:https/callback": invalid port ":https" after host',
    ]);
  });
});

describe('embedded auth server: issuer (auth server start-up)', () => {
  const rule = 'operator.embedded-auth.issuer';

  it('accepts https, loopback http, and http with insecureAllowHTTP', () => {
    expect(messages([
      embeddedAuth('a'),
      embeddedAuth('b', { issuer: 'http://localhost:9000' }),
      embeddedAuth('c', { issuer: 'http://auth.toolhive.svc', insecureAllowHTTP: true }),
    ], rule)).toEqual([]);
  });

  it('rejects a plain-HTTP issuer on a non-loopback host', () => {
    expect(messages([embeddedAuth('as', { issuer: 'http://auth.toolhive.svc' })], rule)).toEqual([
      'issuer: http scheme is only allowed for localhost, use https for auth.toolhive.svc',
    ]);
  });

  it('rejects an issuer with userinfo', () => {
    expect(messages([embeddedAuth('as', { issuer: 'https://admin@auth.example.com' })], rule)).toEqual([
      'issuer: must not contain userinfo (credentials in the URL)',
    ]);
  });
});

describe('embedded auth server: trusted issuers', () => {
  const rule = 'operator.embedded-auth.trusted-issuer';
  // jwtBearerGrant and actorMatcher exist from main@e25de16 on (test/releases/ covers the tagged releases)
  const ON_MAIN = { operatorRelease: 'main@e25de16' };
  const delegation = { issuerUrl: 'https://idp.example.com', expectedAudience: 'https://mcp.example.com', allowedDelegateClients: ['*'] };
  const grant = { issuerUrl: 'https://partner.example.com', jwtBearerGrant: { maxAssertionAge: '5m', subjectBindings: [{ subject: 'svc', allowedResources: ['https://mcp.example.com'] }], acceptedAudiences: ['https://auth.example.com/token'] } };
  const withIssuers = (issuers: unknown[]) => embeddedAuth('as', { trustedIssuers: issuers });

  it('accepts distinct external issuers', () => {
    expect(messages([withIssuers([delegation, grant])], rule, ON_MAIN)).toEqual([]);
  });

  it('rejects an issuer equal to the auth server issuer', () => {
    expect(authFindings([withIssuers([{ ...delegation, issuerUrl: 'https://auth.example.com' }])], ON_MAIN).filter(f => f.rule === rule)).toEqual([{
      kind: 'MCPExternalAuthConfig',
      name: 'as',
      path: 'spec.embeddedAuthServer.trustedIssuers[0].issuerUrl',
      rule,
      severity: 'error',
      message: 'trustedIssuers: issuer_url "https://auth.example.com": must not equal the authorization server\'s own issuer; self-issued tokens are already handled separately',
    }]);
  });

  it('rejects a duplicate issuer', () => {
    expect(messages([withIssuers([delegation, { ...delegation, allowedDelegateClients: ['agent'] }])], rule, ON_MAIN)).toEqual([
      'trustedIssuers: issuer_url "https://idp.example.com": configured more than once',
    ]);
  });

  it('rejects an actorMatcher that is not CEL', () => {
    expect(messages([withIssuers([{ ...delegation, allowedDelegateClients: ['agent'], actorMatcher: 'claims.azp = "agent"' }])], rule, ON_MAIN)).toEqual([
      'trustedIssuers: issuer_url "https://idp.example.com": invalid actor_matcher: <input>:1:12: found = but expecting end of input',
    ]);
  });

  it('rejects a plain-HTTP issuer URL unless the issuer allows HTTP', () => {
    const http = { ...delegation, issuerUrl: 'http://idp.example.com' };
    expect(messages([withIssuers([http])], rule, ON_MAIN)).toEqual([
      'trusted_issuers: issuer_url "http://idp.example.com": http scheme is only allowed for localhost, use https for idp.example.com',
    ]);
    expect(messages([withIssuers([{ ...http, insecureAllowHTTP: true }])], rule, ON_MAIN)).toEqual([]);
  });

  it('rejects an issuer URL with a query', () => {
    expect(messages([withIssuers([{ ...delegation, issuerUrl: 'https://idp.example.com/?tenant=a' }])], rule, ON_MAIN)).toEqual([
      'trusted_issuers: issuer_url "https://idp.example.com/?tenant=a": must not contain query component',
    ]);
  });

  it('rejects a jwksUrl on a private address unless allowPrivateIPs is set', () => {
    const jwks = { ...delegation, jwksUrl: 'https://10.0.0.5/jwks.json' };
    expect(messages([withIssuers([jwks])], rule, ON_MAIN)).toEqual([
      'trusted_issuers: jwks_url "https://10.0.0.5/jwks.json": must not point to a private or loopback address',
    ]);
    expect(messages([withIssuers([{ ...jwks, allowPrivateIPs: true }])], rule, ON_MAIN)).toEqual([]);
  });

  it('rejects a jwt-bearer resource with a fragment and a host-less accepted audience', () => {
    const bad = copy(grant);
    bad.jwtBearerGrant.subjectBindings[0].allowedResources = ['https://mcp.example.com/#frag'];
    bad.jwtBearerGrant.acceptedAudiences = ['https:///token'];
    expect(messages([withIssuers([bad])], rule, ON_MAIN)).toEqual([
      'trustedIssuers: issuer_url "https://partner.example.com": jwt_bearer_grant subject "svc" resource "https://mcp.example.com/#frag" is invalid: invalid_target',
      'trustedIssuers: issuer_url "https://partner.example.com": jwt_bearer_grant.accepted_audiences value "https:///token" is invalid: invalid_target',
    ]);
  });

  it('uses the RunConfig wording on VirtualMCPServer authServerConfig', () => {
    const objects = vmcpWithAuthServer({}, { trustedIssuers: [{ ...delegation, issuerUrl: 'https://auth.example.com' }] });
    expect(messages(objects, rule, ON_MAIN)).toEqual([
      'trusted_issuers: issuer_url "https://auth.example.com": must not equal the authorization server\'s own issuer; self-issued tokens are already handled separately',
    ]);
  });
});

describe('embedded auth server: upstream providers', () => {
  it('accepts a DCR upstream with one endpoint', () => {
    const dcr = { ...SLACK_OAUTH2, oauth2Config: { ...SLACK_OAUTH2.oauth2Config, clientId: undefined, dcrConfig: { discoveryUrl: 'https://slack.example.com/.well-known/openid-configuration' } } };
    expect(messages([embeddedAuth('as', { upstreamProviders: [dcr] })], 'operator.embedded-auth.dcr-endpoint')).toEqual([]);
  });

  it('rejects a DCR config whose only endpoint is empty (Go counts "" as unset)', () => {
    const dcr = { ...SLACK_OAUTH2, oauth2Config: { ...SLACK_OAUTH2.oauth2Config, clientId: undefined, dcrConfig: { registrationEndpoint: '' } } };
    expect(messages([embeddedAuth('as', { upstreamProviders: [dcr] })], 'operator.embedded-auth.dcr-endpoint', { admitted: false })).toEqual([
      'upstreamProviders[0]: oauth2Config.dcrConfig: exactly one of discoveryUrl or registrationEndpoint must be set',
    ]);
  });

  it('accepts non-reserved additionalAuthorizationParams', () => {
    const up = { ...GITHUB_OIDC, oidcConfig: { ...GITHUB_OIDC.oidcConfig, additionalAuthorizationParams: { prompt: 'consent', access_type: 'offline' } } };
    expect(messages([embeddedAuth('as', { upstreamProviders: [up] })], 'operator.embedded-auth.reserved-param')).toEqual([]);
  });

  it('rejects reserved additionalAuthorizationParams on oidcConfig and oauth2Config', () => {
    const oidc = { ...GITHUB_OIDC, oidcConfig: { ...GITHUB_OIDC.oidcConfig, additionalAuthorizationParams: { scope: 'repo', prompt: 'consent', nonce: 'n' } } };
    const findings = authFindings([embeddedAuth('as', { upstreamProviders: [oidc] })]).filter(f => f.rule === 'operator.embedded-auth.reserved-param');
    expect(findings.map(f => [f.path, f.message])).toEqual([
      ['spec.embeddedAuthServer.upstreamProviders[0].oidcConfig.additionalAuthorizationParams[nonce]', 'upstreamProviders[0].additionalAuthorizationParams: reserved parameter "nonce" is managed by the framework and cannot be overridden'],
      ['spec.embeddedAuthServer.upstreamProviders[0].oidcConfig.additionalAuthorizationParams[scope]', 'upstreamProviders[0].additionalAuthorizationParams: reserved parameter "scope" is managed by the framework and cannot be overridden'],
    ]);
    const oauth2 = { ...SLACK_OAUTH2, oauth2Config: { ...SLACK_OAUTH2.oauth2Config, userInfo: { endpointUrl: 'https://slack.example.com/api/users.identity' }, additionalAuthorizationParams: { redirect_uri: 'https://evil.example.com' } } };
    const objects = vmcpWithAuthServer({}, {}, [GITHUB_OIDC, oauth2]);
    expect(messages(objects, 'operator.embedded-auth.reserved-param')).toEqual([
      'spec.authServerConfig.upstreamProviders[1].additionalAuthorizationParams: reserved parameter "redirect_uri" is managed by the framework and cannot be overridden',
    ]);
  });

  it('warns about OAuth2 upstreams without userInfo (identity is synthesized)', () => {
    const other = { ...SLACK_OAUTH2, name: 'atlassian' };
    expect(authFindings([embeddedAuth('as', { upstreamProviders: [SLACK_OAUTH2, other] })]).filter(f => f.rule === 'operator.embedded-auth.identity-synthesized')).toEqual([{
      kind: 'MCPExternalAuthConfig',
      name: 'as',
      path: 'spec.embeddedAuthServer.upstreamProviders',
      rule: 'operator.embedded-auth.identity-synthesized',
      severity: 'warning',
      message: 'OAuth2 upstream(s) [atlassian slack] have no userInfo configured; the embedded auth server will synthesize a non-PII subject from the access token (no Name/Email claims). If a userInfo endpoint exists for these upstreams, configure it to resolve real identity.',
    }]);
  });

  it('does not warn when userInfo or identityFromToken is configured', () => {
    const withUserInfo = { ...SLACK_OAUTH2, oauth2Config: { ...SLACK_OAUTH2.oauth2Config, userInfo: { endpointUrl: 'https://slack.example.com/api/users.identity' } } };
    const withToken = { ...SLACK_OAUTH2, name: 'other', oauth2Config: { ...SLACK_OAUTH2.oauth2Config, identityFromToken: { subjectPath: 'authed_user.id' } } };
    expect(messages([embeddedAuth('as', { upstreamProviders: [withUserInfo, withToken, GITHUB_OIDC] })], 'operator.embedded-auth.identity-synthesized')).toEqual([]);
  });
});

describe('embedded auth server: storage', () => {
  const rule = 'operator.embedded-auth.storage';
  const acl = { passwordSecretRef: { name: 'redis', key: 'password' } };

  it('accepts Redis storage with an address, and Sentinel with a service', () => {
    expect(messages([
      embeddedAuth('a', { storage: { type: 'redis', redis: { addr: 'redis:6379', aclUserConfig: acl } } }),
      embeddedAuth('b', { storage: { type: 'redis', redis: { sentinelConfig: { masterName: 'mymaster', sentinelService: { name: 'redis-sentinel' } }, aclUserConfig: acl } } }),
      embeddedAuth('c', { storage: { type: 'memory' } }),
    ], rule)).toEqual([]);
  });

  it('rejects storage type redis without a redis block', () => {
    expect(authFindings([embeddedAuth('as', { storage: { type: 'redis' } })]).filter(f => f.rule === rule)).toEqual([{
      kind: 'MCPExternalAuthConfig',
      name: 'as',
      path: 'spec.embeddedAuthServer.storage',
      rule,
      severity: 'error',
      message: 'failed to build storage config: redis config is required when storage type is redis',
    }]);
  });

  it('rejects a Sentinel config with neither sentinelAddrs nor sentinelService', () => {
    expect(messages([embeddedAuth('as', { storage: { type: 'redis', redis: { sentinelConfig: { masterName: 'mymaster' }, aclUserConfig: acl } } })], rule)).toEqual([
      'failed to resolve sentinel addresses: either sentinelAddrs or sentinelService must be specified',
    ]);
  });

  it('warns on a redis block that the default memory storage type ignores (buildStorageRunConfig never reads it)', () => {
    expect(authFindings([embeddedAuth('as', { storage: { redis: { addr: 'redis:6379', aclUserConfig: acl } } })])).toEqual([{
      kind: 'MCPExternalAuthConfig',
      name: 'as',
      path: 'spec.embeddedAuthServer.storage.redis',
      rule: 'operator.embedded-auth.storage-ignored',
      severity: 'warning',
      message: 'storage.redis is ignored because storage.type is "memory" (the default); set storage.type: redis to use Redis, or remove storage.redis',
    }]);
    expect(messages([embeddedAuth('as', { storage: { type: 'redis', redis: { addr: 'redis:6379', aclUserConfig: acl } } })], 'operator.embedded-auth.storage-ignored')).toEqual([]);
  });
});

describe('embedded auth server: delegate clients', () => {
  const rule = 'operator.embedded-auth.delegate-duplicate';

  it('accepts distinct client IDs', () => {
    expect(messages([embeddedAuth('as', { delegateClients: [DELEGATE, { ...DELEGATE, clientId: 'other' }] })], rule)).toEqual([]);
  });

  it('rejects a duplicate client ID', () => {
    expect(authFindings([embeddedAuth('as', { delegateClients: [DELEGATE, DELEGATE] })]).filter(f => f.rule === rule)).toEqual([{
      kind: 'MCPExternalAuthConfig',
      name: 'as',
      path: 'spec.embeddedAuthServer.delegateClients[1].clientId',
      rule,
      severity: 'error',
      message: 'delegate_clients: duplicate client_id "agent"',
    }]);
  });
});
