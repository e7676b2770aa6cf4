/**
 * Variants of valid objects, for the differential suite: every schema keyword, metadata field and format of the
 * kinds at and beyond its bounds, apiVersion and kind, status, nulls, duplicates, unknown fields. Deterministic
 * for a seed (a small PRNG, no Math.random).
 */
import { rootSchema } from '../../src/schema/registry';
import type { SchemaNode } from '../../src/schema/types';

export interface Variant {
  readonly name: string;
  readonly object: unknown;
  /** The Kubernetes version the variant is checked for. */
  readonly kubernetesVersion: string;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A linear congruential generator (glibc constants): small, deterministic, no Math.random. */
export function prng(seed: number): () => number {
  let a = seed % 2147483648;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

const A = (n: number, c = 'a') => c.repeat(n);
const LABEL_KEYS = ['a', '-a', 'a-', 'a.b', 'A_b', 'x/y', '/y', 'x/', 'a/b/c', 'Example.com/x', 'example.com/' + A(63), 'example.com/' + A(64), A(63), A(64), 'é', 'a b', 'k8s.io/name', A(254) + '/x', A(253) + '/x', 'ex..com/x', '_a', 'a_'];
const LABEL_VALUES: unknown[] = ['', 'v', A(63), A(64), '-x', 'x-', 'x_y', 'x.y', 'a b', 'é', 1, true, null, {}, []];
const NAMES: unknown[] = ['', 'ok', 'Bad', A(253), A(254), 'a.b', 'a..b', '-a', 'a-', 'a_b', 5, null, 'x.y-z'];
const NAMESPACES: unknown[] = ['', 'team-a', 'Team', 'a.b', A(63), A(64), 5, null, '-a'];
const GENERATE_NAMES: unknown[] = ['-', '-a-', 'x.-', 'a-', 'ab-', 'A-', A(253), A(254) + '-', A(255) + '-', '', 'é-', 'x', 'x.', 'x..-', 7];
const FINALIZERS: unknown[] = [['example.com/cleanup'], ['bad finalizer'], ['orphan', 'foregroundDeletion'], ['orphan'], 'x', [1], [], ['a/b/c'], [null]];
const OWNER_REFS: unknown[] = [
  [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'c', uid: 'u' }],
  [{ apiVersion: 'v1', kind: 'ConfigMap' }],
  [{ kind: 'ConfigMap', name: 'c', uid: 'u' }],
  [{ apiVersion: 'a/b/c', kind: 'K', name: 'n', uid: 'u' }],
  [{ apiVersion: 'apps/', kind: 'K', name: 'n', uid: 'u' }],
  [{ apiVersion: 'v1', kind: 'K', name: 'n', uid: 'u', extra: 1 }],
  [{ apiVersion: 'v1', kind: 'A', name: 'a', uid: 'u', controller: true }, { apiVersion: 'v1', kind: 'B', name: 'b', uid: 'v', controller: true }],
  [{ apiVersion: 'v1', kind: 'K', name: 5, uid: 'u' }],
  'x', [null], [],
];
const API_VERSIONS = ['toolhive.stacklok.dev', 'toolhive.stacklok.dev/', 'toolhive.stacklok.dev/v9', 'toolhive.stacklok.dev/v1alpha1', 'toolhive.stacklok.dev/v1beta1', 'other.example.com/v1', 'v1', ''];
const STRINGS: unknown[] = ['', 'x', 'UPPER', 'a b', '-x', 'x-', 'é', 'https://example.com', '5s', '😀', A(300)];
const TYPE_SWAPS: unknown[] = ['str', 123, 1.5, true, [], {}, { a: 1 }, null, 1e20, -1, 0, [null], ['x'], [{ a: 1 }]];
const URIS = ['*', '/p', 'https://example.com/x', 'https://ex%2Fample.com/', 'https://exa{mple.com/', 'https://exa|mple.com/', 'https://example.com#f', 'https://example.com/#f', 'https://[::1]:80/', 'https://[::1/', 'https://h:port/', 'relative', '', 'mailto:a@b', 'https://h/%zz', 'http://a b/'];
const DURATIONS = ['5s', '1m30s', '5S', '5 seconds', '5 hrs', '5 wks', 'soon', '', '0', '-1h', '2562048h', '99999999999999999999h', 'in 5 days', '1.5h', '.5s', '5', '5 mins', '3 weeks', '1D'];
const DATE_TIMES = ['2024-01-02T03:04:05Z', '2024-01-02t03:04:05z', '2024-02-30T00:00:00Z', '2024-01-02T24:00:00Z', '2024-01-02 03:04:05Z', 'yesterday', '2024-01-02T03:04:05.5+01:00', '2024-01-02T03:04:05'];

/** A place in an object where a value can be put, with the schema that governs it. */
interface Slot { readonly parent: Obj | unknown[]; readonly key: string | number; readonly schema: SchemaNode }

function slots(value: unknown, schema: SchemaNode | undefined, out: Slot[], depth = 0): void {
  if (!schema || depth > 12) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (schema.items) {
        out.push({ parent: value, key: i, schema: schema.items });
        slots(v, schema.items, out, depth + 1);
      }
    });
  } else if (isObj(value)) {
    for (const k of Object.keys(value)) {
      const sub = schema.properties?.[k] ?? (isObj(schema.additionalProperties) ? schema.additionalProperties as SchemaNode : undefined);
      if (!sub || (depth === 0 && (k === 'metadata' || k === 'apiVersion' || k === 'kind'))) continue;
      out.push({ parent: value, key: k, schema: sub });
      slots(value[k], sub, out, depth + 1);
    }
  }
}

