import {
  admissionErrors, authFindings, authServerConfig, bearerToken, embeddedAuth, extAuth, GITHUB_OIDC, GITLAB_OIDC, group, headerInjection, messages,
  mcpServer, OIDC_INCOMING, oidcConfig, remoteProxy, tokenExchange, upstreamInject, vmcp, VMCP_URL, vmcpWithAuthServer, xaa,
} from './auth-fixtures';

const INLINE_AUTHZ = { type: 'inline', inline: { policies: ['permit(principal, action, resource);'] } };

const outgoingRef = (name: string) => ({ type: 'externalAuthConfigRef', externalAuthConfigRef: { name } });

describe('vMCP authServerConfig issuer and upstream names', () => {
  it('accepts an https issuer, a loopback http issuer, and http with insecureAllowHTTP', () => {
    expect(messages(vmcpWithAuthServer(), 'operator.vmcp.auth-server-http-issuer')).toEqual([]);
    expect(messages([vmcp('gateway', { authServerConfig: authServerConfig([GITHUB_OIDC], { issuer: 'http://localhost:9000' }) })], 'operator.vmcp.auth-server-http-issuer')).toEqual([]);
    expect(messages([vmcp('gateway', { authServerConfig: authServerConfig([GITHUB_OIDC], { issuer: 'http://auth.toolhive.svc', insecureAllowHTTP: true }) })], 'operator.vmcp.auth-server-http-issuer')).toEqual([]);
  });

  it('rejects an http issuer on a non-loopback host', () => {
    const objects = [vmcp('gateway', { authServerConfig: authServerConfig([GITHUB_OIDC], { issuer: 'http://auth.toolhive.svc' }) })];
    expect(authFindings(objects).filter(f => f.rule === 'operator.vmcp.auth-server-http-issuer')).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.authServerConfig.issuer',
      rule: 'operator.vmcp.auth-server-http-issuer',
      severity: 'error',
      message: 'spec.authServerConfig.issuer "http://auth.toolhive.svc" uses http:// with a non-localhost host; set spec.authServerConfig.insecureAllowHTTP: true to allow this for trusted in-cluster deployments, or use https:// for production deployments',
    }]);
  });

  it('accepts the name "default" for a single upstream', () => {
    expect(messages(vmcpWithAuthServer({}, {}, [{ ...GITHUB_OIDC, name: 'default' }]), 'operator.vmcp.upstream-name-reserved')).toEqual([]);
  });

  it('rejects the name "default" when there are several upstreams', () => {
    const objects = vmcpWithAuthServer({}, {}, [GITHUB_OIDC, { ...GITLAB_OIDC, name: 'default' }]);
    expect(authFindings(objects).filter(f => f.rule === 'operator.vmcp.upstream-name-reserved')).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.authServerConfig.upstreamProviders[1].name',
      rule: 'operator.vmcp.upstream-name-reserved',
      severity: 'error',
      message: 'upstream[1]: name "default" is reserved for single-upstream configs; use a descriptive name',
    }]);
  });
});

