/**
 * The pattern rewrite of the compiled schema layer (src/validation/re2-whole.ts): `^X$` run as X against the
 * whole string must decide exactly what the unanchored search of the pattern as written decides, for every
 * pattern of every bundled release and for the shapes the rewrite must refuse.
 */
import { RE2JS } from '@bufbuild/re2';
import * as fc from 'fast-check';
import { kindTable, RELEASES, toolhiveKinds } from '../../src/schema/registry';
import type { SchemaNode } from '../../src/schema/types';
import { wholeStringBody } from '../../src/validation/re2-whole';
import { patternMatches } from '../../src/validation/structural';

function collect(s: SchemaNode | boolean | undefined, out: Set<string>): void {
  if (typeof s !== 'object') return;
  if (s.pattern !== undefined) out.add(s.pattern);
  for (const p of Object.values(s.properties ?? {})) collect(p, out);
  collect(s.items, out);
  collect(s.additionalProperties, out);
}

const bundled = new Set<string>();
for (const rel of RELEASES) {
  for (const { kind } of toolhiveKinds(rel.name)) {
    for (const schema of Object.values(kindTable(kind, rel.name)!.schemas)) collect(schema, bundled);
  }
}

/** Strings close to what a pattern is about: its own characters, the usual separators, a newline, a surrogate pair. */
function near(pattern: string): fc.Arbitrary<string> {
  const chars = [...new Set([...pattern.replace(/\\/g, ''), ...'aZ09-_./:?#@ \n\u00e9\ud83d\ude00'])];
  return fc.array(fc.constantFrom(...chars), { maxLength: 24 }).map(a => a.join(''));
}

/** Strings a pattern accepts, built from the examples the CRDs' fields take. */
const EXAMPLES = ['', 'a', 'abc', 'my-server', 'Okta_Prod', '1h30m', '1.5s', '10µs', 'https://idp.example.com', 'https://a.example.com/', 'http://x', 'https://a?b', 'example.com/team/server', 'ghcr.io/a/b', 'us-east-1', 'arn:aws:iam::123456789012:role/x', '0.5', '1.0', '1', 'access_token', 'urn:ietf:params:oauth:token-type:jwt', '12345678-1234-1234-1234-123456789abc', 'host.example.com', 'A_b9', 'a,b:c', 'x\n', '\nx', 'a b'];

describe('pattern rewrite: ^X$ as a whole-string match', () => {
  test('the bundled CRDs have patterns, and most of them are rewritten', () => {
    expect(bundled.size).toBeGreaterThan(15);
    const rewritten = [...bundled].filter(p => wholeStringBody(p) !== undefined);
    expect(rewritten.length).toBeGreaterThan(bundled.size / 2);
  });

  test.each([...bundled])('%s decides as the search of the pattern as written', pattern => {
    const search = RE2JS.compile(pattern);
    for (const s of EXAMPLES) expect([s, patternMatches(pattern, s)]).toEqual([s, search.test(s)]);
    fc.assert(fc.property(near(pattern), s => patternMatches(pattern, s) === search.test(s)), { numRuns: 300, seed: 11 });
  });

  test.each([
    ['^a|b$', undefined], // a top-level alternation: `^a` or `b$`
    ['^a\\$', undefined], // a literal dollar, no end anchor
    ['^(?m)a$', undefined], // flags change what `$` means
    ['^\\Qa|b$', undefined], // quoted text
    ['^a$b$', undefined], // an inner anchor
    ['^(a$', undefined], // unbalanced
    ['^https?://', undefined], // no end anchor
    ['^(a|b)$', '(a|b)'],
    ['^[|$]+$', '[|$]+'],
    ['^[]|]$', '[]|]'],
    ['^[^[:space:]|]+$', '[^[:space:]|]+'],
    ['^(?:a|b)c$', '(?:a|b)c'],
  ])('%s: body %s', (pattern, body) => {
    expect(wholeStringBody(pattern)).toBe(body);
  });

  test.each(['^a|b$', '^a\\$', '^(?m)a$', '^a$b$', '^[|$]+$', '^[]|]$', '^(a|b)$'])('%s decides as written on edge strings', pattern => {
    const search = RE2JS.compile(pattern);
    for (const s of ['a', 'b', 'ab', 'a$', 'a\nb', '|', ']', '$', 'xb', 'ax', 'a$b']) expect([s, patternMatches(pattern, s)]).toEqual([s, search.test(s)]);
  });

  test('a pattern that does not compile reports the error of the pattern as written', () => {
    const r = patternMatches('^(a$', 'a');
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toBe((() => { try { RE2JS.compile('^(a$'); return ''; } catch (e) { return (e as Error).message; } })());
  });
});

describe('pattern decisions kept per string', () => {
  test('past the memo capacity and for long strings, every decision is still the search\'s', () => {
    const pattern = '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$';
    const search = RE2JS.compile(pattern);
    const values = Array.from({ length: 1500 }, (_, i) => (i % 3 === 0 ? `name-${i}-` : `name-${i}`));
    values.push('a'.repeat(300), `${'a'.repeat(300)}-`);
    for (let round = 0; round < 2; round++) {
      for (const v of values) expect([v, patternMatches(pattern, v)]).toEqual([v, search.test(v)]);
    }
  });
});
