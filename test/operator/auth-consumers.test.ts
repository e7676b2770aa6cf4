import {
  authFindings, awsSts, bearerToken, embeddedAuth, extAuth, GITHUB_OIDC, GITLAB_OIDC, group, headerInjection, messages, mcpServer,
  oidcConfig, oidcRef, remoteProxy, serverEntry, tokenExchange, unauthenticated, upstreamInject, workloadUrl, xaa,
} from './auth-fixtures';

const DELEGATE = { clientId: 'agent', clientSecretRef: { name: 'agent-secret', key: 'secret' }, scopes: ['openid'], audiences: [workloadUrl('github')] };

/** MCPServer `github` using the embedded auth server `as` through authServerRef, with a coherent OIDC reference. */
function withAuthServer(embedded: Record<string, unknown> = {}, server: Record<string, unknown> = {}) {
  return [embeddedAuth('as', embedded), oidcConfig('idp'), mcpServer('github', { authServerRef: { name: 'as' }, oidcConfigRef: oidcRef('github'), ...server })];
}

describe('authServerRef target type', () => {
  const rule = 'operator.auth-server-ref.type';

  it('accepts an embeddedAuthServer config', () => {
    expect(messages(withAuthServer(), rule)).toEqual([]);
  });

  it('rejects a config of another type', () => {
    const objects = [tokenExchange('corp-auth'), mcpServer('github', { authServerRef: { name: 'corp-auth' } })];
    expect(authFindings(objects)).toEqual([{
      kind: 'MCPServer',
      name: 'github',
      path: 'spec.authServerRef.name',
      rule,
      severity: 'error',
      message: 'authServerRef \'corp-auth\' has type "tokenExchange", but only embeddedAuthServer is supported',
    }]);
  });

  it('skips the check when the target is not in the set', () => {
    expect(messages([mcpServer('github', { authServerRef: { name: 'elsewhere' } })], rule)).toEqual([]);
  });
});

describe('authServerRef and externalAuthConfigRef conflict', () => {
  const rule = 'operator.auth-server-ref.conflict';

  it('accepts authServerRef for the auth server and externalAuthConfigRef for outgoing auth', () => {
    const objects = [...withAuthServer({}, { externalAuthConfigRef: { name: 'exchange' } }), tokenExchange('exchange')];
    expect(messages(objects, rule)).toEqual([]);
  });

  it('rejects both refs naming embedded auth servers', () => {
    const objects = [...withAuthServer({}, { externalAuthConfigRef: { name: 'as2' } }), embeddedAuth('as2')];
    expect(authFindings(objects).filter(f => f.rule === rule)).toEqual([{
      kind: 'MCPServer',
      name: 'github',
      path: 'spec.externalAuthConfigRef.name',
      rule,
      severity: 'error',
      message: 'conflict: both authServerRef and externalAuthConfigRef reference an embedded auth server; use authServerRef for the embedded auth server and externalAuthConfigRef for outgoing auth only',
    }]);
  });
});

describe('single upstream on MCPServer and MCPRemoteProxy', () => {
  const rule = 'operator.embedded-auth.single-upstream';

  it('accepts one upstream', () => {
    expect(messages(withAuthServer(), rule)).toEqual([]);
  });

  it('rejects an MCPServer whose authServerRef has two upstreams', () => {
    expect(authFindings(withAuthServer({ upstreamProviders: [GITHUB_OIDC, GITLAB_OIDC] })).filter(f => f.rule === rule)).toEqual([{
      kind: 'MCPServer',
      name: 'github',
      path: 'spec.authServerRef.name',
      rule,
      severity: 'error',
      message: 'MCPServer supports only one upstream provider (found 2); use VirtualMCPServer for multi-upstream',
    }]);
  });

  it('rejects an MCPRemoteProxy whose externalAuthConfigRef auth server has two upstreams', () => {
    const objects = [embeddedAuth('as', { upstreamProviders: [GITHUB_OIDC, GITLAB_OIDC] }), oidcConfig('idp'), remoteProxy('github', { externalAuthConfigRef: { name: 'as' }, oidcConfigRef: oidcRef('github') })];
    expect(messages(objects, rule)).toEqual(['MCPRemoteProxy supports only one upstream provider (found 2); use VirtualMCPServer for multi-upstream']);
  });
});

