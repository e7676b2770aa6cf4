/**
 * VirtualMCPServer checks outside authentication: `(*VirtualMCPServer).Validate()` (outgoing auth
 * backends, aggregation, embedding/optimizer; composite tools are in composite-tools.ts), the vMCP
 * binary's passthroughHeaders validation, the session-storage advisory and rate-limit durations.
 * groupRef.name and the enums (backend type, conflictResolution) are enforced by the CRD schema.
 */
import { rateLimitRefillPeriods, sessionStorageAdvisory } from './advisories';
import { goQuote } from './go/quote';
import type { ManifestSet, RuleDoc, Violation } from '../../core/types';
import { dict, list, str, violation } from '../../core/util';

const VALIDATE = 'cmd/thv-operator/api/v1beta1/virtualmcpserver_types.go (*VirtualMCPServer).Validate';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.vmcp.backend-auth',
    checks: 'spec.outgoingAuth.backends entries of type externalAuthConfigRef name an MCPExternalAuthConfig',
    source: `${VALIDATE} validateBackendAuth`,
    example: 'spec.outgoingAuth.backends[github].externalAuthConfigRef is required when type is externalAuthConfigRef',
    severityReason: 'VirtualMCPServer.Validate fails: Valid=False',
  },
  {
    id: 'operator.vmcp.aggregation',
    checks: 'priority conflict resolution with a conflictResolutionConfig lists priorityOrder; aggregation.tools entries name a workload and, when toolConfigRef is given, its name',
    source: `${VALIDATE} validateAggregation`,
    example: 'config.aggregation.conflictResolutionConfig.priorityOrder is required when conflictResolution is priority',
    severityReason: 'VirtualMCPServer.Validate fails: Valid=False',
  },
  {
    id: 'operator.vmcp.embedding',
    checks: 'spec.embeddingServerRef names an EmbeddingServer; spec.config.optimizer has an embedding source (embeddingServerRef or optimizer.embeddingService)',
    source: `${VALIDATE} validateEmbeddingServer`,
    example: 'spec.config.optimizer requires an embedding service: set spec.embeddingServerRef (recommended) or spec.config.optimizer.embeddingService',
    severityReason: 'VirtualMCPServer.Validate fails: Valid=False',
  },
  {
    id: 'operator.vmcp.passthrough-headers',
    checks: 'passthroughHeaders (spec.passthroughHeaders, else spec.config.passthroughHeaders) are non-empty valid header names and not restricted (hop-by-hop, Host, Content-Length, X-Forwarded-*, Forwarded, X-Real-Ip, and for vMCP Authorization and Cookie), compared in canonical case',
    source: 'pkg/vmcp/config/validator.go validatePassthroughHeaders (vMCP start)',
    example: 'passthroughHeaders[0]: "Authorization" is a restricted header and cannot be forwarded',
    severityReason: 'the vmcp binary validates passthroughHeaders at start and exits',
  },
];

/** pkg/transport/middleware RestrictedHeaders plus vMCP's Authorization and Cookie (canonical case). */
const RESTRICTED = new Set([
  'Host', 'Connection', 'Keep-Alive', 'Te', 'Trailer', 'Upgrade', 'Http2-Settings', 'Proxy-Authorization', 'Proxy-Authenticate',
  'Proxy-Connection', 'Transfer-Encoding', 'Content-Length', 'Forwarded', 'X-Forwarded-For', 'X-Forwarded-Host', 'X-Forwarded-Proto',
  'X-Real-Ip', 'Authorization', 'Cookie',
]);
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Go's `http.CanonicalHeaderKey`: unchanged when not a valid token, else Title-Case per `-` part. */
export function canonicalHeaderKey(s: string): string {
  if (!TOKEN.test(s)) return s;
  let upper = true;
  let out = '';
  for (const c of s) {
    out += upper ? c.toUpperCase() : c.toLowerCase();
    upper = c === '-';
  }
  return out;
}