describe('vMCP authServerConfig and incoming OIDC', () => {
  it('accepts a coherent configuration', () => {
    expect(authFindings(vmcpWithAuthServer())).toEqual([]);
  });

  it('rejects an auth server with anonymous incoming auth and no oidcConfigRef (no allowed audience)', () => {
    const objects = [group(), vmcp('gateway', { authServerConfig: authServerConfig() })];
    expect(authFindings(objects)).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.incomingAuth',
      rule: 'operator.vmcp.auth-server-incoming',
      severity: 'error',
      message: 'auth server requires at least one allowed audience (MCP clients must send RFC 8707 resource parameter)',
    }]);
  });

  it('leaves oidc incoming auth without oidcConfigRef to the CEL rule', () => {
    const objects = [group(), vmcp('gateway', { incomingAuth: { type: 'oidc' }, authServerConfig: authServerConfig() })];
    expect(authFindings(objects, { admitted: false })).toEqual([]);
    expect(admissionErrors(objects)).toEqual(['VirtualMCPServer/gateway spec.incomingAuth: Invalid value: "object": spec.incomingAuth.oidcConfigRef is required when type is oidc']);
  });

  it('rejects an auth server with anonymous incoming auth and an oidcConfigRef', () => {
    const objects = vmcpWithAuthServer({ incomingAuth: { ...OIDC_INCOMING, type: 'anonymous' } });
    expect(messages(objects, 'operator.vmcp.auth-server-incoming')).toEqual(['embedded auth server requires OIDC incoming auth']);
  });

  it('rejects an auth server issuer that differs from the MCPOIDCConfig issuer', () => {
    const objects = [group(), oidcConfig('idp', 'https://idp.example.com'), vmcp('gateway', { incomingAuth: OIDC_INCOMING, authServerConfig: authServerConfig() })];
    expect(authFindings(objects)).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.authServerConfig.issuer',
      rule: 'operator.vmcp.auth-server-issuer-mismatch',
      severity: 'error',
      message: 'auth server issuer mismatch: auth server issuer "https://auth.example.com" != incomingAuth.oidc.issuer "https://idp.example.com"',
    }]);
  });

  it('rejects an audience other than the resourceUrl (default port 4483)', () => {
    const objects = vmcpWithAuthServer({ incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'idp', audience: 'my-api' } } });
    expect(authFindings(objects)).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.incomingAuth.oidcConfigRef.audience',
      rule: 'operator.vmcp.auth-server-audience-mismatch',
      severity: 'error',
      message: 'incomingAuth.oidc.audience "my-api" not in auth server\'s allowed audiences [http://gateway.default.svc.cluster.local:4483]',
    }]);
  });

  it('checks delegate clients against the vMCP resourceUrl', () => {
    const delegate = { clientId: 'agent', clientSecretRef: { name: 'agent-secret', key: 'secret' }, scopes: ['openid'], audiences: [VMCP_URL] };
    expect(authFindings(vmcpWithAuthServer({}, { delegateClients: [delegate] }))).toEqual([]);
    const wrong = vmcpWithAuthServer({}, { delegateClients: [{ ...delegate, audiences: ['https://api.example.com'] }] });
    expect(authFindings(wrong)).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.authServerConfig.delegateClients[0].audiences[0]',
      rule: 'operator.embedded-auth.delegate-audience',
      severity: 'error',
      message: 'delegate_clients: client_id "agent": audience "https://api.example.com" is not in allowed_audiences (allowed_audiences: ["http://gateway.default.svc.cluster.local:4483"])',
    }]);
  });
});

