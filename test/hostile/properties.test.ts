/**
 * Property tests: random and mutated YAML to the CLI (in-process entry `run`) and random and mutated objects to
 * the engine. Whatever the input: no exception, an exit code of 0, 1 or 2, no stack trace, no byte of the planted
 * secret in any output, and the same output twice. Run counts are modest so the suite stays fast; the seeds are
 * fixed so a failure reproduces (fast-check prints the counterexample).
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { cli, expectNoSecret, MARK, REPO_ROOT, secretValue } from './helpers';
import { envBindings } from '../../src/bindings';
import { validateManifests } from '../../src/validation';

const PLATFORM = fs.readdirSync(path.join(REPO_ROOT, 'examples', 'manifests', 'platform')).sort()
  .map(f => fs.readFileSync(path.join(REPO_ROOT, 'examples', 'manifests', 'platform', f), 'utf8'));

/** A Secret holding the marker, in every form the redaction must catch. */
const SECRET_YAML = [
  'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: planted', '  namespace: toolhive-demo', 'stringData:',
  `  token: ${secretValue(1)}`, `  multi: "${MARK}-line1\\n${MARK}-line2"`, 'data:', `  b64: ${Buffer.from(secretValue(2)).toString('base64')}`, '',
].join('\n');

const CORPUS = [SECRET_YAML, ...PLATFORM].join('---\n');

/** Pieces a mutation inserts: YAML syntax, aliases, tags, control characters, the secret itself. */
const PIECES = [':', '- ', '  ', '\n', '---\n', '&a ', '*a', '!!str ', '!x ', '"', '\'', '\\', '{', '[', ']', '}', '#', '|', '>', '\t', '\u0000', '\u001b', '\u202e', '__proto__: ', 'constructor: ', secretValue(1), '9'.repeat(40), 'true', 'null', '0x1F', '<<: *a'];

/**
 * The secret values the Secrets of a set hold (strings of 8+ characters, and base64 data decoded): the oracle.
 * A mutation can move the marker out of a Secret, where it is no longer secret and may be printed.
 */
function heldSecrets(objs: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const o of objs) {
    if (typeof o !== 'object' || o === null || (o as { kind?: unknown }).kind !== 'Secret') continue;
    const { stringData, data } = o as { stringData?: unknown; data?: unknown };
    for (const v of Object.values(typeof stringData === 'object' && stringData !== null ? stringData : {})) if (typeof v === 'string') out.push(v, ...v.split('\n'));
    for (const v of Object.values(typeof data === 'object' && data !== null ? data : {})) if (typeof v === 'string') out.push(v, Buffer.from(v, 'base64').toString('utf8'));
  }
  return out.filter(v => v.length >= 8 && v.includes(MARK));
}

/** The documents the CLI would read from `text` (what it parses without error), for the oracle. */
function docsOf(text: string): unknown[] {
  try {
    return parseAllDocuments(text, { logLevel: 'silent' }).flatMap(d => (d.errors.length === 0 ? [d.toJS({ maxAliasCount: 100 }) as unknown] : []));
  } catch {
    return [];
  }
}

function expectNoneOf(secrets: readonly string[], ...texts: string[]): void {
  for (const t of texts) for (const v of secrets) if (t.includes(v)) throw new Error(`secret ${JSON.stringify(v)} printed in: ${t.slice(0, 1500)}`);
}

type Mutation = { at: number; del: number; piece: number };

function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = m.at % (t.length + 1);
    t = t.slice(0, at) + PIECES[m.piece % PIECES.length] + t.slice(at + (m.del % 8));
  }
  return t;
}

const mutations = fc.array(fc.record({ at: fc.nat(), del: fc.nat(), piece: fc.nat() }), { minLength: 1, maxLength: 6 });

function expectSane(r: { code: number; stdout: string; stderr: string }, input: string): void {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toContain('internal error');
  expectNoneOf(heldSecrets(docsOf(input)), r.stdout, r.stderr);
}

