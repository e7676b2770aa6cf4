/** Expands a field-path pattern (`spec.a[*].b{*}.c`) over an object into concrete, API-server-style paths. */
import { isDict } from '../../core/util';

/** One step of a pattern: a named field, every list item (`[*]`) or every map value (`{*}`). */
type Step = { readonly field: string } | { readonly each: 'list' | 'map' };

/** A value found at a concrete path, with the object that holds it (for sibling fields such as `headerName`). */
export interface Match {
  /** `spec.a[0].b[key].c` */
  readonly path: string;
  readonly value: unknown;
  /** The object or list the last step was read from. */
  readonly parent: unknown;
}

const cache = new Map<string, readonly Step[]>();

/** Parses `spec.a[*].b{*}.c`; throws on a malformed pattern (patterns are static table data). */
export function parsePattern(pattern: string): readonly Step[] {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const steps: Step[] = [];
  for (const token of pattern.match(/[^.[{]+|\[\*\]|\{\*\}|\./g) ?? []) {
    if (token === '.') continue;
    if (token === '[*]') steps.push({ each: 'list' });
    else if (token === '{*}') steps.push({ each: 'map' });
    else steps.push({ field: token });
  }
  if (steps.length === 0 || !('field' in steps[0])) throw new Error(`invalid reference path pattern ${JSON.stringify(pattern)}`);
  cache.set(pattern, steps);
  return steps;
}

/** A step of the concrete path: a field name, a list index or a map key. */
type Piece = string | number | { readonly key: string };

function render(pieces: readonly Piece[]): string {
  let path = '';
  for (const p of pieces) {
    if (typeof p === 'string') path = path ? `${path}.${p}` : p;
    else if (typeof p === 'number') path = `${path}[${p}]`;
    else path = `${path}[${p.key}]`;
  }
  return path;
}

const NO_MATCH: readonly Match[] = Object.freeze([]);

const FIELDS_PATHS = new Map<string, string>();

/** The path of a pattern made of fields only, as `render` gives it. */
function fieldsPath(pattern: string, steps: readonly Step[]): string {
  let path = FIELDS_PATHS.get(pattern);
  if (path === undefined) {
    path = render(steps.map(st => (st as { field: string }).field));
    FIELDS_PATHS.set(pattern, path);
  }
  return path;
}

/**
 * Every concrete match of a pattern, in document order (list index order, map insertion order).
 * Missing fields and values of the wrong type yield no match; never throws on odd input. Paths are only
 * rendered for matches (most patterns find nothing in most objects).
 */
export function expand(root: unknown, pattern: string): Match[] {
  const steps = parsePattern(pattern);
  // the common case: a pattern of fields only, most of which are absent
  let value = root;
  let parent: unknown;
  let i = 0;
  for (; i < steps.length; i++) {
    const step = steps[i];
    if (!('field' in step)) break;
    if (!isDict(value)) return NO_MATCH as Match[];
    const v = value[step.field];
    if (v === undefined || v === null) return NO_MATCH as Match[];
    parent = value;
    value = v;
  }
  // a pattern of fields only: its one path is the pattern's own (rendered once per pattern)
  if (i === steps.length) return [{ path: fieldsPath(pattern, steps), value, parent }];
  const pieces: Piece[] = [];
  for (let j = 0; j < i; j++) pieces.push((steps[j] as { field: string }).field);
  const out: Match[] = [];
  walk(steps, i, value, parent, pieces, out);
  return out;
}

function walk(steps: readonly Step[], i: number, value: unknown, parent: unknown, pieces: Piece[], out: Match[]): void {
  if (i === steps.length) {
    out.push({ path: render(pieces), value, parent });
    return;
  }
  const step = steps[i];
  if ('field' in step) {
    if (!isDict(value)) return;
    const v = value[step.field];
    if (v === undefined || v === null) return;
    pieces.push(step.field);
    walk(steps, i + 1, v, value, pieces, out);
    pieces.pop();
  } else if (step.each === 'list') {
    if (!Array.isArray(value)) return;
    for (let j = 0; j < value.length; j++) {
      if (!(j in value)) continue; // a hole, as forEach skips it
      pieces.push(j);
      walk(steps, i + 1, value[j], value, pieces, out);
      pieces.pop();
    }
  } else if (isDict(value)) {
    for (const key of Object.keys(value)) {
      pieces.push({ key });
      walk(steps, i + 1, value[key], value, pieces, out);
      pieces.pop();
    }
  }
}
