/**
 * Layer 2 (and the driver of layer 3): the CRD's structural OpenAPI schema, checked the way
 * k8s.io/apiextensions-apiserver does on `kubectl apply` with strict field validation, with the
 * API server's message formats. CEL rules run at each node after its children (see cel.ts).
 *
 * Each schema node is compiled once, at the first object that reaches it, into a {@link CompiledNode}: its
 * type as a small number, property maps without a prototype, enum Sets, the checks its keywords ask for as
 * flags, RE2 patterns and format checkers bound at first use. The walk allocates nothing per node on the happy
 * path: the location is a reused stack (schema-path.ts), rendered only when an issue is reported.
 */
import { RE2JS } from '@bufbuild/re2';
import { fitsIntFormat, isApiInteger, STRING_FORMATS } from './apiserver/formats';
import { compileRule, evaluateRule, knownOutcome, toCel, type CompiledRule, type RuleOutcome } from './cel';
import { OUT_OF_BUDGET_MESSAGE, PER_CALL_LIMIT, PER_OBJECT_BUDGET, perCallMessage } from './cel-cost';
import { RuleMemo } from './cel-memo';
import { goQuote } from './operator/go/quote';
import { wholeStringBody } from './re2-whole';
import { apiPath, locationOf, pathOf, PathStack, Where } from './schema-path';
import type { SchemaNode } from '../schema/types';

export { apiPath, locationOf, pathOf, Where } from './schema-path';

