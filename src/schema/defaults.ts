/** Applies a CRD schema's defaults to an object, as the API server does before it runs CEL. */
import { rootSchemaFor } from './registry';
import type { SchemaNode } from './types';
import type { KubeObject } from '../validation/types';

type Json = unknown;

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
      if (v !== undefined) out[k] = cloneJson(v);
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
      if (!(key in value) && sub.default !== undefined) value[key] = cloneJson(sub.default);
      if (key in value) defaultNode(sub, value[key]);
    }
  }
  const ap = schema.additionalProperties;
  if (ap && typeof ap === 'object') {
    for (const key of Object.keys(value)) {
      if (props && key in props) continue;
      if (value[key] === null && !ap.nullable) delete value[key];
      else defaultNode(ap, value[key]);
    }
  }
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