describe('embedded auth server needs OIDC with audience == resourceUrl', () => {
  it('accepts an oidcConfigRef whose audience is the default resourceUrl', () => {
    expect(authFindings(withAuthServer())).toEqual([]);
  });

  it('accepts an explicit resourceUrl equal to the audience', () => {
    const ref = { name: 'idp', audience: 'https://github.mcp.example.com', resourceUrl: 'https://github.mcp.example.com' };
    expect(authFindings(withAuthServer({}, { oidcConfigRef: ref }))).toEqual([]);
  });

  it('rejects an embedded auth server without oidcConfigRef', () => {
    const objects = [embeddedAuth('as'), remoteProxy('github', { externalAuthConfigRef: { name: 'as' } })];
    expect(authFindings(objects)).toEqual([{
      kind: 'MCPRemoteProxy',
      name: 'github',
      path: 'spec.oidcConfigRef',
      rule: 'operator.embedded-auth.oidc-required',
      severity: 'error',
      message: 'OIDC config is required for embedded auth server: OIDCConfigRef must be set on the MCPServer',
    }]);
  });

  it('rejects an audience that differs from the default resourceUrl', () => {
    expect(authFindings(withAuthServer({}, { oidcConfigRef: { name: 'idp', audience: 'my-api' } }))).toEqual([{
      kind: 'MCPServer',
      name: 'github',
      path: 'spec.oidcConfigRef.audience',
      rule: 'operator.embedded-auth.audience-mismatch',
      severity: 'error',
      message: 'oidcConfigRef.audience "my-api" must match resourceUrl "http://github.default.svc.cluster.local:8080" when an embedded auth server is active; set audience to "http://github.default.svc.cluster.local:8080" or set resourceUrl to match audience',
    }]);
  });

  it('rejects an audience built from the wrong port (the resourceUrl uses proxyPort)', () => {
    const objects = withAuthServer({}, { proxyPort: 9090 });
    expect(messages(objects, 'operator.embedded-auth.audience-mismatch')).toEqual([
      'oidcConfigRef.audience "http://github.default.svc.cluster.local:8080" must match resourceUrl "http://github.default.svc.cluster.local:9090" when an embedded auth server is active; set audience to "http://github.default.svc.cluster.local:9090" or set resourceUrl to match audience',
    ]);
  });
});

