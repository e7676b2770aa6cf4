/**
 * Bad input never crashes the engine: every layer must turn odd data into violations, never throw.
 * Deterministic mutation fuzzing over realistic platforms (a seeded PRNG, so failures reproduce).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { envBindings } from '../../src/bindings';
import { validateManifests } from '../../src/validation';

const ROOT = path.join(__dirname, '..', '..');

function loadYaml(file: string): unknown[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map(d => d.toJS()).filter(d => d !== null && d !== undefined);
}

function corpus(): unknown[][] {
  const sets: unknown[][] = [];
  const platform = path.join(ROOT, 'examples', 'manifests', 'platform');
  sets.push(fs.readdirSync(platform).sort().flatMap(f => loadYaml(path.join(platform, f))));
  sets.push(loadYaml(path.join(ROOT, 'test', 'e2e', 'fixtures', 'platform.yaml')));
  return sets;
}

/** Park–Miller minimal standard PRNG: deterministic, exact in doubles. */
function prng(seed: number): () => number {
  let state = (seed % 2147483646) + 1;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

const ODD_VALUES: unknown[] = [null, 0, -1, 1.5, '', 'x', 'HTTP://LOCALHOST', '::1', true, false, [], [null], {}, { name: 5 }, [{}], 'a\nb', '{{', 'default'];

/** Every path to a value inside an object (objects and arrays). */
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(v)) {v.forEach((x, i) => { out.push([...prefix, i]); paths(x, [...prefix, i], out); });} else if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) { out.push([...prefix, k]); paths((v as Record<string, unknown>)[k], [...prefix, k], out); }
  }
  return out;
}

function setAt(root: unknown, p: (string | number)[], value: unknown): void {
  let cur: any = root;
  for (let i = 0; i < p.length - 1; i++) cur = cur[p[i]];
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(p[p.length - 1] as number, 1);
    else delete cur[p[p.length - 1]];
  } else {cur[p[p.length - 1]] = value;}
}

describe('robustness: mutated manifests never crash validateManifests or envBindings', () => {
  const sets = corpus();

  test('the corpus is non-trivial', () => {
    expect(sets.every(s => s.length >= 5)).toBe(true);
  });

  sets.forEach((set, si) => {
    test(`set ${si}: 400 random single and multi-field mutations`, () => {
      const rnd = prng(1234 + si);
      for (let round = 0; round < 400; round++) {
        const copy = JSON.parse(JSON.stringify(set)) as unknown[];
        const mutations = 1 + Math.floor(rnd() * 4);
        for (let m = 0; m < mutations; m++) {
          const target = Math.floor(rnd() * copy.length);
          const ps = paths(copy[target]);
          if (ps.length === 0) continue;
          const p = ps[Math.floor(rnd() * ps.length)];
          const r = rnd();
          setAt(copy[target], p, r < 0.15 ? undefined : ODD_VALUES[Math.floor(rnd() * ODD_VALUES.length)]);
        }
        let violations: unknown;
        try {
          violations = validateManifests(copy, { assumeExternal: round % 2 === 0 });
          envBindings(copy);
        } catch (e) {
          throw new Error(`round ${round} crashed: ${(e as Error).stack}\ninput: ${JSON.stringify(copy).slice(0, 4000)}`);
        }
        expect(Array.isArray(violations)).toBe(true);
      }
    });
  });

  test('whole documents replaced by odd values', () => {
    for (const odd of ODD_VALUES) {
      const set = [...corpus()[0], odd];
      expect(() => validateManifests(set)).not.toThrow();
      expect(() => envBindings(set)).not.toThrow();
    }
  });

  test('fails with a usage error, not a crash, when the input is not a list', () => {
    expect(() => validateManifests(undefined as any)).toThrow('validateManifests expects an array of Kubernetes objects, got undefined');
    expect(() => envBindings({} as any)).toThrow('envBindings expects an array of Kubernetes objects, got an object');
  });
});