export interface Issue {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

export interface WalkContext {
  readonly kind: string;
  readonly issues: Issue[];
  /** CEL findings, kept apart: the API server drops them when a schema error blocks CEL (see admission.ts). */
  readonly cel?: Issue[];
  /** Check int32/int64 ranges (Kubernetes >= 1.36, see apiserver/kube-version.ts). @default false */
  readonly intFormats?: boolean;
  /** CEL values of this object's nodes, created on the first rule that needs one (most outcomes are memoized). */
  celCache?: WeakMap<object, unknown>;
  /** CEL cost charged to this object so far (see cel-cost.ts). */
  celSpent?: number;
  /** Set once a rule exceeded the per-call limit or the object its budget: no further rule runs on it. */
  celStopped?: boolean;
}

type RuleEntry = NonNullable<SchemaNode['x-kubernetes-validations']>[number];

/**
 * A compiled CEL rule and its outcome memo, keyed by the schema's rule entry (no string hashing on the hot path).
 * A rule that reads `self` itself (`self == '' || duration(self) >= ...`) has no projection, but its outcome on
 * a string, a boolean or a number is a function of that value: `scalars` keeps those.
 */
interface RuleState { readonly compiled: CompiledRule; readonly memo?: RuleMemo; scalars?: Map<unknown, RuleOutcome> }

/** Scalar outcomes kept per rule before that memo is emptied (memory stays bounded whatever the input). */
const MAX_SCALARS = 1024;
const ruleCache = new WeakMap<object, RuleState>();

function ruleState(r: RuleEntry): RuleState {
  let state = ruleCache.get(r);
  if (!state) {
    const compiled = compileRule(r.rule, r.message ?? '');
    state = { compiled, memo: compiled.selfFields ? new RuleMemo(compiled.selfFields) : undefined };
    ruleCache.set(r, state);
  }
  return state;
}

// The schema types as small numbers (a type the walker does not know checks like no type at all).
const ANY = 0;
const OBJECT = 1;
const ARRAY = 2;
const STRING = 3;
const INTEGER = 4;
const NUMBER = 5;
const BOOLEAN = 6;
const TYPE_CODES: Readonly<Record<string, number>> = Object.assign(Object.create(null), {
  object: OBJECT, array: ARRAY, string: STRING, integer: INTEGER, number: NUMBER, boolean: BOOLEAN,
});

/** One schema node, compiled: what its checks need, computed once. */
interface CompiledNode {
  readonly schema: SchemaNode;
  readonly type: number;
  readonly enumSet: ReadonlySet<unknown> | undefined;
  /** The node has a string keyword (length, pattern, a format with a checker). */
  readonly strings: boolean;
  /** The node has a number check (an integer type's capacity, bounds). */
  readonly numbers: boolean;
  /** The compiled pattern (or why it does not compile), at the first string that reaches the node. */
  re: Pattern | undefined;
  readonly formatCheck: ((s: string) => boolean) | undefined;
  readonly items: CompiledNode | undefined;
  readonly listType: 'set' | 'map' | undefined;
  readonly mapKeys: readonly string[];
  /** The `default` of each list-map key in the item schema (a key the item lacks counts as its default). */
  readonly mapKeyDefaults: readonly unknown[];
  readonly props: ReadonlyMap<string, CompiledNode> | undefined;
  /** `additionalProperties` as a schema. */
  readonly ap: CompiledNode | undefined;
  /** `additionalProperties: true` (pruning keeps such members, with no schema below). */
  readonly apTrue: boolean;
  readonly preserve: boolean;
  readonly embedded: boolean;
  readonly rules: readonly RuleEntry[] | undefined;
  /** The rule states, resolved at the first value that reaches the node. */
  states: RuleState[] | undefined;
  /** How CEL messages name the node's type. */
  readonly shown: string;
}

const compiledNodes = new WeakMap<SchemaNode, CompiledNode>();

/** The compiled form of a schema node and of the whole tree below it (once per node; shared nodes share it). */
export function compileSchema(schema: SchemaNode): CompiledNode {
  let n = compiledNodes.get(schema);
  if (n) return n;
  const s = schema;
  const type = typeof s.type === 'string' ? TYPE_CODES[s.type] ?? ANY : ANY;
  const format = s.format;
  const formatCheck = format !== undefined && Object.prototype.hasOwnProperty.call(STRING_FORMATS, format) ? STRING_FORMATS[format] : undefined;
  const items = s.items ? compileSchema(s.items) : undefined;
  let props: Map<string, CompiledNode> | undefined;
  if (s.properties) {
    props = new Map();
    for (const key of Object.keys(s.properties)) props.set(key, compileSchema(s.properties[key]));
  }
  const listType = s['x-kubernetes-list-type'];
  const mapKeys = listType === 'map' ? s['x-kubernetes-list-map-keys'] ?? [] : [];
  const rules = s['x-kubernetes-validations'];
  n = {
    schema,
    type,
    enumSet: s.enum ? new Set(s.enum) : undefined,
    strings: s.maxLength !== undefined || s.minLength !== undefined || s.pattern !== undefined || formatCheck !== undefined,
    numbers: s.type === 'integer' || s.minimum !== undefined || s.maximum !== undefined,
    re: undefined,
    formatCheck,
    items,
    listType: listType === 'set' || listType === 'map' ? listType : undefined,
    mapKeys,
    mapKeyDefaults: mapKeys.map(k => s.items?.properties?.[k]?.default ?? null),
    props,
    ap: s.additionalProperties && typeof s.additionalProperties === 'object' ? compileSchema(s.additionalProperties) : undefined,
    apTrue: s.additionalProperties === true,
    preserve: s['x-kubernetes-preserve-unknown-fields'] === true,
    embedded: s['x-kubernetes-embedded-resource'] === true,
    rules: rules && rules.length > 0 ? rules : undefined,
    states: undefined,
    shown: s.type === 'object' || s.type === undefined ? 'object' : s.type,
  };
  compiledNodes.set(schema, n);
  return n;
}

/** A CRD pattern, compiled: whether a string matches it, or why it does not compile. */
type Pattern = { readonly test: (s: string) => boolean } | Error;

const patterns = new Map<string, Pattern>();

/**
 * RE2 (Go) semantics, unanchored search like the API server; compiled once per pattern. A pattern `^X$` is run
 * as X against the whole string, which is the same and faster (re2-whole.ts); a pattern that does not compile
 * is reported with the error of the pattern as written.
 */
function compilePattern(pattern: string): Pattern {
  let re = patterns.get(pattern);
  if (!re) {
    try {
      const search = RE2JS.compile(pattern);
      const body = wholeStringBody(pattern);
      let whole: RE2JS | undefined;
      try {
        whole = body === undefined ? undefined : RE2JS.compile(`(?:${body})`);
      } catch {
        whole = undefined;
      }
      re = { test: remembered(whole ? (s: string) => whole.testExact(s) : (s: string) => search.test(s)) };
    } catch (e) {
      re = e as Error;
    }
    patterns.set(pattern, re);
  }
  return re;
}

/** Decisions kept per pattern, and the longest string kept: memory stays bounded whatever the input. */
const MAX_REMEMBERED = 512;
const MAX_REMEMBERED_LENGTH = 256;

/**
 * A pattern's decisions on recent strings: manifests repeat the same issuer URLs, durations, provider names
 * across objects, and a Map lookup is much cheaper than an RE2JS run (~1 µs for a short string).
 */
function remembered(test: (s: string) => boolean): (s: string) => boolean {
  const seen = new Map<string, boolean>();
  return (s: string) => {
    if (s.length > MAX_REMEMBERED_LENGTH) return test(s);
    let ok = seen.get(s);
    if (ok === undefined) {
      ok = test(s);
      if (seen.size >= MAX_REMEMBERED) seen.clear();
      seen.set(s, ok);
    }
    return ok;
  };
}

/** Whether `value` matches the CRD `pattern` as the API server decides it (for tests of the rewrite). */
export function patternMatches(pattern: string, value: string): boolean | Error {
  const re = compilePattern(pattern);
  return re instanceof Error ? re : re.test(value);
}

/** Evaluates a rule, bounding its cost first: @bufbuild/cel cannot be stopped once it runs (see cel-cost.ts). */
function evaluate(state: RuleState, schema: SchemaNode, value: unknown, ctx: WalkContext): RuleOutcome {
  const cost = state.compiled.cost ? state.compiled.cost(value) : 1;
  if (cost > PER_CALL_LIMIT) return { ok: false, overLimit: true, cost };
  const known = knownOutcome(state.compiled, value);
  if (known) return { ...known, cost };
  return { ...evaluateRule(state.compiled, toCel(schema, value, ctx.celCache ??= new WeakMap())), cost };
}

/** Evaluates a rule at a node, or reuses the outcome of a node with the same projection (see cel-memo.ts). */
function ruleOutcome(state: RuleState, schema: SchemaNode, value: unknown, ctx: WalkContext): RuleOutcome {
  if (state.memo === undefined) {
    // -0 is left out: a Map takes it for 0, and CEL tells them apart (1.0 / -0.0)
    const scalar = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Object.is(value, -0));
    if (!scalar) return evaluate(state, schema, value, ctx);
    const scalars = state.scalars ??= new Map();
    let outcome = scalars.get(value);
    if (outcome === undefined) {
      outcome = evaluate(state, schema, value, ctx);
      if (scalars.size >= MAX_SCALARS) scalars.clear();
      scalars.set(value, outcome);
    }
    return outcome;
  }
  const slot = state.memo.slot(value);
  if (slot?.outcome !== undefined) return slot.outcome;
  const outcome = evaluate(state, schema, value, ctx);
  if (slot !== undefined) slot.outcome = outcome;
  return outcome;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return isApiInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(type: number, v: unknown): boolean {
  switch (type) {
    case OBJECT: return typeof v === 'object' && v !== null && !Array.isArray(v);
    case ARRAY: return Array.isArray(v);
    case STRING: return typeof v === 'string';
    case INTEGER: return typeof v === 'number' && isApiInteger(v);
    case NUMBER: return typeof v === 'number' && Number.isFinite(v);
    case BOOLEAN: return typeof v === 'boolean';
    default: return true;
  }
}

/** Length in Unicode code points, as Kubernetes counts `minLength`/`maxLength`. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    n++;
  }
  return n;
}

/**
 * The duplicate list-map item's keys, as a JSON object with sorted keys (`{"name":"FOO"}`). The API server prints
 * Go's `%#v` (`map[string]interface {}{...}`); the same keys and values as JSON read the same without the Go syntax.
 */
function keysAsJson(keys: readonly string[], item: Record<string, unknown>): string {
  const parts = [...keys].sort().map(k => `${JSON.stringify(k)}:${JSON.stringify(item[k]) ?? 'null'}`);
  return `{${parts.join(',')}}`;
}

function showValue(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? 'null';
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Validates `value` against `schema` at `where`, appending issues. The location is rendered only for issues:
 * as an API server path (`spec.a[0].b`), and as the schema location of CEL rule ids (`spec.a[*].b`).
 * Returns nothing: all findings go to `ctx.issues`.
 */
export function validateNode(schema: SchemaNode, value: unknown, where: Where | undefined, ctx: WalkContext): void {
  checkNode(compileSchema(schema), value, ctx, PathStack.from(where));
}

/**
 * The root object: `required` of the root (present keys, as the API server's decoder sees them), then every
 * member but `metadata` (apiserver/metadata.ts checks it) and, when the version has the status subresource,
 * `status` (dropped on create).
 */
export function validateRoot(schema: SchemaNode, obj: Record<string, unknown>, ctx: WalkContext, statusSubresource: boolean): void {
  const root = compileSchema(schema);
  const required = schema.required;
  if (required) {
    for (let i = 0; i < required.length; i++) {
      if (!hasOwn(obj, required[i])) ctx.issues.push({ path: required[i], rule: 'schema.required', message: 'Required value' });
    }
  }
  const props = root.props;
  if (!props) return;
  const p = new PathStack();
  for (const key in obj) {
    if (!hasOwn(obj, key)) continue;
    if (key === 'metadata' || (key === 'status' && statusSubresource)) continue;
    const sub = props.get(key);
    const v = obj[key];
    if (sub === undefined || v === undefined) continue;
    p.push(key, 'field');
    checkNode(sub, v, ctx, p);
    p.pop();
  }
}

function checkNode(n: CompiledNode, value: unknown, ctx: WalkContext, p: PathStack): void {
  if (value === null) {
    // kube-openapi SchemaValidator on nil: the type validator (only when the schema has a type) and the enum
    if (n.schema.type !== undefined && !n.schema.nullable) {
      const at = apiPath(p.where());
      ctx.issues.push({ path: at, rule: 'schema.type', message: `Invalid value: "null": ${at} in body must be of type ${n.schema.type}: "null"` });
    }
    if (n.enumSet !== undefined && !n.enumSet.has(null)) enumIssue(n, null, p, ctx);
    return;
  }
  if (n.type !== ANY && !typeMatches(n.type, value)) {
    const got = jsonType(value);
    const at = apiPath(p.where());
    ctx.issues.push({ path: at, rule: 'schema.type', message: `Invalid value: "${got}": ${at} in body must be of type ${n.schema.type}: "${got}"` });
    // the validators that apply to the data's kind still run (enum, number bounds); nothing below the node does
    if (n.enumSet !== undefined && !n.enumSet.has(value)) enumIssue(n, value, p, ctx);
    if (n.numbers && typeof value === 'number') numberIssues(n, value, p, ctx);
    return;
  }

  if (n.enumSet !== undefined && !n.enumSet.has(value)) enumIssue(n, value, p, ctx);

  if (typeof value === 'string') {
    if (n.strings) stringIssues(n, value, p, ctx);
  } else if (typeof value === 'number') {
    if (n.numbers) numberIssues(n, value, p, ctx);
  } else if (typeof value === 'object') {
    if (Array.isArray(value)) checkArray(n, value, p, ctx);
    else checkObject(n, value as Record<string, unknown>, p, ctx);
  }

  if (n.rules !== undefined) checkRules(n, value, p, ctx);
}

function checkRules(n: CompiledNode, value: unknown, p: PathStack, ctx: WalkContext): void {
  if (ctx.celStopped) return;
  const rules = n.rules!;
  const states = n.states ??= rules.map(ruleState);
  const out = ctx.cel ?? ctx.issues;
  for (let index = 0; index < rules.length; index++) {
    const r = rules[index];
    const state = states[index];
    const outcome = ruleOutcome(state, n.schema, value, ctx);
    const compiled = state.compiled;
    const spent = (ctx.celSpent ?? 0) + (outcome.cost ?? 1);
    if (!outcome.ok && outcome.overLimit) {
      // mirrors validateExpressions: one error, and no further rule runs on the object
      ctx.celStopped = true;
      out.push({ path: apiPath(p.where()) || '<root>', rule: 'cel.cost-limit', message: `Invalid value: "${n.shown}": ${perCallMessage((compiled.message || r.rule).trim())}` });
      return;
    }
    if (spent > PER_OBJECT_BUDGET) {
      ctx.celStopped = true;
      out.push({ path: apiPath(p.where()) || '<root>', rule: 'cel.cost-budget', message: `Invalid value: "${n.shown}": ${OUT_OF_BUDGET_MESSAGE}` });
      return;
    }
    ctx.celSpent = spent;
    if (outcome.ok) continue;
    const where = p.where();
    // the id's suffix is the digest of the rule's message (scripts/import-crds.ts): stable across releases
    const rule = `cel.${ctx.kind}.${locationOf(where) || '<root>'}#${r.id ?? index}`;
    const message = outcome.error === undefined
      ? `Invalid value: "${n.shown}": ${compiled.message || `failed rule: ${r.rule}`}`
      // the API server names the rule by its message when it has one (ruleErrorString)
      : `Invalid value: "${n.shown}": ${outcome.error} evaluating rule: ${(compiled.message || r.rule).trim()}`;
    out.push({ path: pathOf(where) || '<root>', rule, message });
  }
}

function enumIssue(n: CompiledNode, value: unknown, p: PathStack, ctx: WalkContext): void {
  ctx.issues.push({ path: apiPath(p.where()), rule: 'schema.enum', message: `Unsupported value: ${showValue(value)}: supported values: ${n.schema.enum!.map(showValue).join(', ')}` });
}

function stringIssues(n: CompiledNode, value: string, p: PathStack, ctx: WalkContext): void {
  const s = n.schema;
  const { issues } = ctx;
  // a string has at least half as many code points as UTF-16 units: count them only when that may matter
  if (s.maxLength !== undefined && value.length > s.maxLength && codePoints(value) > s.maxLength) {
    issues.push({ path: apiPath(p.where()), rule: 'schema.max-length', message: `Too long: may not be more than ${s.maxLength} bytes` });
  }
  if (s.minLength !== undefined && value.length < 2 * s.minLength && codePoints(value) < s.minLength) {
    const at = apiPath(p.where());
    issues.push({ path: at, rule: 'schema.min-length', message: `Invalid value: ${showValue(value)}: ${at} in body should be at least ${s.minLength} chars long` });
  }
  if (s.pattern !== undefined) {
    const re = n.re ??= compilePattern(s.pattern);
    if (re instanceof Error) {
      issues.push({ path: apiPath(p.where()), rule: 'schema.pattern', message: `the CRD pattern '${s.pattern}' does not compile as RE2: ${re.message}` });
    } else if (!re.test(value)) {
      const at = apiPath(p.where());
      issues.push({ path: at, rule: 'schema.pattern', message: `Invalid value: ${showValue(value)}: ${at} in body should match '${s.pattern}'` });
    }
  }
  if (n.formatCheck !== undefined && !n.formatCheck(value)) {
    const at = apiPath(p.where());
    issues.push({ path: at, rule: 'schema.format', message: `Invalid value: "${s.format}": ${at} in body must be of type ${s.format}: ${showValue(value)}` });
  }
}

/**
 * kube-openapi numberValidator: the bounds, and for integer schemas the capacity check IsValueValidAgainstRange
 * ("Checked value must be of type integer ..."), which the API server reports at the object root (a plain error,
 * apiextensions validation.go kubeOpenAPIResultToFieldErrors). Before Kubernetes 1.36 the int32/int64 formats
 * were stripped, so only the default (int64) capacity applies.
 */
function numberIssues(n: CompiledNode, value: number, p: PathStack, ctx: WalkContext): void {
  const s = n.schema;
  const { issues } = ctx;
  if (s.type === 'integer') {
    const format = ctx.intFormats && (s.format === 'int32' || s.format === 'int64') ? s.format : '';
    if (!fitsIntFormat(format || 'int64', value)) {
      const what = format ? `with format ${format}` : '(default format)';
      issues.push({ path: '<root>', rule: 'schema.integer-format', message: `Invalid value: "": Checked value must be of type integer ${what} in ${apiPath(p.where())}` });
    }
  }
  if (s.minimum !== undefined && (s.exclusiveMinimum ? value <= s.minimum : value < s.minimum)) {
    const at = apiPath(p.where());
    issues.push({ path: at, rule: 'schema.minimum', message: `Invalid value: ${value}: ${at} in body should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${s.minimum}` });
  }
  if (s.maximum !== undefined && (s.exclusiveMaximum ? value >= s.maximum : value > s.maximum)) {
    const at = apiPath(p.where());
    issues.push({ path: at, rule: 'schema.maximum', message: `Invalid value: ${value}: ${at} in body should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${s.maximum}` });
  }
}

function checkArray(n: CompiledNode, value: unknown[], p: PathStack, ctx: WalkContext): void {
  const s = n.schema;
  const { issues } = ctx;
  if (s.minItems !== undefined && value.length < s.minItems) {
    const at = apiPath(p.where());
    issues.push({ path: at, rule: 'schema.min-items', message: `Invalid value: ${value.length}: ${at} in body should have at least ${s.minItems} items` });
  }
  if (s.maxItems !== undefined && value.length > s.maxItems) {
    issues.push({ path: apiPath(p.where()), rule: 'schema.max-items', message: `Too many: ${value.length}: must have at most ${s.maxItems} items` });
  }
  const items = n.items;
  if (items !== undefined) {
    for (let i = 0; i < value.length; i++) {
      p.push(i, 'item');
      checkNode(items, value[i], ctx, p);
      p.pop();
    }
  }
  if (n.listType === 'set' && value.length > 1) {
    // listtype/validation.go validateListSet: one error per duplicated value, at its first repeat
    const seen = new Map<string, number>();
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue; // a hole, as forEach skips it
      const item = value[i];
      const key = JSON.stringify(item) ?? 'null';
      const times = seen.get(key) ?? 0;
      if (times === 1) issues.push({ path: pathOf(new Where(p.where(), i, 'item')), rule: 'schema.duplicate', message: `Duplicate value: ${showValue(item)}` });
      seen.set(key, times + 1);
    }
  } else if (n.listType === 'map' && value.length > 1) {
    const keys = n.mapKeys;
    const seen = new Map<string, number>();
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue;
      const item = value[i];
      if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
      const rec = item as Record<string, unknown>;
      const key = JSON.stringify(keys.map((k, j) => rec[k] ?? n.mapKeyDefaults[j]));
      const times = seen.get(key) ?? 0;
      if (times === 1) issues.push({ path: pathOf(new Where(p.where(), i, 'item')), rule: 'schema.duplicate', message: `Duplicate value: ${keysAsJson(keys, rec)}` });
      seen.set(key, times + 1);
    }
  }
}