describe('embedded auth server checks that depend on the consuming workload', () => {
  it('accepts delegate clients bound to the resourceUrl with supported scopes', () => {
    expect(authFindings(withAuthServer({ delegateClients: [{ ...DELEGATE, scopes: ['openid', 'offline_access'] }] }))).toEqual([]);
  });

  it('rejects a delegate audience other than the resourceUrl', () => {
    const objects = withAuthServer({ delegateClients: [{ ...DELEGATE, audiences: ['https://api.example.com'] }] });
    expect(authFindings(objects)).toEqual([{
      kind: 'MCPServer',
      name: 'github',
      path: 'spec.authServerRef.name',
      rule: 'operator.embedded-auth.delegate-audience',
      severity: 'error',
      message: 'delegate_clients: client_id "agent": audience "https://api.example.com" is not in allowed_audiences (allowed_audiences: ["http://github.default.svc.cluster.local:8080"])',
    }]);
  });

  it('rejects a delegate scope outside the default scopes_supported', () => {
    expect(messages(withAuthServer({ delegateClients: [{ ...DELEGATE, scopes: ['openid', 'repo'] }] }), 'operator.embedded-auth.delegate-scope')).toEqual([
      'delegate_clients[agent].scopes contains "repo" which is not in scopes_supported (scopes_supported: ["openid", "profile", "email", "offline_access"])',
    ]);
  });

  it('uses the oidcConfigRef scopes as scopes_supported', () => {
    const scoped = (scopes: string[]) => withAuthServer({ delegateClients: [{ ...DELEGATE, scopes: ['openid', 'repo'] }] }, { oidcConfigRef: oidcRef('github', { scopes }) });
    expect(messages(scoped(['openid', 'repo']), 'operator.embedded-auth.delegate-scope')).toEqual([]);
    expect(messages(scoped(['openid']), 'operator.embedded-auth.delegate-scope')).toEqual([
      'delegate_clients[agent].scopes contains "repo" which is not in scopes_supported (scopes_supported: ["openid"])',
    ]);
  });

  it('rejects baseline client scopes outside scopes_supported', () => {
    expect(messages(withAuthServer({ baselineClientScopes: ['openid', 'repo'] }), 'operator.embedded-auth.baseline-scope')).toEqual([
      'baseline_client_scopes contains "repo" which is not in scopes_supported (scopes_supported: ["openid", "profile", "email", "offline_access"])',
    ]);
    expect(messages(withAuthServer({ baselineClientScopes: ['openid', 'profile'] }), 'operator.embedded-auth.baseline-scope')).toEqual([]);
  });

  it('rejects a resourceUrl that is not an absolute http(s) URI', () => {
    const objects = withAuthServer({}, { oidcConfigRef: { name: 'idp', audience: 'my-api', resourceUrl: 'my-api' } });
    expect(authFindings(objects)).toEqual([{
      kind: 'MCPServer',
      name: 'github',
      path: 'spec.oidcConfigRef.resourceUrl',
      rule: 'operator.embedded-auth.allowed-audience',
      severity: 'error',
      message: 'allowed_audiences contains invalid audience "my-api": invalid_target',
    }]);
  });

  it('rejects jwt-bearer resources outside, and accepted audiences inside, allowed_audiences', () => {
    const issuer = (resource: string, accepted: string) => ({
      issuerUrl: 'https://partner.example.com',
      jwtBearerGrant: { maxAssertionAge: '5m', subjectBindings: [{ subject: 'svc', allowedResources: [resource] }], acceptedAudiences: [accepted] },
    });
    const url = workloadUrl('github');
    expect(messages(withAuthServer({ trustedIssuers: [issuer(url, 'https://auth.example.com/oauth/token')] }), 'operator.embedded-auth.jwt-bearer-audience', { operatorRelease: 'main@e25de16' })).toEqual([]);
    expect(messages(withAuthServer({ trustedIssuers: [issuer('https://other.example.com', url)] }), 'operator.embedded-auth.jwt-bearer-audience', { operatorRelease: 'main@e25de16' })).toEqual([
      'trusted_issuers: issuer_url "https://partner.example.com": jwt_bearer_grant subject "svc" resource "https://other.example.com" is not in allowed_audiences (allowed_audiences: ["http://github.default.svc.cluster.local:8080"])',
      'trusted_issuers: issuer_url "https://partner.example.com": jwt_bearer_grant.accepted_audiences value "http://github.default.svc.cluster.local:8080" must not also be a configured resource audience (allowed_audiences); accepted_audiences identifies this authorization server, not a resource, or a resource-scoped access token could be replayed as a JWT-bearer assertion',
    ]);
  });
});

