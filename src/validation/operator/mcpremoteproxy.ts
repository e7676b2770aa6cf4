/**
 * MCPRemoteProxy advisories (controllers/mcpremoteproxy_controller.go validateAndHandleConfigs). The
 * proxy's SSRF check lives in remote-url.ts and its inline Cedar syntax check in mcpauthzconfig.ts.
 */
import { primaryUpstreamIgnored, sessionStorageAdvisory } from './advisories';
import type { ManifestSet, RuleDoc, Violation } from '../../core/types';
import { dict } from '../../core/util';

/** The rules are documented in advisories.ts (shared with MCPServer and VirtualMCPServer). */
export const RULE_DOCS: readonly RuleDoc[] = [];

export function mcpRemoteProxyLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('MCPRemoteProxy')) {
    const spec = dict(entry.defaulted.spec);
    if (!spec) continue;
    out.push(...primaryUpstreamIgnored(entry, spec, 'MCPRemoteProxy'));
    out.push(...sessionStorageAdvisory(entry, spec));
  }
  return out;
}
