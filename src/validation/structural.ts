/**
 * Layer 2 (and the driver of layer 3): the CRD's structural OpenAPI schema, checked the way
 * k8s.io/apiextensions-apiserver does on `kubectl apply` with strict field validation, with the
 * API server's message formats. CEL rules run at each node after its children (see cel.ts).
 */
import { RE2JS } from '@bufbuild/re2';
import { fitsIntFormat, isApiInteger, STRING_FORMATS } from './apiserver/formats';
import { compileRule, evaluateRule, toCel, type CompiledRule, type RuleOutcome } from './cel';
import { RuleMemo } from './cel-memo';
import type { SchemaNode } from '../schema/types';
import { goQuote } from './operator/go/quote';

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
}

const patterns = new Map<string, RE2JS | Error>();
/** A compiled CEL rule and its outcome memo, keyed by the schema's rule entry (no string hashing on the hot path). */
interface RuleState { readonly compiled: CompiledRule; readonly memo?: RuleMemo }
const ruleCache = new WeakMap<object, RuleState>();

function ruleState(r: { rule: string; message?: string }): RuleState {
  let state = ruleCache.get(r);
  if (!state) {
    const compiled = compileRule(r.rule, r.message ?? '');
    state = { compiled, memo: compiled.selfFields ? new RuleMemo(compiled.selfFields) : undefined };
    ruleCache.set(r, state);
  }
  return state;
}

/** Evaluates a rule at a node, or reuses the outcome of a node with the same projection (see cel-memo.ts). */
function ruleOutcome(state: RuleState, schema: SchemaNode, value: unknown, ctx: WalkContext): RuleOutcome {
  const key = state.memo?.key(value);
  if (key !== undefined) {
    const hit = state.memo!.get(key);
    if (hit) return hit;
  }
  const outcome = evaluateRule(state.compiled, toCel(schema, value, ctx.celCache ??= new WeakMap()));
  if (key !== undefined) state.memo!.set(key, outcome);
  return outcome;
}

/** RE2 (Go) semantics, unanchored search like the API server; compiled once per pattern. */
function patternMatches(pattern: string, value: string): boolean | Error {
  let re = patterns.get(pattern);
  if (!re) {
    try {
      re = RE2JS.compile(pattern);
    } catch (e) {
      re = e as Error;
    }
    patterns.set(pattern, re);
  }
  return re instanceof Error ? re : re.test(value);
}