describe('externalAuthConfigRef types per consumer', () => {
  const unsupported = 'operator.external-auth-ref.unsupported-type';
  const ignored = 'operator.external-auth-ref.ignored-type';
  const onServer = (cfg: ReturnType<typeof extAuth>) => [cfg, mcpServer('tools', { externalAuthConfigRef: { name: cfg.metadata!.name } })];
  const onProxy = (cfg: ReturnType<typeof extAuth>) => [cfg, remoteProxy('tools', { externalAuthConfigRef: { name: cfg.metadata!.name } })];
  const onEntry = (cfg: ReturnType<typeof extAuth>) => [group(), cfg, serverEntry('tools', { externalAuthConfigRef: { name: cfg.metadata!.name } })];

  it('accepts the types each kind supports', () => {
    for (const cfg of [tokenExchange('te'), unauthenticated('none'), embeddedAuth('as')]) {
      expect(authFindings(onServer(cfg)).filter(f => f.rule === unsupported || f.rule === ignored)).toEqual([]);
    }
    for (const cfg of [tokenExchange('te'), bearerToken('bearer'), awsSts('sts'), unauthenticated('none')]) {
      expect(authFindings(onProxy(cfg))).toEqual([]);
    }
    for (const cfg of [tokenExchange('te'), headerInjection('key'), awsSts('sts'), upstreamInject('inject', 'github'), xaa('xaa'), unauthenticated('none')]) {
      expect(authFindings(onEntry(cfg))).toEqual([]);
    }
  });

  it('rejects bearerToken on MCPServer (no TOOLHIVE_SECRET_ env var is injected)', () => {
    expect(authFindings(onServer(bearerToken('bearer')))).toEqual([{
      kind: 'MCPServer',
      name: 'tools',
      path: 'spec.externalAuthConfigRef.name',
      rule: unsupported,
      severity: 'error',
      message: 'externalAuthConfigRef "bearer" has type "bearerToken", which MCPServer does not support: the RunConfig gets remote_auth_config.bearer_token but the operator never injects TOOLHIVE_SECRET_github-token, so the proxy runner cannot resolve the token (stacklok/toolhive#5202); use an MCPRemoteProxy for bearer-token auth to a remote server',
    }]);
  });

  it('rejects awsSts on MCPServer (SigV4 needs a remote URL)', () => {
    expect(messages(onServer(awsSts('sts')), unsupported)).toEqual(['AWS STS middleware requires a remote URL: SigV4 signing is only meaningful for remote MCP servers']);
  });

  it('rejects headerInjection on MCPServer and MCPRemoteProxy (silently ignored)', () => {
    expect(messages(onServer(headerInjection('key')), ignored)).toEqual([
      'externalAuthConfigRef "key" has type "headerInjection", which the operator silently ignores on MCPServer (no header is injected); headerInjection only takes effect in VirtualMCPServer outgoing auth',
    ]);
    expect(messages(onProxy(headerInjection('key')), ignored)).toEqual([
      'externalAuthConfigRef "key" has type "headerInjection", which the operator silently ignores on MCPRemoteProxy (no header is injected); headerInjection only takes effect in VirtualMCPServer outgoing auth; to add a header from a Secret use spec.headerForward.addHeadersFromSecret',
    ]);
  });

  it('warns (not errors) on types the operator accepts and ignores: it reconciles the workload without the credential', () => {
    expect(authFindings(onServer(headerInjection('key')))).toEqual([{
      kind: 'MCPServer',
      name: 'tools',
      path: 'spec.externalAuthConfigRef.name',
      rule: ignored,
      severity: 'warning',
      message: 'externalAuthConfigRef "key" has type "headerInjection", which the operator silently ignores on MCPServer (no header is injected); headerInjection only takes effect in VirtualMCPServer outgoing auth',
    }]);
    expect(authFindings(onProxy(xaa('xaa'))).map(f => [f.rule, f.severity])).toEqual([[ignored, 'warning']]);
    expect(authFindings(onServer(upstreamInject('inject', 'github'))).map(f => [f.rule, f.severity])).toEqual([[ignored, 'warning']]);
  });

  it('rejects upstreamInject and xaa on MCPServer and MCPRemoteProxy (vMCP only)', () => {
    expect(messages(onServer(upstreamInject('inject', 'github')), ignored)).toEqual([
      'externalAuthConfigRef "inject" has type "upstreamInject", which the operator silently ignores on MCPServer; upstreamInject only takes effect in VirtualMCPServer outgoing auth (an embedded auth server already injects its upstream token into proxied requests)',
    ]);
    expect(messages(onProxy(xaa('xaa')), ignored)).toEqual([
      'externalAuthConfigRef "xaa" has type "xaa", which the operator silently ignores on MCPRemoteProxy; xaa only takes effect in VirtualMCPServer outgoing auth',
    ]);
  });

  it('rejects bearerToken and embeddedAuthServer on MCPServerEntry (vMCP outgoing auth)', () => {
    const supported = 'tokenExchange, headerInjection, unauthenticated, upstreamInject, awsSts, obo, xaa';
    expect(authFindings(onEntry(bearerToken('bearer')))).toEqual([{
      kind: 'MCPServerEntry',
      name: 'tools',
      path: 'spec.externalAuthConfigRef.name',
      rule: unsupported,
      severity: 'error',
      message: `unsupported auth type: bearerToken (MCPServerEntry credentials are applied by VirtualMCPServer outgoing auth, which supports ${supported})`,
    }]);
    expect(messages(onEntry(embeddedAuth('as')), unsupported)).toEqual([
      `unsupported auth type: embeddedAuthServer (MCPServerEntry credentials are applied by VirtualMCPServer outgoing auth, which supports ${supported})`,
    ]);
  });
});

