/**
 * Guards against hostile or odd input, before and around the layers.
 *
 * What the engine accepts as an object before any layer reads it: a tree of JSON data. Library callers can hand
 * in anything (a cyclic object, a 100,000-level nesting, a bigint); the layers walk objects recursively and some
 * serialize subtrees, so such input would otherwise end in a RangeError or a TypeError instead of a verdict.
 *
 * The check is one iterative walk (no recursion, so depth cannot overflow the stack), linear in the object.
 */
import { Ancestors } from '../core/ancestors';
import type { ResolvedOptions, RuleDoc, SourceLocation, Violation } from '../core/types';
import { hasOwn, isDict, str, withSource } from '../core/util';

/**
 * Deepest nesting accepted below the object's root. The API server's JSON decoder refuses deeper documents too
 * (sigs.k8s.io/json limits nesting to 10,000); ToolHive objects nest fewer than 20 levels, so 1,000 leaves room
 * for free-form fields (podTemplateSpec, preserve-unknown-fields) while keeping every recursive layer far from
 * the stack limit.
 */
export const MAX_DEPTH = 1000;

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'identity.not-json',
    checks: `the object is a tree of JSON data: no cycle, no bigint, symbol or function value, at most ${MAX_DEPTH} levels deep (library callers only: YAML and JSON input cannot be anything else)`,
    source: 'API server JSON decoding (an object is serialized JSON; sigs.k8s.io/json nesting limit)',
    example: 'object is not JSON data: spec.config refers back to one of its parents (a cycle); pass plain data, e.g. the result of JSON.parse',
  },
  {
    id: 'engine.internal-error',
    checks: 'a layer of the engine failed on this input: a bug, reported as an error so the run fails instead of passing silently',
    source: 'toolhive-constructs itself',
    severityReason: 'the object was not fully checked: passing it would be a silent pass on input that broke the validator',
    example: 'the admission layer failed on this input (TypeError); this is a bug in toolhive-constructs: please report it with the object',
  },
];

/** A finding: what is wrong and where (path steps from the root, built while the walk unwinds). */
interface Finding { readonly what: string; readonly path: (string | number)[] }

/** The path, its first steps only when it is long (a 1,000-level path is no help in a message). */
function render(path: readonly (string | number)[]): string {
  let out = '';
  for (const k of path.slice(0, 8)) out += typeof k === 'number' ? `[${k}]` : out === '' ? k : `.${k}`;
  if (path.length > 8) out += '...';
  return out === '' ? '<root>' : out;
}

/**
 * Depth-first walk. Recursion is safe: it stops at MAX_DEPTH, far below the stack limit. `ancestors` holds the
 * objects on the current path, so shared subtrees (the same object twice, which JSON would copy) are allowed.
 */
function walk(v: unknown, depth: number, ancestors: Ancestors): Finding | undefined {
  switch (typeof v) {
    case 'bigint':
    case 'symbol':
    case 'function':
      return { what: `is a ${typeof v}`, path: [] };
    case 'object': {
      if (v === null) return undefined;
      if (ancestors.has(v)) return { what: 'refers back to one of its parents (a cycle)', path: [] };
      if (depth >= MAX_DEPTH) return { what: `nests more than ${MAX_DEPTH} levels deep`, path: [] };
      ancestors.push(v);
      let found: Finding | undefined;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length && !found; i++) {
          const x: unknown = v[i];
          if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') continue; // leaves: no call
          found = walk(x, depth + 1, ancestors);
          found?.path.unshift(i);
        }
      } else {
        // own keys in Object.keys order, without allocating their list (see hasOwn in core/util.ts)
        for (const k in v) {
          if (!hasOwn(v, k)) continue;
          const x = (v as Record<string, unknown>)[k];
          if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') continue;
          found = walk(x, depth + 1, ancestors);
          if (found) {
            found.path.unshift(k);
            break;
          }
        }
      }
      ancestors.pop();
      return found;
    }
    default:
      return undefined;
  }
}

/** Why `root` is not a tree of JSON data (naming the offending path), or undefined when it is one. */
export function notJsonData(root: object): string | undefined {
  const found = walk(root, 0, new Ancestors());
  return found ? `${render(found.path)} ${found.what}` : undefined;
}

/** The violation reported when a layer throws (a bug): names the layer, never the data. */
export function internalError(layer: string, e: unknown, manifest: unknown, options: ResolvedOptions, source: SourceLocation | undefined): Violation {
  const m = isDict(manifest) ? manifest : {};
  const meta = isDict(m.metadata) ? m.metadata : {};
  const what = e instanceof Error ? e.name : typeof e;
  return withSource({
    severity: 'error',
    kind: str(m.kind) ?? '',
    namespace: str(meta.namespace) || options.defaultNamespace,
    name: str(meta.name) ?? '',
    path: '',
    rule: 'engine.internal-error',
    message: `the ${layer} layer failed on this input (${what}); this is a bug in toolhive-constructs: please report it with the object`,
  }, { source });
}

