/**
 * The CEL cost budget. The API server stops a rule whose evaluation costs more than a per-call limit, and stops
 * evaluating an object's rules once they have cost more than a per-object budget
 * (k8s.io/apiextensions-apiserver pkg/apiserver/schema/cel/validation.go `validateExpressions`, limits from
 * k8s.io/apiserver/pkg/apis/cel/config.go `PerCallLimit`, `RuntimeCELCostBudget`).
 *
 * @bufbuild/cel has no cost hook (no step counter, no cancellation), so a rule's cost is bounded *before* it
 * runs: the parsed rule is compiled once into an estimator that, given the node's data, returns an upper bound of
 * the evaluation steps. Sizes come from the data itself (the length of the list a macro iterates, the length of
 * the strings a function reads), not from maxItems/maxLength as in the API server's static estimate, so an object
 * that respects its schema limits is never refused, and one that does not (10,000 items where 50 are allowed)
 * is refused without running. The bound is computed in time linear in the rule and (memoized) in the data.
 *
 * Cost model, following cel-go's runtime costs: 1 per node evaluated; a comprehension (`all`, `exists`, `filter`,
 * `map`) costs its range and init once, then its condition and step once per element; a function that reads a
 * string or list costs 1 per 10 elements or characters it reads (cel-go's traversal factor 0.1).
 */

import type { RuleDoc } from '../core/types';

/** Per-rule limit (k8s.io/apiserver/pkg/apis/cel PerCallLimit). */
export const PER_CALL_LIMIT = 1_000_000;
/** Per-object budget (k8s.io/apiserver/pkg/apis/cel RuntimeCELCostBudget). */
export const PER_OBJECT_BUDGET = 10_000_000;

/** What the estimator knows about a value: the data itself, or a bound on the size of anything in it. */
type Abs = { readonly data: unknown } | { readonly bound: number };

interface Estimate { readonly cost: number; readonly value: Abs }

/** Variables in scope: `self`, comprehension variables. */
type Scope = ReadonlyMap<string, Abs>;

/** An upper bound of the steps to evaluate a rule on `self` (raw JSON data of the node). */
export type CostEstimator = (self: unknown) => number;

type Node = (scope: Scope) => Estimate;

const UNKNOWN: Abs = { bound: 0 };
const deepSizes = new WeakMap<object, number>();

/** The largest length of any string, list or map in `v` (itself included); memoized per object. */
function maxDeep(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (typeof v !== 'object' || v === null) return 0;
  const hit = deepSizes.get(v);
  if (hit !== undefined) return hit;
  let m: number;
  if (Array.isArray(v)) {
    m = v.length;
    for (const x of v) m = Math.max(m, maxDeep(x));
  } else {
    const keys = Object.keys(v);
    m = keys.length;
    for (const k of keys) m = Math.max(m, k.length, maxDeep((v as Record<string, unknown>)[k]));
  }
  deepSizes.set(v, m);
  return m;
}

/** The largest element bound of a list (or key length of a map): what an iteration variable can hold. */
function elementBound(a: Abs): number {
  if ('bound' in a) return a.bound;
  const v = a.data;
  if (Array.isArray(v)) {
    let m = 0;
    for (const x of v) m = Math.max(m, maxDeep(x));
    return m;
  }
  if (typeof v === 'object' && v !== null) {
    let m = 0;
    for (const k of Object.keys(v)) m = Math.max(m, k.length);
    return m;
  }
  return 0;
}

function sizeOf(a: Abs): number {
  if ('bound' in a) return a.bound;
  const v = a.data;
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length;
  return 0;
}

function boundOf(a: Abs): number {
  return 'bound' in a ? a.bound : maxDeep(a.data);
}

/** Functions whose cost does not depend on the size of their operands. */
const CONSTANT_COST = new Set(['size', '_&&_', '_||_', '!_', '_?_:_', '-_', '_<_', '_<=_', '_>_', '_>=_', '_*_', '_/_', '_%_', '_-_', 'int', 'uint', 'double', 'bool', 'type', 'dyn', 'has', '@not_strictly_false']);