describe('disableUpstreamTokenInjection with token-injecting outgoing auth', () => {
  const rule = 'operator.external-auth-ref.strip-conflict';

  it('accepts token exchange when upstream token injection is on', () => {
    expect(messages([...withAuthServer({}, { externalAuthConfigRef: { name: 'exchange' } }), tokenExchange('exchange')], rule)).toEqual([]);
  });

  it('rejects token exchange on MCPServer when injection is disabled', () => {
    const objects = [...withAuthServer({ disableUpstreamTokenInjection: true }, { externalAuthConfigRef: { name: 'exchange' } }), tokenExchange('exchange')];
    expect(authFindings(objects)).toEqual([{
      kind: 'MCPServer',
      name: 'github',
      path: 'spec.externalAuthConfigRef.name',
      rule,
      severity: 'error',
      message: 'disableUpstreamTokenInjection cannot be combined with token exchange: token exchange would re-add an Authorization header after strip-auth removes it',
    }]);
  });

  it('rejects AWS STS on MCPServer when injection is disabled with the strip-auth message, before the remote URL check', () => {
    // PopulateMiddlewareConfigs runs addUpstreamSwapMiddleware before addAWSStsMiddleware: the remote URL error is never reached
    const objects = [...withAuthServer({ disableUpstreamTokenInjection: true }, { externalAuthConfigRef: { name: 'sts' } }), awsSts('sts')];
    expect(authFindings(objects)).toEqual([{
      kind: 'MCPServer',
      name: 'github',
      path: 'spec.externalAuthConfigRef.name',
      rule,
      severity: 'error',
      message: 'disableUpstreamTokenInjection cannot be combined with AWS STS: SigV4 signing would re-add credentials after strip-auth removes them',
    }]);
  });

  it('keeps the remote URL error for AWS STS on MCPServer when injection is enabled', () => {
    const objects = [...withAuthServer({}, { externalAuthConfigRef: { name: 'sts' } }), awsSts('sts')];
    expect(authFindings(objects).map(f => [f.rule, f.severity, f.message])).toEqual([[
      'operator.external-auth-ref.unsupported-type', 'error', 'AWS STS middleware requires a remote URL: SigV4 signing is only meaningful for remote MCP servers',
    ]]);
  });

  it('rejects AWS STS on MCPRemoteProxy when injection is disabled', () => {
    const objects = [embeddedAuth('as', { disableUpstreamTokenInjection: true }), oidcConfig('idp'), awsSts('sts'),
      remoteProxy('github', { authServerRef: { name: 'as' }, externalAuthConfigRef: { name: 'sts' }, oidcConfigRef: oidcRef('github') })];
    expect(messages(objects, rule)).toEqual(['disableUpstreamTokenInjection cannot be combined with AWS STS: SigV4 signing would re-add credentials after strip-auth removes them']);
  });
});

describe('subject provider names on MCPServer and MCPRemoteProxy (ignored by the operator)', () => {
  const rule = 'operator.external-auth-ref.ignored-subject-provider';

  it('accepts a subjectProviderName that names the upstream the proxy really uses (the first one)', () => {
    const objects = [...withAuthServer({}, { externalAuthConfigRef: { name: 'exchange' } }), tokenExchange('exchange', { subjectProviderName: 'github' })];
    expect(authFindings(objects)).toEqual([]);
  });

  it('warns on a subjectProviderName naming another upstream: addTokenExchangeConfig drops it and the reconcile succeeds', () => {
    const objects = [...withAuthServer({}, { externalAuthConfigRef: { name: 'exchange' } }), tokenExchange('exchange', { subjectProviderName: 'gitlab' })];
    expect(authFindings(objects)).toEqual([{
      kind: 'MCPServer',
      name: 'github',
      path: 'spec.externalAuthConfigRef.name',
      rule,
      severity: 'warning',
      message: 'externalAuthConfigRef "exchange": tokenExchange subjectProviderName "gitlab" is ignored on MCPServer: the operator does not pass it to the proxy runner, which exchanges the token of the first upstream ("github") injected by the embedded auth server; only VirtualMCPServer outgoing auth reads subjectProviderName',
    }]);
  });

  it('warns on an awsSts subjectProviderName on an MCPRemoteProxy without an embedded auth server', () => {
    const objects = [awsSts('sts', { subjectProviderName: 'github' }), remoteProxy('github', { externalAuthConfigRef: { name: 'sts' } })];
    expect(authFindings(objects)).toEqual([{
      kind: 'MCPRemoteProxy',
      name: 'github',
      path: 'spec.externalAuthConfigRef.name',
      rule,
      severity: 'warning',
      message: 'externalAuthConfigRef "sts": awsSts subjectProviderName "github" is ignored on MCPRemoteProxy: the operator does not pass it to the proxy runner, which exchanges the bearer token of the incoming request; only VirtualMCPServer outgoing auth reads subjectProviderName',
    }]);
  });
});

