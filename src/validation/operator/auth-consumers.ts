/**
 * Auth consumers other than the vMCP: MCPServer, MCPRemoteProxy and MCPServerEntry. The embedded auth
 * server prerequisites (controllers/mcpserver_controller.go, mcpremoteproxy_controller.go, ctrlutil
 * authserver.go) and which MCPExternalAuthConfig types each kind really supports (ctrlutil tokenexchange.go
 * AddExternalAuthConfigOptions, pkg/runner middleware.go, vMCP converters for MCPServerEntry).
 *
 * Type matrix for `spec.externalAuthConfigRef` (✓ works, ✗ rejected here):
 *
 * | type               | MCPServer                  | MCPRemoteProxy             | MCPServerEntry / vMCP |
 * |--------------------|----------------------------|----------------------------|-----------------------|
 * | tokenExchange      | ✓                          | ✓                          | ✓                     |
 * | headerInjection    | ✗ silently ignored (no-op) | ✗ silently ignored (no-op) | ✓                     |
 * | bearerToken        | ✗ no TOOLHIVE_SECRET_ env  | ✓                          | ✗ unsupported         |
 * | unauthenticated    | ✓ (nothing to do)          | ✓                          | ✓                     |
 * | embeddedAuthServer | ✓ (prefer authServerRef)   | ✓                          | ✗ unsupported         |
 * | awsSts             | ✗ needs a remote URL       | ✓                          | ✓                     |
 * | upstreamInject     | ✗ silently ignored         | ✗ silently ignored         | ✓                     |
 * | xaa                | ✗ silently ignored         | ✗ silently ignored         | ✓                     |
 * | obo                | ✗ enterprise build         | ✗ enterprise build         | ✗ enterprise build    |
 *
 * obo is reported once, on the MCPExternalAuthConfig (mcpexternalauthconfig.ts).
 */
