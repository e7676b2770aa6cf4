/**
 * `validate` streams: the engine gets each batch of documents as it is read. When the fast path gives up part way
 * through a file, what it handed over is taken back and the reference path reads the file: the report is the same
 * as reading every file whole first.
 */
import * as path from 'path';
import { cli, mcpServer, tempTree } from './helpers';
import { parseReference, type LoadedManifests } from '../../src/cli/load';
import { readFileLimited } from '../../src/cli/read';
import { validateManifests } from '../../src/validation';

/** Far more than one batch (64 KiB) of documents, every 50th with a schema error. */
function manyServers(n: number): string {
  return Array.from({ length: n }, (_, i) => mcpServer(`s-${i}`, i % 50 === 49 ? '  proxyPort: 0' : '')).join('---\n');
}

/** What reading the file whole with the reference path and validating it gives, as `validate` prints it. */
function expectedErrors(text: string, file: string): string[] {
  const out: LoadedManifests = { objects: [], sources: [], problems: [], emptyDirectories: [] };
  parseReference(text, file, out);
  expect(out.problems).toEqual([]);
  return validateManifests(out.objects, { sources: out.sources }).map(v => `${v.file}#${v.document} ${v.kind}/${v.namespace}/${v.name} ${v.path}: ${v.message} [${v.rule}]`);
}

describe('validate streams its input', () => {
  test('a file read in batches gives every violation once, with its document number', async () => {
    const text = manyServers(1500);
    expect(text.length).toBeGreaterThan(3 * 64 * 1024);
    const dir = tempTree({ 'all.yaml': text });
    const file = path.join(dir, 'all.yaml');
    const r = await cli(['validate', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.pop()).toBe('1500 documents, 30 errors, 0 warnings');
    expect(lines).toEqual(expectedErrors(text, file));
    expect(lines[0]).toBe(`${file}#50 MCPServer/team-a/s-49 spec.proxyPort: Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1 [schema.minimum]`);
  });

  test('a file the fast path gives up on after some batches is read again the reference way, nothing counted twice', async () => {
    // an anchor and an alias in the last document: the fast path hands over the first batches, then gives up
    const text = `${manyServers(1500)}---\n${mcpServer('anchored', '  args: &a ["x"]\n  env: []')}`.replace('env: []', 'resources: {}');
    const dir = tempTree({ 'all.yaml': text, 'b.yaml': mcpServer('second', '  proxyPort: 0') });
    const file = path.join(dir, 'all.yaml');
    const r = await cli(['validate', file, path.join(dir, 'b.yaml')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.pop()).toBe('1502 documents, 31 errors, 0 warnings');
    expect(lines.slice(0, 30)).toEqual(expectedErrors(text, file));
    expect(lines[30]).toBe(`${path.join(dir, 'b.yaml')}#1 MCPServer/team-a/second spec.proxyPort: Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1 [schema.minimum]`);
  });

  test('a syntax error at the end of a file read in batches: the batches handed over are taken back, nothing is validated', async () => {
    const dir = tempTree({ 'all.yaml': `${manyServers(1500)}---\nkind: [unclosed\n` });
    const r = await cli(['validate', '--format', 'json', path.join(dir, 'all.yaml')]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.violations).toEqual([]);
    expect(report.summary).toEqual({ documents: 0, errors: 0, warnings: 0, problems: 1 });
    expect(r.stderr).toContain('YAML syntax error in document 1501');
  });

  test('a syntax error in a later file stops the run before any violation is printed', async () => {
    const dir = tempTree({ 'a.yaml': manyServers(200), 'b.yaml': 'kind: [unclosed\n' });
    const r = await cli(['validate', path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('YAML syntax error in document 1');
  });

  test('junit lists every object streamed, with its identity', async () => {
    const dir = tempTree({ 'all.yaml': manyServers(120) });
    const r = await cli(['validate', '--format', 'junit', path.join(dir, 'all.yaml')]);
    expect(r.stdout.match(/<testcase /g)).toHaveLength(120);
    expect(r.stdout).toContain('all.yaml#120 MCPServer/team-a/s-119');
  });
});

describe('readFileLimited reads into one buffer of the size stat gives', () => {
  test('reads a file whole, and refuses one over the limit', async () => {
    const dir = tempTree({ 'a.yaml': 'x'.repeat(5000) });
    const r = await readFileLimited(path.join(dir, 'a.yaml'), 10_000);
    expect('bytes' in r && r.bytes.toString()).toBe('x'.repeat(5000));
    expect(await readFileLimited(path.join(dir, 'a.yaml'), 4999)).toEqual({ problem: expect.stringContaining('larger than') });
  });

  test('reads on past the size stat gave (a file that grew; /proc files say 0 bytes), still up to the limit', async () => {
    const r = await readFileLimited('/proc/self/status', 1024 * 1024);
    expect('bytes' in r && r.bytes.toString()).toMatch(/^Name:[^\n]*\n[\s\S]*VmRSS/);
    expect(await readFileLimited('/proc/self/status', 10)).toEqual({ problem: expect.stringContaining('larger than') });
  });
});
