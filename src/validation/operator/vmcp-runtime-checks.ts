/**
 * Two sections of the vMCP start-time validation (pkg/vmcp/config/validator.go DefaultValidator.Validate) that
 * the CRD schema leaves open, over what the operator writes to the vMCP ConfigMap:
 *
 * - outgoing auth (validateOutgoingAuth → validateBackendAuthStrategy): the strategies in the written config are
 *   the default and spec.outgoingAuth.backends (converter.go convertOutgoingAuth), and in inline mode also the
 *   group members' externalAuthConfigRefs (controllers buildOutgoingAuthConfig → discoverExternalAuthConfigs).
 *   Of the per-type checks only xaa targetTokenUrl and targetAudience can fail: the CRD requires both but has no
 *   minLength (every other field validateBackendAuthStrategy needs is non-empty by schema or CEL, and tokenUrl is
 *   operator.external-auth.token-url on the MCPExternalAuthConfig). Before Validate, YAMLLoader.processBackendAuthStrategy
 *   reads the headerInjection value and tokenExchange client secret from the env vars the strategies name; the
 *   Deployment mounts them (buildOutgoingAuthEnvVars) for default, backends and, in discovered mode only, members.
 *   In inline mode a default or backend of type discovered is written as strategy type "discovered", which is none.
 * - static backends (validateStaticBackends): inline mode writes an MCPServerEntry's CA bundle path without its type.
 * - operational (validateOperational → validateFailureHandling), after EnsureOperationalDefaults (mergo fills
 *   zero values only): a perWorkload timeout of zero, a negative unhealthyThreshold, and a healthCheckTimeout
 *   (CRD default 10s) not below the healthCheckInterval.
 */
import { getExternalAuth, groupMembers, VMCP_AUTH_TYPES, type ExtAuthTarget } from './auth-resolve';
import { upstreamNames } from './embedded-auth-server';
import { formatGoDuration, parseGoDuration, SECOND } from './go/duration';
import { goQuote as q } from './go/quote';
import type { ManifestSet, ObjectEntry, RuleDoc, Violation } from '../../core/types';
import { dict, isDict, str, violation, type Dict } from '../../core/util';

const BACKEND_AUTH = 'operator.vmcp.runtime-backend-auth';
const OPERATIONAL = 'operator.vmcp.runtime-operational';
const STATIC_BACKENDS = 'operator.vmcp.runtime-static-backends';
const TOOL_REF_NAME = 'operator.vmcp.composite-tool-ref-name';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: BACKEND_AUTH,
    checks: 'the outgoing auth strategies the operator writes to the vMCP config (outgoingAuth.default and backends, and in inline mode the group members\' externalAuthConfigRefs) load and validate at vMCP start: in inline mode no default or backend has type discovered (written as is, not a vMCP strategy type); the headerInjection value and tokenExchange client secret env vars they name are mounted (in inline mode the operator mounts only the Secrets of default and backends) and, when the Secret is in the set, not empty; xaa has a non-empty targetTokenUrl and targetAudience (the CRD requires both but accepts "")',
    source: 'pkg/vmcp/config/yaml_loader.go processBackendAuthStrategy and validator.go validateOutgoingAuth, validateBackendAuthStrategy (strategy types, case StrategyTypeXAA), over pkg/vmcpconfig/converter.go convertOutgoingAuth, controllers buildOutgoingAuthConfig and virtualmcpserver_deployment.go buildOutgoingAuthEnvVars',
    example: 'outgoingAuth.backends.github: xaa requires targetTokenUrl field (from MCPExternalAuthConfig "xaa")',
    severityReason: 'the vmcp binary validates its config at start and exits (pkg/vmcp/cli serve.go loadAndValidateConfig)',
  },
  {
    id: OPERATIONAL,
    checks: 'spec.config.operational after the vMCP\'s defaults (zero values filled) passes the vMCP start-time validation: perWorkload timeouts are positive, unhealthyThreshold is positive, and a healthCheckTimeout (CRD default 10s) is below healthCheckInterval (default 30s)',
    source: 'pkg/vmcp/config/validator.go validateOperational, validateFailureHandling, after pkg/vmcp/config/defaults.go EnsureOperationalDefaults',
    example: 'operational.failureHandling: healthCheckTimeout (10s) must be less than healthCheckInterval (5s) to prevent checks from queuing up',
    severityReason: 'the vmcp binary validates its config at start and exits (pkg/vmcp/cli serve.go loadAndValidateConfig)',
  },
  {
    id: STATIC_BACKENDS,
    checks: 'with outgoingAuth source inline, no group member is an MCPServerEntry with spec.caBundleRef: the operator writes its static backend with caBundlePath but without type "entry", which the vMCP rejects',
    source: 'pkg/vmcp/config/validator.go validateStaticBackends over controllers/virtualmcpserver_vmcpconfig.go convertBackendsToStaticBackends (sets CABundlePath from buildCABundlePathMap, never Type)',
    example: 'backends[<MCPServerEntry "docs">].caBundlePath is only valid when type is "entry": in inline mode the operator writes the spec.caBundleRef of MCPServerEntry "docs" as caBundlePath without type "entry", so the vMCP exits at start once the entry is Valid; use spec.outgoingAuth.source discovered or remove the caBundleRef',
    severityReason: 'the vmcp binary validates its config at start and exits (pkg/vmcp/cli serve.go loadAndValidateConfig)',
  },
  {
    id: TOOL_REF_NAME,
    checks: 'every spec.config.compositeToolRefs entry names a VirtualMCPCompositeToolDefinition (the CRD requires name but accepts "")',
    source: 'pkg/vmcp/config/validator.go validateCompositeToolRefs; controllers/virtualmcpserver_controller.go validateCompositeToolRefs looks the empty name up first',
    example: 'compositeToolRefs[0].name is required',
    severityReason: 'the controller finds no definition of that name and sets phase Failed (CompositeToolRefNotFound); the vmcp binary would reject it at start too',
  },
];

