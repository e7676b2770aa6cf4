/**
 * Composite tool checks, `config.ValidateCompositeToolConfig` (pkg/vmcp/config/composite_validation.go),
 * for VirtualMCPCompositeToolDefinition (prefix `spec`) and VirtualMCPServer inline tools (prefix
 * `spec.config.compositeTools[i]`), plus composite tool name uniqueness across inline tools and
 * referenced definitions. The vMCP binary runs the same checks at start, so a definition that fails
 * them breaks every vMCP that references it.
 *
 * Go returns the first error of each phase; this reports every step's first error. Not reproduced:
 * JSON Schema validation of `parameters`/`schema` (gojsonschema), and checks the CRD schema already
 * makes unreachable (step type enum and default, onError/onDecline/onCancel action enums and defaults,
 * timeout pattern).
 */
import { goQuote } from './go/quote';
import { checkGoTemplate } from './go/template';
import type { ManifestSet, ObjectEntry, RuleDoc, Violation } from '../../core/types';
import { dict, isDict, list, num, str, violation } from '../../core/util';

const SOURCE = 'pkg/vmcp/config/composite_validation.go ValidateCompositeToolConfig';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.composite-tool.fields',
    checks: 'a composite tool has a name, a description (Go requires it, the CRD does not) and at least one step; parameters is a JSON Schema of type object',
    source: SOURCE,
    example: 'spec.description is required',
    severityReason: 'the vmcp binary runs ValidateCompositeToolConfig over every composite tool at start and exits',
  },
  {
    id: 'operator.composite-tool.step-id',
    checks: 'every step has an id and ids are unique',
    source: `${SOURCE} → ValidateWorkflowSteps`,
    example: 'spec.steps[1].id "fetch" is duplicated',
    severityReason: 'the vmcp binary runs ValidateCompositeToolConfig over every composite tool at start and exits',
  },
  {
    id: 'operator.composite-tool.step',
    checks: 'step type requirements: tool steps name a valid tool (^[a-zA-Z0-9][a-zA-Z0-9._-]*$), elicitation steps have a message, forEach steps have a collection and a tool inner step and respect itemVar/maxParallel/maxIterations limits; onError retry needs retryCount >= 1',
    source: `${SOURCE} → ValidateWorkflowStep`,
    example: 'spec.steps[0].tool is required when type is tool',
    severityReason: 'the vmcp binary runs ValidateCompositeToolConfig over every composite tool at start and exits',
  },
  {
    id: 'operator.composite-tool.template',
    checks: 'step arguments (string values), condition, message, forEach collection and inner-step arguments parse as Go text/template (functions json, quote, fromJson plus the builtins)',
    source: `${SOURCE} → ValidateTemplate`,
    example: 'spec.steps[0].arguments[query]: invalid template: invalid template syntax: template: validation:1: unclosed action',
    severityReason: 'the vmcp binary runs ValidateCompositeToolConfig over every composite tool at start and exits',
  },
  {
    id: 'operator.composite-tool.depends-on',
    checks: 'dependsOn names existing step ids and the dependency graph has no cycle',
    source: `${SOURCE} → ValidateStepDependencies, ValidateDependencyCycles`,
    example: 'spec.steps: dependency cycle detected involving step "a"',
    severityReason: 'the vmcp binary runs ValidateCompositeToolConfig over every composite tool at start and exits',
  },
  {
    id: 'operator.composite-tool.default-results',
    checks: 'a step that may be skipped (condition, or onError continue) declares defaultResults for every output field later steps or the output read',
    source: `${SOURCE} → ValidateDefaultResultsForSteps`,
    example: 'spec.steps[fetch].defaultResults[data] is required: step "fetch" may be skipped and field "data" is referenced by step summarize',
    severityReason: 'the vmcp binary runs ValidateCompositeToolConfig over every composite tool at start and exits',
  },
  {
    id: 'operator.composite-tool.duplicate-name',
    checks: 'composite tool names are unique across a VirtualMCPServer\'s inline tools and referenced definitions, and no definition is referenced twice',
    source: 'VirtualMCPServer Validate (inline), pkg/vmcpconfig/converter.go validateCompositeToolNames, pkg/vmcp/config/validator.go (duplicate reference)',
    example: 'invalid composite tools: duplicate composite tool name: "deploy"',
    severityReason: 'VirtualMCPServer Validate and the converter (validateCompositeToolNames) fail the reconcile; a duplicate reference fails the vmcp start-time validation',
  },
];