/** Also the absent properties of present objects (to set them, at and beyond their bounds). */
function absentSlots(value: unknown, schema: SchemaNode | undefined, out: Slot[], depth = 0): void {
  if (!schema || depth > 12) return;
  if (isObj(value)) {
    for (const [k, sub] of Object.entries(schema.properties ?? {})) {
      if (depth === 0 && k !== 'spec') continue;
      if (!(k in value)) out.push({ parent: value, key: k, schema: sub });
      else absentSlots(value[k], sub, out, depth + 1);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) absentSlots(v, schema.items, out, depth + 1);
  }
}

function boundaryValues(s: SchemaNode, current: unknown, pick: <T>(xs: readonly T[]) => T): unknown[] {
  const vals: unknown[] = [pick(TYPE_SWAPS)];
  if (s.enum) vals.push('not-in-enum', typeof s.enum[0] === 'string' ? (s.enum[0] as string).toUpperCase() : s.enum[0], null);
  if (s.maxLength !== undefined) vals.push(A(s.maxLength, 'x'), A(s.maxLength + 1, 'x'), A(s.maxLength, '😀'));
  if (s.minLength !== undefined) vals.push(A(Math.max(0, s.minLength - 1), 'x'), A(s.minLength, 'x'));
  if (s.pattern !== undefined) vals.push(pick(STRINGS), pick(STRINGS));
  if (s.minimum !== undefined) vals.push(s.minimum - 1, s.minimum, s.minimum + 0.5);
  if (s.maximum !== undefined) vals.push(s.maximum, s.maximum + 1);
  if (s.format === 'int32') vals.push(2147483647, 2147483648, -2147483648, -2147483649, 3e9);
  if (s.format === 'int64') vals.push(2 ** 53, 2 ** 63, 9.3e18, -(2 ** 63));
  if (s.format === 'uri') vals.push(pick(URIS), pick(URIS));
  if (s.format === 'duration') vals.push(pick(DURATIONS), pick(DURATIONS));
  if (s.format === 'date-time') vals.push(pick(DATE_TIMES));
  if (s.type === 'array') {
    const items = Array.isArray(current) ? current : [];
    vals.push([], [...items, ...items], [...items, null], Array.from({ length: (s.maxItems ?? 3) + 1 }, (_, i) => (items[0] !== undefined ? clone(items[0]) : `v${i}`)));
    if (s.maxItems !== undefined && items.length) vals.push(Array.from({ length: s.maxItems }, (_, i) => (typeof items[0] === 'string' ? `v${i}` : clone(items[0]))));
  }
  if (s.type === 'object') {
    const o = isObj(current) ? current : {};
    vals.push({ ...o, zzUnknown: 1 }, {}, Object.fromEntries(Object.entries(o).slice(1)));
    if (s.maxProperties !== undefined) vals.push(Object.fromEntries(Array.from({ length: s.maxProperties + 1 }, (_, i) => [`k${i}`, 'v'])));
  }
  return vals;
}

