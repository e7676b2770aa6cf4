/**
 * Class 1 (catastrophic backtracking): every regular expression in src/ runs in linear time.
 *
 * The expressions are enumerated from the source files themselves (TypeScript's parser finds every regular
 * expression literal and every `RegExp(...)` / `new RegExp(...)` call), so a new one cannot slip in unchecked.
 * Each is run through `recheck`, which proves the absence of super-linear backtracking or shows an attack string.
 * We check every expression in src/, not only those known to run on user data: which ones do is easy to get
 * wrong, and all of them pass. CRD `pattern`s and CEL `matches` run on RE2 (linear by construction), not here.
 *
 * Exemptions: none. An entry in EXEMPT must say why the expression never sees user data or cannot backtrack.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { STRING_FORMATS } from '../../src/validation/apiserver/formats';
import { isQuantity } from '../../src/validation/scan/quantity';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkSync } = require('recheck') as { checkSync: (source: string, flags: string) => { status: string; attack?: { pattern: string } } };

const SRC = path.join(__dirname, '..', '..', 'src');

/** `file:line source` → why it is exempt. Keep empty unless there is no other way. */
const EXEMPT: Record<string, string> = {};

interface Found { readonly where: string; readonly source?: string; readonly flags?: string; readonly dynamic?: string }

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

function regexesOf(file: string): Found[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Found[] = [];
  const where = (n: ts.Node) => `${path.relative(SRC, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = n.getText();
      const end = lit.lastIndexOf('/');
      out.push({ where: where(n), source: lit.slice(1, end), flags: lit.slice(end + 1) });
    } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.expression.getText() === 'RegExp') {
      const [src, flags] = n.arguments ?? [];
      if (src && ts.isStringLiteralLike(src) && (!flags || ts.isStringLiteralLike(flags))) {
        out.push({ where: where(n), source: src.text, flags: flags ? (flags as ts.StringLiteralLike).text : '' });
      } else {
        out.push({ where: where(n), dynamic: n.getText() });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const ALL = tsFiles(SRC).sort().flatMap(regexesOf);

describe('every regular expression in src/ is free of super-linear backtracking', () => {
  test('the enumeration finds the expressions (it cannot silently find none)', () => {
    expect(ALL.length).toBeGreaterThan(30);
    expect(ALL.some(f => f.where.startsWith(path.join('validation', 'admission.ts')))).toBe(true);
  });

  test('no RegExp is built from a runtime string (its source could come from user data)', () => {
    expect(ALL.filter(f => f.dynamic !== undefined && !EXEMPT[`${f.where} ${f.dynamic}`]).map(f => `${f.where} ${f.dynamic}`)).toEqual([]);
  });

  test('recheck finds every literal safe', () => {
    const unsafe = ALL
      .filter(f => f.source !== undefined && !EXEMPT[`${f.where} ${f.source}`])
      .map(f => ({ f, r: checkSync(f.source!, f.flags ?? '') }))
      .filter(({ r }) => r.status !== 'safe')
      .map(({ f, r }) => `${f.where} /${f.source}/${f.flags}: ${r.status}${r.attack ? ` (attack ${r.attack.pattern})` : ''}`);
    expect(unsafe).toEqual([]);
  });

  test('fails on the expressions this suite replaced (the checker is not vacuous)', () => {
    expect(checkSync('^(\\s*\\d+\\s*(ns|us|µs|ms|s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|w|wk|wks|week|weeks)\\s*)+$', '').status).toBe('vulnerable');
    expect(checkSync('^[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+|E[+-]?\\d+|[KMGTPE]i|[numkMGTPE])?$', '').status).toBe('vulnerable');
  });
});

/** The quantity scanner accepts exactly what the regular expression it replaced accepted (checked on short inputs). */
describe('linear scanners keep the accepted sets', () => {
  const OLD_QUANTITY = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+|E[+-]?\d+|[KMGTPE]i|[numkMGTPE])?$/;

  /** Every string of length <= n over an alphabet, in a fixed order. */
  function* strings(alphabet: readonly string[], n: number, prefix = ''): Generator<string> {
    yield prefix;
    if (n === 0) return;
    for (const c of alphabet) yield* strings(alphabet, n - 1, prefix + c);
  }

  test('quantity: every string of up to 6 symbols agrees with the old expression', () => {
    const alphabet = ['1', '.', '+', '-', 'e', 'E', 'i', 'K', 'm', 'x'];
    for (const s of strings(alphabet, 6)) {
      if (isQuantity(s) !== OLD_QUANTITY.test(s)) throw new Error(`disagree on ${JSON.stringify(s)}`);
    }
    expect(isQuantity('1.5Gi')).toBe(true);
    expect(isQuantity('2 cores')).toBe(false);
  });

  test('both stay linear on the inputs that made the old expressions hang', () => {
    // completes at once; the old expressions took seconds (duration) and minutes (quantity) on these
    // the exact strfmt semantics are apiserver/formats.ts's; here: it returns at once on the input that hung
    expect(typeof STRING_FORMATS.duration(`${'1s   '.repeat(5000)}!`)).toBe('boolean');
    expect(isQuantity(`${'0'.repeat(200_000)}\u0000`)).toBe(false);
  });
});
