/**
 * Checks the workload controllers share (MCPServer, MCPRemoteProxy, VirtualMCPServer): the advisory
 * conditions they set, and the rate-limit bucket durations the proxy runner and vMCP validate at start.
 */
import { formatGoDuration, parseGoDuration } from './go/duration';
import { goQuote } from './go/quote';
import type { ObjectEntry, RuleDoc, Violation } from '../../core/types';
import { dict, list, str, violation } from '../../core/util';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.session-storage.replicas',
    checks: 'replicas > 1 without sessionStorage.provider redis (MCPServer, MCPRemoteProxy, VirtualMCPServer): sessions are not shared',
    source: 'controllers validateSessionStorageForReplicas (condition SessionStorageWarning, reason SessionStorageMissingForReplicas)',
    example: 'replicas > 1 but sessionStorage.provider is not redis; sessions are not shared across replicas',
    severity: 'warning',
    severityReason: 'advisory condition SessionStorageWarning only: the Deployment rolls out with the requested replicas',
  },
  {
    id: 'operator.authz.primary-upstream-ignored',
    checks: 'spec.authzConfig.inline.primaryUpstreamProvider on MCPServer or MCPRemoteProxy has no effect (no embedded auth server to name)',
    source: 'controllers/mcpserver_controller.go and mcpremoteproxy_controller.go validateAuthzPrimaryUpstreamProviderIgnored (condition AuthzPrimaryUpstreamProviderIgnored)',
    example: 'spec.authzConfig.inline.primaryUpstreamProvider="okta" has no effect on MCPServer; the field only takes effect on VirtualMCPServer with an embedded auth server',
    severity: 'warning',
    severityReason: 'advisory condition AuthzPrimaryUpstreamProviderIgnored: the operator accepts the object and ignores the field',
  },
  {
    id: 'operator.rate-limit.refill-period',
    checks: 'every rate-limit bucket refillPeriod (shared, perUser, per tool) is a positive Go duration (MCPServer spec.rateLimiting, VirtualMCPServer spec.config.rateLimiting)',
    source: 'pkg/ratelimit/limiter.go validateBucketCRD (proxy runner / vMCP start); metav1.Duration decoding',
    example: 'refillPeriod must be positive, got 0s',
    severityReason: 'the proxy runner or vMCP validates the buckets at start and exits (a value that is not a Go duration cannot even be decoded by the operator)',
  },
];

/** SessionStorageWarning: replicas > 1 without Redis session storage. */
export function sessionStorageAdvisory(entry: ObjectEntry, spec: Record<string, unknown>): Violation[] {
  const replicas = spec.replicas;
  if (typeof replicas !== 'number' || replicas <= 1) return [];
  if (str(dict(spec.sessionStorage)?.provider) === 'redis') return [];
  // mirrors validateSessionStorageForReplicas (advisory condition only; the Deployment still rolls out)
  return [violation(entry, 'spec.replicas', 'operator.session-storage.replicas',
    'replicas > 1 but sessionStorage.provider is not redis; sessions are not shared across replicas', 'warning')];
}

/** AuthzPrimaryUpstreamProviderIgnored on MCPServer / MCPRemoteProxy. */
export function primaryUpstreamIgnored(entry: ObjectEntry, spec: Record<string, unknown>, kind: 'MCPServer' | 'MCPRemoteProxy'): Violation[] {
  const provider = str(dict(dict(spec.authzConfig)?.inline)?.primaryUpstreamProvider) ?? '';
  if (provider === '') return [];
  // mirrors validateAuthzPrimaryUpstreamProviderIgnored: the field only works with a vMCP embedded auth server
  return [violation(entry, 'spec.authzConfig.inline.primaryUpstreamProvider', 'operator.authz.primary-upstream-ignored',
    `spec.authzConfig.inline.primaryUpstreamProvider=${goQuote(provider)} has no effect on ${kind}; the field only takes effect on VirtualMCPServer with an embedded auth server`, 'warning')];
}

/** refillPeriod of every bucket in a RateLimitConfig at `base`. */
export function rateLimitRefillPeriods(entry: ObjectEntry, rateLimiting: unknown, base: string): Violation[] {
  const rl = dict(rateLimiting);
  if (!rl) return [];
  const buckets: { path: string; bucket: unknown }[] = [
    { path: `${base}.shared`, bucket: rl.shared },
    { path: `${base}.perUser`, bucket: rl.perUser },
  ];
  list(rl.tools).forEach((t, i) => {
    buckets.push({ path: `${base}.tools[${i}].shared`, bucket: dict(t)?.shared });
    buckets.push({ path: `${base}.tools[${i}].perUser`, bucket: dict(t)?.perUser });
  });
  const out: Violation[] = [];
  for (const { path, bucket } of buckets) {
    const period = str(dict(bucket)?.refillPeriod);
    if (period === undefined) continue;
    const d = parseGoDuration(period);
    if (!d.ok) {
      // metav1.Duration decodes with time.ParseDuration: the operator cannot even read the object
      out.push(violation(entry, `${path}.refillPeriod`, 'operator.rate-limit.refill-period',
        `refillPeriod ${goQuote(period)} is not a Go duration (${d.error}); use a value such as "1m0s" or "30s"`));
    } else if (d.ns <= 0n) {
      // mirrors pkg/ratelimit validateBucketCRD
      out.push(violation(entry, `${path}.refillPeriod`, 'operator.rate-limit.refill-period', `refillPeriod must be positive, got ${formatGoDuration(d.ns)}`));
    }
  }
  return out;
}