/** The variants of `seeds`, `count` of them, deterministic for `seed`. */
export function generateVariants(seeds: readonly Obj[], count: number, seed: number): Variant[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: Variant[] = [];
  const meta = (o: Obj): Obj => (isObj(o.metadata) ? o.metadata : (o.metadata = {}) as Obj);
  const mutators: [string, (o: Obj) => void][] = [
    ['label', o => { meta(o).labels = { [pick(LABEL_KEYS)]: pick(['v', 'v', ...LABEL_VALUES]) }; }],
    ['labels-not-map', o => { meta(o).labels = pick(['x', [], 5, null, { a: 'b', c: 'd' }]); }],
    ['annotation', o => { meta(o).annotations = { [pick(LABEL_KEYS).toUpperCase()]: pick(['v', 1, '']) }; }],
    ['annotations-size', o => { meta(o).annotations = { a: A(256 * 1024 - 1 + Math.floor(rnd() * 3), 'x') }; }],
    ['name', o => { meta(o).name = pick(NAMES); }],
    ['namespace', o => { meta(o).namespace = pick(NAMESPACES); }],
    ['generate-name', o => { meta(o).generateName = pick(GENERATE_NAMES); if (rnd() < 0.3) delete meta(o).name; }],
    ['metadata-unknown', o => { meta(o)[pick(['foo', 'Name', 'clusterName', 'label'])] = 'x'; }],
    ['finalizers', o => { meta(o).finalizers = pick(FINALIZERS); }],
    ['owner-references', o => { meta(o).ownerReferences = pick(OWNER_REFS); }],
    ['metadata', o => { o.metadata = pick([null, 'x', [], 5, {}]); }],
    ['api-version', o => { o.apiVersion = pick(API_VERSIONS); }],
    ['kind', o => { o.kind = pick(['MCPServers', '', 'mcpserver', String(o.kind)]); }],
    ['status', o => { o.status = pick([{ phase: 5 }, { bogus: 1 }, 'x', { conditions: [{}] }, { phase: 'Ready' }, null]); }],
    ['keyword', o => {
      const s: Slot[] = [];
      slots(o, rootSchema(String(o.kind), String(o.apiVersion).split('/')[1] ?? ''), s);
      if (!s.length) return;
      const slot = pick(s);
      (slot.parent as Obj)[slot.key as string] = clone(pick(boundaryValues(slot.schema, (slot.parent as Obj)[slot.key as string], pick)));
    }],
    ['absent-field', o => {
      const s: Slot[] = [];
      absentSlots(o, rootSchema(String(o.kind), String(o.apiVersion).split('/')[1] ?? ''), s);
      if (!s.length) return;
      const slot = pick(s);
      (slot.parent as Obj)[slot.key as string] = clone(pick(boundaryValues(slot.schema, undefined, pick)));
    }],
    ['delete', o => {
      const s: Slot[] = [];
      slots(o, rootSchema(String(o.kind), String(o.apiVersion).split('/')[1] ?? ''), s);
      if (!s.length) return;
      const slot = pick(s);
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete (slot.parent as Obj)[slot.key as string];
    }],
  ];
  for (let i = 0; i < count; i++) {
    const o = clone(pick(seeds));
    const n = 1 + (rnd() < 0.25 ? 1 : 0);
    const names: string[] = [];
    for (let j = 0; j < n; j++) {
      const [name, mutate] = pick(mutators);
      mutate(o);
      names.push(name);
    }
    out.push({ name: `${i}:${String(o.kind)}:${names.join('+')}`, object: o, kubernetesVersion: rnd() < 0.2 ? '1.35' : '1.36' });
  }
  return out;
}
