/** Expands a field-path pattern (`spec.a[*].b{*}.c`) over an object into concrete, API-server-style paths. */
import { isDict, type Dict } from '../util';

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

/**
 * Every concrete match of a pattern, in document order (list index order, map insertion order).
 * Missing fields and values of the wrong type yield no match; never throws on odd input.
 */
export function expand(root: unknown, pattern: string): Match[] {
  let frontier: Match[] = [{ path: '', value: root, parent: undefined }];
  for (const step of parsePattern(pattern)) {
    const next: Match[] = [];
    for (const m of frontier) {
      if ('field' in step) {
        if (isDict(m.value) && m.value[step.field] !== undefined && m.value[step.field] !== null) {
          next.push({ path: m.path ? `${m.path}.${step.field}` : step.field, value: m.value[step.field], parent: m.value });
        }
      } else if (step.each === 'list') {
        if (Array.isArray(m.value)) m.value.forEach((item, i) => next.push({ path: `${m.path}[${i}]`, value: item, parent: m.value }));
      } else if (isDict(m.value)) {
        const map: Dict = m.value;
        for (const key of Object.keys(map)) next.push({ path: `${m.path}[${key}]`, value: map[key], parent: map });
      }
    }
    frontier = next;
  }
  return frontier;
}
