/**
 * VirtualMCPServer auth: the inline embedded auth server (`spec.authServerConfig`), its coherence with
 * incoming OIDC, primaryUpstreamProvider, and outgoing auth (default, per-backend, and the
 * externalAuthConfigRefs of the group's members). Mirrors controllers/virtualmcpserver_controller.go
 * (validateAuthServerConfig, validateAuthzUpstreamAvailable, buildOutgoingAuthConfig,
 * discoverExternalAuthConfigs), pkg/vmcpconfig/converter.go and pkg/vmcp/config/validator.go
 * (ValidateAuthServerIntegration).
 *
 * vMCP outgoing auth supports tokenExchange, headerInjection, unauthenticated, upstreamInject, awsSts,
 * xaa (and obo in enterprise builds); bearerToken and embeddedAuthServer are `unsupported auth type`.
 */
import { getExternalAuth, groupMembers, refScopes, resourceUrl, VMCP_AUTH_TYPES, type ExtAuthTarget } from './auth-resolve';
import { consumerEmbeddedAuthChecks, goList, hasUpstream, intrinsicEmbeddedAuthChecks, upstreamNames } from './embedded-auth-server';
import { isLoopbackHost } from './go/hosts';
import { goQuote } from './go/quote';
import { goParseUrl } from './go/url';
import type { ManifestSet, ObjectEntry, RuleDoc, Severity, Violation } from '../../core/types';
import { dict, isDict, str, violation, type Dict } from '../../core/util';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.vmcp.auth-server-http-issuer',
    checks: 'an http:// authServerConfig issuer on a non-loopback host sets insecureAllowHTTP',
    source: 'controllers/virtualmcpserver_controller.go validateAuthServerConfig',
    example: 'spec.authServerConfig.issuer "http://auth.toolhive.svc" uses http:// with a non-localhost host; set spec.authServerConfig.insecureAllowHTTP: true to allow this for trusted in-cluster deployments, or use https:// for production deployments',
    severityReason: 'validateAuthServerConfig sets a False condition and stops the reconcile',
  },
  {
    id: 'operator.vmcp.upstream-name-reserved',
    checks: 'with more than one upstream provider, none is named "default"',
    source: 'pkg/authserver/config.go validateUpstreamName (vMCP start-up)',
    example: 'upstream[1]: name "default" is reserved for single-upstream configs; use a descriptive name',
    severityReason: 'the auth server validates upstream names at vMCP start and exits',
  },
  {
    id: 'operator.vmcp.auth-server-incoming',
    checks: 'authServerConfig comes with incomingAuth type oidc and an oidcConfigRef (the auth server\'s allowed audience is its resourceUrl)',
    source: 'pkg/vmcp/config/validator.go ValidateAuthServerIntegration (validateAuthServerRunConfig, validateAuthServerRequiresOIDC)',
    example: 'auth server requires at least one allowed audience (MCP clients must send RFC 8707 resource parameter)',
    severityReason: 'ValidateAuthServerIntegration fails: AuthServerConfigValidated=False, phase Failed',
  },
  {
    id: 'operator.vmcp.auth-server-issuer-mismatch',
    checks: 'authServerConfig.issuer equals the issuer of the incoming MCPOIDCConfig',
    source: 'pkg/vmcp/config/validator.go validateAuthServerIncomingAuthConsistency',
    example: 'auth server issuer mismatch: auth server issuer "https://mcp.example.com" != incomingAuth.oidc.issuer "https://idp.example.com"',
    severityReason: 'ValidateAuthServerIntegration fails: AuthServerConfigValidated=False, phase Failed',
  },
  {
    id: 'operator.vmcp.auth-server-audience-mismatch',
    checks: 'incomingAuth.oidcConfigRef.audience equals its resourceUrl (default http://<name>.<namespace>.svc.cluster.local:4483) when authServerConfig is set',
    source: 'pkg/vmcp/config/validator.go validateAuthServerIncomingAuthConsistency',
    example: 'incomingAuth.oidc.audience "my-api" not in auth server\'s allowed audiences [http://gateway.default.svc.cluster.local:4483]',
    severityReason: 'ValidateAuthServerIntegration fails: AuthServerConfigValidated=False, phase Failed',
  },
  {
    id: 'operator.vmcp.primary-upstream',
    checks: 'primaryUpstreamProvider (spec.authServerConfig, or the deprecated spec.incomingAuth.authzConfig.inline) needs authServerConfig and names one of its upstreams: with incomingAuth.authzConfig the controller\'s message, with only incomingAuth.authzConfigRef the converter\'s',
    source: 'controllers/virtualmcpserver_controller.go validateAuthzUpstreamAvailable (AuthzPrimaryProviderRequiresAuthServer, AuthzUpstreamUnknown; runs only with authzConfig), pkg/vmcpconfig/converter.go resolvePrimaryUpstreamProvider (via resolveAuthzConfigRef)',
    example: 'primaryUpstreamProvider="gitlab" does not match any upstream declared on spec.authServerConfig.upstreamProviders. Set primaryUpstreamProvider to one of the configured upstream names, or leave it empty to default to the first upstream.',
    severityReason: 'the controller sets a False condition and stops the reconcile (authzConfig), or the converter fails and no vMCP config is written (authzConfigRef)',
  },
  {
    id: 'operator.vmcp.primary-upstream-ignored',
    checks: 'spec.authServerConfig.primaryUpstreamProvider on a VirtualMCPServer without incomingAuth.authzConfig or authzConfigRef, where nothing reads it',
    source: 'pkg/vmcpconfig/converter.go convertIncomingAuth (resolvePrimaryUpstreamProvider runs only for authorization); controllers validateAuthzUpstreamAvailable returns early without authzConfig',
    example: 'spec.authServerConfig.primaryUpstreamProvider "gitlab" has no effect: it selects the upstream whose claims Cedar policies evaluate, and spec.incomingAuth sets neither authzConfig nor authzConfigRef; remove it or configure authorization',
    severity: 'warning',
    severityReason: 'the operator accepts the object and never reads the field',
  },
  {
    id: 'operator.vmcp.upstream-auto-selected',
    checks: 'authorization with several upstream providers and no primaryUpstreamProvider evaluates claims of the first upstream (advisory)',
    source: 'controllers validateAuthzUpstreamAvailable, condition AuthzUpstreamSelectionWarning reason AuthzUpstreamAutoSelected',
    example: 'multiple upstreamProviders configured; Cedar policies will evaluate claims from the first upstream ("github"). If another upstream should be authoritative, set spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider explicitly, or remove or reorder the list.',
    severity: 'warning',
    severityReason: 'advisory condition AuthzUpstreamSelectionWarning: the configuration is valid and runs',
  },
  {
    id: 'operator.vmcp.primary-upstream-deprecated',
    checks: 'spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider is deprecated in favour of spec.authServerConfig.primaryUpstreamProvider',
    source: 'controllers emitPrimaryUpstreamProviderDeprecatedEvent (Warning event AuthzPrimaryUpstreamProviderDeprecated)',
    example: 'spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider is deprecated; move the value to spec.authServerConfig.primaryUpstreamProvider',
    severity: 'warning',
    severityReason: 'a Warning event only: the deprecated field is still honoured',
  },
  {
    id: 'operator.vmcp.outgoing-ref',
    checks: 'outgoingAuth.default of type externalAuthConfigRef names one',
    source: 'pkg/vmcpconfig converter.go convertBackendAuthConfig',
    example: 'backend default: externalAuthConfigRef type requires externalAuthConfigRef field',
    severityReason: 'the converter returns the error: no vMCP config is written and the reconcile fails',
  },
  {
    id: 'operator.vmcp.outgoing-ref-ignored',
    checks: 'an externalAuthConfigRef next to type discovered (default or per backend), which the operator never reads',
    source: 'pkg/vmcpconfig converter.go convertBackendAuthConfig and controllers convertBackendAuthConfigToVMCP (type discovered returns before reading the ref)',
    example: 'outgoingAuth.default externalAuthConfigRef "corp" is ignored because type is "discovered"; set type: externalAuthConfigRef to use it',
    severity: 'warning',
    severityReason: 'the operator accepts the object and silently uses discovered (or unauthenticated) auth instead of the reference',
  },

  {
    id: 'operator.vmcp.outgoing-auth-type',
    checks: 'outgoing auth strategies (default, backends, and the group members\' externalAuthConfigRefs) are types vMCP supports: not bearerToken or embeddedAuthServer',
    source: 'pkg/vmcp/auth/converters Registry.GetConverter (a failing member is dropped from the served backends)',
    example: 'unsupported auth type: bearerToken',
    severityReason: 'the converter rejects an explicit strategy (reconcile fails); for a discovered member the controller sets a False auth-config condition (ConversionFailed) and serves without that backend',
  },
  {
    id: 'operator.vmcp.upstream-inject-requires-auth-server',
    checks: 'upstreamInject outgoing auth is only used with an embedded auth server (spec.authServerConfig)',
    source: 'pkg/vmcp/config/validator.go ValidateAuthServerIntegration',
    example: 'upstream_inject requires an embedded auth server (authServer must be configured)',
    severityReason: 'ValidateAuthServerIntegration fails: AuthServerConfigValidated=False, phase Failed',
  },
  {
    id: 'operator.vmcp.xaa-subject-provider',
    checks: 'xaa outgoing auth names subjectProviderName when authServerConfig has more than one upstream',
    source: 'pkg/vmcp/auth/types DefaultSubjectProviderName (ErrAmbiguousSubjectProvider)',
    example: 'SubjectProviderName must be set explicitly for xaa when more than one upstream is configured',
    severityReason: 'ErrAmbiguousSubjectProvider: the controller sets a False auth-config condition (AmbiguousSubjectProvider) and drops the backend',
  },
];