import { effectiveAuthServer, embeddedOf, getExternalAuth, refScopes, resourceUrl, VMCP_AUTH_TYPES, type ExtAuthTarget } from './auth-resolve';
import { consumerEmbeddedAuthChecks, resolveUpstreamName, upstreamNames } from './embedded-auth-server';
import { goQuote } from './go/quote';
import type { ManifestSet, ObjectEntry, RuleDoc, Severity, Violation } from '../../core/types';
import { dict, list, str, violation, type Dict } from '../../core/util';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.auth-server-ref.type',
    checks: 'authServerRef names an MCPExternalAuthConfig of type embeddedAuthServer',
    source: 'controllers handleAuthServerRef (MCPServer, MCPRemoteProxy), ctrlutil AddAuthServerRefOptions',
    example: 'authServerRef \'corp-auth\' has type "tokenExchange", but only embeddedAuthServer is supported',
    severityReason: 'the controller sets a False condition and stops the reconcile',
  },
  {
    id: 'operator.auth-server-ref.conflict',
    checks: 'authServerRef and externalAuthConfigRef do not both point at embedded auth server configs',
    source: 'ctrlutil authserver.go ValidateAndAddAuthServerRefOptions',
    example: 'conflict: both authServerRef and externalAuthConfigRef reference an embedded auth server; use authServerRef for the embedded auth server and externalAuthConfigRef for outgoing auth only',
    severityReason: 'ValidateAndAddAuthServerRefOptions returns the error: the RunConfig is not built and the reconcile fails',
  },
  {
    id: 'operator.embedded-auth.single-upstream',
    checks: 'an MCPServer or MCPRemoteProxy embedded auth server (authServerRef or externalAuthConfigRef) has exactly one upstream provider',
    source: 'controllers handleExternalAuthConfig / handleAuthServerRef, reason MultiUpstreamNotSupported',
    example: 'MCPServer supports only one upstream provider (found 2); use VirtualMCPServer for multi-upstream',
    severityReason: 'the controller sets a False condition (MultiUpstreamNotSupported) and stops the reconcile',
  },
  {
    id: 'operator.embedded-auth.oidc-required',
    checks: 'an MCPServer or MCPRemoteProxy with an embedded auth server has an oidcConfigRef',
    source: 'ctrlutil authserver.go validateOIDCConfigForEmbeddedAuthServer',
    example: 'OIDC config is required for embedded auth server: OIDCConfigRef must be set on the MCPServer',
    severityReason: 'validateOIDCConfigForEmbeddedAuthServer fails the RunConfig build: the reconcile fails',
  },
  {
    id: 'operator.embedded-auth.audience-mismatch',
    checks: 'with an embedded auth server, oidcConfigRef.audience equals the resourceUrl (default http://<name>.<namespace>.svc.cluster.local:<proxyPort>)',
    source: 'ctrlutil authserver.go validateOIDCConfigForEmbeddedAuthServer',
    example: 'oidcConfigRef.audience "my-api" must match resourceUrl "http://github.default.svc.cluster.local:8080" when an embedded auth server is active; set audience to "http://github.default.svc.cluster.local:8080" or set resourceUrl to match audience',
    severityReason: 'validateOIDCConfigForEmbeddedAuthServer fails the RunConfig build: the reconcile fails',
  },
  {
    id: 'operator.external-auth-ref.unsupported-type',
    checks: 'externalAuthConfigRef names a type the consumer supports. MCPServer: tokenExchange, unauthenticated, embeddedAuthServer (bearerToken gets no TOOLHIVE_SECRET_ env var, awsSts needs a remote URL). MCPRemoteProxy: tokenExchange, bearerToken, unauthenticated, embeddedAuthServer, awsSts. MCPServerEntry and vMCP outgoing auth: tokenExchange, headerInjection, unauthenticated, upstreamInject, awsSts, xaa (bearerToken and embeddedAuthServer are unsupported). obo needs an enterprise build everywhere (reported on the MCPExternalAuthConfig)',
    source: 'ctrlutil tokenexchange.go AddExternalAuthConfigOptions/GenerateBearerTokenEnvVar, pkg/runner middleware.go addAWSStsMiddleware, pkg/vmcp/auth/converters registry',
    example: 'AWS STS middleware requires a remote URL: SigV4 signing is only meaningful for remote MCP servers',
    severityReason: 'the RunConfig build fails (AWS STS without a remote URL), the converter rejects the type (MCPServerEntry), or, for bearerToken on MCPServer, the proxy runner cannot resolve its token and fails at start',
  },
  {
    id: 'operator.external-auth-ref.ignored-type',
    checks: 'externalAuthConfigRef on MCPServer or MCPRemoteProxy is not of a type the operator accepts but silently ignores (headerInjection, upstreamInject, xaa)',
    source: 'ctrlutil tokenexchange.go AddExternalAuthConfigOptions (addHeaderInjectionConfig is a no-op; upstreamInject and xaa return nil)',
    example: 'externalAuthConfigRef "api-key" has type "headerInjection", which the operator silently ignores on MCPServer (no header is injected); headerInjection only takes effect in VirtualMCPServer outgoing auth',
    severity: 'warning',
    severityReason: 'AddExternalAuthConfigOptions returns nil for these types: the workload reconciles and runs, only without the outgoing credential',
  },
  {
    id: 'operator.external-auth-ref.ignored-subject-provider',
    checks: 'a tokenExchange or awsSts subjectProviderName on an MCPServer or MCPRemoteProxy externalAuthConfigRef that differs from the token the proxy really uses (the first upstream of its embedded auth server, or the incoming token without one)',
    source: 'ctrlutil tokenexchange.go addTokenExchangeConfig and addAWSStsConfig (neither copies SubjectProviderName); pkg/runner middleware.go addUpstreamSwapMiddleware (injects the first upstream)',
    example: 'externalAuthConfigRef "exchange": tokenExchange subjectProviderName "gitlab" is ignored on MCPServer: the operator does not pass it to the proxy runner, which exchanges the token of the first upstream ("github") injected by the embedded auth server; only VirtualMCPServer outgoing auth reads subjectProviderName',
    severity: 'warning',
    severityReason: 'the operator builds the RunConfig without the field and the workload runs; the subject token is simply another one than the name says',
  },
  {
    id: 'operator.external-auth-ref.strip-conflict',
    checks: 'an embedded auth server with disableUpstreamTokenInjection is not combined with a tokenExchange or awsSts externalAuthConfigRef (on MCPServer this is reported instead of the AWS STS remote URL error, which the operator never reaches)',
    source: 'pkg/runner middleware.go PopulateMiddlewareConfigs → addUpstreamSwapMiddleware, which runs before addAWSStsMiddleware (called by controllers mcpserver_runconfig.go / mcpremoteproxy_runconfig.go)',
    example: 'disableUpstreamTokenInjection cannot be combined with AWS STS: SigV4 signing would re-add credentials after strip-auth removes them',
    severityReason: 'PopulateMiddlewareConfigs returns the error, the RunConfig ConfigMap is never written and the reconcile fails',
  },
  {
    id: 'operator.upstream-name.unknown',
    checks: 'provider names a VirtualMCPServer resolves at run time (upstreamInject.providerName, tokenExchange/awsSts/xaa subjectProviderName, obo.subjectTokenProviderName of its outgoing auth) name an upstream of its authServerConfig',
    source: 'pkg/vmcp/config/validator.go validateUpstreamInjectProviders; vmcp strategies (upstream token lookup by name)',
    example: 'backend "github": upstream_inject providerName "gitlab" not found in auth server upstreams',
    severityReason: 'upstream_inject fails ValidateAuthServerIntegration (reconcile rejected); the other strategies fail every request to the backend because the named upstream token never exists',
  },
];

