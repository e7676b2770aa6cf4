/**
 * The command users run is the bundle `lib/cli/bin.js` (package.json `bin`), built by the compile task from
 * lib/cli/main.js: one file, so Node starts it without resolving and compiling ~260 modules. It must be
 * self-contained and give exactly the answers of the unbundled CLI.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './helpers';

const BUNDLE = path.join(REPO_ROOT, 'lib', 'cli', 'bin.js');
const MAIN = path.join(REPO_ROOT, 'lib', 'cli', 'main.js');

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
      fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'manifests', 'rejected', 'classic-mistakes.yaml'), path.join(dir, 'bad.yaml'));
      const r = node([path.join(dir, 'bin.js'), 'validate', 'bad.yaml'], dir);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/^bad\.yaml/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    [['validate', 'examples/manifests/rejected']],
    [['validate', '--format', 'json', 'examples/manifests/platform', 'examples/manifests/rejected']],
    [['env', 'examples/manifests/platform']],
  ])('gives byte-identical output and exit code to lib/cli/main.js: %j', args => {
    const bundled = node([BUNDLE, ...args]);
    const plain = node([MAIN, ...args]);
    expect(bundled.stdout).toBe(plain.stdout);
    expect(bundled.stderr).toBe(plain.stderr);
    expect(bundled.status).toBe(plain.status);
    expect(bundled.stdout.length).toBeGreaterThan(0);
  });
});