/** The FuncMap the vMCP template expander registers (pkg/templates FuncMap). */
const TEMPLATE_FUNCS = ['json', 'quote', 'fromJson'];
const TOOL_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;
const GO_IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const MAX_PARALLEL = 50;
const MAX_ITERATIONS = 1000;

interface Sink {
  report(path: string, rule: string, message: string): void;
}

function templateError(s: string): string | undefined {
  const r = checkGoTemplate(s, 'validation', TEMPLATE_FUNCS);
  return r.error && `invalid template syntax: ${r.error}`;
}

/** The `.steps.<id>.output.<field>` references of a template (what `templates.ExtractReferences` finds). */
function stepFieldRefs(s: string): { stepId: string; field: string }[] {
  const r = checkGoTemplate(s, 'extract', TEMPLATE_FUNCS);
  if (r.error) return [];
  const out: { stepId: string; field: string }[] = [];
  for (const f of r.fields) {
    const parts = f.split('.');
    if (parts[0] === 'steps' && parts.length >= 4 && parts[2] === 'output') out.push({ stepId: parts[1], field: parts[3] });
  }
  return out;
}

/** Arguments map: template-check each string value (`ValidateStepTemplates` / forEach inner step). */
function checkArguments(args: unknown, prefix: string, sink: Sink): boolean {
  const map = dict(args);
  if (!map) return true;
  for (const name of Object.keys(map)) {
    const value = map[name];
    if (typeof value !== 'string') continue;
    const err = templateError(value);
    if (err) {
      sink.report(`${prefix}.arguments[${name}]`, 'operator.composite-tool.template', `${prefix}.arguments[${name}]: invalid template: ${err}`);
      return false;
    }
  }
  return true;
}

/** `ValidateForEachStep` (after the type check): first problem only. */
function checkForEach(step: Record<string, unknown>, p: string, sink: Sink): boolean {
  // mirrors ValidateForEachStep, validateForEachInnerStep, validateForEachLimits
  const fail = (field: string, message: string) => {
    sink.report(`${p}${field}`, field === '.collection' && message.includes('invalid template') ? 'operator.composite-tool.template' : 'operator.composite-tool.step', message);
    return false;
  };
  if ((str(step.tool) ?? '') !== '') return fail('.tool', `${p}: forEach step must not have 'tool' field`);
  if ((str(step.message) ?? '') !== '') return fail('.message', `${p}: forEach step must not have 'message' field`);
  const collection = str(step.collection) ?? '';
  if (collection === '') return fail('.collection', `${p}.collection is required for forEach steps`);
  const collectionErr = templateError(collection);
  if (collectionErr) return fail('.collection', `${p}.collection: invalid template: ${collectionErr}`);
  const inner = dict(step.step);
  if (!inner) return fail('.step', `${p}.step is required for forEach steps`);
  const innerType = str(inner.type) || 'tool';
  if (innerType !== 'tool') return fail('.step.type', `${p}.step.type must be 'tool' (got ${goQuote(innerType)}); only tool inner steps are supported`);
  const innerTool = str(inner.tool) ?? '';
  if (innerTool === '') return fail('.step.tool', `${p}.step.tool is required for tool inner steps`);
  if (!TOOL_NAME.test(innerTool)) return fail('.step.tool', `${p}.step.tool must be a valid tool name`);
  if (!checkArguments(inner.arguments, `${p}.step`, sink)) return false;
  const itemVar = str(step.itemVar) ?? '';
  if (itemVar !== '') {
    if (!GO_IDENTIFIER.test(itemVar)) return fail('.itemVar', `${p}.itemVar must be a valid Go identifier (got ${goQuote(itemVar)})`);
    if (itemVar === 'index') return fail('.itemVar', `${p}.itemVar cannot be 'index' (reserved)`);
  }
  const maxParallel = num(step.maxParallel) ?? 0;
  if (maxParallel < 0) return fail('.maxParallel', `${p}.maxParallel must be non-negative`);
  if (maxParallel > MAX_PARALLEL) return fail('.maxParallel', `${p}.maxParallel must be <= ${MAX_PARALLEL} (got ${maxParallel})`);
  const maxIterations = num(step.maxIterations) ?? 0;
  if (maxIterations < 0) return fail('.maxIterations', `${p}.maxIterations must be non-negative`);
  if (maxIterations > MAX_ITERATIONS) return fail('.maxIterations', `${p}.maxIterations must be <= ${MAX_ITERATIONS} (got ${maxIterations})`);
  return true;
}