/** `enum.some(e => e === value)`, without a closure per node. */
function inEnum(values: readonly unknown[], value: unknown): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === value) return true;
  return false;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return isApiInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(type: SchemaNode['type'], v: unknown): boolean {
  switch (type) {
    case undefined: return true;
    case 'object': return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array': return Array.isArray(v);
    case 'string': return typeof v === 'string';
    case 'integer': return typeof v === 'number' && isApiInteger(v);
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'boolean': return typeof v === 'boolean';
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

/** Go's `%#v` of a map[string]interface{} as the API server prints duplicate list-map keys. */
function goMapLiteral(keys: readonly string[], item: Record<string, unknown>): string {
  const parts = [...keys].sort().map(k => `${JSON.stringify(k)}:${JSON.stringify(item[k])}`);
  return `map[string]interface {}{${parts.join(', ')}}`;
}

function showValue(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? 'null';
}

/** A string format of kube-openapi strfmt the value fails (formats of other types never apply to strings). */
function formatFails(format: string, v: string): boolean {
  const check = Object.prototype.hasOwnProperty.call(STRING_FORMATS, format) ? STRING_FORMATS[format] : undefined;
  return check !== undefined && !check(v);
}

/**
 * Validates `value` against `schema` at `where`, appending issues. The location is rendered only for issues:
 * as an API server path (`spec.a[0].b`), and as the schema location of CEL rule ids (`spec.a[*].b`).
 * Returns nothing: all findings go to `ctx.issues`.
 */
export function validateNode(schema: SchemaNode, value: unknown, where: Where | undefined, ctx: WalkContext): void {
  const { issues } = ctx;
  if (value === null) {
    // kube-openapi SchemaValidator on nil: the type validator (only when the schema has a type) and the enum
    if (schema.type !== undefined && !schema.nullable) {
      const at = apiPath(where);
      issues.push({ path: at, rule: 'schema.type', message: `Invalid value: "null": ${at} in body must be of type ${schema.type}: "null"` });
    }
    if (schema.enum && !inEnum(schema.enum, null)) enumIssue(schema.enum, null, where, ctx);
    return;
  }
  if (!typeMatches(schema.type, value)) {
    const got = jsonType(value);
    const at = apiPath(where);
    issues.push({ path: at, rule: 'schema.type', message: `Invalid value: "${got}": ${at} in body must be of type ${schema.type}: "${got}"` });
    // the validators that apply to the data's kind still run (enum, number bounds); nothing below the node does
    if (schema.enum && !inEnum(schema.enum, value)) enumIssue(schema.enum, value, where, ctx);
    if (typeof value === 'number') numberIssues(schema, value, where, ctx);
    return;
  }

  if (schema.enum && !inEnum(schema.enum, value)) enumIssue(schema.enum, value, where, ctx);

  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && value.length > schema.maxLength && codePoints(value) > schema.maxLength) {
      issues.push({ path: apiPath(where), rule: 'schema.max-length', message: `Too long: may not be more than ${schema.maxLength} bytes` });
    }
    if (schema.minLength !== undefined && codePoints(value) < schema.minLength) {
      issues.push({ path: apiPath(where), rule: 'schema.min-length', message: `Invalid value: ${showValue(value)}: ${apiPath(where)} in body should be at least ${schema.minLength} chars long` });
    }
    if (schema.pattern !== undefined) {
      const ok = patternMatches(schema.pattern, value);
      if (ok instanceof Error) {
        issues.push({ path: apiPath(where), rule: 'schema.pattern', message: `the CRD pattern '${schema.pattern}' does not compile as RE2: ${ok.message}` });
      } else if (!ok) {
        issues.push({ path: apiPath(where), rule: 'schema.pattern', message: `Invalid value: ${showValue(value)}: ${apiPath(where)} in body should match '${schema.pattern}'` });
      }
    }
    if (schema.format !== undefined && formatFails(schema.format, value)) {
      issues.push({ path: apiPath(where), rule: 'schema.format', message: `Invalid value: "${schema.format}": ${apiPath(where)} in body must be of type ${schema.format}: ${showValue(value)}` });
    }
  }

  if (typeof value === 'number') numberIssues(schema, value, where, ctx);

  if (Array.isArray(value)) {
    validateArray(schema, value, where, ctx);
  } else if (typeof value === 'object') {
    validateObject(schema, value as Record<string, unknown>, where, ctx);
  }

  const rules = schema['x-kubernetes-validations'];
  if (rules) {
    const out = ctx.cel ?? issues;
    for (let index = 0; index < rules.length; index++) {
      const r = rules[index];
      const state = ruleState(r);
      const compiled = state.compiled;
      const outcome = ruleOutcome(state, schema, value, ctx);
      if (outcome.ok) continue;
      const shown = schema.type === 'object' || schema.type === undefined ? 'object' : schema.type;
      // the id's suffix is the digest of the rule's message (scripts/import-crds.ts): stable across releases
      const rule = `cel.${ctx.kind}.${locationOf(where) || '<root>'}#${r.id ?? index}`;
      const message = outcome.error === undefined
        ? `Invalid value: "${shown}": ${compiled.message || `failed rule: ${r.rule}`}`
        // the API server names the rule by its message when it has one (ruleErrorString)
        : `Invalid value: "${shown}": ${outcome.error} evaluating rule: ${(compiled.message || r.rule).trim()}`;
      out.push({ path: pathOf(where) || '<root>', rule, message });
    }
  }
}

function enumIssue(values: readonly unknown[], value: unknown, where: Where | undefined, ctx: WalkContext): void {
  ctx.issues.push({ path: apiPath(where), rule: 'schema.enum', message: `Unsupported value: ${showValue(value)}: supported values: ${values.map(showValue).join(', ')}` });
}

/**
 * kube-openapi numberValidator: the bounds, and for integer schemas the capacity check IsValueValidAgainstRange
 * ("Checked value must be of type integer ..."), which the API server reports at the object root (a plain error,
 * apiextensions validation.go kubeOpenAPIResultToFieldErrors). Before Kubernetes 1.36 the int32/int64 formats
 * were stripped, so only the default (int64) capacity applies.
 */