interface Strategy {
  /** Backend key as the operator names it (`<default-strategy>` for the default). */
  readonly key: string;
  readonly path: string;
  readonly target: ExtAuthTarget;
  /** Our own messages name the member workload. */
  readonly member?: ObjectEntry;
}

type Push = (path: string, rule: string, message: string, severity?: Severity) => void;

/** The issuer an MCPOIDCConfig resolves to (pkg oidc resolver). */
function oidcIssuer(set: ManifestSet, namespace: string, name: string | undefined): string | undefined {
  const spec = dict(name ? set.get('MCPOIDCConfig', namespace, name)?.defaulted.spec : undefined);
  if (!spec) return undefined;
  if (str(spec.type) === 'inline') return str(dict(spec.inline)?.issuer);
  if (str(spec.type) === 'kubernetesServiceAccount') return str(dict(spec.kubernetesServiceAccount)?.issuer) || 'https://kubernetes.default.svc';
  return undefined;
}

function checkAuthServerConfig(entry: ObjectEntry, spec: Dict, as: Dict, set: ManifestSet, push: Push): void {
  for (const issue of intrinsicEmbeddedAuthChecks(as, { base: 'spec.authServerConfig', owner: 'VirtualMCPServer' })) {
    push(issue.path, issue.rule, issue.message, issue.severity);
  }
  const issuer = str(as.issuer) ?? '';
  if (issuer.startsWith('http://')) {
    const p = goParseUrl(issuer);
    // mirrors validateAuthServerConfig: http:// issuers on non-localhost hosts need insecureAllowHTTP
    if (p.url && p.url.host !== '' && !isLoopbackHost(p.url.host) && as.insecureAllowHTTP !== true) {
      push('spec.authServerConfig.issuer', 'operator.vmcp.auth-server-http-issuer',
        `spec.authServerConfig.issuer ${goQuote(issuer)} uses http:// with a non-localhost host; set spec.authServerConfig.insecureAllowHTTP: true to allow this for trusted in-cluster deployments, or use https:// for production deployments`);
    }
  }
  const names = upstreamNames(as);
  if (names.length > 1) {
    names.forEach((n, i) => {
      // mirrors pkg/authserver validateUpstreamName with more than one upstream
      if (n === 'default') {
        push(`spec.authServerConfig.upstreamProviders[${i}].name`, 'operator.vmcp.upstream-name-reserved',
          `upstream[${i}]: name "default" is reserved for single-upstream configs; use a descriptive name`);
      }
    });
  }

  const incoming = dict(spec.incomingAuth);
  const oidcRef = dict(incoming?.oidcConfigRef);
  if (!oidcRef) {
    // mirrors validateAuthServerRunConfig: allowed audiences come from the resolved OIDC resource
    // (type oidc without a ref is already the CEL error "spec.incomingAuth.oidcConfigRef is required when type is oidc")
    if (str(incoming?.type) !== 'oidc') {
      push('spec.incomingAuth', 'operator.vmcp.auth-server-incoming', 'auth server requires at least one allowed audience (MCP clients must send RFC 8707 resource parameter)');
    }
    return;
  }
  const url = resourceUrl(entry, oidcRef);
  for (const issue of consumerEmbeddedAuthChecks(as, { resourceUrl: url, scopes: refScopes(oidcRef) })) {
    push(issue.path === '' ? 'spec.incomingAuth.oidcConfigRef.resourceUrl' : `spec.authServerConfig.${issue.path}`, issue.rule, issue.message, issue.severity);
  }
  if (str(incoming?.type) !== 'oidc') {
    // mirrors validateAuthServerRequiresOIDC
    push('spec.incomingAuth.type', 'operator.vmcp.auth-server-incoming', 'embedded auth server requires OIDC incoming auth');
    return;
  }
  const oidcIss = oidcIssuer(set, entry.namespace, str(oidcRef.name));
  // mirrors validateAuthServerIncomingAuthConsistency: the OIDC middleware checks iss against the MCPOIDCConfig issuer
  if (oidcIss !== undefined && oidcIss !== issuer) {
    push('spec.authServerConfig.issuer', 'operator.vmcp.auth-server-issuer-mismatch',
      `auth server issuer mismatch: auth server issuer ${goQuote(issuer)} != incomingAuth.oidc.issuer ${goQuote(oidcIss)}`);
  }
  const audience = str(oidcRef.audience);
  // mirrors validateAuthServerIncomingAuthConsistency: allowed audiences are exactly [resourceUrl]
  if (audience && audience !== url) {
    push('spec.incomingAuth.oidcConfigRef.audience', 'operator.vmcp.auth-server-audience-mismatch',
      `incomingAuth.oidc.audience ${goQuote(audience)} not in auth server's allowed audiences ${goList([url])}`);
  }
}