interface Written {
  /** The config key: `default` or the backend name, as the error prefix prints it. */
  readonly prefix: string;
  readonly path: string;
  readonly target: ExtAuthTarget;
  readonly via?: ObjectEntry;
}

/** The externalAuthConfigRef strategies that end up in the written config. */
function writtenStrategies(set: ManifestSet, entry: ObjectEntry, spec: Dict): Written[] {
  const outgoing = dict(spec.outgoingAuth);
  const backends = dict(outgoing?.backends) ?? {};
  const out: Written[] = [];
  const add = (prefix: string, path: string, cfg: unknown) => {
    const c = dict(cfg);
    if (str(c?.type) !== 'externalAuthConfigRef') return;
    const target = getExternalAuth(set, entry.namespace, str(dict(c?.externalAuthConfigRef)?.name));
    if (target) out.push({ prefix, path: `${path}.externalAuthConfigRef.name`, target });
  };
  add('outgoingAuth.default', 'spec.outgoingAuth.default', outgoing?.default);
  for (const name of Object.keys(backends)) add(`outgoingAuth.backends.${name}`, `spec.outgoingAuth.backends[${name}]`, backends[name]);
  // discovered mode writes no member strategies: the vMCP discovers them at run time (processOutgoingAuth)
  const group = str(dict(spec.groupRef)?.name);
  if ((str(outgoing?.source) ?? 'discovered') !== 'inline' || !group) return out;
  for (const member of groupMembers(set, entry.namespace, group)) {
    if (Object.prototype.hasOwnProperty.call(backends, member.name)) continue; // the inline override wins
    const target = getExternalAuth(set, entry.namespace, str(dict(dict(member.defaulted.spec)?.externalAuthConfigRef)?.name));
    if (target) out.push({ prefix: `outgoingAuth.backends.${member.name}`, path: 'spec.groupRef.name', target, via: member });
  }
  return out;
}

/** validateBackendAuthStrategy for what the schema leaves open: the first failing xaa field. */
function xaaProblem(t: ExtAuthTarget): string | undefined {
  if (t.type !== 'xaa') return undefined;
  const x = dict(t.spec.xaa);
  if (!x) return undefined; // CEL: xaa configuration must be set if and only if type is 'xaa'
  if (str(x.targetTokenUrl) === '') return 'xaa requires targetTokenUrl field';
  if (str(x.targetAudience) === '') return 'xaa requires targetAudience field';
  return undefined;
}

/** The env var the written strategy names for its Secret (controllerutil externalauth.go GenerateUnique*EnvVarName). */
function secretEnv(t: ExtAuthTarget): { env: string; ref: Dict; message: (backend: string) => string } | undefined {
  const sanitized = t.name.replace(/-/g, '_').toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  if (t.type === 'headerInjection') {
    const ref = dict(dict(t.spec.headerInjection)?.valueSecretRef);
    const env = `TOOLHIVE_HEADER_INJECTION_VALUE_${sanitized}`;
    return ref ? { env, ref, message: b => `outgoingAuth: backend ${b}: environment variable ${env} not set or empty` } : undefined;
  }
  if (t.type === 'tokenExchange') {
    const ref = dict(dict(t.spec.tokenExchange)?.clientSecretRef);
    const env = `TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_${sanitized}`;
    return ref ? { env, ref, message: b => `outgoingAuth: backend ${b}: environment variable ${env} not set` } : undefined;
  }
  return undefined;
}