function numberIssues(schema: SchemaNode, value: number, where: Where | undefined, ctx: WalkContext): void {
  const { issues } = ctx;
  if (schema.type === 'integer') {
    const format = ctx.intFormats && (schema.format === 'int32' || schema.format === 'int64') ? schema.format : '';
    if (!fitsIntFormat(format || 'int64', value)) {
      const what = format ? `with format ${format}` : '(default format)';
      issues.push({ path: '<root>', rule: 'schema.integer-format', message: `Invalid value: "": Checked value must be of type integer ${what} in ${apiPath(where)}` });
    }
  }
  if (schema.minimum !== undefined && (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum)) {
    issues.push({ path: apiPath(where), rule: 'schema.minimum', message: `Invalid value: ${value}: ${apiPath(where)} in body should be greater than ${schema.exclusiveMinimum ? '' : 'or equal to '}${schema.minimum}` });
  }
  if (schema.maximum !== undefined && (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum)) {
    issues.push({ path: apiPath(where), rule: 'schema.maximum', message: `Invalid value: ${value}: ${apiPath(where)} in body should be less than ${schema.exclusiveMaximum ? '' : 'or equal to '}${schema.maximum}` });
  }
}

function validateArray(schema: SchemaNode, value: unknown[], where: Where | undefined, ctx: WalkContext): void {
  const { issues } = ctx;
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    issues.push({ path: apiPath(where), rule: 'schema.min-items', message: `Invalid value: ${value.length}: ${apiPath(where)} in body should have at least ${schema.minItems} items` });
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    issues.push({ path: apiPath(where), rule: 'schema.max-items', message: `Too many: ${value.length}: must have at most ${schema.maxItems} items` });
  }
  const items = schema.items;
  if (items) {
    for (let i = 0; i < value.length; i++) validateNode(items, value[i], new Where(where, i, 'item'), ctx);
  }
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'set') {
    // listtype/validation.go validateListSet: one error per duplicated value, at its first repeat
    const seen = new Map<string, number>();
    value.forEach((item, i) => {
      const key = JSON.stringify(item) ?? 'null';
      const times = seen.get(key) ?? 0;
      if (times === 1) issues.push({ path: pathOf(new Where(where, i, 'item')), rule: 'schema.duplicate', message: `Duplicate value: ${showValue(item)}` });
      seen.set(key, times + 1);
    });
  } else if (listType === 'map') {
    const keys = schema['x-kubernetes-list-map-keys'] ?? [];
    const seen = new Map<string, number>();
    value.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
      const rec = item as Record<string, unknown>;
      const key = JSON.stringify(keys.map(k => rec[k] ?? items?.properties?.[k]?.default ?? null));
      const times = seen.get(key) ?? 0;
      if (times === 1) issues.push({ path: pathOf(new Where(where, i, 'item')), rule: 'schema.duplicate', message: `Duplicate value: ${goMapLiteral(keys, rec)}` });
      seen.set(key, times + 1);
    });
  }
}

function validateObject(schema: SchemaNode, value: Record<string, unknown>, where: Where | undefined, ctx: WalkContext): void {
  const { issues } = ctx;
  const keys = Object.keys(value);
  if (schema.required) {
    for (const r of schema.required) {
      if (!(r in value) || value[r] === undefined) issues.push({ path: apiPath(new Where(where, r, 'field')), rule: 'schema.required', message: 'Required value' });
    }
  }
  if (schema.minProperties !== undefined && keys.length < schema.minProperties) {
    issues.push({ path: apiPath(where), rule: 'schema.min-properties', message: `Invalid value: ${keys.length}: ${apiPath(where)} in body should have at least ${schema.minProperties} properties` });
  }
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) {
    issues.push({ path: apiPath(where), rule: 'schema.max-properties', message: `Too many: ${keys.length}: must have at most ${schema.maxProperties} items` });
  }
  const props = schema.properties;
  const ap = schema.additionalProperties;
  for (const key of keys) {
    const v = value[key];
    if (v === undefined) continue;
    const sub = props && Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
    if (sub) {
      validateNode(sub, v, new Where(where, key, 'field'), ctx);
    } else if (ap && typeof ap === 'object') {
      validateNode(ap, v, new Where(where, key, 'entry'), ctx);
    }
    // unknown fields are found by the decoding step (unknownFields below), before validation
  }
}

/** Structural pruning node: the Go algorithm needs only these. */
type PruneSchema = SchemaNode | undefined;