function checkObject(n: CompiledNode, value: Record<string, unknown>, p: PathStack, ctx: WalkContext): void {
  const s = n.schema;
  const { issues } = ctx;
  const required = s.required;
  if (required !== undefined) {
    for (let i = 0; i < required.length; i++) {
      const r = required[i];
      if (value[r] === undefined || !hasOwn(value, r)) issues.push({ path: apiPath(new Where(p.where(), r, 'field')), rule: 'schema.required', message: 'Required value' });
    }
  }
  if (s.minProperties !== undefined || s.maxProperties !== undefined) {
    const count = Object.keys(value).length;
    if (s.minProperties !== undefined && count < s.minProperties) {
      const at = apiPath(p.where());
      issues.push({ path: at, rule: 'schema.min-properties', message: `Invalid value: ${count}: ${at} in body should have at least ${s.minProperties} properties` });
    }
    if (s.maxProperties !== undefined && count > s.maxProperties) {
      issues.push({ path: apiPath(p.where()), rule: 'schema.max-properties', message: `Too many: ${count}: must have at most ${s.maxProperties} items` });
    }
  }
  const props = n.props;
  const ap = n.ap;
  if (props === undefined && ap === undefined) return;
  // own keys in Object.keys order, no list allocated (see hasOwn in core/util.ts)
  for (const key in value) {
    if (!hasOwn(value, key)) continue;
    const v = value[key];
    if (v === undefined) continue;
    const sub = props?.get(key);
    if (sub !== undefined) {
      p.push(key, 'field');
      checkNode(sub, v, ctx, p);
      p.pop();
    } else if (ap !== undefined) {
      p.push(key, 'entry');
      checkNode(ap, v, ctx, p);
      p.pop();
    }
    // unknown fields are found by the decoding step (unknownFields below), before validation
  }
}