/** MCPExternalAuthConfigs whose Secrets the operator mounts as env vars (virtualmcpserver_deployment.go buildOutgoingAuthEnvVars). */
function mountedConfigs(set: ManifestSet, entry: ObjectEntry, spec: Dict): Set<string> {
  const outgoing = dict(spec.outgoingAuth);
  const names = new Set<string>();
  if (!outgoing) return names;
  const refName = (cfg: unknown) => str(dict(dict(cfg)?.externalAuthConfigRef)?.name);
  const backends = dict(outgoing.backends) ?? {};
  for (const b of Object.keys(backends)) names.add(refName(backends[b]) ?? '');
  names.add(refName(outgoing.default) ?? '');
  const group = str(dict(spec.groupRef)?.name);
  if ((str(outgoing.source) ?? 'discovered') === 'discovered' && group) {
    for (const m of groupMembers(set, entry.namespace, group)) names.add(str(dict(dict(m.defaulted.spec)?.externalAuthConfigRef)?.name) ?? '');
  }
  return names;
}

/** A Secret key's value in the set is empty ("" in stringData, else in data); undefined when unknown. */
function secretValueEmpty(set: ManifestSet, namespace: string, ref: Dict): boolean {
  const secret = set.get('Secret', namespace, str(ref.name) ?? '');
  const key = str(ref.key) ?? '';
  if (!secret || key === '') return false;
  const own = (field: string) => {
    const m = dict(secret.object[field]);
    return m && Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
  };
  const plain = own('stringData');
  if (plain !== undefined) return plain === '';
  return own('data') === '';
}

const VALID_TYPES = 'unauthenticated, header_injection, token_exchange, upstream_inject, aws_sts, obo, xaa';

/**
 * Inline mode writes what controllers convertBackendAuthConfigToVMCP returns, and for type discovered that is the
 * strategy type "discovered" itself (converter.go, used in discovered mode, turns it into unauthenticated).
 */
function checkInlineDiscovered(entry: ObjectEntry, outgoing: Dict, out: Violation[]): void {
  const report = (key: string, path: string) => out.push(violation(entry, `${path}.type`, BACKEND_AUTH,
    `${key}: type must be one of: ${VALID_TYPES} (in inline mode the operator writes type "discovered" as is; remove the entry, which leaves the backend unauthenticated, or use spec.outgoingAuth.source discovered)`));
  if (str(dict(outgoing.default)?.type) === 'discovered') report('outgoingAuth.default', 'spec.outgoingAuth.default');
  const backends = dict(outgoing.backends) ?? {};
  for (const name of Object.keys(backends)) {
    if (str(dict(backends[name])?.type) === 'discovered') report(`outgoingAuth.backends.${name}`, `spec.outgoingAuth.backends[${name}]`);
  }
}

function checkBackendAuth(set: ManifestSet, entry: ObjectEntry, spec: Dict, out: Violation[]): void {
  const inline = str(dict(spec.outgoingAuth)?.source) === 'inline';
  if (inline) checkInlineDiscovered(entry, dict(spec.outgoingAuth) ?? {}, out);
  const several = upstreamNames(dict(spec.authServerConfig) ?? {}).length > 1;
  const mounted = mountedConfigs(set, entry, spec);
  for (const w of writtenStrategies(set, entry, spec)) {
    const t = w.target;
    const from = w.via ? `from MCPExternalAuthConfig ${q(t.name)}, referenced by ${w.via.kind} ${q(w.via.name)}` : `from MCPExternalAuthConfig ${q(t.name)}`;
    const report = (message: string) => out.push(violation(entry, w.path, BACKEND_AUTH, message));
    // YAMLLoader.processBackendAuthStrategy resolves the secret env vars before Validate runs
    const se = secretEnv(t);
    const backend = w.via ? w.via.name : w.prefix.replace(/^outgoingAuth\.(backends\.)?/, '');
    if (se && !mounted.has(t.name)) {
      report(`${se.message(backend)} (${from}): in inline mode the operator mounts the Secrets of spec.outgoingAuth.default and backends only; reference ${q(t.name)} from spec.outgoingAuth.backends[${backend}] or use source: discovered`);
      continue;
    }
    if (se && secretValueEmpty(set, entry.namespace, se.ref)) {
      report(`${se.message(backend)} (${from}): Secret ${q(str(se.ref.name) ?? '')} key ${q(str(se.ref.key) ?? '')} is empty; give it a value`);
      continue;
    }
    const problem = xaaProblem(t);
    if (!problem) continue;
    // inline mode drops a strategy whose subject provider cannot be defaulted (operator.vmcp.xaa-subject-provider)
    if (inline && several && (str(dict(t.spec.xaa)?.subjectProviderName) ?? '') === '') continue;
    report(`${w.prefix}: ${problem} (${from})`);
  }
}