/**
 * The unknown fields strict decoding reports, exactly as apiextensions-apiserver pkg/apiserver/schema/pruning
 * algorithm.go prune does: it follows properties, additionalProperties and items whatever the value's type, so
 * every key of an object where the schema has neither (a string field given an object, say) is unknown; keys
 * under x-kubernetes-preserve-unknown-fields are kept; apiVersion, kind and metadata are skipped at the root and
 * in embedded resources. Paths as Go prints them: `spec.a[0].b`, map keys with a dot.
 */
export function unknownFields(schema: SchemaNode, value: unknown): Issue[] {
  const out: Issue[] = [];
  prune(value, schema, '', true, out);
  // Go sorts the paths (sort.Strings); byte order, as code-unit order for the ASCII of field names
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);
const join = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

function record(parent: string, key: string, out: Issue[]): void {
  const at = join(parent, key);
  out.push({ path: at, rule: 'schema.unknown-field', message: `unknown field ${goQuote(at)}` });
}

function prune(x: unknown, s: PruneSchema, parent: string, embedded: boolean, out: Issue[]): void {
  if (s && s['x-kubernetes-preserve-unknown-fields'] === true) {
    skipPrune(x, s, parent, embedded, out);
    return;
  }
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) prune(x[i], s?.items, `${parent}[${i}]`, false, out);
    return;
  }
  if (typeof x !== 'object' || x === null) return;
  const obj = x as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    if (obj[k] === undefined) continue;
    if (!s) { record(parent, k, out); continue; }
    if ((embedded || s['x-kubernetes-embedded-resource'] === true) && META_FIELDS.has(k)) continue;
    const props = s.properties;
    const ap = s.additionalProperties;
    if (props && Object.prototype.hasOwnProperty.call(props, k)) {
      prune(obj[k], props[k], join(parent, k), props[k]['x-kubernetes-embedded-resource'] === true, out);
    } else if (ap !== undefined && ap !== false) {
      // `additionalProperties: true` has no structural schema: an object under it is pruned whole, as in Go
      prune(obj[k], typeof ap === 'object' ? ap : undefined, join(parent, k), false, out);
    } else {
      record(parent, k, out);
    }
  }
}

function skipPrune(x: unknown, s: SchemaNode, parent: string, embedded: boolean, out: Issue[]): void {
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) if (s.items) skipPrune(x[i], s.items, `${parent}[${i}]`, false, out);
    return;
  }
  if (typeof x !== 'object' || x === null) return;
  const obj = x as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    if ((embedded || s['x-kubernetes-embedded-resource'] === true) && META_FIELDS.has(k)) continue;
    const props = s.properties;
    const ap = s.additionalProperties;
    if (props && Object.prototype.hasOwnProperty.call(props, k)) {
      prune(obj[k], props[k], join(parent, k), props[k]['x-kubernetes-embedded-resource'] === true, out);
    } else if (ap && typeof ap === 'object') {
      prune(obj[k], ap, join(parent, k), false, out);
    }
  }
}

/**
 * Where a node is, as a chain of steps from the object's root: a field, a list item or a map entry. Paths are
 * rendered only for issues, so the walk builds no strings for the (many) nodes without one.
 */
export class Where {
  public constructor(
    public readonly parent: Where | undefined,
    public readonly key: string | number,
    public readonly step: 'field' | 'item' | 'entry',
  ) {}
}

/** The API server's path: `spec.a[0].b[key]` (`''` at the root). */
export function pathOf(where: Where | undefined): string {
  if (!where) return '';
  const parent = pathOf(where.parent);
  if (where.step === 'field') return parent ? `${parent}.${where.key}` : String(where.key);
  return `${parent}[${where.key}]`;
}

/** kube-openapi's path, used by schema errors: like {@link pathOf} but map entries as `.key` (object_validator.go). */
export function apiPath(where: Where | undefined): string {
  if (!where) return '';
  const parent = apiPath(where.parent);
  if (where.step === 'item') return `${parent}[${where.key}]`;
  return parent ? `${parent}.${where.key}` : String(where.key);
}

/** The schema location CEL rule ids use: `spec.a[*].b{*}` (`''` at the root). */
export function locationOf(where: Where | undefined): string {
  if (!where) return '';
  const parent = locationOf(where.parent);
  if (where.step === 'field') return parent ? `${parent}.${where.key}` : String(where.key);
  return where.step === 'item' ? `${parent}[*]` : `${parent}{*}`;
}