/** `ValidateWorkflowStep`: type, templates, dependencies, error handling; the first problem only. */
function checkStep(step: Record<string, unknown>, p: string, ids: ReadonlySet<string>, sink: Sink): void {
  const type = str(step.type) || 'tool';
  const fail = (field: string, rule: string, message: string) => sink.report(`${p}${field}`, rule, message);
  // mirrors ValidateStepType (tool name regex IsValidToolReference)
  if (type === 'tool') {
    const tool = str(step.tool) ?? '';
    if (tool === '') return fail('.tool', 'operator.composite-tool.step', `${p}.tool is required when type is tool`);
    if (!TOOL_NAME.test(tool)) return fail('.tool', 'operator.composite-tool.step', `${p}.tool must be a valid tool name`);
  } else if (type === 'elicitation') {
    if ((str(step.message) ?? '') === '') return fail('.message', 'operator.composite-tool.step', `${p}.message is required when type is elicitation`);
  } else if (type === 'forEach') {
    if (!checkForEach(step, p, sink)) return;
  } else {
    return; // the CRD enum rejects other types
  }

  // mirrors ValidateStepTemplates (arguments, condition, message)
  if (!checkArguments(step.arguments, p, sink)) return;
  for (const field of ['condition', 'message'] as const) {
    const value = str(step[field]) ?? '';
    const err = value !== '' ? templateError(value) : undefined;
    if (err) return fail(`.${field}`, 'operator.composite-tool.template', `${p}.${field}: invalid template: ${err}`);
  }

  // mirrors ValidateStepDependencies
  for (const dep of list(step.dependsOn)) {
    if (typeof dep === 'string' && !ids.has(dep)) {
      return fail('.dependsOn', 'operator.composite-tool.depends-on', `${p}.dependsOn references unknown step ${goQuote(dep)}`);
    }
  }

  // mirrors ValidateStepErrorHandling
  const onError = dict(step.onError);
  // retry without retryCount is rejected (the examples' maxRetries does not exist)
  if (str(onError?.action) === 'retry' && (num(onError?.retryCount) ?? 0) < 1) {
    return fail('.onError.retryCount', 'operator.composite-tool.step', `${p}.onError.retryCount must be at least 1 when action is retry`);
  }
}

/** `ValidateDependencyCycles`, walking steps in order (Go walks a map, so its reported step may differ). */
function findCycle(steps: Record<string, unknown>[]): string | undefined {
  const graph = new Map<string, string[]>();
  for (const s of steps) graph.set(str(s.id) ?? '', list(s.dependsOn).filter((d): d is string => typeof d === 'string'));
  const visited = new Set<string>();
  const onStack = new Set<string>();
  const visit = (id: string): boolean => {
    visited.add(id);
    onStack.add(id);
    for (const dep of graph.get(id) ?? []) {
      if (!visited.has(dep)) {
        if (visit(dep)) return true;
      } else if (onStack.has(dep)) {
        return true;
      }
    }
    onStack.delete(id);
    return false;
  };
  for (const id of graph.keys()) {
    if (!visited.has(id) && visit(id)) return id;
  }
  return undefined;
}

