/**
 * Shared pieces of the manifest builders. Framework-neutral: imports neither cdk8s nor Pulumi, so the
 * cdk8s constructs, the Pulumi components and the CLI emit byte-identical objects.
 */
import { Ancestors } from '../core/ancestors';
import { sortedSmall } from '../core/util';
import { TOOLHIVE_GROUP, apiVersionOf, type ToolHiveKind } from '../schema/kinds';

export { TOOLHIVE_GROUP, apiVersionOf, type ToolHiveKind };

/** The metadata a builder accepts: a resolved name, never a generated one. */
export interface ObjectMeta {
  readonly name: string;
  /** @default - no namespace in the manifest (the namespace of the `kubectl apply`, usually `default`) */
  readonly namespace?: string;
  /** @default - no labels */
  readonly labels?: { readonly [key: string]: string };
  /** @default - no annotations */
  readonly annotations?: { readonly [key: string]: string };
}

/** Input of every builder: resolved metadata and a plain JSON spec (references by name). */
export interface ManifestProps<S> {
  readonly metadata: ObjectMeta;
  readonly spec: S;
}

/** A plain ToolHive manifest, ready to be serialised. */
export interface ToolHiveManifest<S = Record<string, unknown>> {
  readonly apiVersion: string;
  readonly kind: ToolHiveKind;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: { readonly [key: string]: string };
    readonly annotations?: { readonly [key: string]: string };
  };
  readonly spec: S;
}

const METADATA_ORDER = ['name', 'namespace', 'labels', 'annotations'];

/**
 * A deterministic deep copy of JSON-like data: `undefined` members are dropped, object keys are sorted,
 * objects with a `toJSON()` (such as `SecretKey`) are replaced by its result.
 */
export function canonical(value: unknown, at = ''): unknown {
  return copyData(value, new Ancestors(), [], at);
}

/** `at`, then the steps (keys and indexes) below it, as `a.b[0].c`: rendered only for the error. */
function render(at: string, steps: readonly (string | number)[]): string {
  let out = at;
  for (const s of steps) out = typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s;
  return out;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Whether a plain object may be read with `for...in`: nothing enumerable and no `toJSON` is inherited from
 * `Object.prototype` (checked per call of `canonical`, so a polluted prototype takes the general path).
 */
function plainObjectsAreSimple(): boolean {
  // eslint-disable-next-line guard-for-in, no-unreachable-loop
  for (const _ in Object.prototype) return false;
  return typeof (Object.prototype as { toJSON?: unknown }).toJSON !== 'function';
}

function copyData(value: unknown, ancestors: Ancestors, steps: (string | number)[], at: string, simple = plainObjectsAreSimple()): unknown {
  if (value === null || typeof value !== 'object') return value;
  // a plain object (the props of every builder, and most of what they nest): its own enumerable keys come from the
  // map's enum cache (`for...in`) instead of a fresh `Object.keys` array, and each value is read once
  if (simple && Object.getPrototypeOf(value) === Object.prototype) return copyPlain(value as Record<string, unknown>, ancestors, steps, at);
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return copyData(withJson.toJSON(), ancestors, steps, at, simple);
  // props are code, not data: a cyclic value is a programming error, named here instead of a stack overflow
  if (ancestors.has(value)) throw new TypeError(`props must be plain data, but ${render(at, steps) || 'the value'} refers back to one of its parents (a cycle)`);
  ancestors.push(value);
  try {
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v === undefined) continue;
        if (typeof v !== 'object' || v === null) {
          items.push(v); // a leaf: nothing to copy
          continue;
        }
        steps.push(i);
        items.push(copyData(v, ancestors, steps, at, simple));
        steps.pop();
      }
      return items;
    }
    const out: Record<string, unknown> = {};
    // the builders pass every optional field, most of them undefined: only the others are sorted
    const all = Object.keys(value);
    const keys: string[] = [];
    for (let i = 0; i < all.length; i++) if ((value as Record<string, unknown>)[all[i]] !== undefined) keys.push(all[i]);
    sortedSmall(keys, byCodeUnits); // what keys.sort() gives
    for (let i = 0; i < keys.length; i++) {
      const v = (value as Record<string, unknown>)[keys[i]];
      if (v === undefined) continue; // a getter may answer differently the second time
      let c: unknown = v;
      if (typeof v === 'object' && v !== null) {
        steps.push(keys[i]);
        c = copyData(v, ancestors, steps, at, simple);
        steps.pop();
      }
      setKey(out, keys[i], c);
    }
    return out;
  } finally {
    ancestors.pop();
  }
}

