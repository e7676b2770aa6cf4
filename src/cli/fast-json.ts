/**
 * The fast path of `.json` manifests (`kubectl get -o json`): `JSON.parse`, and one linear scan of the text for
 * what it does not tell, the lines the CLI prints and the duplicate keys the reference reports. The reference
 * (load.ts `parseReference` with the `yaml` library in JSON mode) reads about 10,000 objects a second; this path
 * reads them at the speed of `JSON.parse`.
 *
 * It says "not mine" (undefined) and leaves the file to the reference, which words every error, for: anything
 * `JSON.parse` refuses (syntax errors, several documents, YAML), a duplicate key in any object (the reference
 * reports it; `JSON.parse` keeps the last), tabs and carriage returns not followed by a line feed (whitespace to
 * JSON, errors to the reference), and nesting deeper than any Kubernetes object. `test/cli/fast-json.test.ts` compares both paths on generated and edited documents.
 */
import type { FastDocument } from './fast-yaml';

/** Deeper than any Kubernetes object; deeper input goes to the reference path, which reports it. */
const MAX_DEPTH = 100;

const Ch = {
  Tab: 9,
  Lf: 10,
  Cr: 13,
  Space: 32,
  Quote: 34,
  Comma: 44,
  Colon: 58,
  OpenBracket: 91,
  Backslash: 92,
  CloseBracket: 93,
  OpenBrace: 123,
  CloseBrace: 125,
} as const;

/**
 * The objects of a JSON text with their document number and line (a `List` gives its items, each at its own line),
 * or undefined when the reference path must read it. Never throws.
 */
export function readCommonJson(text: string): FastDocument[] | undefined {
  if (text.indexOf('\t') >= 0 || hasLoneCr(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const shape = scan(text);
  if (shape === undefined) return undefined;
  // `null`, like an empty document, holds no object
  if (value === null) return [];
  const lines = lineCounter(text);
  if (isList(value) && shape.items !== undefined && shape.items.length === value.items.length) {
    return value.items.map((item, k) => ({ value: item, document: 1, line: lines(shape.items![k]) }));
  }
  return [{ value, document: 1, line: lines(shape.root) }];
}

/** A carriage return not followed by a line feed: whitespace to `JSON.parse`, an error to the reference. */
function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== Ch.Lf) return true;
  return false;
}

function isList(x: unknown): x is { kind: string; items: unknown[] } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  return typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items);
}

/** 1-based line of each offset asked for, offsets asked in increasing order: one pass over the text in all. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let counted = 0;
  return offset => {
    for (; counted < offset; counted++) if (text.charCodeAt(counted) === Ch.Lf) line++;
    return line;
  };
}

interface Shape {
  /** Offset of the root value. */
  readonly root: number;
  /** Offsets of the elements of the root object's `items` array, when it has one. */
  readonly items?: number[];
}

/** One open object or array of the scan. */
interface Open {
  readonly object: boolean;
  /** Keys seen (objects only). */
  readonly keys?: Set<string>;
  /** In an object: the next string is a key. */
  expectKey: boolean;
  /** Element offsets are recorded here (the root object's `items` array). */
  readonly items?: number[];
  /** In the root object: the value that follows is that of the key `items`. */
  itemsNext?: boolean;
}

/**
 * The offsets `readCommonJson` needs, or undefined for a duplicate key or nesting past MAX_DEPTH. The text is valid
 * JSON (`JSON.parse` took it), so the scan only tells tokens apart.
 */
function scan(text: string): Shape | undefined {
  const stack: Open[] = [];
  let root = -1;
  let items: number[] | undefined;
  /** A value starts at `i`: recorded when it is an element of the `items` array. */
  const valueAt = (i: number): void => {
    if (root < 0) root = i;
    const top = stack[stack.length - 1];
    if (top?.items !== undefined) top.items.push(i);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case Ch.Space: case Ch.Lf: case Ch.Cr: case Ch.Comma: case Ch.Colon:
        break;
      case Ch.OpenBrace: case Ch.OpenBracket: {
        valueAt(i);
        if (stack.length >= MAX_DEPTH) return undefined;
        const parent = stack[stack.length - 1];
        const isItems = c === Ch.OpenBracket && parent?.itemsNext === true && stack.length === 1;
        if (parent?.object) parent.expectKey = true;
        if (parent) parent.itemsNext = false;
        const open: Open = c === Ch.OpenBrace
          ? { object: true, keys: new Set(), expectKey: true }
          : { object: false, expectKey: false, ...(isItems ? { items: items = [] } : {}) };
        stack.push(open);
        break;
      }
      case Ch.CloseBrace: case Ch.CloseBracket:
        stack.pop();
        break;
      case Ch.Quote: {
        const end = stringEnd(text, i);
        const top = stack[stack.length - 1];
        if (top?.object && top.expectKey) {
          const raw = text.slice(i + 1, end);
          const key = raw.indexOf('\\') >= 0 ? JSON.parse(text.slice(i, end + 1)) as string : raw;
          if (top.keys!.has(key)) return undefined;
          top.keys!.add(key);
          top.expectKey = false;
          top.itemsNext = stack.length === 1 && key === 'items';
        } else {
          valueAt(i);
          if (top?.object) top.expectKey = true;
          if (top) top.itemsNext = false;
        }
        i = end;
        break;
      }
      default: {
        // a number, true, false or null: up to the next delimiter
        valueAt(i);
        const top = stack[stack.length - 1];
        if (top?.object) top.expectKey = true;
        if (top) top.itemsNext = false;
        while (i + 1 < text.length && !isDelimiter(text.charCodeAt(i + 1))) i++;
        break;
      }
    }
  }
  return root < 0 ? undefined : { root, ...(items !== undefined ? { items } : {}) };
}

/** Offset of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === Ch.Backslash) i++;
    else if (c === Ch.Quote) return i;
  }
  return text.length;
}

function isDelimiter(c: number): boolean {
  return c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Comma || c === Ch.Colon
    || c === Ch.CloseBrace || c === Ch.CloseBracket;
}