describe('vMCP primaryUpstreamProvider', () => {
  const rule = 'operator.vmcp.primary-upstream';
  const withAuthz = (incoming: Record<string, unknown>, asExtra: Record<string, unknown> = {}) =>
    vmcpWithAuthServer({ incomingAuth: { ...OIDC_INCOMING, ...incoming } }, asExtra, [GITHUB_OIDC, GITLAB_OIDC]);

  it('accepts a primaryUpstreamProvider naming a declared upstream', () => {
    expect(authFindings(withAuthz({ authzConfig: INLINE_AUTHZ }, { primaryUpstreamProvider: 'gitlab' }))).toEqual([]);
  });

  it('rejects an unknown primaryUpstreamProvider with inline authz', () => {
    expect(authFindings(withAuthz({ authzConfig: INLINE_AUTHZ }, { primaryUpstreamProvider: 'okta' }))).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.authServerConfig.primaryUpstreamProvider',
      rule,
      severity: 'error',
      message: 'primaryUpstreamProvider="okta" does not match any upstream declared on spec.authServerConfig.upstreamProviders. Set primaryUpstreamProvider to one of the configured upstream names, or leave it empty to default to the first upstream.',
    }]);
  });

  it('rejects an unknown primaryUpstreamProvider with authzConfigRef (the controller check returns early; converter wording)', () => {
    expect(authFindings(withAuthz({ authzConfigRef: { name: 'policy' } }, { primaryUpstreamProvider: 'okta' }))).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.authServerConfig.primaryUpstreamProvider',
      rule,
      severity: 'error',
      message: 'authz primaryUpstreamProvider "okta" does not match any upstream declared on spec.authServerConfig.upstreamProviders',
    }]);
  });

  it('rejects the deprecated inline field without an auth server, and warns about the deprecation', () => {
    const authz = { type: 'inline', inline: { policies: ['permit(principal, action, resource);'], primaryUpstreamProvider: 'github' } };
    const objects = [group(), vmcp('gateway', { incomingAuth: { type: 'anonymous', authzConfig: authz } })];
    expect(authFindings(objects)).toEqual([
      {
        kind: 'VirtualMCPServer',
        name: 'gateway',
        path: 'spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider',
        rule: 'operator.vmcp.primary-upstream-deprecated',
        severity: 'warning',
        message: 'spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider is deprecated; move the value to spec.authServerConfig.primaryUpstreamProvider',
      },
      {
        kind: 'VirtualMCPServer',
        name: 'gateway',
        path: 'spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider',
        rule,
        severity: 'error',
        message: 'primaryUpstreamProvider="github" is set but spec.authServerConfig is not configured. The field names an upstream IDP on the embedded auth server, which is required for it to take effect. Remove primaryUpstreamProvider, or configure spec.authServerConfig with an upstream of that name.',
      },
    ]);
  });

  it('warns that Cedar reads the first upstream when several are declared and none is chosen', () => {
    expect(authFindings(withAuthz({ authzConfig: INLINE_AUTHZ }))).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.authServerConfig.upstreamProviders',
      rule: 'operator.vmcp.upstream-auto-selected',
      severity: 'warning',
      message: 'multiple upstreamProviders configured; Cedar policies will evaluate claims from the first upstream ("github"). If another upstream should be authoritative, set spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider explicitly, or remove or reorder the list.',
    }]);
  });

  it('does not warn without authorization', () => {
    expect(authFindings(withAuthz({}))).toEqual([]);
  });

  it('accepts a known primaryUpstreamProvider with authzConfigRef (the converter path)', () => {
    expect(messages(withAuthz({ authzConfigRef: { name: 'policy' } }, { primaryUpstreamProvider: 'gitlab' }), rule)).toEqual([]);
  });

  it('warns, whatever its value, on a primaryUpstreamProvider without authorization: nothing reads it', () => {
    // convertIncomingAuth resolves it only for authzConfig/authzConfigRef; validateAuthzUpstreamAvailable returns early
    expect(authFindings(withAuthz({}, { primaryUpstreamProvider: 'okta' }))).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.authServerConfig.primaryUpstreamProvider',
      rule: 'operator.vmcp.primary-upstream-ignored',
      severity: 'warning',
      message: 'spec.authServerConfig.primaryUpstreamProvider "okta" has no effect: it selects the upstream whose claims Cedar policies evaluate, and spec.incomingAuth sets neither authzConfig nor authzConfigRef; remove it or configure authorization',
    }]);
  });

  it('does not warn for a shared MCPAuthzConfig reference (the operator runs the check for inline authzConfig only)', () => {
    expect(authFindings(withAuthz({ authzConfigRef: { name: 'shared-authz' } })).filter(v => v.rule === 'operator.vmcp.upstream-auto-selected')).toEqual([]);
  });
});

