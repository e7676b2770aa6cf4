/**
 * Layer 3: the CRDs' `x-kubernetes-validations` rules, evaluated with a real CEL engine (@bufbuild/cel)
 * on the defaulted object, at every data node the rule's schema location reaches.
 */
import { costEstimator, type CostEstimator } from './cel-cost';
import { celRuleFacts } from '../schema/registry';
import type { CelRuleFacts, SchemaNode } from '../schema/types';

type Cel = typeof import('@bufbuild/cel');
type CelExt = typeof import('@bufbuild/cel/ext');

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

let cel: Cel | undefined;
let env: ReturnType<Cel['celEnv']> | undefined;
const compiled = new Map<string, CompiledRule>();

/**
 * @bufbuild/cel and @bufbuild/protobuf take ~50 ms to initialize: required on the first rule that must really be
 * compiled, not at start-up (a function-level require, which the CLI bundle also defers).
 */
function celEngine(): Cel {
  if (cel === undefined) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    cel = require('@bufbuild/cel') as Cel;
    env = cel.celEnv({ funcs: (require('@bufbuild/cel/ext') as CelExt).strings });
    /* eslint-enable @typescript-eslint/no-require-imports */
  }
  return cel;
}

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

/**
 * The rule, compiled once. A rule whose facts were recorded when the tables were generated (see
 * {@link DeferredRule}) is parsed and planned only when an object needs it evaluated.
 */
export function compileRule(rule: string, message: string): CompiledRule {
  const key = `${rule}\u0000${message}`;
  let c = compiled.get(key);
  if (c) return c;
  const facts = celRuleFacts(rule);
  c = facts ? new DeferredRule(rule, message, facts) : compileRuleNow(rule, message);
  compiled.set(key, c);
  return c;
}

/** Parses and plans a rule with @bufbuild/cel (uncached; what {@link compileRule} defers). */
export function compileRuleNow(rule: string, message: string): CompiledRule {
  try {
    const { parse, plan } = celEngine();
    const parsed = parse(rule);
    const bad = unsupportedFunction(parsed.expr);
    return bad
      ? { rule, message, compileError: `function ${JSON.stringify(bad)} is not supported by the offline CEL evaluator` }
      : { rule, message, program: plan(env!, parsed) as CelProgram, selfFields: selfFields(parsed.expr), cost: costEstimator(parsed.expr) };
  } catch (e) {
    return { rule, message, compileError: `rule does not compile: ${(e as Error).message}` };
  }
}

/**
 * What the generator records of a rule (src/schema/generated/<release>/cel-facts.ts), computed here with the real
 * engine: the fields of `self` it reads and, when it reads `self` only through them, its outcome and cost when
 * none of them is present. Undefined for a rule that does not compile (its error is computed at run time).
 */
export function ruleFactsOf(rule: string): CelRuleFacts | undefined {
  const c = compileRuleNow(rule, '');
  if (c.compileError || !c.program) return undefined;
  if (!c.selfFields) return {};
  const outcome = evaluateRule(c, new Map());
  return {
    fields: [...c.selfFields],
    absent: { ok: outcome.ok, ...(!outcome.ok && outcome.error !== undefined ? { error: outcome.error } : {}), cost: c.cost!({}) },
  };
}

/**
 * A rule known from its generated facts. Objects that have none of the fields it reads (most objects reach
 * rules such as `!has(self.rateLimiting) || ...` without the field) get the recorded outcome and cost: the same
 * as evaluating, since such a rule's outcome depends on those fields only (test/engine/cel-facts.test.ts checks
 * every rule of every release). Anything else compiles the rule, once, on first use.
 */
class DeferredRule implements CompiledRule {
  public readonly selfFields?: ReadonlyMap<string, 'presence' | 'value'>;
  private readonly fields: readonly string[];
  private real: CompiledRule | undefined;

  public constructor(public readonly rule: string, public readonly message: string, private readonly facts: CelRuleFacts) {
    this.fields = facts.fields?.map(([f]) => f) ?? [];
    if (facts.fields) this.selfFields = new Map(facts.fields);
  }

  public get compileError(): string | undefined {
    return this.compiled().compileError;
  }

  public get program(): CelProgram | undefined {
    return this.compiled().program;
  }

  /** An upper bound of the cost on the node's raw data; the recorded one when no field the rule reads is present. */
  public readonly cost: CostEstimator = self => {
    if (this.facts.absent && isRecord(self) && this.noneOwn(self)) return this.facts.absent.cost;
    const real = this.compiled().cost;
    return real ? real(self) : 1;
  };

  /** The recorded outcome when `self` (a CEL value, see toCel) is a map with none of the fields; else undefined. */
  public absentOutcome(self: unknown): RuleOutcome | undefined {
    const absent = this.facts.absent;
    if (!absent || !(self instanceof Map)) return undefined;
    for (const f of this.fields) if (self.has(f)) return undefined;
    if (absent.ok) return { ok: true };
    return absent.error === undefined ? { ok: false } : { ok: false, error: absent.error };
  }

  /** The recorded outcome on the node's raw data (an object with none of the fields), before any CEL conversion. */
  public absentOutcomeRaw(self: unknown): RuleOutcome | undefined {
    const absent = this.facts.absent;
    if (!absent || !isRecord(self) || !this.noneOwn(self)) return undefined;
    if (absent.ok) return { ok: true };
    return absent.error === undefined ? { ok: false } : { ok: false, error: absent.error };
  }

  private noneOwn(self: object): boolean {
    for (const f of this.fields) if (Object.prototype.hasOwnProperty.call(self, f)) return false;
    return true;
  }

  /** The rule parsed and planned (on first call). */
  public compiled(): CompiledRule {
    return this.real ??= compileRuleNow(this.rule, this.message);
  }
}

function isRecord(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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

/**
 * The outcome of a rule on a node's raw JSON data when it is known without CEL (none of the fields the rule reads
 * is present: see DeferredRule), else undefined. Saves converting the node to CEL values.
 */
export function knownOutcome(compiledRule: CompiledRule, raw: unknown): RuleOutcome | undefined {
  return compiledRule instanceof DeferredRule ? compiledRule.absentOutcomeRaw(raw) : undefined;
}

/** Evaluates one compiled rule against `self`. */
export function evaluateRule(compiledRule: CompiledRule, self: unknown): RuleOutcome {
  let rule = compiledRule;
  if (rule instanceof DeferredRule) {
    const known = rule.absentOutcome(self);
    if (known) return known;
    rule = rule.compiled();
  }
  if (rule.compileError) return { ok: false, error: rule.compileError };
  let result: unknown;
  try {
    result = rule.program!({ self });
  } catch (e) {
    return { ok: false, error: goErrorText((e as Error).message) };
  }
  if (celEngine().isCelError(result)) return { ok: false, error: goErrorText((result as Error).message) };
  if (result === true) return { ok: true };
  if (result === false) return { ok: false };
  return { ok: false, error: `rule returned ${typeof result}, not a bool` };
}
