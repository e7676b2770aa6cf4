/**
 * Which field of which kind references which kind: questions the front ends ask of the one reference table
 * (`REF_SPECS`), so that the cdk8s constructs and the Pulumi components keep no table of their own.
 */
import { parsePattern } from './paths';
import { REF_SPECS } from './specs';
import type { RefSpec, TargetKind } from './types';

/** `spec`, `groupRef`, `[0]`, `[my-backend]`, `[*]`, `{*}`: the fields and brackets of a concrete or pattern path. */
// a bracket never spans another opening bracket, so a run of `[` or `{` is scanned once (linear; see redos.test.ts)
const TOKENS = /[^.[\]{}]+|\[[^\][]*\]|\{[^{}]*\}/g;

/**
 * The row of the reference table for the reference object at `path` in an object of kind `source`. `path` is a
 * concrete path (`spec.secrets[0]`, `spec.outgoingAuth.backends[github].externalAuthConfigRef`) or the table's
 * own pattern (`spec.secrets[*]`): a list index or a map key matches `[*]` and `{*}` alike.
 */
export function referenceAt(source: string, path: string): RefSpec | undefined {
  // every construct asks for the same few paths: the answers of the (constant) table are remembered, a bounded
  // number of short ones
  if (path.length > MAX_CACHED_PATH) return lookUp(source, path);
  const key = `${source}\0${path}`;
  if (answers.has(key)) return answers.get(key);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  const spec = lookUp(source, path);
  answers.set(key, spec);
  return spec;
}

const MAX_ANSWERS = 1024;
const MAX_CACHED_PATH = 256;
const answers = new Map<string, RefSpec | undefined>();

function lookUp(source: string, path: string): RefSpec | undefined {
  const tokens = path.match(TOKENS) ?? [];
  for (const spec of REF_SPECS) {
    if (spec.source !== source) continue;
    const steps = parsePattern(spec.path);
    if (steps.length === tokens.length && steps.every((s, i) => ('field' in s ? s.field === tokens[i] : tokens[i][0] === '[' || tokens[i][0] === '{'))) return spec;
  }
  return undefined;
}

/** The kind the reference at `path` of a `source` object points at (see `referenceAt`). */
export function referenceTargetAt(source: string, path: string): TargetKind | undefined {
  return referenceAt(source, path)?.target;
}

let byField: ReadonlyMap<string, TargetKind> | undefined;

/**
 * The kind each reference field name points at, wherever it sits (`groupRef` → MCPGroup, `clientSecretRef` →
 * Secret, `secrets` → Secret): the last field of every row's path. Every field name of the table points at one
 * kind (a test checks it), which is what lets a front end resolve references by field name.
 */
export function referenceFieldTargets(): ReadonlyMap<string, TargetKind> {
  if (!byField) {
    const map = new Map<string, TargetKind>();
    for (const spec of REF_SPECS) {
      const steps = parsePattern(spec.path);
      const last = [...steps].reverse().find(s => 'field' in s) as { field: string };
      map.set(last.field, spec.target);
    }
    byField = map;
  }
  return byField;
}
