/**
 * Layer 3: the CRDs' `x-kubernetes-validations` rules, evaluated with a real CEL engine (@bufbuild/cel)
 * on the defaulted object, at every data node the rule's schema location reaches.
 */
import { celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { costEstimator, type CostEstimator } from './cel-cost';
import type { SchemaNode } from '../schema/types';

type CelProgram = (ctx: { self: unknown }) => unknown;

export interface CompiledRule {
  readonly rule: string;
  readonly message: string;
  /** Why the rule cannot run at all (parse error, unknown function); undefined when it compiled. */
  readonly compileError?: string;
  readonly program?: CelProgram;
  /**
   * When the rule reads `self` only through its fields (`self.a`, `has(self.b)`): each field, and whether the
   * rule tests only its presence. Then the outcome depends on nothing else, which lets callers reuse it.
   */
  readonly selfFields?: ReadonlyMap<string, 'presence' | 'value'>;
  /** An upper bound of the rule's evaluation cost on a node's data (see cel-cost.ts). */
  readonly cost?: CostEstimator;
}

let env: ReturnType<typeof celEnv> | undefined;
const compiled = new Map<string, CompiledRule>();

/**
 * Functions and macros the Kubernetes CEL environment offers that this evaluator implements. A rule that
 * calls anything else (e.g. the Kubernetes `isURL`, `quantity`, IP/CIDR libraries) is reported as a
 * violation instead of being silently treated as true.
 */
const SUPPORTED_FUNCTIONS = new Set([
  '_==_', '_!=_', '_&&_', '_||_', '!_', '_?_:_', '_+_', '_-_', '_*_', '_/_', '_%_', '-_',
  '_<_', '_<=_', '_>_', '_>=_', '@in', '_[_]', '@not_strictly_false',
  'size', 'has', 'all', 'exists', 'exists_one', 'filter', 'map',
  'startsWith', 'endsWith', 'contains', 'matches',
  'lowerAscii', 'upperAscii', 'trim', 'replace', 'split', 'join', 'indexOf', 'lastIndexOf', 'substring', 'charAt',
  'duration', 'timestamp', 'int', 'uint', 'double', 'string', 'bool', 'bytes', 'type', 'dyn',
  'getHours', 'getMinutes', 'getSeconds', 'getMilliseconds',
]);

/** Walks a parsed CEL expression and returns the first function it calls that we do not implement. */
function unsupportedFunction(node: any): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const kind = node.exprKind;
  if (kind?.case === 'callExpr') {
    const fn: string = kind.value.function;
    if (!SUPPORTED_FUNCTIONS.has(fn)) return fn;
    const found = unsupportedFunction(kind.value.target) ?? kind.value.args.map(unsupportedFunction).find(Boolean);
    if (found) return found;
    return undefined;
  }
  if (kind?.case === 'comprehensionExpr') {
    const c = kind.value;
    return [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result].map(unsupportedFunction).find(Boolean);
  }
  if (kind?.case === 'selectExpr') return unsupportedFunction(kind.value.operand);
  if (kind?.case === 'listExpr') return kind.value.elements.map(unsupportedFunction).find(Boolean);
  if (kind?.case === 'structExpr') {
    return kind.value.entries.flatMap((e: any) => [e.keyKind?.value, e.value]).map(unsupportedFunction).find(Boolean);
  }
  return undefined;
}

/**
 * The fields of `self` a parsed rule reads, when `self` only ever appears as the operand of a field selection
 * (`self.a`, or `has(self.a)`, a presence test): undefined when the rule uses `self` itself (`size(self)`,
 * `self.all(...)`, `self['a']`) or rebinds the name in a comprehension.
 */
