/**
 * What the vmcp binary validates at start (pkg/vmcp/config/validator.go DefaultValidator.Validate, run by
 * pkg/vmcp/cli serve.go), over the config the operator assembles from the VirtualMCPServer and the objects it
 * references (cmd/thv-operator/pkg/vmcpconfig/converter.go Convert):
 *
 * - composite tools: convertAllCompositeTools appends the referenced VirtualMCPCompositeToolDefinitions to the
 *   inline tools, and validateCompositeTools runs ValidateCompositeToolConfig(`compositeTools[i]`) over all of
 *   them. The inline ones are checked on the spec (composite-tools.ts); here the referenced ones, at their index
 *   in the assembled list, on the VirtualMCPServer, naming the definition.
 * - aggregation: convertAggregation applies the conflict-resolution defaults (applyConflictResolutionDefaults) and
 *   merges each tools[].toolConfigRef MCPToolConfig into its entry (mergeToolConfigFilter, mergeToolConfigOverrides:
 *   inline overrides win); validateAggregation then checks the strategy, defaultToolVisibility deny against
 *   priorityOrder, duplicate workloads and that every override sets a name or a description.
 *
 * - outgoing auth and operational: the strategies and settings the CRD schema leaves open (vmcp-runtime-checks.ts);
 *   the cross-checks with the embedded auth server are in virtualmcpserver-auth.ts.
 */
import { checkCompositeTool } from './composite-tools';
import { goQuote as q } from './go/quote';
import { checkRuntimeSections } from './vmcp-runtime-checks';
import type { ManifestSet, ObjectEntry, RuleDoc, Violation } from '../../core/types';
import { dict, isDict, list, str, violation, type Dict } from '../../core/util';

const AGGREGATION = 'operator.vmcp.runtime-aggregation';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: AGGREGATION,
    checks: 'the aggregation config the operator assembles (conflict-resolution defaults, MCPToolConfig overrides merged through tools[].toolConfigRef) passes the vMCP start-time validation: prefix needs a non-empty prefixFormat (an explicit "" is kept), priority needs priorityOrder and manual needs tools entries, defaultToolVisibility deny needs a tools entry for every priorityOrder workload, workloads are listed once, and every tool override sets a name or a description',
    source: 'pkg/vmcp/config/validator.go validateAggregation (validateConflictStrategy, validateDenyVisibilityPriorityOrder, validateToolConfigurations, validateToolOverrides) over pkg/vmcpconfig/converter.go convertAggregation',
    example: 'tools[0].overrides.fetch: at least one of name or description must be specified (from MCPToolConfig "fetch-tools" spec.toolsOverride[fetch])',
    severityReason: 'the vmcp binary validates its config at start and exits',
  },
];

/** A tool override of the assembled config and where it comes from. */
interface Override {
  readonly value: Dict;
  /** The MCPToolConfig it was merged from; undefined for an inline override. */
  readonly from?: string;
}

/** `convertAggregation` for one VirtualMCPServer: the strategy after defaults and each tools entry after the merge. */
function assembleAggregation(set: ManifestSet, entry: ObjectEntry, agg: Dict | undefined) {
  const strategy = str(agg?.conflictResolution) || 'prefix';
  const resolution = dict(agg?.conflictResolutionConfig);
  const tools = list(agg?.tools).filter(isDict).map((tool, index) => {
    const overrides = new Map<string, Override>();
    const inline = dict(tool.overrides) ?? {};
    for (const name of Object.keys(inline)) {
      const o = dict(inline[name]);
      if (o) overrides.set(name, { value: o });
    }
    const refName = str(dict(tool.toolConfigRef)?.name);
    const config = refName ? set.get('MCPToolConfig', entry.namespace, refName) : undefined;
    const merged = dict(dict(config?.defaulted.spec)?.toolsOverride) ?? {};
    // mergeToolConfigOverrides: an override from the MCPToolConfig is added only when no inline one has the name
    for (const name of Object.keys(merged)) {
      const o = dict(merged[name]);
      if (o && !overrides.has(name)) overrides.set(name, { value: o, from: refName });
    }
    return { index, workload: str(tool.workload) ?? '', overrides };
  });
  // applyConflictResolutionDefaults copies a given conflictResolutionConfig as is: an explicit "" prefixFormat stays empty
  const prefixFormat = resolution ? str(resolution.prefixFormat) ?? '' : '{workload}_';
  return { strategy, prefixFormat, priorityOrder: list(resolution?.priorityOrder), hasResolutionConfig: resolution !== undefined, tools, visibility: str(agg?.defaultToolVisibility) ?? '' };
}