/**
 * `copyData` of an object whose prototype is `Object.prototype` (nothing inherited is enumerable): what the general
 * path gives, read in one pass. An own `toJSON` sends it back to the general path.
 */
function copyPlain(value: Record<string, unknown>, ancestors: Ancestors, steps: (string | number)[], at: string): unknown {
  const keys: string[] = [];
  const values: unknown[] = [];
  for (const k in value) {
    const v = value[k];
    if (v === undefined) continue;
    if (k === 'toJSON' && typeof v === 'function') return copyData(value, ancestors, steps, at, false);
    keys.push(k);
    values.push(v);
  }
  sortTogether(keys, values);
  // a `toJSON` defined as a non-enumerable own property: the general path calls it
  if (Object.prototype.hasOwnProperty.call(value, 'toJSON')) return copyData(value, ancestors, steps, at, false);
  // props are code, not data: a cyclic value is a programming error, named here instead of a stack overflow
  if (ancestors.has(value)) throw new TypeError(`props must be plain data, but ${render(at, steps) || 'the value'} refers back to one of its parents (a cycle)`);
  ancestors.push(value);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    let c = values[i];
    if (typeof c === 'object' && c !== null) {
      steps.push(keys[i]);
      c = copyData(c, ancestors, steps, at, true);
      steps.pop();
    }
    setKey(out, keys[i], c);
  }
  ancestors.pop();
  return out;
}

/** Insertion sort up to this many keys (the size of most props objects); a sort in n log n beyond. */
const INSERTION_SORT_MAX = 16;

/** Sorts `keys` in code-unit order (what `keys.sort()` gives: the keys are distinct) and `values` along with them. */
function sortTogether(keys: string[], values: unknown[]): void {
  const n = keys.length;
  if (n <= INSERTION_SORT_MAX) {
    for (let i = 1; i < n; i++) {
      const k = keys[i];
      const v = values[i];
      let j = i;
      for (; j > 0 && keys[j - 1] > k; j--) {
        keys[j] = keys[j - 1];
        values[j] = values[j - 1];
      }
      keys[j] = k;
      values[j] = v;
    }
    return;
  }
  // a large map (labels, env by name): never quadratic in its size
  const order = keys.map((_, i) => i).sort((a, b) => byCodeUnits(keys[a], keys[b]));
  const k = order.map(i => keys[i]);
  const v = order.map(i => values[i]);
  for (let i = 0; i < n; i++) {
    keys[i] = k[i];
    values[i] = v[i];
  }
}

/** `out[key] = value`; a `__proto__` key stays an own key (validation rejects it) instead of replacing the prototype. */
function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  else out[key] = value;
}

function canonicalMetadata(meta: ObjectMeta): ToolHiveManifest['metadata'] {
  const copy = canonical(meta) as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  for (const key of METADATA_ORDER) if (own(copy, key)) ordered[key] = copy[key];
  for (const key of Object.keys(copy)) {
    if (own(ordered, key)) continue;
    if (key === '__proto__') Object.defineProperty(ordered, key, { value: copy[key], writable: true, enumerable: true, configurable: true });
    else ordered[key] = copy[key];
  }
  return ordered as unknown as ToolHiveManifest['metadata'];
}

/** Builds `{apiVersion, kind, metadata, spec}` for a ToolHive kind, deterministically. */
export function toolhiveManifest<S>(kind: ToolHiveKind, props: ManifestProps<S>): ToolHiveManifest<S> {
  if (!props.metadata || typeof props.metadata.name !== 'string' || props.metadata.name === '') {
    throw new Error(`${kind} manifest needs metadata.name: pass the object's name`);
  }
  return {
    apiVersion: apiVersionOf(kind),
    kind,
    metadata: canonicalMetadata(props.metadata),
    spec: (canonical(props.spec ?? {}) ?? {}) as S,
  };
}
