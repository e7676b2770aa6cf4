/** `--externals FILE`: the objects an App assumed to exist outside it, read from the file cdk8s synth writes. */
import * as path from 'path';
import { cli, mcpServer, tempTree } from './helpers';

const GROUPED = mcpServer('fetch', '  groupRef: { name: shared-tools }');

describe('validate --externals FILE', () => {
  test('fails a reference to an object the files do not hold', async () => {
    const dir = tempTree({ 'm.yaml': GROUPED });
    const r = await cli(['validate', path.join(dir, 'm.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[ref.missing]');
  });

  test('passes it once the externals file declares it', async () => {
    const dir = tempTree({ 'm.yaml': GROUPED, 'toolhive-externals.json': JSON.stringify({ version: 1, external: ['MCPGroup/team-a/shared-tools'] }) });
    const r = await cli(['validate', '--externals', path.join(dir, 'toolhive-externals.json'), path.join(dir, 'm.yaml')]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '1 document, 0 errors, 0 warnings\n', '']);
  });

  test('a directory scan leaves the externals file out (it is not a manifest), and --externals reads it', async () => {
    const dir = tempTree({ 'm.yaml': GROUPED, 'toolhive-externals.json': JSON.stringify({ version: 1, external: ['MCPGroup/team-a/shared-tools'] }), 'o.json': '{"kind": "ConfigMap"}' });
    const r = await cli(['validate', '--externals', path.join(dir, 'toolhive-externals.json'), dir]);
    // o.json is still read as a manifest: only the externals file is left out
    expect([r.code, r.stdout.split('\n').slice(-2)[0], r.stderr]).toEqual([1, '2 documents, 1 error, 0 warnings', '']);
    expect(r.stdout).not.toContain('toolhive-externals.json');
  });

  test('adds the entries of several files and of --external', async () => {
    const dir = tempTree({
      'm.yaml': mcpServer('fetch', '  groupRef: { name: shared-tools }\n  secrets: [{ name: gh, key: token, targetEnvName: GH }]'),
      'a.json': JSON.stringify({ version: 1, external: ['MCPGroup/shared-tools'] }),
    });
    const r = await cli(['validate', `--externals=${path.join(dir, 'a.json')}`, '--external', 'Secret/gh', path.join(dir, 'm.yaml')]);
    expect(r.code).toBe(0);
  });

  test.each([
    ['a missing file', {}, 'nope.json', 'nope.json: no such externals file'],
    ['a directory', { 'd/x': '' }, 'd', 'd: not a regular file, expected an externals file'],
    ['a file that is not JSON', { 'x.json': 'external: [a]' }, 'x.json', 'x.json: not a JSON externals file: expected {"version": 1, "external": ["Kind/namespace/name", ...]}'],
    ['another version', { 'x.json': '{"version": 2, "external": []}' }, 'x.json', 'x.json: unsupported externals file version 2: expected 1'],
    ['a bad entry', { 'x.json': '{"version": 1, "external": ["Secret"]}' }, 'x.json', 'x.json: external[0] "Secret" is not Kind/name, Kind/namespace/name or Kind/*'],
  ])('fails with exit 2 on %s, naming the file and what is wrong', async (_, files, name, message) => {
    const dir = tempTree({ 'm.yaml': GROUPED, ...files });
    const r = await cli(['validate', '--externals', path.join(dir, name), path.join(dir, 'm.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`toolhive-constructs: ${path.join(dir, message)}\n`);
    expect(r.stdout).toBe('');
  });

  test('is documented in the help', async () => {
    const r = await cli(['validate', '--help']);
    expect(r.stdout).toContain('--externals FILE         read more of those from FILE (repeatable)');
  });
});