/**
 * primaryUpstreamProvider takes one of three paths, each with its own message:
 * - incomingAuth.authzConfig set: the controller's validateAuthzUpstreamAvailable rejects first;
 * - only incomingAuth.authzConfigRef set: that check returns early, and the converter's
 *   resolvePrimaryUpstreamProvider (called from resolveAuthzConfigRef) fails the vMCP config build;
 * - neither: nothing reads the field (convertIncomingAuth resolves it only for authorization).
 */
function checkPrimaryUpstream(spec: Dict, as: Dict | undefined, push: Push): void {
  const incoming = dict(spec.incomingAuth);
  const authzConfig = dict(incoming?.authzConfig);
  const authzConfigRef = dict(incoming?.authzConfigRef);
  const canonical = str(as?.primaryUpstreamProvider) ?? '';
  const deprecated = str(dict(authzConfig?.inline)?.primaryUpstreamProvider) ?? '';
  const explicit = canonical || deprecated;
  const path = canonical ? 'spec.authServerConfig.primaryUpstreamProvider' : 'spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider';
  if (!canonical && deprecated) {
    // mirrors emitPrimaryUpstreamProviderDeprecatedEvent
    push(path, 'operator.vmcp.primary-upstream-deprecated',
      'spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider is deprecated; move the value to spec.authServerConfig.primaryUpstreamProvider', 'warning');
  }
  const rule = 'operator.vmcp.primary-upstream';
  if (authzConfig) {
    if (explicit && !as) {
      // mirrors validateAuthzUpstreamAvailable (AuthzPrimaryProviderRequiresAuthServer); only the deprecated field can get here
      push(path, rule, `primaryUpstreamProvider=${goQuote(explicit)} is set but spec.authServerConfig is not configured. The field names an upstream IDP on the embedded auth server, which is required for it to take effect. Remove primaryUpstreamProvider, or configure spec.authServerConfig with an upstream of that name.`);
    } else if (explicit && as && !hasUpstream(as, explicit)) {
      // mirrors validateAuthzUpstreamAvailable (AuthzUpstreamUnknown)
      push(path, rule, `primaryUpstreamProvider=${goQuote(explicit)} does not match any upstream declared on spec.authServerConfig.upstreamProviders. Set primaryUpstreamProvider to one of the configured upstream names, or leave it empty to default to the first upstream.`);
    } else if (!explicit && as && upstreamNames(as).length > 1) {
      // mirrors validateAuthzUpstreamAvailable: advisory AuthzUpstreamAutoSelected
      push('spec.authServerConfig.upstreamProviders', 'operator.vmcp.upstream-auto-selected',
        `multiple upstreamProviders configured; Cedar policies will evaluate claims from the first upstream (${goQuote(upstreamNames(as)[0])}). If another upstream should be authoritative, set spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider explicitly, or remove or reorder the list.`, 'warning');
    }
    return;
  }
  if (!canonical || !as) return; // without authzConfig only the canonical field (inside authServerConfig) can be set
  if (authzConfigRef) {
    // mirrors pkg/vmcpconfig converter.go resolvePrimaryUpstreamProvider, reached through resolveAuthzConfigRef
    if (!hasUpstream(as, canonical)) {
      push(path, rule, `authz primaryUpstreamProvider ${goQuote(canonical)} does not match any upstream declared on spec.authServerConfig.upstreamProviders`);
    }
    return;
  }
  // convertIncomingAuth calls resolvePrimaryUpstreamProvider only for authzConfig or authzConfigRef
  push(path, 'operator.vmcp.primary-upstream-ignored',
    `spec.authServerConfig.primaryUpstreamProvider ${goQuote(canonical)} has no effect: it selects the upstream whose claims Cedar policies evaluate, and spec.incomingAuth sets neither authzConfig nor authzConfigRef; remove it or configure authorization`, 'warning');
}