/* eslint-disable @typescript-eslint/no-explicit-any */
function compile(expr: any): Node {
  const kind = expr?.exprKind?.case;
  const value = expr?.exprKind?.value;
  switch (kind) {
    case 'constExpr': {
      const c = value?.constantKind?.value;
      const abs: Abs = { data: typeof c === 'string' ? c : null };
      return () => ({ cost: 1, value: abs });
    }
    case 'identExpr': {
      const name = String(value?.name);
      return scope => ({ cost: 1, value: scope.get(name) ?? UNKNOWN });
    }
    case 'selectExpr': {
      const operand = compile(value?.operand);
      const field = String(value?.field);
      const testOnly = value?.testOnly === true;
      return scope => {
        const o = operand(scope);
        if (testOnly) return { cost: o.cost + 1, value: UNKNOWN };
        if ('bound' in o.value) return { cost: o.cost + 1, value: o.value };
        const d = o.value.data;
        const child = typeof d === 'object' && d !== null && !Array.isArray(d) && Object.prototype.hasOwnProperty.call(d, field)
          ? (d as Record<string, unknown>)[field] : undefined;
        return { cost: o.cost + 1, value: { data: child } };
      };
    }
    case 'listExpr': {
      const elements: Node[] = (value?.elements ?? []).map(compile);
      return scope => {
        let cost = 1;
        let bound = elements.length;
        for (const e of elements) {
          const r = e(scope);
          cost += r.cost;
          bound = Math.max(bound, boundOf(r.value));
        }
        return { cost, value: { bound } };
      };
    }
    case 'structExpr': {
      const parts: Node[] = (value?.entries ?? []).flatMap((e: any) => [e?.keyKind?.value, e?.value]).filter(Boolean).map(compile);
      return scope => {
        let cost = 1;
        let bound = parts.length;
        for (const p of parts) {
          const r = p(scope);
          cost += r.cost;
          bound = Math.max(bound, boundOf(r.value));
        }
        return { cost, value: { bound } };
      };
    }
    case 'callExpr': {
      const fn = String(value?.function);
      const operands: Node[] = [value?.target, ...(value?.args ?? [])].filter(Boolean).map(compile);
      return scope => {
        const rs = operands.map(o => o(scope));
        let cost = 1;
        let sizes = 0;
        let bound = 0;
        for (const r of rs) {
          cost += r.cost;
          sizes += sizeOf(r.value);
          bound = Math.max(bound, boundOf(r.value));
        }
        if (fn === '_?_:_' && rs.length === 3) {
          // only one branch runs
          cost = 1 + rs[0].cost + Math.max(rs[1].cost, rs[2].cost);
        }
        if (!CONSTANT_COST.has(fn)) cost += Math.ceil(sizes / 10);
        // results that can outgrow their operands: concatenation, replace
        if (fn === '_+_') bound = rs.reduce((n, r) => n + boundOf(r.value), 0);
        if (fn === 'replace') bound = bound * (bound + 1);
        return { cost, value: { bound } };
      };
    }
    case 'comprehensionExpr': {
      const iterVar = String(value?.iterVar);
      const accuVar = String(value?.accuVar);
      const range = compile(value?.iterRange);
      const init = compile(value?.accuInit);
      const cond = compile(value?.loopCondition);
      const step = compile(value?.loopStep);
      const result = compile(value?.result);
      return scope => {
        const r = range(scope);
        const a = init(scope);
        const n = sizeOf(r.value);
        const elem = elementBound(r.value);
        // the accumulator at its largest: a list of up to n elements (filter, map) or a scalar
        const accu: Abs = { bound: boundOf(a.value) + n + elem };
        const inner = new Map(scope);
        inner.set(iterVar, { bound: elem });
        inner.set(accuVar, accu);
        const perItem = cond(inner).cost + step(inner).cost;
        const res = result(inner);
        return { cost: r.cost + a.cost + n * perItem + res.cost, value: { bound: Math.max(accu.bound, boundOf(res.value)) } };
      };
    }
    default:
      return () => ({ cost: 1, value: UNKNOWN });
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Compiles the estimator of a parsed rule (`parse(rule).expr`) once. */
export function costEstimator(expr: unknown): CostEstimator {
  const root = compile(expr);
  return self => root(new Map([['self', { data: self }]])).cost;
}

/** The API server's message when one rule exceeds the per-call limit (validation.go validateExpressions). */
export function perCallMessage(ruleText: string): string {
  return `'operation cancelled: actual cost limit exceeded': no further validation rules will be run due to call cost exceeds limit for rule: ${ruleText}`;
}

/** The API server's message when an object's rules exceed the per-object budget. */
export const OUT_OF_BUDGET_MESSAGE = 'validation failed due to running out of cost budget, no further validation rules will be run';

/** `1,000,000`: what `toLocaleString('en-US')` prints, without loading ICU's locale data at start-up (~20 ms). */
function thousands(n: number): string {
  let digits = String(n);
  let out = '';
  while (digits.length > 3) {
    out = `,${digits.slice(-3)}${out}`;
    digits = digits.slice(0, -3);
  }
  return digits + out;
}

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'cel.cost-limit',
    checks: `a CEL rule whose cost on this data exceeds the API server's per-call limit (${thousands(PER_CALL_LIMIT)}) is not evaluated; no further rule runs on the object`,
    source: 'k8s.io/apiextensions-apiserver schema/cel validation.go validateExpressions (PerCallLimit); the cost is bounded before evaluation from the data\'s sizes',
    example: 'Invalid value: "object": \'operation cancelled: actual cost limit exceeded\': no further validation rules will be run due to call cost exceeds limit for rule: subjectBindings must not contain duplicate subjects',
  },
  {
    id: 'cel.cost-budget',
    checks: `the CEL rules of one object cost at most the API server's per-object budget (${thousands(PER_OBJECT_BUDGET)}); past it, no further rule runs`,
    source: 'k8s.io/apiextensions-apiserver schema/cel validation.go validateExpressions (RuntimeCELCostBudget)',
    example: `Invalid value: "object": ${OUT_OF_BUDGET_MESSAGE}`,
  },
];
