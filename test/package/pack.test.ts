/**
 * The published package: metadata a registry user sees, and exactly what `npm pack` puts in the tarball.
 * Needs lib/ (the test task compiles first); fails, rather than skips, when it is missing.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

interface PackResult { readonly files: readonly { path: string }[] }

function packedFiles(): string[] {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) throw new Error('lib/index.js is missing: run "npx tsc --build" first');
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [result] = JSON.parse(out) as PackResult[];
  return result.files.map(f => f.path).sort();
}

describe('package.json metadata', () => {
  test('has a real semver version', () => {
    expect(pkg.version).toMatch(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/);
    expect(pkg.version).not.toBe('0.0.0');
  });

  test('says where the code, the home page and the issue tracker are, from one repository URL', () => {
    const repo = /^git\+(https:\/\/github\.com\/[^/]+\/[^/.]+)\.git$/.exec(pkg.repository?.url ?? '');
    expect(repo).not.toBeNull();
    expect(pkg.repository.type).toBe('git');
    expect(pkg.homepage).toBe(`${repo![1]}#readme`);
    expect(pkg.bugs).toEqual({ url: `${repo![1]}/issues` });
  });

  test('has keywords, a license, engines and a bin', () => {
    expect(pkg.keywords).toEqual(expect.arrayContaining(['cdk8s', 'pulumi', 'toolhive', 'kubernetes']));
    expect(pkg.license).toBe('Apache-2.0');
    expect(pkg.engines).toEqual({ node: '>= 20.0.0' });
    expect(pkg.bin).toEqual({ 'toolhive-constructs': 'lib/cli/bin.js' });
  });
});

describe('npm pack', () => {
  const files = packedFiles();

  test('ships only the compiled library, the user docs and the package files', () => {
    const allowed = [/^lib\/.+\.(js|d\.ts)$/, /^docs\/[a-z0-9-]+\.md$/, /^(README\.md|LICENSE|CHANGELOG\.md|package\.json)$/];
    expect(files.filter(f => !allowed.some(r => r.test(f)))).toEqual([]);
  });

  test.each(['.ci/', 'bench/', 'scripts/', 'test/', 'src/', 'examples/', 'projenrc/', '.projen/', 'docs/api/', 'coverage/'])('ships nothing under %s', dir => {
    expect(files.filter(f => f.startsWith(dir))).toEqual([]);
  });

  test('ships no tsconfig, lockfile, source map or build info', () => {
    expect(files.filter(f => /tsconfig|package-lock|\.map$|tsbuildinfo|\.projenrc/.test(f))).toEqual([]);
  });

  test('ships the README, the license, the docs the README links and the command', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const linkedDocs = [...readme.matchAll(/\]\((docs\/[a-z0-9-]+\.md)\)/g)].map(m => m[1]);
    expect(linkedDocs.length).toBeGreaterThan(3);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json', pkg.bin['toolhive-constructs'], ...linkedDocs]));
  });

  test('ships the chunks the command loads on demand (lib/cli/chunks, scripts/bundle-cli.ts)', () => {
    const chunks = fs.readdirSync(path.join(ROOT, 'lib', 'cli', 'chunks')).map(f => `lib/cli/chunks/${f}`);
    expect(chunks.length).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(chunks));
  });

  test('ships every file the exports map and typesVersions point at', () => {
    const targets: string[] = [];
    for (const value of Object.values(pkg.exports as Record<string, unknown>)) {
      if (typeof value === 'string') targets.push(value);
      else targets.push(...Object.values(value as Record<string, string>));
    }
    for (const list of Object.values(pkg.typesVersions?.['*'] ?? {}) as string[][]) targets.push(...list);
    targets.push(pkg.main, pkg.types);
    const missing = targets.filter(Boolean).map(t => t.replace(/^\.\//, '')).filter(t => !files.includes(t));
    expect(missing).toEqual([]);
  });
});
