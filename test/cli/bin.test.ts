/**
 * The compiled command as users run it: `node lib/cli/main.js`. Needs `npx tsc` first (the test task
 * compiles before jest); skipped with a message when lib/cli/main.js is missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT, mcpServer } from './helpers';

const BIN = path.join(REPO_ROOT, 'lib', 'cli', 'main.js');
const built = fs.existsSync(BIN);
const describeBuilt = built ? describe : describe.skip;
if (!built) {
  // eslint-disable-next-line no-console
  console.warn(`skipping test/cli/bin.test.ts: ${BIN} is missing; run "npx tsc" to build lib/ first`);
}

function node(args: string[], input = '') {
  return spawnSync(process.execPath, args, { cwd: REPO_ROOT, input, encoding: 'utf8', timeout: 30_000 });
}

describeBuilt('node lib/cli/main.js', () => {
  test('starts with a shebang so npm can link it as a command', () => {
    expect(fs.readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  test('fails with exit code 1 and prints violations for a bad object on stdin', () => {
    const r = node([BIN, 'validate', '-'], mcpServer('bad', '  proxyPort: 0'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('<stdin>:1 MCPServer/team-a/bad spec.proxyPort: Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1 [schema.minimum]\n1 document, 1 error, 0 warnings\n');
    expect(r.stderr).toBe('');
  });

  test('exits 0 for the sample platform', () => {
    const r = node([BIN, 'validate', 'examples/manifests/platform']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('fails with exit code 2 and no stack trace on malformed YAML', () => {
    const r = node([BIN, 'validate', '-'], 'a: [\n');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^toolhive-constructs: <stdin>:2:1: YAML syntax error in document 1: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('fails with exit code 2 on an unknown option', () => {
    const r = node([BIN, 'validate', '--nope', 'x.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith('toolhive-constructs: unknown option "--nope"\n\nUsage: toolhive-constructs validate')).toBe(true);
  });

  test('prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const r = node([BIN, '--version']);
    expect([r.status, r.stdout]).toEqual([0, `${pkg.version}\n`]);
  });

  test('loads neither cdk8s, constructs nor Pulumi', () => {
    const script = `
      const { run } = require(${JSON.stringify(BIN)});
      const sink = { write() {} };
      run(['validate', 'examples/manifests'], { stdout: sink, stderr: sink, stdin: process.stdin })
        .then(() => run(['env', 'examples/manifests/platform'], { stdout: sink, stderr: sink, stdin: process.stdin }))
        .then(() => {
          const heavy = Object.keys(require.cache).filter(f => /node_modules[\\\\/](cdk8s|cdk8s-plus-[0-9]+|constructs|@pulumi)[\\\\/]/.test(f));
          process.stdout.write(JSON.stringify(heavy));
        });`;
    const r = node(['-e', script]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
