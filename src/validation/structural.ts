/**
 * Layer 2 (and the driver of layer 3): the CRD's structural OpenAPI schema, checked the way
 * k8s.io/apiextensions-apiserver does on `kubectl apply` with strict field validation, with the
 * API server's message formats. CEL rules run at each node after its children (see cel.ts).
 */
import { RE2JS } from '@bufbuild/re2';
import { compileRule, evaluateRule, toCel, type CompiledRule, type RuleOutcome } from './cel';
import { OUT_OF_BUDGET_MESSAGE, PER_CALL_LIMIT, PER_OBJECT_BUDGET, perCallMessage } from './cel-cost';
import { RuleMemo } from './cel-memo';
import { isStrfmtDuration } from './scan/duration';
import { hasOwn } from './util';
import type { SchemaNode } from '../schema/types';

export interface Issue {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

export interface WalkContext {
  readonly kind: string;
  readonly issues: Issue[];
  /** CEL values of this object's nodes, created on the first rule that needs one (most outcomes are memoized). */
  celCache?: WeakMap<object, unknown>;
  /** CEL cost charged to this object so far (see cel-cost.ts). */
  celSpent?: number;
  /** Set once a rule exceeded the per-call limit or the object its budget: no further rule runs on it. */
  celStopped?: boolean;
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
  // bound the cost before running: @bufbuild/cel cannot be stopped once it runs
  const cost = state.compiled.cost ? state.compiled.cost(value) : 1;
  const outcome: RuleOutcome = cost > PER_CALL_LIMIT
    ? { ok: false, overLimit: true, cost }
    : { ...evaluateRule(state.compiled, toCel(schema, value, ctx.celCache ??= new WeakMap())), cost };
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
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(type: SchemaNode['type'], v: unknown): boolean {
  switch (type) {
    case undefined: return true;
    case 'object': return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array': return Array.isArray(v);
    case 'string': return typeof v === 'string';
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
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

// --- formats (k8s.io/kube-openapi strfmt, the ones the ToolHive CRDs use) ---

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;

/** Go `url.ParseRequestURI`: an absolute URI with a scheme, or an absolute path. */
export function isRequestURI(s: string): boolean {
  if (s.length === 0 || /[\s\x00-\x1f\x7f]/.test(s)) return false;
  if (s.startsWith('/')) return true;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(s);
  if (!m) return false;
  const rest = m[2];
  if (rest.startsWith('//')) {
    const authority = rest.slice(2).split(/[/?#]/)[0];
    // Go rejects an invalid port and stray brackets in the host.
    const hostPort = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
    if (hostPort.startsWith('[')) return /^\[[0-9a-fA-F:.]+(%[^\]]+)?\](:\d*)?$/.test(hostPort);
    return /^[^:\[\]]*(:\d*)?$/.test(hostPort);
  }
  return true;
}

function formatOk(format: string, v: unknown): boolean {
  switch (format) {
    case 'int32': return typeof v !== 'number' || (v >= -2147483648 && v <= 2147483647);
    case 'int64': return typeof v !== 'number' || Number.isSafeInteger(v) || Number.isInteger(v);
    case 'date-time': return typeof v !== 'string' || DATE_TIME.test(v);
    case 'duration': return typeof v !== 'string' || GO_DURATION.test(v) || isStrfmtDuration(v);
    case 'uri': return typeof v !== 'string' || isRequestURI(v);
    default: return true;
  }
}

/**
 * Validates `value` against `schema` at `where`, appending issues. The location is rendered only for issues:
 * as an API server path (`spec.a[0].b`), and as the schema location of CEL rule ids (`spec.a[*].b`).
 * Returns nothing: all findings go to `ctx.issues`.
 */
export function validateNode(schema: SchemaNode, value: unknown, where: Where | undefined, ctx: WalkContext): void {
  const { issues } = ctx;
  if (value === null) {
    if (!schema.nullable) {
      issues.push({ path: pathOf(where), rule: 'schema.type', message: `Invalid value: "null": ${pathOf(where)} in body must be of type ${schema.type ?? 'object'}: "null"` });
    }
    return;
  }
  if (!typeMatches(schema.type, value)) {
    const got = jsonType(value);
    issues.push({ path: pathOf(where), rule: 'schema.type', message: `Invalid value: "${got}": ${pathOf(where)} in body must be of type ${schema.type}: "${got}"` });
    return;
  }

  if (schema.enum && !inEnum(schema.enum, value)) {
    issues.push({ path: pathOf(where), rule: 'schema.enum', message: `Unsupported value: ${showValue(value)}: supported values: ${schema.enum.map(showValue).join(', ')}` });
  }

  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && value.length > schema.maxLength && codePoints(value) > schema.maxLength) {
      issues.push({ path: pathOf(where), rule: 'schema.max-length', message: `Too long: may not be more than ${schema.maxLength} bytes` });
    }
    if (schema.minLength !== undefined && codePoints(value) < schema.minLength) {
      issues.push({ path: pathOf(where), rule: 'schema.min-length', message: `Invalid value: ${showValue(value)}: ${pathOf(where)} in body should be at least ${schema.minLength} chars long` });
    }
    if (schema.pattern !== undefined) {
      const ok = patternMatches(schema.pattern, value);
      if (ok instanceof Error) {
        issues.push({ path: pathOf(where), rule: 'schema.pattern', message: `the CRD pattern '${schema.pattern}' does not compile as RE2: ${ok.message}` });
      } else if (!ok) {
        issues.push({ path: pathOf(where), rule: 'schema.pattern', message: `Invalid value: ${showValue(value)}: ${pathOf(where)} in body should match '${schema.pattern}'` });
      }
    }
  }

  if (typeof value === 'number') {
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum)) {
      issues.push({ path: pathOf(where), rule: 'schema.minimum', message: `Invalid value: ${value}: ${pathOf(where)} in body should be greater than ${schema.exclusiveMinimum ? '' : 'or equal to '}${schema.minimum}` });
    }
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum)) {
      issues.push({ path: pathOf(where), rule: 'schema.maximum', message: `Invalid value: ${value}: ${pathOf(where)} in body should be less than ${schema.exclusiveMaximum ? '' : 'or equal to '}${schema.maximum}` });
    }
  }

  if (schema.format !== undefined && !formatOk(schema.format, value)) {
    issues.push({ path: pathOf(where), rule: 'schema.format', message: `Invalid value: "${schema.format}": ${pathOf(where)} in body must be of type ${schema.format}: ${showValue(value)}` });
  }

  if (Array.isArray(value)) {
    validateArray(schema, value, where, ctx);
  } else if (typeof value === 'object') {
    validateObject(schema, value as Record<string, unknown>, where, ctx);
  }

  const rules = schema['x-kubernetes-validations'];
  if (rules && !ctx.celStopped) {
    const shown = schema.type === 'object' || schema.type === undefined ? 'object' : schema.type;
    for (let index = 0; index < rules.length; index++) {
      const r = rules[index];
      const state = ruleState(r);
      const compiled = state.compiled;
      const outcome = ruleOutcome(state, schema, value, ctx);
      const spent = (ctx.celSpent ?? 0) + (outcome.cost ?? 1);
      if (!outcome.ok && outcome.overLimit) {
        // mirrors validateExpressions: one error, and no further rule runs on the object
        ctx.celStopped = true;
        issues.push({ path: pathOf(where) || '<root>', rule: 'cel.cost-limit', message: `Invalid value: "${shown}": ${perCallMessage((compiled.message || r.rule).trim())}` });
        return;
      }
      if (spent > PER_OBJECT_BUDGET) {
        ctx.celStopped = true;
        issues.push({ path: pathOf(where) || '<root>', rule: 'cel.cost-budget', message: `Invalid value: "${shown}": ${OUT_OF_BUDGET_MESSAGE}` });
        return;
      }
      ctx.celSpent = spent;
      if (outcome.ok) continue;
      const rule = `cel.${ctx.kind}.${locationOf(where) || '<root>'}#${index}`;
      const message = outcome.error === undefined
        ? `Invalid value: "${shown}": ${compiled.message || `failed rule: ${r.rule}`}`
        // the API server names the rule by its message when it has one (ruleErrorString)
        : `Invalid value: "${shown}": ${outcome.error} evaluating rule: ${(compiled.message || r.rule).trim()}`;
      issues.push({ path: pathOf(where) || '<root>', rule, message });
    }
  }
}