/** A duration field as the vMCP decodes it (Go time.ParseDuration); undefined when absent or unparsable (schema). */
function duration(v: unknown): bigint | undefined {
  if (typeof v !== 'string') return undefined;
  const d = parseGoDuration(v);
  return d.ok ? d.ns : undefined;
}

function checkOperational(entry: ObjectEntry, ops: Dict, out: Violation[]): void {
  const base = 'spec.config.operational';
  const report = (path: string, message: string) => out.push(violation(entry, path, OPERATIONAL, message));
  // validateOperational: the default timeout is filled when zero, perWorkload entries are not
  const perWorkload = dict(dict(ops.timeouts)?.perWorkload) ?? {};
  for (const w of Object.keys(perWorkload)) {
    const d = duration(perWorkload[w]);
    if (d !== undefined && d <= 0n) report(`${base}.timeouts.perWorkload[${w}]`, `operational.timeouts.perWorkload.${w} must be positive`);
  }
  const fh = dict(ops.failureHandling);
  if (!fh) return;
  const threshold = fh.unhealthyThreshold;
  if (typeof threshold === 'number' && threshold < 0) {
    report(`${base}.failureHandling.unhealthyThreshold`, 'operational.failureHandling: unhealthyThreshold must be positive');
    return; // validateFailureHandling stops at the first error
  }
  const interval = duration(fh.healthCheckInterval) || 30n * SECOND; // defaultHealthCheckInterval fills zero
  const timeout = duration(fh.healthCheckTimeout) ?? 0n;
  if (timeout > 0n && timeout >= interval) {
    report(`${base}.failureHandling.healthCheckTimeout`,
      `operational.failureHandling: healthCheckTimeout (${formatGoDuration(timeout)}) must be less than healthCheckInterval (${formatGoDuration(interval)}) to prevent checks from queuing up`);
  }
}

/** validateStaticBackends over what inline mode writes for MCPServerEntry members with a CA bundle. */
function checkStaticBackends(set: ManifestSet, entry: ObjectEntry, spec: Dict, out: Violation[]): void {
  const group = str(dict(spec.groupRef)?.name);
  if (str(dict(spec.outgoingAuth)?.source) !== 'inline' || !group) return;
  for (const member of groupMembers(set, entry.namespace, group)) {
    const mspec = dict(member.defaulted.spec);
    if (member.kind !== 'MCPServerEntry' || !dict(dict(mspec?.caBundleRef)?.configMapRef)) continue;
    // a member whose outgoing auth cannot be built is not served (backendsWithFailedAuth), so nothing is written
    const refName = str(dict(mspec?.externalAuthConfigRef)?.name);
    const target = refName ? getExternalAuth(set, entry.namespace, refName) : undefined;
    if (refName && (!target || !VMCP_AUTH_TYPES.includes(target.type) || target.type === 'obo')) continue;
    out.push(violation(entry, 'spec.outgoingAuth.source', STATIC_BACKENDS,
      `backends[<MCPServerEntry ${q(member.name)}>].caBundlePath is only valid when type is "entry": in inline mode the operator writes the spec.caBundleRef of MCPServerEntry ${q(member.name)} as caBundlePath without type "entry", so the vMCP exits at start once the entry is Valid; use spec.outgoingAuth.source discovered or remove the caBundleRef`));
  }
}

/** The outgoing-auth, static-backend and operational sections of the vMCP start-time validation for one VirtualMCPServer. */
export function checkRuntimeSections(set: ManifestSet, entry: ObjectEntry, spec: Dict, out: Violation[]): void {
  checkBackendAuth(set, entry, spec, out);
  checkStaticBackends(set, entry, spec, out);
  const refs = dict(spec.config)?.compositeToolRefs;
  if (Array.isArray(refs)) {
    refs.forEach((r, i) => {
      if (isDict(r) && r.name === '') out.push(violation(entry, `spec.config.compositeToolRefs[${i}].name`, TOOL_REF_NAME, `compositeToolRefs[${i}].name is required`));
    });
  }
  const ops = dict(dict(spec.config)?.operational);
  if (ops && isDict(ops)) checkOperational(entry, ops, out);
}
