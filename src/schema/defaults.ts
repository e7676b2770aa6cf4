/** Applies a CRD schema's defaults to an object, as the API server does before it runs CEL. */
import { rootSchemaFor } from './registry';
import type { SchemaNode } from './types';
import type { KubeObject } from '../core/types';

type Json = unknown;

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * `o[key] = v` that never reaches a prototype: assigning to `__proto__` would call Object.prototype's setter and
 * replace the object's prototype (a manifest key `__proto__:` would then hide its content from validation).
 */
function setOwn(o: Record<string, unknown>, key: string, v: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value: v, writable: true, enumerable: true, configurable: true });
  else o[key] = v;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Deep copy of JSON-like data (functions and undefined dropped, like a JSON round trip but faster). */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as unknown as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      const v = value[k];
      if (v !== undefined) setOwn(out, k, cloneJson(v));
    }
    return out as T;
  }
  return value;
}

/**
 * Prunes nulls of non-nullable fields and fills in `default`s, in place, following the API server:
 * null values of fields that are not `nullable` are dropped before defaulting, then every absent
 * property with a `default` gets a copy of it, recursively (list items and map values included).
 */
export function defaultNode(schema: SchemaNode | undefined, value: Json): void {
  if (!schema) return;
  if (Array.isArray(value)) {
    if (schema.items) for (const item of value) defaultNode(schema.items, item);
    return;
  }
  if (!isPlainObject(value)) return;
  const props = schema.properties;
  if (props) {
    for (const key of Object.keys(props)) {
      const sub = props[key];
      if (value[key] === null && !sub.nullable) delete value[key];
      if (!hasOwn(value, key) && sub.default !== undefined) setOwn(value, key, cloneJson(sub.default));
      if (hasOwn(value, key)) defaultNode(sub, value[key]);
    }
  }
  const ap = schema.additionalProperties;
  if (ap && typeof ap === 'object') {
    for (const key of Object.keys(value)) {
      if (props && hasOwn(props, key)) continue;
      if (value[key] === null && !ap.nullable) delete value[key];
      else defaultNode(ap, value[key]);
    }
  }
}

/** A property of a schema node that has a default. */
interface Defaulted { readonly key: string; readonly schema: SchemaNode }

/** Properties of a schema node that have a default, in schema order (computed once per node). */
const DEFAULTED = new WeakMap<SchemaNode, readonly Defaulted[]>();

function defaultedProperties(schema: SchemaNode): readonly Defaulted[] {
  let d = DEFAULTED.get(schema);
  if (!d) {
    const props = schema.properties ?? {};
    d = Object.keys(props).filter(k => props[k].default !== undefined).map(key => ({ key, schema: props[key] }));
    DEFAULTED.set(schema, d);
  }
  return d;
}

function isPlainPrototype(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

/**
 * The first `n` own keys of `value` (all with `n` = Infinity), copied key by key (copies of one shape share a
 * hidden class). Keys are read with `for...in` and `hasOwn`: Object.keys order, no list allocated.
 */
function copyKeys(value: Record<string, unknown>, n: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let j = 0;
  for (const key in value) {
    if (j >= n) break;
    if (!hasOwn(value, key)) continue;
    setOwn(out, key, value[key]);
    j++;
  }
  return out;
}

/**
 * What `cloneJson` followed by `defaultNode` gives, copy on write: the nodes defaulting leaves as they are
 * (no default added, no null or undefined member dropped, nothing changed below) are the input's own nodes,
 * the others are new. Never modifies `value`; the result shares nodes with it, so it must only be read.
 * With `root`, `metadata` and `status` are only copied (the CRD does not default them) and there is no
 * `additionalProperties`, as for a whole object.
 */
export function withDefaults(schema: SchemaNode | undefined, value: Json, root = false): Json {
  if (Array.isArray(value)) {
    const items = schema?.items;
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const nv = typeof v !== 'object' || v === null ? v : withDefaults(items, v);
      if (nv !== v) (out ??= value.slice())[i] = nv;
    }
    return out ?? value;
  }
  if (!isPlainObject(value)) return value;
  const props = schema?.properties;
  const ap = !root && schema?.additionalProperties && typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  // once a member changes, `out` holds the members processed so far (cloneJson makes any object a plain one)
  let out: Record<string, unknown> | undefined = isPlainPrototype(value) ? undefined : {};
  let index = -1;
  for (const key in value) {
    if (!hasOwn(value, key)) continue;
    index++;
    const v = value[key];
    let sub: SchemaNode | undefined;
    if (root && (key === 'metadata' || key === 'status')) {
      sub = undefined;
    } else if (props && hasOwn(props, key)) {
      sub = props[key];
    } else if (ap && !(props && hasOwn(props, key))) {
      sub = ap;
    }
    const drop = v === undefined || (sub !== undefined && v === null && !sub.nullable);
    // a scalar is its own defaulted value: no call for the (many) leaves
    const nv = drop ? undefined : typeof v !== 'object' || v === null ? v : withDefaults(sub, v);
    if (!out) {
      if (!drop && nv === v) continue;
      out = copyKeys(value, index);
    }
    if (!drop) setOwn(out, key, nv);
  }
  if (schema) {
    const defaulted = defaultedProperties(schema);
    for (let i = 0; i < defaulted.length; i++) {
      const d = defaulted[i];
      if (root && (d.key === 'metadata' || d.key === 'status')) continue;
      if (hasOwn(out ?? value, d.key)) continue;
      out ??= copyKeys(value, Infinity);
      setOwn(out, d.key, withDefaults(d.schema, cloneJson(d.schema.default)));
    }
  }
  return out ?? value;
}

/**
 * Returns a deep copy of an object with its CRD defaults applied (what the API server would store).
 * Objects that are not of a known ToolHive kind and version are returned copied, unchanged.
 *
 * @example
 * applyDefaults({ apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPServer', metadata: { name: 'x' }, spec: { image: 'i' } })
 *   .spec // { image: 'i', transport: 'stdio', proxyPort: 8080, ... }
 */
export function applyDefaults(obj: KubeObject): KubeObject {
  const copy = cloneJson(obj);
  const schema = rootSchemaFor(obj?.apiVersion, obj?.kind);
  if (schema && isPlainObject(copy)) defaultNode(schema, copy);
  return copy;
}
