/** Small, defensive helpers shared by the validation layers. Input objects can hold anything. */
import type { ObjectEntry, Severity, Violation } from './types';

export type Dict = Record<string, unknown>;

export function isDict(x: unknown): x is Dict {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * True when `o` has its own property `key`. Every lookup of a key that comes from user data goes through this (or
 * `own`): `key in o` and `o[key]` also see `constructor`, `toString`, `__proto__` and the rest of Object.prototype.
 * The hot walks iterate `for (const k in o) if (hasOwn(o, k))`: the own keys in Object.keys order without
 * allocating their list (V8 reads its enum cache); an enumerable property of a polluted prototype is skipped.
 */
export function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** `o[key]` when `key` is an own property of `o`, else undefined (never a prototype member). */
export function own(o: Dict | undefined, key: string): unknown {
  return o !== undefined && hasOwn(o, key) ? o[key] : undefined;
}

/** `x` when it is a plain object, else undefined. */
export function dict(x: unknown): Dict | undefined {
  return isDict(x) ? x : undefined;
}

/** `x` when it is an array, else an empty array. */
export function list(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

/** `x` when it is a string, else undefined. */
export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

/** `x` when it is a finite number, else undefined. */
export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

/** Split dotted paths: the layers read a few hundred distinct paths, tens of thousands of times. */
const DOTTED = new Map<string, readonly string[]>();

/** Reads a dotted path (`spec.a.b`) from an object; undefined when any step is missing. */
export function at(root: unknown, dotted: string): unknown {
  let keys = DOTTED.get(dotted);
  if (!keys) {
    keys = dotted.split('.');
    if (DOTTED.size < 10_000) DOTTED.set(dotted, keys);
  }
  let cur: unknown = root;
  for (let i = 0; i < keys.length; i++) {
    if (!isDict(cur)) return undefined;
    cur = cur[keys[i]];
  }
  return cur;
}

/** Builds a violation for an object entry. */
export function violation(entry: ObjectEntry, path: string, rule: string, message: string, severity: Severity = 'error'): Violation {
  return withSource({ severity, kind: entry.kind, namespace: entry.namespace, name: entry.name, path, rule, message }, entry);
}

export function withSource(v: Violation, entry: { source?: ObjectEntry['source'] }): Violation {
  if (!entry.source) return v;
  return {
    ...v,
    file: entry.source.file,
    document: entry.source.document,
    ...(entry.source.line !== undefined ? { line: entry.source.line } : {}),
  };
}

/** Formats a value for a message the way the API server shows it (strings quoted, objects as JSON). */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === undefined) return 'null';
  return JSON.stringify(value);
}

/** How a wrong argument is named in usage errors (`undefined`, `an object`, `a string`). */
export function describeInput(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  if (typeof x === 'object') return 'an object';
  return `a ${typeof x}`;
}

/**
 * `items.sort(compare)` (in place, stable), by insertion for short lists: V8's sort allocates its work state on
 * every call, which shows on the hot paths that sort a handful of names per object.
 */
export function sortedSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > 16) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const x = items[i];
    let j = i - 1;
    while (j >= 0 && compare(items[j], x) > 0) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = x;
  }
  return items;
}