type Push = (path: string, rule: string, message: string, severity?: Severity) => void;

/** How MCPServer / MCPRemoteProxy treat each external auth type; undefined means supported. */
function unsupportedOnProxy(kind: string, t: ExtAuthTarget): { rule: string; message: string; severity?: Severity } | undefined {
  const q = goQuote(t.name);
  switch (t.type) {
    case 'bearerToken':
      if (kind !== 'MCPServer') return undefined;
      // mirrors ctrlutil: addBearerTokenConfig writes remote_auth_config, but only the remote proxy gets GenerateBearerTokenEnvVar
      return {
        rule: 'operator.external-auth-ref.unsupported-type',
        message: `externalAuthConfigRef ${q} has type "bearerToken", which MCPServer does not support: the RunConfig gets remote_auth_config.bearer_token but the operator never injects TOOLHIVE_SECRET_${str(dict(dict(t.spec.bearerToken)?.tokenSecretRef)?.name) ?? '<secret>'}, so the proxy runner cannot resolve the token (stacklok/toolhive#5202); use an MCPRemoteProxy for bearer-token auth to a remote server`,
      };
    case 'awsSts':
      if (kind !== 'MCPServer') return undefined;
      // mirrors pkg/runner addAWSStsMiddleware, which PopulateMiddlewareConfigs runs while the operator builds the RunConfig
      return { rule: 'operator.external-auth-ref.unsupported-type', message: 'AWS STS middleware requires a remote URL: SigV4 signing is only meaningful for remote MCP servers' };
    case 'headerInjection': {
      // mirrors ctrlutil addHeaderInjectionConfig: a no-op placeholder
      const fix = kind === 'MCPRemoteProxy' ? '; to add a header from a Secret use spec.headerForward.addHeadersFromSecret' : '';
      return {
        rule: 'operator.external-auth-ref.ignored-type',
        message: `externalAuthConfigRef ${q} has type "headerInjection", which the operator silently ignores on ${kind} (no header is injected); headerInjection only takes effect in VirtualMCPServer outgoing auth${fix}`,
        severity: 'warning',
      };
    }
    case 'upstreamInject':
    case 'xaa':
      // mirrors ctrlutil AddExternalAuthConfigOptions: "handled by the vMCP converter at runtime", nothing is configured here
      return {
        rule: 'operator.external-auth-ref.ignored-type',
        message: `externalAuthConfigRef ${q} has type ${goQuote(t.type)}, which the operator silently ignores on ${kind}; ${t.type} only takes effect in VirtualMCPServer outgoing auth${t.type === 'upstreamInject' ? ' (an embedded auth server already injects its upstream token into proxied requests)' : ''}`,
        severity: 'warning',
      };
    default:
      return undefined;
  }
}