function selfFields(expr: unknown): ReadonlyMap<string, 'presence' | 'value'> | undefined {
  const fields = new Map<string, 'presence' | 'value'>();
  let projectable = true;
  const walk = (node: unknown): void => {
    if (!projectable || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    const kind = (node as { exprKind?: { case?: string; value?: any } }).exprKind;
    if (kind?.case === 'identExpr' && kind.value?.name === 'self') {
      projectable = false;
      return;
    }
    if (kind?.case === 'selectExpr') {
      const operand = kind.value?.operand?.exprKind;
      if (operand?.case === 'identExpr' && operand.value?.name === 'self') {
        const field = String(kind.value.field);
        fields.set(field, kind.value.testOnly === true && fields.get(field) !== 'value' ? 'presence' : 'value');
        return;
      }
    }
    if (kind?.case === 'comprehensionExpr' && [kind.value?.iterVar, kind.value?.iterVar2, kind.value?.accuVar].includes('self')) {
      projectable = false;
      return;
    }
    for (const key of Object.keys(node)) walk((node as Record<string, unknown>)[key]);
  };
  walk(expr);
  return projectable ? fields : undefined;
}

/** Parses and plans a rule once; later calls return the cached program. */
export function compileRule(rule: string, message: string): CompiledRule {
  const key = `${rule}\u0000${message}`;
  let c = compiled.get(key);
  if (c) return c;
  try {
    env ??= celEnv({ funcs: strings });
    const parsed = parse(rule);
    const bad = unsupportedFunction(parsed.expr);
    c = bad
      ? { rule, message, compileError: `function ${JSON.stringify(bad)} is not supported by the offline CEL evaluator` }
      : { rule, message, program: plan(env, parsed) as CelProgram, selfFields: selfFields(parsed.expr), cost: costEstimator(parsed.expr) };
  } catch (e) {
    c = { rule, message, compileError: `rule does not compile: ${(e as Error).message}` };
  }
  compiled.set(key, c);
  return c;
}

/** Number of distinct rules compiled so far (for benchmarks). */
export function compiledRuleCount(): number {
  return compiled.size;
}

/** A node's CEL value and the schema it was converted with (one data node can sit under two schemas). */
interface Converted { readonly schema: SchemaNode | undefined; readonly out: unknown }

/**
 * Converts JSON data to CEL input following the schema: integers become CEL `int` (BigInt), `number`
 * fields CEL `double`, objects CEL maps. Conversions are cached per object node and schema.
 */
export function toCel(schema: SchemaNode | undefined, value: unknown, cache: WeakMap<object, unknown>): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    return schema?.type === 'integer' && Number.isInteger(value) ? BigInt(value) : value;
  }
  if (typeof value !== 'object') return value;
  const hit = cache.get(value) as Converted | undefined;
  if (hit !== undefined && hit.schema === schema) return hit.out;
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map(v => toCel(schema?.items, v, cache));
  } else {
    const m = new Map<string, unknown>();
    const rec = value as Record<string, unknown>;
    for (const k of Object.keys(rec)) {
      const props = schema?.properties;
      const sub = (props && Object.prototype.hasOwnProperty.call(props, k) ? props[k] : undefined) ?? (typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      m.set(k, toCel(sub, rec[k], cache));
    }
    out = m;
  }
  cache.set(value, { schema, out } satisfies Converted);
  return out;
}

/**
 * What evaluating a rule gave, and its estimated cost (charged to the object's budget). `overLimit`: the rule
 * was not evaluated because its cost bound exceeds the per-call limit.
 */
export type RuleOutcome = ({ ok: true } | { ok: false; error?: string; overLimit?: true }) & { cost?: number };

/** cel-go's wording for runtime errors, which the API server prints (@bufbuild/cel says "field not found"). */
function goErrorText(message: string): string {
  return message.replace(/^field not found: /, 'no such key: ');
}

/** Evaluates one compiled rule against `self`. */
export function evaluateRule(rule: CompiledRule, self: unknown): RuleOutcome {
  if (rule.compileError) return { ok: false, error: rule.compileError };
  let result: unknown;
  try {
    result = rule.program!({ self });
  } catch (e) {
    return { ok: false, error: goErrorText((e as Error).message) };
  }
  if (isCelError(result)) return { ok: false, error: goErrorText((result as Error).message) };
  if (result === true) return { ok: true };
  if (result === false) return { ok: false };
  return { ok: false, error: `rule returned ${typeof result}, not a bool` };
}