function checkAggregation(set: ManifestSet, entry: ObjectEntry, config: Dict | undefined, out: Violation[]): void {
  const aggPath = 'spec.config.aggregation';
  const a = assembleAggregation(set, entry, dict(config?.aggregation));
  const report = (path: string, message: string) => out.push(violation(entry, path, AGGREGATION, message));
  // validateConflictStrategy; with a conflictResolutionConfig, VirtualMCPServer.Validate reports priority first (virtualmcpserver.ts)
  if (a.strategy === 'prefix' && a.prefixFormat === '') {
    report(`${aggPath}.conflictResolutionConfig.prefixFormat`, 'prefixFormat is required for prefix strategy');
    return;
  }
  if (a.strategy === 'priority' && a.priorityOrder.length === 0 && !a.hasResolutionConfig) {
    report(`${aggPath}.conflictResolution`, 'priorityOrder is required for priority strategy');
    return;
  }
  if (a.strategy === 'manual' && a.tools.length === 0) {
    report(`${aggPath}.conflictResolution`, 'tool overrides are required for manual strategy');
    return;
  }
  // validateDenyVisibilityPriorityOrder
  if (a.visibility === 'deny' && a.strategy === 'priority') {
    const listed = new Set(a.tools.map(t => t.workload));
    for (const w of a.priorityOrder) {
      if (typeof w !== 'string' || listed.has(w)) continue;
      report(`${aggPath}.conflictResolutionConfig.priorityOrder`,
        `defaultToolVisibility deny with priority strategy: priorityOrder entry ${q(w)} has no tools entry; it could win a name conflict and then be withheld, hiding the tool entirely. Add a tools entry for ${q(w)} or remove it from priorityOrder`);
      return;
    }
  }
  // validateToolConfigurations (an empty workload is VirtualMCPServer.Validate's, virtualmcpserver.ts)
  const seen = new Set<string>();
  for (const t of a.tools) {
    if (t.workload === '') continue;
    if (seen.has(t.workload)) {
      report(`${aggPath}.tools[${t.index}].workload`, `duplicate workload configuration: ${t.workload}`);
      continue;
    }
    seen.add(t.workload);
    for (const [name, o] of t.overrides) {
      if ((str(o.value.name) ?? '') !== '' || (str(o.value.description) ?? '') !== '') continue;
      // validateToolOverrides: annotations alone are not enough for the vMCP
      if (o.from) {
        report(`${aggPath}.tools[${t.index}].toolConfigRef.name`,
          `tools[${t.index}].overrides.${name}: at least one of name or description must be specified (from MCPToolConfig ${q(o.from)} spec.toolsOverride[${name}])`);
      } else {
        report(`${aggPath}.tools[${t.index}].overrides[${name}]`, `tools[${t.index}].overrides.${name}: at least one of name or description must be specified`);
      }
    }
  }
}

/** `convertAllCompositeTools` then `validateCompositeTools`, for the referenced definitions. */
function checkReferencedCompositeTools(set: ManifestSet, entry: ObjectEntry, config: Dict | undefined, out: Violation[]): void {
  let index = list(config?.compositeTools).length;
  const used = new Set<string>();
  list(config?.compositeToolRefs).forEach((r, j) => {
    const name = str(dict(r)?.name);
    const def = name ? set.get('VirtualMCPCompositeToolDefinition', entry.namespace, name) : undefined;
    const spec = dict(def?.defaulted.spec);
    if (!name || !spec || used.has(name)) return; // missing: the references layer; repeated: a duplicate name (composite-tools.ts)
    used.add(name);
    const prefix = `compositeTools[${index++}]`;
    checkCompositeTool(spec, prefix, {
      report: (_path, rule, message) => out.push(violation(entry, `spec.config.compositeToolRefs[${j}].name`, rule,
        `${message} (from VirtualMCPCompositeToolDefinition ${q(name)}, which the vMCP validates at start)`)),
    });
  });
}

/** Layer: the vMCP start-time validation over what the operator assembles by reference. */
export function vmcpRuntimeConfigLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('VirtualMCPServer')) {
    const config = dict(dict(entry.defaulted.spec)?.config);
    checkAggregation(set, entry, config, out);
    checkReferencedCompositeTools(set, entry, config, out);
    const spec = dict(entry.defaulted.spec);
    if (spec) checkRuntimeSections(set, entry, spec, out);
  }
  return out;
}