/** The outgoing strategies the operator builds: default, per-backend refs and (not overridden) group members. */
function collectStrategies(set: ManifestSet, entry: ObjectEntry, spec: Dict, push: Push): Strategy[] {
  const out: Strategy[] = [];
  const outgoing = dict(spec.outgoingAuth);
  const source = str(outgoing?.source) ?? 'discovered';
  const backends = dict(outgoing?.backends) ?? {};
  const add = (key: string, base: string, cfg: Dict | undefined, label: string) => {
    if (!cfg) return;
    const type = str(cfg.type);
    const ref = dict(cfg.externalAuthConfigRef);
    if (type === 'discovered' && ref) {
      // mirrors convertBackendAuthConfigToVMCP: type discovered returns before reading externalAuthConfigRef
      push(`${base}.externalAuthConfigRef`, 'operator.vmcp.outgoing-ref-ignored',
        `${label} externalAuthConfigRef ${goQuote(str(ref.name) ?? '')} is ignored because type is "discovered"; set type: externalAuthConfigRef to use it`, 'warning');
    }
    if (type !== 'externalAuthConfigRef') return;
    if (!ref) {
      // mirrors convertBackendAuthConfig; for named backends VirtualMCPServer.Validate reports it first
      if (key === '<default-strategy>') push(base, 'operator.vmcp.outgoing-ref', 'backend default: externalAuthConfigRef type requires externalAuthConfigRef field');
      return;
    }
    const target = getExternalAuth(set, entry.namespace, str(ref.name));
    if (target) out.push({ key, path: `${base}.externalAuthConfigRef.name`, target });
  };
  add('<default-strategy>', 'spec.outgoingAuth.default', dict(outgoing?.default), 'outgoingAuth.default');
  for (const [name, cfg] of Object.entries(backends)) {
    add(name, `spec.outgoingAuth.backends[${name}]`, isDict(cfg) ? cfg : undefined, `outgoingAuth.backends[${name}]`);
  }
  const group = str(dict(spec.groupRef)?.name);
  if (!group) return out;
  for (const member of groupMembers(set, entry.namespace, group)) {
    const target = getExternalAuth(set, entry.namespace, str(dict(dict(member.defaulted.spec)?.externalAuthConfigRef)?.name));
    if (!target) continue;
    const overridden = Object.prototype.hasOwnProperty.call(backends, member.name);
    // mirrors discoverExternalAuthConfigs + k8s discoverer: a member whose strategy cannot be built is dropped
    // (in discovered mode even when spec.outgoingAuth.backends overrides it: the runtime discoverer converts it first)
    if (!VMCP_AUTH_TYPES.includes(target.type) && target.type !== '' && member.kind !== 'MCPServerEntry' && (source === 'discovered' || !overridden)) {
      push('spec.groupRef.name', 'operator.vmcp.outgoing-auth-type',
        `backend ${goQuote(member.name)}: ${member.kind} ${goQuote(member.name)} references MCPExternalAuthConfig ${goQuote(target.name)}: unsupported auth type: ${target.type}; the vMCP drops this backend${target.type === 'embeddedAuthServer' ? ' (reference the embedded auth server with authServerRef instead of externalAuthConfigRef)' : ''}`);
      continue;
    }
    if (!overridden) out.push({ key: member.name, path: 'spec.groupRef.name', target, member });
  }
  return out;
}

