/**
 * The command users run is the bundle `lib/cli/bin.js` (package.json `bin`), built by the compile task from
 * lib/cli/main.js (scripts/bundle-cli.ts): one file, so Node starts it without resolving and compiling ~260
 * modules, and on-demand chunks (lib/cli/chunks/) for what the common run does not need. It must be
 * self-contained and give exactly the answers of the unbundled CLI.
 */
import { spawnSync } from 'child_process';
import { generateKeyPairSync } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './helpers';
import { embeddedAuth, oidcConfig, oidcRef, remoteProxy } from '../operator/auth-fixtures';

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

/**
 * The chunks a run of the bundle loaded (file names under lib/cli/chunks/, from require.cache at exit), and
 * `node:crypto` when Node loaded that module.
 */
function chunksLoaded(args: string[], input: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-chunks-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.yaml'), input);
    const hook = path.join(dir, 'hook.js');
    fs.writeFileSync(hook, 'process.on(\'exit\', () => process.stderr.write(\'\\nLOADED \' + JSON.stringify([...Object.keys(require.cache), ...process.moduleLoadList]) + \'\\n\'));\n');
    const r = node(['--require', hook, BUNDLE, 'validate', ...args, path.join(dir, 'in.yaml')]);
    const m = /\nLOADED (.*)\n$/.exec(r.stderr);
    if (!m) throw new Error(`no module list: ${r.stderr}`);
    const loaded = JSON.parse(m[1]) as string[];
    const chunks = loaded.filter(f => path.dirname(f) === CHUNKS).map(f => path.basename(f));
    return [...chunks, ...loaded.includes('NativeModule crypto') ? ['node:crypto'] : []].sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata: {name: token, namespace: ns}\nstringData: {token: placeholder}\n';
const SERVER = (extra = '') => `apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: s, namespace: ns}\nspec:\n  image: ghcr.io/example/server:1.0.0\n  transport: streamable-http\n  secrets: [{name: token, key: token, targetEnvName: API_TOKEN}]\n${extra}`;

describe('the bundle loads its chunks only when a run needs them', () => {
  // node:crypto: only the operator's checks of key material use it (a stub in the bundle defers it)
  test('a small file whose rules read only absent fields loads no chunk: no yaml library, no CEL engine, no builder, no other release, no crypto', () => {
    expect(chunksLoaded([], `${SECRET}---\n${SERVER()}`)).toEqual([]);
  });

  test('an object with a field a rule reads loads CEL', () => {
    const authz = '  authzConfig: {type: configMap, configMap: {name: authz}}\n';
    expect(chunksLoaded([], `${SECRET}---\n${SERVER(authz)}`)).toEqual(['cel.js', 're2.js']);
  });

  test('a field with a schema pattern loads RE2', () => {
    const pattern = '  authzConfig: {type: configMap, configMap: {name: authz}, groupEntityType: "bad-type"}\n';
    expect(chunksLoaded([], `${SECRET}---\n${SERVER(pattern)}`)).toContain('re2.js');
  });

  test('a document the js-yaml fast path leaves to the reference parser loads yaml', () => {
    expect(chunksLoaded([], `${SECRET}---\n${SERVER()}---\napiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: c, namespace: ns}\n`)).toEqual(['yaml.js']);
  });

  test('the formats and releases load their own chunk', () => {
    const input = `${SECRET}---\n${SERVER()}`;
    expect(chunksLoaded(['--format', 'sarif'], input)).toEqual(['node-sarif-builder.js']);
    expect(chunksLoaded(['--format', 'junit'], input)).toEqual(['junit-report-builder.js']);
    expect(chunksLoaded(['--operator-release', 'v0.43.0'], input)).toEqual(['release-v0.43.0.js']);
  });
});

test('key material is checked through the deferred node:crypto as in the unbundled CLI', () => {
  const key = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const objects = [
    embeddedAuth('as', { signingKeySecretRefs: [{ name: 'keys', key: 'weak.pem' }, { name: 'keys', key: 'ok.pem' }], hmacSecretRefs: [{ name: 'hmac', key: 'hmac' }] }),
    oidcConfig('idp'),
    remoteProxy('github', { authServerRef: { name: 'as' }, oidcConfigRef: oidcRef('github') }),
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'keys' }, stringData: { 'weak.pem': key(1024), 'ok.pem': key(2048) } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'hmac' }, stringData: { hmac: 'h'.repeat(32) } },
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-keys-'));
  try {
    const file = path.join(dir, 'keys.json');
    fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
    const bundled = node([BUNDLE, 'validate', file]);
    const plain = node([MAIN, 'validate', file]);
    expect(bundled.stdout).toMatch(/RSA key of 1024 bits/);
    expect([bundled.stdout, bundled.stderr, bundled.status]).toEqual([plain.stdout, plain.stderr, plain.status]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a CEL rule calling matches() runs on the RE2 of the re2 chunk as in the unbundled CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-matches-'));
  try {
    const file = path.join(dir, 'vmcp.yaml');
    fs.writeFileSync(file, [
      'apiVersion: toolhive.stacklok.dev/v1beta1', 'kind: VirtualMCPServer', 'metadata: {name: v, namespace: ns}', 'spec:',
      '  groupRef: {name: team}', '  incomingAuth: {type: anonymous}', '  config:', '    optimizer:', '      embeddingProvider: openai',
      '      embeddingHeaders: {"Bad Header": x, X-Ok: z}', '',
    ].join('\n'));
    const bundled = node([BUNDLE, 'validate', file]);
    const plain = node([MAIN, 'validate', file]);
    expect(bundled.stdout).toMatch(/embeddingHeaders names must be valid HTTP header names/);
    expect([bundled.stdout, bundled.stderr, bundled.status]).toEqual([plain.stdout, plain.stderr, plain.status]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
