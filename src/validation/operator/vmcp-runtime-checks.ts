/**
 * Two sections of the vMCP start-time validation (pkg/vmcp/config/validator.go DefaultValidator.Validate) that
 * the CRD schema leaves open, over what the operator writes to the vMCP ConfigMap:
 *
 * - outgoing auth (validateOutgoingAuth → validateBackendAuthStrategy): the strategies in the written config are
 *   the default and spec.outgoingAuth.backends (converter.go convertOutgoingAuth), and in inline mode also the
 *   group members' externalAuthConfigRefs (controllers buildOutgoingAuthConfig → discoverExternalAuthConfigs).
 *   Of the per-type checks only xaa targetTokenUrl and targetAudience can fail: the CRD requires both but has no
 *   minLength (every other field validateBackendAuthStrategy needs is non-empty by schema or CEL, and tokenUrl is
 *   operator.external-auth.token-url on the MCPExternalAuthConfig).
 * - operational (validateOperational → validateFailureHandling), after EnsureOperationalDefaults (mergo fills
 *   zero values only): a perWorkload timeout of zero, a negative unhealthyThreshold, and a healthCheckTimeout
 *   (CRD default 10s) not below the healthCheckInterval.
 */
import { getExternalAuth, groupMembers, type ExtAuthTarget } from './auth-resolve';
import { upstreamNames } from './embedded-auth-server';
import { formatGoDuration, parseGoDuration, SECOND } from './go/duration';
import { goQuote as q } from './go/quote';
import type { ManifestSet, ObjectEntry, RuleDoc, Violation } from '../../core/types';
import { dict, isDict, str, violation, type Dict } from '../../core/util';

const BACKEND_AUTH = 'operator.vmcp.runtime-backend-auth';
const OPERATIONAL = 'operator.vmcp.runtime-operational';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: BACKEND_AUTH,
    checks: 'the outgoing auth strategies the operator writes to the vMCP config (outgoingAuth.default and backends, and in inline mode the group members\' externalAuthConfigRefs) pass the vMCP start-time validation: xaa needs a non-empty targetTokenUrl and targetAudience (the CRD requires both fields but accepts "")',
    source: 'pkg/vmcp/config/validator.go validateOutgoingAuth, validateBackendAuthStrategy (case StrategyTypeXAA), over pkg/vmcpconfig/converter.go convertOutgoingAuth and controllers buildOutgoingAuthConfig',
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

function checkBackendAuth(set: ManifestSet, entry: ObjectEntry, spec: Dict, out: Violation[]): void {
  const inline = str(dict(spec.outgoingAuth)?.source) === 'inline';
  const several = upstreamNames(dict(spec.authServerConfig) ?? {}).length > 1;
  for (const w of writtenStrategies(set, entry, spec)) {
    const problem = xaaProblem(w.target);
    if (!problem) continue;
    // inline mode drops a strategy whose subject provider cannot be defaulted (operator.vmcp.xaa-subject-provider)
    if (inline && several && (str(dict(w.target.spec.xaa)?.subjectProviderName) ?? '') === '') continue;
    const from = w.via ? `from MCPExternalAuthConfig ${q(w.target.name)}, referenced by ${w.via.kind} ${q(w.via.name)}` : `from MCPExternalAuthConfig ${q(w.target.name)}`;
    out.push(violation(entry, w.path, BACKEND_AUTH, `${w.prefix}: ${problem} (${from})`));
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

/** The outgoing-auth and operational sections of the vMCP start-time validation for one VirtualMCPServer. */
export function checkRuntimeSections(set: ManifestSet, entry: ObjectEntry, spec: Dict, out: Violation[]): void {
  checkBackendAuth(set, entry, spec, out);
  const ops = dict(dict(spec.config)?.operational);
  if (ops && isDict(ops)) checkOperational(entry, ops, out);
}