describe('vMCP outgoing auth types', () => {
  const rule = 'operator.vmcp.outgoing-auth-type';

  it('accepts supported types as default and per backend', () => {
    const objects = [group(), tokenExchange('exchange'), headerInjection('key'), extAuth('none', { type: 'unauthenticated' }),
      vmcp('gateway', { outgoingAuth: { source: 'inline', default: outgoingRef('none'), backends: { github: outgoingRef('exchange'), jira: outgoingRef('key') } } })];
    expect(authFindings(objects)).toEqual([]);
  });

  it('rejects bearerToken as the default', () => {
    const objects = [group(), bearerToken('bearer'), vmcp('gateway', { outgoingAuth: { default: outgoingRef('bearer') } })];
    expect(authFindings(objects)).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.outgoingAuth.default.externalAuthConfigRef.name',
      rule,
      severity: 'error',
      message: 'unsupported auth type: bearerToken',
    }]);
  });

  it('rejects embeddedAuthServer for a backend', () => {
    const objects = [group(), embeddedAuth('as'), vmcp('gateway', { outgoingAuth: { backends: { github: outgoingRef('as') } } })];
    expect(messages(objects, rule)).toEqual(['unsupported auth type: embeddedAuthServer']);
  });

  it('rejects a group member whose externalAuthConfigRef is an embedded auth server', () => {
    const member = mcpServer('github', { groupRef: { name: 'team' }, externalAuthConfigRef: { name: 'as' } });
    const objects = [group(), embeddedAuth('as'), member, vmcp('gateway')];
    expect(authFindings(objects).filter(f => f.kind === 'VirtualMCPServer')).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.groupRef.name',
      rule,
      severity: 'error',
      message: 'backend "github": MCPServer "github" references MCPExternalAuthConfig "as": unsupported auth type: embeddedAuthServer; the vMCP drops this backend (reference the embedded auth server with authServerRef instead of externalAuthConfigRef)',
    }]);
  });

  it('accepts an unsupported member ref overridden in inline mode, but not in discovered mode', () => {
    const member = remoteProxy('github', { groupRef: { name: 'team' }, externalAuthConfigRef: { name: 'bearer' } });
    const outgoing = (source: string) => ({ source, backends: { github: outgoingRef('exchange') } });
    const base = [group(), bearerToken('bearer'), tokenExchange('exchange'), member];
    expect(messages([...base, vmcp('gateway', { outgoingAuth: outgoing('inline') })], rule)).toEqual([]);
    expect(messages([...base, vmcp('gateway', { outgoingAuth: outgoing('discovered') })], rule)).toEqual([
      'backend "github": MCPRemoteProxy "github" references MCPExternalAuthConfig "bearer": unsupported auth type: bearerToken; the vMCP drops this backend',
    ]);
  });
});

describe('vMCP outgoing auth references', () => {
  const rule = 'operator.vmcp.outgoing-ref';

  it('rejects a default of type externalAuthConfigRef without a ref', () => {
    const objects = [group(), vmcp('gateway', { outgoingAuth: { default: { type: 'externalAuthConfigRef' } } })];
    expect(authFindings(objects)).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.outgoingAuth.default',
      rule,
      severity: 'error',
      message: 'backend default: externalAuthConfigRef type requires externalAuthConfigRef field',
    }]);
  });

  it('warns on an externalAuthConfigRef next to type discovered (the converter never reads it)', () => {
    const objects = [group(), tokenExchange('exchange'), vmcp('gateway', { outgoingAuth: { backends: { github: { type: 'discovered', externalAuthConfigRef: { name: 'exchange' } } } } })];
    expect(authFindings(objects)).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.outgoingAuth.backends[github].externalAuthConfigRef',
      rule: 'operator.vmcp.outgoing-ref-ignored',
      severity: 'warning',
      message: 'outgoingAuth.backends[github] externalAuthConfigRef "exchange" is ignored because type is "discovered"; set type: externalAuthConfigRef to use it',
    }]);
  });

  it('accepts type discovered alone', () => {
    expect(messages([group(), vmcp('gateway', { outgoingAuth: { default: { type: 'discovered' } } })], 'operator.vmcp.outgoing-ref-ignored')).toEqual([]);
  });
});