describe('CLI (in-process) on mutated YAML', () => {
  test('validate: never crashes, never prints the secret, deterministic', async () => {
    await fc.assert(fc.asyncProperty(mutations, async ms => {
      const input = mutate(CORPUS, ms);
      const a = await cli(['validate', '-'], input);
      expectSane(a, input);
      expect(await cli(['validate', '-'], input)).toEqual(a);
    }), { numRuns: 60, seed: 20261207 });
  });

  test('env and JSON output: never crash, never print the secret', async () => {
    await fc.assert(fc.asyncProperty(mutations, fc.constantFrom('yaml', 'json'), async (ms, format) => {
      const input = mutate(CORPUS, ms);
      expectSane(await cli(['env', '--format', format, '-'], input), input);
      expectSane(await cli(['validate', '--format', 'json', '-'], input), input);
    }), { numRuns: 40, seed: 7 });
  });

  test('random text: never crashes', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300, unit: 'binary' }), async text => {
      const input = `${SECRET_YAML}---\n${text}`;
      const r = await cli(['validate', '-'], input);
      expectSane(r, input);
      // the planted Secret is intact here: its values never show
      expectNoSecret(r.stdout, r.stderr);
    }), { numRuns: 60, seed: 42 });
  });
});

describe('engine on random and mutated objects', () => {
  const base = (): unknown[] => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'planted', namespace: 'toolhive-demo' }, stringData: { token: secretValue(1) } };
    return [secret, ...CORPUS.split('---\n').slice(1).map(() => null)].map((x, i) => x ?? PLATFORM_OBJECTS[(i - 1) % PLATFORM_OBJECTS.length]);
  };

  /** A deep copy of `objs` with `value` set at a random path of a random object. */
  function plant(objs: unknown[], pick: number, steps: readonly number[], value: unknown): unknown[] {
    const copy = JSON.parse(JSON.stringify(objs)) as unknown[];
    let cur: unknown = copy[pick % copy.length];
    for (let i = 0; i < steps.length; i++) {
      if (typeof cur !== 'object' || cur === null) break;
      const keys = Object.keys(cur);
      if (keys.length === 0) break;
      const key = keys[steps[i] % keys.length];
      const next = (cur as Record<string, unknown>)[key];
      if (i === steps.length - 1 || typeof next !== 'object' || next === null) {
        (cur as Record<string, unknown>)[key] = value;
        break;
      }
      cur = next;
    }
    return copy;
  }

  const odd = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom<unknown>(secretValue(1), `${MARK}"\n`, 12345678901, -0, '', '__proto__', { __proto__: null }, [null]),
  );

  test('validateManifests and envBindings: no throw, no secret, deterministic', () => {
    fc.assert(fc.property(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), odd, (pick, steps, value) => {
      const objs = plant(base(), pick, steps, value);
      const a = validateManifests(objs);
      const texts = a.flatMap(v => [v.kind, v.namespace, v.name, v.path, v.message]);
      expectNoneOf(heldSecrets(objs), ...texts);
      expect(validateManifests(objs)).toEqual(a);
      expect(() => envBindings(objs)).not.toThrow();
    }), { numRuns: 150, seed: 99 });
  });

  test('random values as whole documents: no throw, an error for each non-object', () => {
    fc.assert(fc.property(fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 5 }), docs => {
      const found = validateManifests(docs);
      expect(Array.isArray(found)).toBe(true);
      for (const d of docs) if (typeof d !== 'object' || d === null || Array.isArray(d)) expect(found.some(v => v.rule === 'identity.not-an-object')).toBe(true);
    }), { numRuns: 150, seed: 3 });
  });
});

const PLATFORM_OBJECTS: unknown[] = (() => {
  return PLATFORM.flatMap(t => parseAllDocuments(t).map(d => d.toJS() as unknown)).filter(x => x !== null && x !== undefined);
})();
