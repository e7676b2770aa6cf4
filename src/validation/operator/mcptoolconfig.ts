/**
 * MCPToolConfig has no validation of its own (always Valid=True), but MCPServer and MCPRemoteProxy
 * copy `toolsFilter` into their RunConfig and `validateRunConfig` rejects bad entries there.
 */
import type { ManifestSet, RuleDoc, Violation } from '../../core/types';
import { dict, list, violation } from '../../core/util';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.toolconfig.tools-filter',
    checks: 'toolsFilter entries are non-empty and contain no comma or newline',
    source: 'controllers/mcpserver_runconfig.go validateToolsFilter (and mcpremoteproxy_runconfig.go validateRunConfigForRemoteProxy)',
    example: 'tool filter cannot contain empty values',
  },
];

export function toolConfigLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('MCPToolConfig')) {
    list(dict(entry.defaulted.spec)?.toolsFilter).forEach((t, i) => {
      if (typeof t !== 'string') return;
      // mirrors validateToolsFilter, run on every MCPServer/MCPRemoteProxy RunConfig that uses this config
      if (t === '') out.push(violation(entry, `spec.toolsFilter[${i}]`, 'operator.toolconfig.tools-filter', 'tool filter cannot contain empty values'));
      else if (/[,\n\r]/.test(t)) out.push(violation(entry, `spec.toolsFilter[${i}]`, 'operator.toolconfig.tools-filter', `invalid tool name: ${t}, cannot contain commas or newlines`));
    });
  }
  return out;
}