describe('vMCP provider names in outgoing auth', () => {
  it('accepts upstreamInject and subject providers naming declared upstreams', () => {
    const objects = [...vmcpWithAuthServer({ outgoingAuth: { default: outgoingRef('inject'), backends: { jira: outgoingRef('exchange') } } }, {}, [GITHUB_OIDC, GITLAB_OIDC]),
      upstreamInject('inject', 'github'), tokenExchange('exchange', { subjectProviderName: 'gitlab' })];
    expect(authFindings(objects)).toEqual([]);
  });

  it('rejects upstreamInject without an embedded auth server', () => {
    const objects = [group(), upstreamInject('inject', 'github'), vmcp('gateway', { outgoingAuth: { backends: { github: outgoingRef('inject') } } })];
    expect(authFindings(objects)).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.outgoingAuth.backends[github].externalAuthConfigRef.name',
      rule: 'operator.vmcp.upstream-inject-requires-auth-server',
      severity: 'error',
      message: 'upstream_inject requires an embedded auth server (authServer must be configured)',
    }]);
  });

  it('rejects an upstreamInject providerName that is not an upstream', () => {
    const objects = [...vmcpWithAuthServer({ outgoingAuth: { default: outgoingRef('inject'), backends: { jira: outgoingRef('inject') } } }), upstreamInject('inject', 'gitlab')];
    expect(messages(objects, 'operator.upstream-name.unknown')).toEqual([
      'backend "<default-strategy>": upstream_inject providerName "gitlab" not found in auth server upstreams',
      'backend "jira": upstream_inject providerName "gitlab" not found in auth server upstreams',
    ]);
  });

  it('rejects a group member whose subjectProviderName is not an upstream', () => {
    const member = mcpServer('jira', { groupRef: { name: 'team' }, externalAuthConfigRef: { name: 'exchange' } });
    const objects = [...vmcpWithAuthServer(), tokenExchange('exchange', { subjectProviderName: 'gitlab' }), member];
    expect(authFindings(objects).filter(f => f.kind === 'VirtualMCPServer')).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.groupRef.name',
      rule: 'operator.upstream-name.unknown',
      severity: 'error',
      message: 'backend "jira": tokenExchange subjectProviderName "gitlab" not found in auth server upstreams (MCPServer "jira", MCPExternalAuthConfig "exchange"); name one of "github"',
    }]);
  });

  it('rejects a subjectProviderName when the vMCP has no embedded auth server', () => {
    const objects = [group(), tokenExchange('exchange', { subjectProviderName: 'github' }), vmcp('gateway', { outgoingAuth: { default: outgoingRef('exchange') } })];
    expect(messages(objects, 'operator.upstream-name.unknown')).toEqual([
      'backend "<default-strategy>": tokenExchange subjectProviderName "github" names an upstream provider but spec.authServerConfig is not configured; configure an embedded auth server with that upstream or remove tokenExchange.subjectProviderName',
    ]);
  });

  it('rejects xaa without subjectProviderName when several upstreams exist', () => {
    const objects = [...vmcpWithAuthServer({ outgoingAuth: { backends: { github: outgoingRef('xaa') } } }, {}, [GITHUB_OIDC, GITLAB_OIDC]), xaa('xaa')];
    expect(authFindings(objects)).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.outgoingAuth.backends[github].externalAuthConfigRef.name',
      rule: 'operator.vmcp.xaa-subject-provider',
      severity: 'error',
      message: 'SubjectProviderName must be set explicitly for xaa when more than one upstream is configured',
    }]);
  });

  it('accepts xaa without subjectProviderName for a single upstream', () => {
    const objects = [...vmcpWithAuthServer({ outgoingAuth: { backends: { github: outgoingRef('xaa') } } }), xaa('xaa')];
    expect(authFindings(objects)).toEqual([]);
  });
});
