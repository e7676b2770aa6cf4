/**
 * The redactor (src/validation/redact.ts) against a plain reference: at each position, leftmost first, the longest
 * form that starts there (forms under 8 characters only as whole words). The automaton must give the same text for
 * any values and any text, including values that share long prefixes and overlap.
 */
import fc from 'fast-check';
import { goQuote } from '../../src/validation/operator/go/quote';
import { MAX_AUTOMATON_UNITS, MIN_SECRET_LENGTH, REDACTED, redactor, WORD_LENGTH } from '../../src/validation/redact';

const isWordChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/** The forms of a value, as documented (verbatim, trimmed, each line; JSON, Go-quoted and base64 of each). */
function forms(value: string): string[] {
  const base = [value, value.trim(), ...value.split('\n').map(l => l.replace(/\r$/, '').trim())];
  return base.filter(v => v.length >= MIN_SECRET_LENGTH)
    .flatMap(v => [v, JSON.stringify(v).slice(1, -1), goQuote(v).slice(1, -1), Buffer.from(v, 'utf8').toString('base64')]);
}

/** Quadratic, obviously right: every form compared at every position. */
function reference(values: readonly string[], text: string): string {
  const all = [...new Set(values.flatMap(forms))].filter(f => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const hit = all.find(f => text.startsWith(f, i)
      && (f.length >= WORD_LENGTH || (!isWordChar(text.charCodeAt(i - 1)) && !isWordChar(text.charCodeAt(i + f.length)))));
    if (hit === undefined) {
      out += text[i++];
      continue;
    }
    out += REDACTED;
    i += hit.length;
  }
  return out;
}

describe('redactor', () => {
  test('equals the reference on values and texts over a small alphabet (overlaps, shared prefixes, word edges)', () => {
    const piece = fc.string({ unit: fc.constantFrom('a', 'b', 'A', ' ', '-', '\n', '"', 'é'), maxLength: 14 });
    fc.assert(fc.property(fc.array(piece, { maxLength: 6 }), fc.array(fc.oneof(piece, fc.constantFrom('aaaa', 'abab', 'aaaaaaaa', 'b a')), { maxLength: 8 }), (values, parts) => {
      // texts built from the values' own pieces, so that matches happen
      const text = parts.map((p, k) => (k % 2 === 0 && values.length > 0 ? values[k % values.length] + p : p)).join('');
      expect(redactor(values)(text)).toBe(reference(values, text));
    }), { numRuns: 2000, seed: 7 });
  });

  test('equals the reference on long values over two letters (values that end where another begins)', () => {
    const value = fc.string({ unit: fc.constantFrom('a', 'b'), minLength: WORD_LENGTH, maxLength: 16 });
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(7), { maxLength: 6 }), fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 6 }), (values, picks, glue) => {
      const text = picks.map(k => values[k % values.length]).join(glue);
      expect(redactor(values)(text)).toBe(reference(values, text));
    }), { numRuns: 2000, seed: 8 });
  });

  test('the longest value at a position is found when the text goes on like a longer one that does not match', () => {
    // reading backwards, `abcdefghZ` is the end of `qqabcdefghZ`: the automaton must fall back to `abcdefgh`
    expect(redactor(['abcdefgh', 'qqabcdefghZ'])('abcdefghZ!')).toBe(`${REDACTED}Z!`);
  });

  test('a value that contains another: the longer one at a position wins', () => {
    expect(redactor(['password-1234', 'password'])('x password-1234 password y')).toBe(`x ${REDACTED} ${REDACTED} y`);
  });

  test('short values only as whole words, long ones anywhere', () => {
    const r = redactor(['cert', 'longsecretvalue']);
    expect(r('certificate cert xlongsecretvaluex')).toBe(`certificate ${REDACTED} x${REDACTED}x`);
  });

  test('many values sharing a long prefix are all found', () => {
    const prefix = 'sk-'.padEnd(60, 'x');
    const values = Array.from({ length: 2000 }, (_, k) => `${prefix}${k}`);
    const text = `key ${values[1999]} and ${values[7]}9 and ${prefix}`;
    // `${values[7]}9` is `${prefix}79`, itself a value: the longest form is redacted whole
    expect(redactor(values)(text)).toBe(`key ${REDACTED} and ${REDACTED} and ${prefix}`);
  });

  test('past the automaton budget, a prefix index gives the same result', () => {
    // long values whose forms total more than MAX_AUTOMATON_UNITS characters
    const values = Array.from({ length: Math.ceil(MAX_AUTOMATON_UNITS / 1000) + 10 }, (_, k) => `${k}`.padStart(8, 'k') + 'v'.repeat(600));
    const text = `a ${values[3]} b ${values[values.length - 1]}x c ${values[5].slice(0, 300)}`;
    expect(redactor(values)(text)).toBe(`a ${REDACTED} b ${REDACTED}x c ${values[5].slice(0, 300)}`);
  });

  test('no values: the text is returned as is', () => {
    expect(redactor([])('anything')).toBe('anything');
    expect(redactor(['abc'])('abc')).toBe('abc');
  });
});
