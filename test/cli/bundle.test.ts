/**
 * The command users run is the bundle `lib/cli/bin.js` (package.json `bin`), built by the compile task from
 * lib/cli/main.js (scripts/bundle-cli.ts): one file, so Node starts it without resolving and compiling ~260
 * modules, and on-demand chunks (lib/cli/chunks/) for what the common run does not need. It must be
 * self-contained and give exactly the answers of the unbundled CLI.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './helpers';

const BUNDLE = path.join(REPO_ROOT, 'lib', 'cli', 'bin.js');
const MAIN = path.join(REPO_ROOT, 'lib', 'cli', 'main.js');
const CHUNKS = path.join(REPO_ROOT, 'lib', 'cli', 'chunks');

function node(args: string[], cwd = REPO_ROOT) {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 });
}

describe('the bundled command line', () => {
  test('package.json names the bundle as the toolhive-constructs command', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['toolhive-constructs']).toBe('lib/cli/bin.js');
    expect(fs.readFileSync(BUNDLE, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  test('runs from a folder with no node_modules (self-contained)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-bundle-'));
    try {
      fs.copyFileSync(BUNDLE, path.join(dir, 'bin.js'));
      fs.cpSync(CHUNKS, path.join(dir, 'chunks'), { recursive: true });
      fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'manifests', 'rejected', 'classic-mistakes.yaml'), path.join(dir, 'bad.yaml'));
      const r = node([path.join(dir, 'bin.js'), 'validate', 'bad.yaml'], dir);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/^bad\.yaml/);
      // and every chunk loads from there
      for (const extra of [['--format', 'sarif'], ['--format', 'junit'], ['--operator-release', 'v0.43.0'], ['--operator-release', 'main@e25de16']]) {
        const x = node([path.join(dir, 'bin.js'), 'validate', ...extra, 'bad.yaml'], dir);
        expect({ extra, stderr: x.stderr, status: x.status }).toEqual({ extra, stderr: '', status: 1 });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    [['validate', 'examples/manifests/rejected']],
    [['validate', '--format', 'json', 'examples/manifests/platform', 'examples/manifests/rejected']],
    [['env', 'examples/manifests/platform']],
    [['validate', '--format', 'sarif', 'examples/manifests/rejected']],
    [['validate', '--format', 'junit', 'examples/manifests/rejected']],
    [['validate', '--operator-release', 'v0.43.0', 'examples/manifests/platform', 'examples/manifests/rejected']],
    [['validate', '--operator-release', 'main@e25de16', 'examples/manifests/platform', 'examples/manifests/rejected']],
  ])('gives byte-identical output and exit code to lib/cli/main.js: %j', args => {
    const bundled = node([BUNDLE, ...args]);
    const plain = node([MAIN, ...args]);
    expect(bundled.stdout).toBe(plain.stdout);
    expect(bundled.stderr).toBe(plain.stderr);
    expect(bundled.status).toBe(plain.status);
    expect(bundled.stdout.length).toBeGreaterThan(0);
  });
});

/** The chunks a run of the bundle loaded (file names under lib/cli/chunks/), read from require.cache at exit. */
function chunksLoaded(args: string[], input: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-chunks-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.yaml'), input);
    const hook = path.join(dir, 'hook.js');
    fs.writeFileSync(hook, 'process.on(\'exit\', () => process.stderr.write(\'\\nLOADED \' + JSON.stringify(Object.keys(require.cache)) + \'\\n\'));\n');
    const r = node(['--require', hook, BUNDLE, 'validate', ...args, path.join(dir, 'in.yaml')]);
    const m = /\nLOADED (.*)\n$/.exec(r.stderr);
    if (!m) throw new Error(`no module list: ${r.stderr}`);
    return (JSON.parse(m[1]) as string[]).filter(f => path.dirname(f) === CHUNKS).map(f => path.basename(f)).sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata: {name: token, namespace: ns}\nstringData: {token: placeholder}\n';
const SERVER = (extra = '') => `apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: s, namespace: ns}\nspec:\n  image: ghcr.io/example/server:1.0.0\n  transport: streamable-http\n  secrets: [{name: token, key: token, targetEnvName: API_TOKEN}]\n${extra}`;

describe('the bundle loads its chunks only when a run needs them', () => {
  test('a small file whose rules read only absent fields loads no chunk: no CEL engine, no builder, no other release', () => {
    expect(chunksLoaded([], `${SECRET}---\n${SERVER()}`)).toEqual([]);
  });

  test('an object with a field a rule reads loads CEL', () => {
    const authz = '  authzConfig: {type: configMap, configMap: {name: authz}}\n';
    expect(chunksLoaded([], `${SECRET}---\n${SERVER(authz)}`)).toEqual(['cel.js']);
  });

  test('the formats and releases load their own chunk', () => {
    const input = `${SECRET}---\n${SERVER()}`;
    expect(chunksLoaded(['--format', 'sarif'], input)).toEqual(['node-sarif-builder.js']);
    expect(chunksLoaded(['--format', 'junit'], input)).toEqual(['junit-report-builder.js']);
    expect(chunksLoaded(['--operator-release', 'v0.43.0'], input)).toEqual(['release-v0.43.0.js']);
  });
});