/** Output property values (recursively) as templates. */
function outputTemplates(props: unknown): string[] {
  const out: string[] = [];
  const map = dict(props);
  for (const key of Object.keys(map ?? {})) {
    const prop = dict(map![key]);
    const value = str(prop?.value) ?? '';
    if (value !== '') out.push(value);
    out.push(...outputTemplates(prop?.properties));
  }
  return out;
}

/** `ValidateDefaultResultsForSteps`. */
function checkDefaultResults(steps: Record<string, unknown>[], stepsPath: string, output: unknown, sink: Sink): void {
  const skippable = new Map<string, { index: number; defaults: Set<string> }>();
  steps.forEach((s, index) => {
    const mayBeSkipped = (str(s.condition) ?? '') !== '' || str(dict(s.onError)?.action) === 'continue';
    if (mayBeSkipped) skippable.set(str(s.id) ?? '', { index, defaults: new Set(Object.keys(dict(s.defaultResults) ?? {})) });
  });
  if (skippable.size === 0) return;
  const reported = new Set<string>();
  const checkRefs = (templates: string[], by: string) => {
    const seen = new Set<string>();
    for (const t of templates) {
      for (const ref of stepFieldRefs(t)) {
        const key = `${ref.stepId}\u0000${ref.field}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const target = skippable.get(ref.stepId);
        if (!target || target.defaults.has(ref.field) || reported.has(`${key}\u0000${by}`)) continue;
        reported.add(`${key}\u0000${by}`);
        sink.report(`${stepsPath}[${target.index}].defaultResults`, 'operator.composite-tool.default-results',
          `${stepsPath}[${ref.stepId}].defaultResults[${ref.field}] is required: step ${goQuote(ref.stepId)} may be skipped and field ${goQuote(ref.field)} is referenced by ${by}`);
      }
    }
  };
  for (const s of steps) {
    const args = Object.values(dict(s.arguments) ?? {}).filter((v): v is string => typeof v === 'string');
    const templates = [str(s.condition) ?? '', ...args, str(s.message) ?? ''].filter(t => t !== '');
    checkRefs(templates, `step ${str(s.id) ?? ''}`);
  }
  const out = dict(output);
  if (out) checkRefs(outputTemplates(out.properties), 'output');
}

/** `ValidateCompositeToolConfig(prefix, tool)` — every problem goes to `sink`. */
export function checkCompositeTool(tool: Record<string, unknown>, prefix: string, sink: Sink): void {
  const fields = (field: string, message: string) => sink.report(`${prefix}${field}`, 'operator.composite-tool.fields', message);
  // mirrors ValidateCompositeToolConfig required fields and ValidateParameters (JSON Schema validation itself is not reproduced)
  if ((str(tool.name) ?? '') === '') fields('.name', `${prefix}.name is required`);
  if ((str(tool.description) ?? '') === '') fields('.description', `${prefix}.description is required`);
  const steps = list(tool.steps).filter(isDict);
  if (steps.length === 0) fields('.steps', `${prefix}.steps must have at least one step`);

  const params = dict(tool.parameters);
  if (params && Object.keys(params).length > 0) {
    if (!('type' in params)) fields('.parameters', `${prefix}.parameters: must have 'type' field (should be 'object' for JSON Schema)`);
    else if (typeof params.type !== 'string') fields('.parameters.type', `${prefix}.parameters: 'type' field must be a string`);
    else if (params.type !== 'object') fields('.parameters.type', `${prefix}.parameters: 'type' must be 'object' (got '${params.type}')`);
  }
  if (steps.length === 0) return;

  const stepsPath = `${prefix}.steps`;
  // mirrors ValidateWorkflowSteps first pass: ids present and unique; Go stops the step checks at the first id problem
  const ids = new Set<string>();
  for (let i = 0; i < steps.length; i++) {
    const id = str(steps[i].id) ?? '';
    if (id === '') {
      sink.report(`${stepsPath}[${i}].id`, 'operator.composite-tool.step-id', `${stepsPath}[${i}].id is required`);
      return;
    }
    if (ids.has(id)) {
      sink.report(`${stepsPath}[${i}].id`, 'operator.composite-tool.step-id', `${stepsPath}[${i}].id ${goQuote(id)} is duplicated`);
      return;
    }
    ids.add(id);
  }
  steps.forEach((s, i) => checkStep(s, `${stepsPath}[${i}]`, ids, sink));
  // mirrors ValidateDependencyCycles
  const cycle = findCycle(steps);
  if (cycle !== undefined) {
    sink.report(stepsPath, 'operator.composite-tool.depends-on', `${stepsPath}: dependency cycle detected involving step ${goQuote(cycle)}`);
  }
  // mirrors ValidateDefaultResultsForSteps
  checkDefaultResults(steps, stepsPath, tool.output, sink);
}

function sinkFor(entry: ObjectEntry, out: Violation[]): Sink {
  return { report: (path, rule, message) => out.push(violation(entry, path, rule, message)) };
}

export function compositeToolsLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('VirtualMCPCompositeToolDefinition')) {
    const spec = dict(entry.defaulted.spec);
    // mirrors (*VirtualMCPCompositeToolDefinition).Validate: ValidateCompositeToolConfig("spec", ...), run by the vMCP at start
    if (spec) checkCompositeTool(spec, 'spec', sinkFor(entry, out));
  }
  for (const entry of set.ofKind('VirtualMCPServer')) {
    const config = dict(dict(entry.defaulted.spec)?.config);
    if (!config) continue;
    const sink = sinkFor(entry, out);
    const names = new Set<string>();
    list(config.compositeTools).forEach((t, i) => {
      const tool = dict(t);
      if (!tool) return;
      const name = str(tool.name) ?? '';
      // mirrors (*VirtualMCPServer).validateCompositeTools: duplicate inline names, then the shared validation
      if (names.has(name)) {
        sink.report(`spec.config.compositeTools[${i}].name`, 'operator.composite-tool.duplicate-name', `spec.config.compositeTools[${i}].name ${goQuote(name)} is duplicated`);
      }
      names.add(name);
      checkCompositeTool(tool, `spec.config.compositeTools[${i}]`, sink);
    });
    const refs = new Set<string>();
    list(config.compositeToolRefs).forEach((r, i) => {
      const refName = str(dict(r)?.name);
      if (refName === undefined) return;
      // mirrors pkg/vmcp/config/validator.go: each definition may be referenced once
      if (refs.has(refName)) {
        sink.report(`spec.config.compositeToolRefs[${i}].name`, 'operator.composite-tool.duplicate-name', `duplicate composite tool reference: ${refName}`);
        return;
      }
      refs.add(refName);
      const def = set.get('VirtualMCPCompositeToolDefinition', entry.namespace, refName);
      const toolName = str(dict(def?.defaulted.spec)?.name);
      if (toolName === undefined) return; // missing definition: the references layer reports it
      // mirrors converter.go convertAllCompositeTools → validateCompositeToolNames over inline + referenced tools
      if (names.has(toolName)) {
        sink.report(`spec.config.compositeToolRefs[${i}].name`, 'operator.composite-tool.duplicate-name', `invalid composite tools: duplicate composite tool name: ${goQuote(toolName)}`);
      }
      names.add(toolName);
    });
  }
  return out;
}
