/**
 * Comments, test names and docs stand on their own: they cite the operator's source file and function, never a
 * document that is not in the repository ("notes §x.y", "the operator notes").
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const CITATION = /\bnotes\s*§|\boperator notes\b|toolhive-operator-notes/i;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '__snapshots__' ? [] : files(p);
    return /\.(ts|md|sh|json|ya?ml)$/.test(e.name) ? [p] : [];
  });
}

test('no comment, test or doc cites the operator notes', () => {
  const scanned = ['src', 'test', 'docs', 'scripts', 'bench', 'examples'].flatMap(d => files(path.join(ROOT, d)))
    .concat(['README.md', '.projenrc.ts'].map(f => path.join(ROOT, f)))
    .filter(f => f !== __filename);
  expect(scanned.length).toBeGreaterThan(200);
  const hits = scanned.flatMap(f => fs.readFileSync(f, 'utf8').split('\n')
    .map((line, i) => (CITATION.test(line) ? `${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}` : ''))
    .filter(Boolean));
  expect(hits).toEqual([]);
});

test('the pattern finds a citation', () => {
  expect(['// mirrors notes §1.2', 'C-numbers are those of the operator notes'].every(l => CITATION.test(l))).toBe(true);
  expect(CITATION.test('Per-IdP notes: see RFC 7591 §3')).toBe(false);
});
