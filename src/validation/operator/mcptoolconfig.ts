/**
 * MCPToolConfig has no validation of its own (its controller sets no Valid=False), but the consumers that copy
 * `toolsFilter` into their RunConfig check it there: MCPServer (controllers/mcpserver_runconfig.go
 * validateToolsFilter: empty entries, commas, newlines) and MCPRemoteProxy (controllers/mcpremoteproxy_runconfig.go
 * validateRunConfigForRemoteProxy: empty entries only). The VirtualMCPServer converter merges the filter into
 * its aggregation config (pkg/vmcpconfig converter.go mergeToolConfigFilter) and nothing checks it there, so a
 * config only a vMCP reads is not reported. The finding goes on the consumer, naming the MCPToolConfig.
 */
import { goQuote } from './go/quote';
import type { ManifestSet, ObjectEntry, RuleDoc, Violation } from '../../core/types';
import { dict, list, str, violation } from '../../core/util';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.toolconfig.tools-filter',
    checks: 'the toolsFilter of the MCPToolConfig an MCPServer references has no empty entry and none with a comma or newline; for an MCPRemoteProxy, no empty entry (a VirtualMCPServer does not check it)',
    source: 'controllers/mcpserver_runconfig.go validateToolsFilter, controllers/mcpremoteproxy_runconfig.go validateRunConfigForRemoteProxy',
    example: 'invalid RunConfig: invalid tool name: fetch,search, cannot contain commas or newlines (MCPToolConfig "tools" spec.toolsFilter[0])',
    severityReason: 'the consumer\'s RunConfig validation fails, so its RunConfig ConfigMap is not written and the reconcile fails',
  },
];

/** The first problem `validateToolsFilter` (MCPServer) or the remote proxy's loop finds, with its index. */
function firstProblem(filter: readonly unknown[], commas: boolean): { index: number; message: string } | undefined {
  for (let i = 0; i < filter.length; i++) {
    const t = filter[i];
    if (typeof t !== 'string') continue;
    if (t === '') return { index: i, message: 'tool filter cannot contain empty values' };
    if (commas && /[,\n\r]/.test(t)) return { index: i, message: `invalid tool name: ${t}, cannot contain commas or newlines` };
  }
  return undefined;
}

function checkConsumer(set: ManifestSet, entry: ObjectEntry, out: Violation[]): void {
  const refName = str(dict(dict(entry.defaulted.spec)?.toolConfigRef)?.name);
  const config = refName ? set.get('MCPToolConfig', entry.namespace, refName) : undefined;
  if (!config) return; // a missing MCPToolConfig is the references layer's
  const problem = firstProblem(list(dict(config.defaulted.spec)?.toolsFilter), entry.kind === 'MCPServer');
  if (!problem) return;
  // mirrors ensureRunConfigConfigMap: "invalid RunConfig: " wraps the validation error
  out.push(violation(entry, 'spec.toolConfigRef.name', 'operator.toolconfig.tools-filter',
    `invalid RunConfig: ${problem.message} (MCPToolConfig ${goQuote(config.name)} spec.toolsFilter[${problem.index}])`));
}

export function toolConfigLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const kind of ['MCPServer', 'MCPRemoteProxy']) {
    for (const entry of set.ofKind(kind)) checkConsumer(set, entry, out);
  }
  return out;
}
