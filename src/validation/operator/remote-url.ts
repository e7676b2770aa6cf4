/**
 * The operator's SSRF check on remote URLs (`validation.ValidateRemoteURL`), for MCPRemoteProxy and
 * MCPServerEntry `spec.remoteUrl`. No DNS lookups, exactly like the operator: only literal IPs and
 * well-known internal host names are blocked.
 */
import { cidr, cidrContains, parseIP, type Cidr } from './go/ip';
import { goQuote } from './go/quote';
import { goHostname, parseGoURL } from './go/url';
import type { ManifestSet, ObjectEntry, RuleDoc, Violation } from '../../core/types';
import { dict, str, violation } from '../../core/util';
import { rootSchema } from '../../schema/registry';

const SOURCE = 'cmd/thv-operator/pkg/validation/url_validation.go ValidateRemoteURL (MCPRemoteProxy validateSpec, MCPServerEntry RemoteURLValidated)';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.remote-url.invalid',
    checks: 'spec.remoteUrl of MCPRemoteProxy and MCPServerEntry parses (Go url.Parse), uses http or https and has a host',
    source: SOURCE,
    example: 'remote URL must have a valid host',
    severityReason: 'validateSpec (MCPRemoteProxy) or RemoteURLValidated=False (MCPServerEntry) stops the workload',
  },
  {
    id: 'operator.remote-url.blocked-ip',
    checks: 'a literal IP host is not loopback, link-local or unspecified (always), nor RFC 1918 / IPv6 ULA unless spec.allowPrivateEndpoint (main@e25de16; v0.44.0 and older block them unconditionally); IPv4-mapped IPv6 is normalised first',
    source: SOURCE,
    releases: 'all (the spec.allowPrivateEndpoint exemption: >= main@e25de16)',
    example: 'remote URL host is not allowed: IP address 169.254.169.254 falls within blocked range 169.254.0.0/16',
    severityReason: 'validateSpec (MCPRemoteProxy) or RemoteURLValidated=False (MCPServerEntry) stops the workload',
  },
  {
    id: 'operator.remote-url.blocked-host',
    checks: 'the host name is not localhost, kubernetes.default[.svc[.cluster.local]] or metadata.google.internal (exact or subdomain, case-insensitive; always), nor *.cluster.local unless spec.allowPrivateEndpoint (main@e25de16; v0.44.0 and older block it unconditionally)',
    source: SOURCE,
    releases: 'all (the spec.allowPrivateEndpoint exemption: >= main@e25de16)',
    example: 'remote URL host is not allowed: hostname "localhost" matches blocked internal hostname "localhost"',
    severityReason: 'validateSpec (MCPRemoteProxy) or RemoteURLValidated=False (MCPServerEntry) stops the workload',
  },
];

const ALWAYS_BLOCKED_CIDRS: readonly Cidr[] = ['0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '::/128', '::1/128', 'fe80::/10'].map(cidr);
const PRIVATE_CIDRS: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'].map(cidr);
const ALWAYS_BLOCKED_HOSTNAMES = ['localhost', 'kubernetes.default.svc.cluster.local', 'kubernetes.default.svc', 'kubernetes.default', 'metadata.google.internal'];
const PRIVATE_HOSTNAMES = ['cluster.local'];

export interface RemoteUrlProblem {
  readonly rule: 'operator.remote-url.invalid' | 'operator.remote-url.blocked-ip' | 'operator.remote-url.blocked-host';
  readonly message: string;
}

function blockedIP(host: string, ip: readonly number[], blocks: readonly Cidr[]): RemoteUrlProblem | undefined {
  const hit = blocks.find(b => cidrContains(b, ip));
  return hit && { rule: 'operator.remote-url.blocked-ip', message: `remote URL host is not allowed: IP address ${host} falls within blocked range ${hit.text}` };
}

function blockedName(host: string, names: readonly string[]): RemoteUrlProblem | undefined {
  const lower = host.toLowerCase();
  const hit = names.find(n => lower === n || lower.endsWith('.' + n));
  return hit !== undefined ? { rule: 'operator.remote-url.blocked-host', message: `remote URL host is not allowed: hostname ${goQuote(host)} matches blocked internal hostname ${goQuote(hit)}` } : undefined;
}

/** `ValidateRemoteURL(rawURL, {AllowPrivateEndpoint})`: the first problem, or undefined. */
export function checkRemoteUrl(raw: string, allowPrivateEndpoint: boolean): RemoteUrlProblem | undefined {
  const invalid = (message: string): RemoteUrlProblem => ({ rule: 'operator.remote-url.invalid', message });
  if (raw === '') return invalid('remote URL must not be empty');
  const parsed = parseGoURL(raw);
  if (!parsed.ok) return invalid(`remote URL is invalid: ${parsed.error}`);
  const u = parsed.url;
  if (u.scheme !== 'http' && u.scheme !== 'https') return invalid(`remote URL must use http or https scheme, got ${goQuote(u.scheme)}`);
  if (u.host === '') return invalid('remote URL must have a valid host');
  const host = goHostname(u);
  const ip = parseIP(host);
  if (ip) {
    return blockedIP(host, ip, ALWAYS_BLOCKED_CIDRS) ?? (allowPrivateEndpoint ? undefined : blockedIP(host, ip, PRIVATE_CIDRS));
  }
  // always-blocked names first, so kubernetes.default.svc.cluster.local is refused even with allowPrivateEndpoint
  return blockedName(host, ALWAYS_BLOCKED_HOSTNAMES) ?? (allowPrivateEndpoint ? undefined : blockedName(host, PRIVATE_HOSTNAMES));
}

/** True when the release's schema of the entry's kind defines `spec.<field>` (the operator reads only fields its API has). */
function releaseHasField(entry: ObjectEntry, release: string, field: string): boolean {
  const spec = rootSchema(entry.kind, entry.version, release)?.properties?.spec;
  return spec?.properties !== undefined && Object.prototype.hasOwnProperty.call(spec.properties, field);
}

/** Layer: MCPRemoteProxy and MCPServerEntry remote URLs. */
export function remoteUrlLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const kind of ['MCPRemoteProxy', 'MCPServerEntry']) {
    for (const entry of set.ofKind(kind)) {
      const spec = dict(entry.defaulted.spec);
      const raw = str(spec?.remoteUrl);
      if (raw === undefined) continue;
      // mirrors controllers validateSpec / RemoteURLValidated: validation.ValidateRemoteURL(remoteUrl, {AllowPrivateEndpoint});
      // releases without the field (v0.44.0 and older: ValidateRemoteURL(rawURL)) block private endpoints unconditionally
      const allowPrivate = spec?.allowPrivateEndpoint === true && releaseHasField(entry, set.options.operatorRelease, 'allowPrivateEndpoint');
      const problem = checkRemoteUrl(raw, allowPrivate);
      if (problem) out.push(violation(entry, 'spec.remoteUrl', problem.rule, problem.message));
    }
  }
  return out;
}