/**
 * The embedded auth server checks of a proxy workload. Returns true when PopulateMiddlewareConfigs fails
 * in addUpstreamSwapMiddleware, which runs before addAWSStsMiddleware: the AWS STS remote URL error is
 * then never reached (pkg/runner middleware.go PopulateMiddlewareConfigs).
 */
function checkEmbeddedAuthServer(set: ManifestSet, entry: ObjectEntry, spec: Dict, ext: ExtAuthTarget | undefined, push: Push): boolean {
  const eff = effectiveAuthServer(set, entry);
  checkSubjectProvider(entry, ext, eff?.config, push);
  if (!eff) return false;
  const oidcRef = dict(spec.oidcConfigRef);
  if (!oidcRef) {
    // mirrors validateOIDCConfigForEmbeddedAuthServer (the text says MCPServer for both kinds)
    push('spec.oidcConfigRef', 'operator.embedded-auth.oidc-required', 'OIDC config is required for embedded auth server: OIDCConfigRef must be set on the MCPServer');
  } else {
    const url = resourceUrl(entry, oidcRef);
    const audience = str(oidcRef.audience);
    // mirrors validateOIDCConfigForEmbeddedAuthServer: the auth server mints aud=resourceUrl, the validator expects audience
    if (audience && audience !== url) {
      push('spec.oidcConfigRef.audience', 'operator.embedded-auth.audience-mismatch',
        `oidcConfigRef.audience ${goQuote(audience)} must match resourceUrl ${goQuote(url)} when an embedded auth server is active; set audience to ${goQuote(url)} or set resourceUrl to match audience`);
    }
    for (const issue of consumerEmbeddedAuthChecks(eff.config, { resourceUrl: url, scopes: refScopes(oidcRef) })) {
      push(issue.path === '' ? 'spec.oidcConfigRef.resourceUrl' : eff.refPath, issue.rule, issue.message, issue.severity);
    }
  }
  if (!ext || ext.type === 'embeddedAuthServer') return false;
  // mirrors pkg/runner addUpstreamSwapMiddleware: strip-auth would be undone by a token-injecting middleware;
  // token exchange is tested first, then AWS STS, and both before addAWSStsMiddleware's remote URL check
  if (eff.config.disableUpstreamTokenInjection === true) {
    if (ext.type === 'tokenExchange') {
      push('spec.externalAuthConfigRef.name', 'operator.external-auth-ref.strip-conflict',
        'disableUpstreamTokenInjection cannot be combined with token exchange: token exchange would re-add an Authorization header after strip-auth removes it');
      return true;
    }
    if (ext.type === 'awsSts') {
      push('spec.externalAuthConfigRef.name', 'operator.external-auth-ref.strip-conflict',
        'disableUpstreamTokenInjection cannot be combined with AWS STS: SigV4 signing would re-add credentials after strip-auth removes them');
      return true;
    }
  }
  return false;
}

/**
 * subjectProviderName on a proxy workload: ctrlutil addTokenExchangeConfig and addAWSStsConfig do not copy
 * it, so the proxy exchanges whatever bearer token reaches the middleware: the first upstream's token that
 * addUpstreamSwapMiddleware injects (authserver.ResolveFirstUpstreamName), or the incoming token without an
 * embedded auth server. Reported only when that differs from the name.
 */
function checkSubjectProvider(entry: ObjectEntry, ext: ExtAuthTarget | undefined, as: Dict | undefined, push: Push): void {
  if (!ext || (ext.type !== 'tokenExchange' && ext.type !== 'awsSts')) return;
  if (ext.type === 'awsSts' && entry.kind === 'MCPServer') return; // rejected anyway: AWS STS needs a remote URL
  const provider = str(dict(ext.spec[ext.type])?.subjectProviderName) ?? '';
  if (provider === '') return;
  if (as?.disableUpstreamTokenInjection === true) return; // strip-conflict: the reconcile fails anyway
  const names = as ? upstreamNames(as) : [];
  const first = names.length > 0 ? resolveUpstreamName(names[0]) : 'default';
  if (as && resolveUpstreamName(provider) === first) return;
  const uses = as
    ? `the token of the first upstream (${goQuote(first)}) injected by the embedded auth server`
    : 'the bearer token of the incoming request';
  push('spec.externalAuthConfigRef.name', 'operator.external-auth-ref.ignored-subject-provider',
    `externalAuthConfigRef ${goQuote(ext.name)}: ${ext.type} subjectProviderName ${goQuote(provider)} is ignored on ${entry.kind}: the operator does not pass it to the proxy runner, which exchanges ${uses}; only VirtualMCPServer outgoing auth reads subjectProviderName`,
    'warning');
}

