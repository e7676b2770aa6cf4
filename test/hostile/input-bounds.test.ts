/**
 * Class 5 (unbounded input): a file or standard input past --max-file-bytes, a run past --max-total-bytes and
 * empty input are usage errors (exit 2) with one clear line; alias expansion is bounded (billion laughs).
 */
import * as fs from 'fs';
import * as path from 'path';
import { cli, expectNoSecret, MARK, spawnCli, tempDir, tempTree } from './helpers';

const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n';

describe('size limits', () => {
  test('fails standard input larger than --max-file-bytes without reading on (a /dev/zero pipe)', () => {
    const r = spawnCli(['validate', '--max-file-bytes', '64K', '-'], { input: Buffer.alloc(1024 * 1024) });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'toolhive-constructs: <stdin>: larger than the limit of 64 KiB (--max-file-bytes): not read\n' });
  });

  test('fails a file larger than --max-file-bytes, checks the rest, exits 2', async () => {
    const dir = tempTree({ 'big.yaml': `${CONFIGMAP}# ${'x'.repeat(2000)}\n`, 'small.yaml': CONFIGMAP.replace('name: c', 'name: d') });
    const r = await cli(['validate', '--max-file-bytes=1K', dir]);
    expect(r).toEqual({
      code: 2,
      stdout: '1 document, 0 errors, 0 warnings\n',
      stderr: `toolhive-constructs: ${path.join(dir, 'big.yaml')}: larger than the limit of 1 KiB (--max-file-bytes): not read\n`,
    });
  });

  test('passes the same files with the limit raised', async () => {
    const dir = tempTree({ 'big.yaml': `${CONFIGMAP}# ${'x'.repeat(2000)}\n` });
    expect(await cli(['validate', '--max-file-bytes', '4K', dir])).toEqual({ code: 0, stdout: '1 document, 0 errors, 0 warnings\n', stderr: '' });
  });

  test('fails a run whose files together exceed --max-total-bytes, validating nothing', async () => {
    const dir = tempTree({ 'a.yaml': CONFIGMAP, 'b.yaml': CONFIGMAP.replace('name: c', 'name: d') });
    const r = await cli(['validate', '--max-total-bytes', '100', dir]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `toolhive-constructs: ${path.join(dir, 'b.yaml')}: the input exceeds the limit of 100 bytes for one run (--max-total-bytes)\n`,
    });
  });

  test('rejects a malformed limit as a usage error', async () => {
    const r = await cli(['validate', '--max-file-bytes', '12X', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('toolhive-constructs: invalid --max-file-bytes "12X": expected a number of bytes, optionally with K, M or G (e.g. 64M)');
  });
});

describe('empty input', () => {
  test.each([['nothing', ''], ['only separators and comments', '---\n# c\n---\n']])('fails %s on stdin with exit 2', async (_what, input) => {
    expect(await cli(['validate', '-'], input)).toEqual({ code: 2, stdout: '', stderr: 'toolhive-constructs: no documents in the input; pass --allow-empty if empty input is expected\n' });
    expect((await cli(['env', '-'], input)).code).toBe(2);
  });

  test('passes empty input with --allow-empty', async () => {
    expect(await cli(['validate', '--allow-empty', '-'], '')).toEqual({ code: 0, stdout: '0 documents, 0 errors, 0 warnings\n', stderr: '' });
    expect(await cli(['env', '--allow-empty', '-'], '')).toEqual({ code: 0, stdout: 'workloads: []\n', stderr: '' });
  });

  test('the binary fails empty stdin with exit 2', () => {
    expect(spawnCli(['validate', '-'], { input: '' }).code).toBe(2);
  });
});

describe('alias expansion is bounded', () => {
  // each level doubles: 2^30 leaves if expanded
  const laughs = ['a: &a ["lol","lol"]', ...Array.from({ length: 30 }, (_, i) => `${String.fromCharCode(98 + (i % 24))}${i}: &l${i} [${i === 0 ? '*a,*a' : `*l${i - 1},*l${i - 1}`}]`)].join('\n') + '\n';

  test('fails a billion-laughs document with exit 2 and a fixed reason', async () => {
    const r = await cli(['validate', '-'], `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  ${laughs.split('\n').join('\n  ')}`);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'toolhive-constructs: <stdin>:1: YAML error in document 1: too many alias expansions (at most 100): a YAML bomb?\n' });
  });

  test('passes a document with a few aliases', async () => {
    const r = await cli(['validate', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: &l\n    a: b\n  annotations: *l\n');
    expect(r).toEqual({ code: 0, stdout: '1 document, 0 errors, 0 warnings\n', stderr: '' });
  });
});

describe('a large Secret over the limit is refused without echoing it', () => {
  test('the message names the file and the limit only', () => {
    const dir = tempDir();
    const file = path.join(dir, 'secret.yaml');
    fs.writeFileSync(file, `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  token: ${MARK.repeat(200)}\n`);
    const r = spawnCli(['validate', '--max-file-bytes', '1K', file]);
    expect(r.code).toBe(2);
    expectNoSecret(r.stdout, r.stderr);
  });
});