/**
 * The unknown fields strict decoding reports, exactly as apiextensions-apiserver pkg/apiserver/schema/pruning
 * algorithm.go prune does: it follows properties, additionalProperties and items whatever the value's type, so
 * every key of an object where the schema has neither (a string field given an object, say) is unknown; keys
 * under x-kubernetes-preserve-unknown-fields are kept; apiVersion, kind and metadata are skipped at the root and
 * in embedded resources. Paths as Go prints them: `spec.a[0].b`, map keys with a dot.
 */
export function unknownFields(schema: SchemaNode, value: unknown): Issue[] {
  const out: Issue[] = [];
  prune(value, compileSchema(schema), new PathStack(), true, out);
  // Go sorts the paths (sort.Strings); byte order, as code-unit order for the ASCII of field names
  return out.length > 1 ? out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) : out;
}

const isMetaField = (k: string): boolean => k === 'apiVersion' || k === 'kind' || k === 'metadata';

function record(p: PathStack, key: string, out: Issue[]): void {
  const at = apiPath(new Where(p.where(), key, 'field'));
  out.push({ path: at, rule: 'schema.unknown-field', message: `unknown field ${goQuote(at)}` });
}

function prune(x: unknown, n: CompiledNode | undefined, p: PathStack, embedded: boolean, out: Issue[]): void {
  if (n !== undefined && n.preserve) {
    skipPrune(x, n, p, embedded, out);
    return;
  }
  if (typeof x !== 'object' || x === null) return;
  if (Array.isArray(x)) {
    const items = n?.items;
    for (let i = 0; i < x.length; i++) {
      p.push(i, 'item');
      prune(x[i], items, p, false, out);
      p.pop();
    }
    return;
  }
  const obj = x as Record<string, unknown>;
  for (const k in obj) {
    if (!hasOwn(obj, k)) continue;
    const v = obj[k];
    if (v === undefined) continue;
    if (n === undefined) { record(p, k, out); continue; }
    if ((embedded || n.embedded) && isMetaField(k)) continue;
    const sub = n.props?.get(k);
    if (sub !== undefined) {
      p.push(k, 'field');
      prune(v, sub, p, sub.embedded, out);
      p.pop();
    } else if (n.ap !== undefined || n.apTrue) {
      // `additionalProperties: true` has no structural schema: an object under it is pruned whole, as in Go
      p.push(k, 'entry');
      prune(v, n.ap, p, false, out);
      p.pop();
    } else {
      record(p, k, out);
    }
  }
}

function skipPrune(x: unknown, n: CompiledNode, p: PathStack, embedded: boolean, out: Issue[]): void {
  if (typeof x !== 'object' || x === null) return;
  if (Array.isArray(x)) {
    const items = n.items;
    if (items === undefined) return;
    for (let i = 0; i < x.length; i++) {
      p.push(i, 'item');
      skipPrune(x[i], items, p, false, out);
      p.pop();
    }
    return;
  }
  const obj = x as Record<string, unknown>;
  for (const k in obj) {
    if (!hasOwn(obj, k)) continue;
    if ((embedded || n.embedded) && isMetaField(k)) continue;
    const sub = n.props?.get(k);
    if (sub !== undefined) {
      p.push(k, 'field');
      prune(obj[k], sub, p, sub.embedded, out);
      p.pop();
    } else if (n.ap !== undefined) {
      p.push(k, 'entry');
      prune(obj[k], n.ap, p, false, out);
      p.pop();
    }
  }
}