function validateArray(schema: SchemaNode, value: unknown[], where: Where | undefined, ctx: WalkContext): void {
  const { issues } = ctx;
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    issues.push({ path: pathOf(where), rule: 'schema.min-items', message: `Invalid value: ${value.length}: ${pathOf(where)} in body should have at least ${schema.minItems} items` });
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    issues.push({ path: pathOf(where), rule: 'schema.max-items', message: `Too many: ${value.length}: must have at most ${schema.maxItems} items` });
  }
  const items = schema.items;
  if (items) {
    for (let i = 0; i < value.length; i++) validateNode(items, value[i], new Where(where, i, 'item'), ctx);
  }
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'set') {
    const seen = new Set<string>();
    value.forEach((item, i) => {
      const key = JSON.stringify(item);
      if (seen.has(key)) issues.push({ path: pathOf(new Where(where, i, 'item')), rule: 'schema.duplicate', message: `Duplicate value: ${showValue(item)}` });
      seen.add(key);
    });
  } else if (listType === 'map') {
    const keys = schema['x-kubernetes-list-map-keys'] ?? [];
    const seen = new Set<string>();
    value.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
      const rec = item as Record<string, unknown>;
      const key = JSON.stringify(keys.map(k => rec[k] ?? items?.properties?.[k]?.default ?? null));
      if (seen.has(key)) issues.push({ path: pathOf(new Where(where, i, 'item')), rule: 'schema.duplicate', message: `Duplicate value: ${goMapLiteral(keys, rec)}` });
      seen.add(key);
    });
  }
}