function providerField(t: ExtAuthTarget): { field: string; label: string; value: string } | undefined {
  switch (t.type) {
    case 'tokenExchange':
    case 'awsSts':
    case 'xaa':
      return { field: `${t.type}.subjectProviderName`, label: `${t.type} subjectProviderName`, value: str(dict(t.spec[t.type])?.subjectProviderName) ?? '' };
    case 'obo':
      return { field: 'obo.subjectTokenProviderName', label: 'obo subjectTokenProviderName', value: str(dict(t.spec.obo)?.subjectTokenProviderName) ?? '' };
    default:
      return undefined;
  }
}

function checkStrategy(s: Strategy, as: Dict | undefined, push: Push): void {
  const t = s.target;
  const via = s.member ? ` (${s.member.kind} ${goQuote(s.member.name)}, MCPExternalAuthConfig ${goQuote(t.name)})` : '';
  if (!s.member && t.type !== '' && !VMCP_AUTH_TYPES.includes(t.type)) {
    // mirrors converters Registry.GetConverter
    push(s.path, 'operator.vmcp.outgoing-auth-type', `unsupported auth type: ${t.type}`);
    return;
  }
  if (t.type === 'upstreamInject') {
    const provider = str(dict(t.spec.upstreamInject)?.providerName) ?? '';
    if (!as) {
      // mirrors ValidateAuthServerIntegration: upstream_inject without an auth server
      push(s.path, 'operator.vmcp.upstream-inject-requires-auth-server', `upstream_inject requires an embedded auth server (authServer must be configured)${via}`);
    } else if (!hasUpstream(as, provider)) {
      // mirrors validateUpstreamInjectProviders
      push(s.path, 'operator.upstream-name.unknown', `backend ${goQuote(s.key)}: upstream_inject providerName ${goQuote(provider)} not found in auth server upstreams${via}`);
    }
    return;
  }
  const pf = providerField(t);
  if (!pf) return;
  if (pf.value === '') {
    // mirrors DefaultSubjectProviderName: xaa refuses to guess among several upstreams
    if (t.type === 'xaa' && as && upstreamNames(as).length > 1) {
      push(s.path, 'operator.vmcp.xaa-subject-provider', `SubjectProviderName must be set explicitly for xaa when more than one upstream is configured${via}`);
    }
    return;
  }
  // the strategy reads identity.UpstreamTokens[name]; an unknown name fails every request to the backend
  if (!as) {
    push(s.path, 'operator.upstream-name.unknown',
      `backend ${goQuote(s.key)}: ${pf.label} ${goQuote(pf.value)} names an upstream provider but spec.authServerConfig is not configured${via}; configure an embedded auth server with that upstream or remove ${pf.field}`);
  } else if (!hasUpstream(as, pf.value)) {
    push(s.path, 'operator.upstream-name.unknown',
      `backend ${goQuote(s.key)}: ${pf.label} ${goQuote(pf.value)} not found in auth server upstreams${via}; name one of ${upstreamNames(as).map(goQuote).join(', ')}`);
  }
}

function checkVirtualMCPServer(set: ManifestSet, entry: ObjectEntry, out: Violation[]): void {
  const spec = dict(entry.defaulted.spec);
  if (!spec) return;
  const push: Push = (path, rule, message, severity) => out.push(violation(entry, path, rule, message, severity));
  const as = dict(spec.authServerConfig);
  if (as) checkAuthServerConfig(entry, spec, as, set, push);
  checkPrimaryUpstream(spec, as, push);
  for (const s of collectStrategies(set, entry, spec, push)) checkStrategy(s, as, push);
}

/** Layer: VirtualMCPServer auth server, incoming/outgoing auth coherence. */
export function virtualMCPServerAuthLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('VirtualMCPServer')) checkVirtualMCPServer(set, entry, out);
  return out;
}