function passthroughProblem(name: string, i: number): string | undefined {
  if (name === '') return `passthroughHeaders[${i}]: header name must not be empty`;
  const canonical = canonicalHeaderKey(name);
  if (RESTRICTED.has(canonical)) return `passthroughHeaders[${i}]: ${goQuote(canonical)} is a restricted header and cannot be forwarded`;
  // toolhive-core validation/http ValidateHeaderName
  if (Buffer.byteLength(name, 'utf8') > 256) return `passthroughHeaders[${i}]: invalid header name ${goQuote(name)}: header name exceeds maximum length of 256 bytes`;
  if (!TOKEN.test(name)) return `passthroughHeaders[${i}]: invalid header name ${goQuote(name)}: invalid HTTP header name: contains invalid characters`;
  return undefined;
}

export function virtualMCPServerLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('VirtualMCPServer')) {
    const spec = dict(entry.defaulted.spec);
    if (!spec) continue;
    const config = dict(spec.config);
    const report = (path: string, rule: string, message: string) => out.push(violation(entry, path, rule, message));

    // mirrors validateBackendAuth for each spec.outgoingAuth.backends entry (default is not checked there)
    const backends = dict(dict(spec.outgoingAuth)?.backends) ?? {};
    for (const name of Object.keys(backends)) {
      const backend = dict(backends[name]);
      if (str(backend?.type) !== 'externalAuthConfigRef') continue;
      const path = `spec.outgoingAuth.backends[${name}].externalAuthConfigRef`;
      const ref = dict(backend?.externalAuthConfigRef);
      if (!ref) report(path, 'operator.vmcp.backend-auth', `spec.outgoingAuth.backends[${name}].externalAuthConfigRef is required when type is externalAuthConfigRef`);
      else if ((str(ref.name) ?? '') === '') report(`${path}.name`, 'operator.vmcp.backend-auth', `spec.outgoingAuth.backends[${name}].externalAuthConfigRef.name is required`);
    }

    // mirrors validateAggregation
    const agg = dict(config?.aggregation);
    if (agg) {
      const resolutionConfig = dict(agg.conflictResolutionConfig);
      if (str(agg.conflictResolution) === 'priority' && resolutionConfig && list(resolutionConfig.priorityOrder).length === 0) {
        report('spec.config.aggregation.conflictResolutionConfig.priorityOrder', 'operator.vmcp.aggregation',
          'config.aggregation.conflictResolutionConfig.priorityOrder is required when conflictResolution is priority');
      }
      list(agg.tools).forEach((t, i) => {
        const tool = dict(t);
        if (!tool) return;
        if ((str(tool.workload) ?? '') === '') {
          report(`spec.config.aggregation.tools[${i}].workload`, 'operator.vmcp.aggregation', `config.aggregation.tools[${i}].workload is required`);
        } else if (tool.toolConfigRef !== undefined && (str(dict(tool.toolConfigRef)?.name) ?? '') === '') {
          report(`spec.config.aggregation.tools[${i}].toolConfigRef.name`, 'operator.vmcp.aggregation',
            `config.aggregation.tools[${i}].toolConfigRef.name is required when toolConfigRef is specified`);
        }
      });
    }

    // mirrors validateEmbeddingServer
    const ref = spec.embeddingServerRef;
    if (ref !== undefined && (str(dict(ref)?.name) ?? '') === '') {
      report('spec.embeddingServerRef.name', 'operator.vmcp.embedding', 'spec.embeddingServerRef.name is required');
    }
    const optimizer = dict(config?.optimizer);
    if (optimizer && ref === undefined && (str(optimizer.embeddingService) ?? '') === '') {
      report('spec.config.optimizer', 'operator.vmcp.embedding',
        'spec.config.optimizer requires an embedding service: set spec.embeddingServerRef (recommended) or spec.config.optimizer.embeddingService');
    }

    // the operator copies spec.passthroughHeaders over config.passthroughHeaders when it is non-empty
    const own = list(spec.passthroughHeaders);
    const [headers, base] = own.length > 0 ? [own, 'spec.passthroughHeaders'] : [list(config?.passthroughHeaders), 'spec.config.passthroughHeaders'];
    headers.forEach((h, i) => {
      if (typeof h !== 'string') return;
      // mirrors pkg/vmcp/config validatePassthroughHeaders (the vMCP pod refuses to start)
      const problem = passthroughProblem(h, i);
      if (problem) report(`${base}[${i}]`, 'operator.vmcp.passthrough-headers', problem);
    });

    out.push(...sessionStorageAdvisory(entry, spec));
    out.push(...rateLimitRefillPeriods(entry, config?.rateLimiting, 'spec.config.rateLimiting'));
  }
  return out;
}