function validateObject(schema: SchemaNode, value: Record<string, unknown>, where: Where | undefined, ctx: WalkContext): void {
  const { issues } = ctx;
  const keys = Object.keys(value);
  if (schema.required) {
    for (const r of schema.required) {
      if (!hasOwn(value, r) || value[r] === undefined) issues.push({ path: pathOf(new Where(where, r, 'field')), rule: 'schema.required', message: 'Required value' });
    }
  }
  if (schema.minProperties !== undefined && keys.length < schema.minProperties) {
    issues.push({ path: pathOf(where), rule: 'schema.min-properties', message: `Invalid value: ${keys.length}: ${pathOf(where)} in body should have at least ${schema.minProperties} properties` });
  }
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) {
    issues.push({ path: pathOf(where), rule: 'schema.max-properties', message: `Too many: ${keys.length}: must have at most ${schema.maxProperties} items` });
  }
  const props = schema.properties;
  const ap = schema.additionalProperties;
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  for (const key of keys) {
    const v = value[key];
    if (v === undefined) continue;
    const sub = props && hasOwn(props, key) ? props[key] : undefined;
    if (sub) {
      validateNode(sub, v, new Where(where, key, 'field'), ctx);
    } else if (ap && typeof ap === 'object') {
      validateNode(ap, v, new Where(where, key, 'entry'), ctx);
    } else if (ap === true || preserve) {
      // unknown fields are kept as they are
    } else {
      const at = pathOf(new Where(where, key, 'field'));
      issues.push({ path: at, rule: 'schema.unknown-field', message: `unknown field ${JSON.stringify(at)}` });
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

/** The schema location CEL rule ids use: `spec.a[*].b{*}` (`''` at the root). */
export function locationOf(where: Where | undefined): string {
  if (!where) return '';
  const parent = locationOf(where.parent);
  if (where.step === 'field') return parent ? `${parent}.${where.key}` : String(where.key);
  return where.step === 'item' ? `${parent}[*]` : `${parent}{*}`;
}