function checkProxyWorkload(set: ManifestSet, entry: ObjectEntry, out: Violation[]): void {
  const spec = dict(entry.defaulted.spec);
  if (!spec) return;
  const push: Push = (path, rule, message, severity) => out.push(violation(entry, path, rule, message, severity));
  const extRef = dict(spec.externalAuthConfigRef);
  const asRef = dict(spec.authServerRef);
  const ext = getExternalAuth(set, entry.namespace, str(extRef?.name));
  const as = getExternalAuth(set, entry.namespace, str(asRef?.name));

  // mirrors handleAuthServerRef: the referenced config must be an embedded auth server
  if (as && as.type !== 'embeddedAuthServer') {
    push('spec.authServerRef.name', 'operator.auth-server-ref.type', `authServerRef '${as.name}' has type ${goQuote(as.type)}, but only embeddedAuthServer is supported`);
  }
  // mirrors ValidateAndAddAuthServerRefOptions: both refs naming an embedded auth server
  if (asRef && ext?.type === 'embeddedAuthServer') {
    push('spec.externalAuthConfigRef.name', 'operator.auth-server-ref.conflict',
      'conflict: both authServerRef and externalAuthConfigRef reference an embedded auth server; use authServerRef for the embedded auth server and externalAuthConfigRef for outgoing auth only');
  }
  for (const [target, path] of [[ext, 'spec.externalAuthConfigRef.name'], [as, 'spec.authServerRef.name']] as const) {
    const count = list(embeddedOf(target)?.upstreamProviders).length;
    // mirrors handleExternalAuthConfig / handleAuthServerRef: single upstream on MCPServer and MCPRemoteProxy
    if (count > 1) {
      push(path, 'operator.embedded-auth.single-upstream', `${entry.kind} supports only one upstream provider (found ${count}); use VirtualMCPServer for multi-upstream`);
    }
  }
  const middlewareFailed = checkEmbeddedAuthServer(set, entry, spec, ext, push);
  if (ext && !middlewareFailed) {
    const bad = unsupportedOnProxy(entry.kind, ext);
    if (bad) push('spec.externalAuthConfigRef.name', bad.rule, bad.message, bad.severity);
  }
}

function checkServerEntry(set: ManifestSet, entry: ObjectEntry, out: Violation[]): void {
  const spec = dict(entry.defaulted.spec);
  const ext = getExternalAuth(set, entry.namespace, str(dict(spec?.externalAuthConfigRef)?.name));
  // mirrors pkg/vmcp/auth/converters Registry.GetConverter: an entry's credentials are applied by vMCP outgoing auth
  if (ext && ext.type !== '' && !VMCP_AUTH_TYPES.includes(ext.type)) {
    out.push(violation(entry, 'spec.externalAuthConfigRef.name', 'operator.external-auth-ref.unsupported-type',
      `unsupported auth type: ${ext.type} (MCPServerEntry credentials are applied by VirtualMCPServer outgoing auth, which supports ${VMCP_AUTH_TYPES.join(', ')})`));
  }
}

/** Layer: MCPServer, MCPRemoteProxy and MCPServerEntry auth references. */
export function authConsumersLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const kind of ['MCPServer', 'MCPRemoteProxy']) {
    for (const entry of set.ofKind(kind)) checkProxyWorkload(set, entry, out);
  }
  for (const entry of set.ofKind('MCPServerEntry')) checkServerEntry(set, entry, out);
  return out;
}
