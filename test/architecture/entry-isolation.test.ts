/**
 * `toolhive-constructs/validation` (the compiled entry, through the package's own `exports` map) loads neither
 * cdk8s, constructs nor any Pulumi module: a CI script or a Pulumi program that only validates pays for the
 * engine alone. Needs `lib/` (`npx tsc --build`, which `npm test` runs first).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const FORBIDDEN = /node_modules[\\/](cdk8s|cdk8s-plus-\d+|constructs|@pulumi[\\/][^\\/]+)[\\/]|[\\/]lib[\\/](constructs|pulumi|imports|manifests|cli)[\\/]/;

/** The files in require.cache after requiring `spec` in a fresh node, from the repository root. */
function loadedBy(spec: string, probe = ''): { loaded: string[]; probe: unknown } {
  const script = `const m = require(${JSON.stringify(spec)}); process.stdout.write(JSON.stringify({ loaded: Object.keys(require.cache), probe: ${probe || 'null'} }));`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { loaded: string[]; probe: unknown };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'validation', 'index.js'))) throw new Error('lib/ is missing: run npx tsc --build first');
});

test('require("toolhive-constructs/validation") resolves to lib/validation and loads no cdk8s, constructs or Pulumi module', () => {
  const { loaded, probe } = loadedBy('toolhive-constructs/validation', "[typeof m.validateManifests, typeof m.envBindings, m.validateManifests([{ apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPGroup', metadata: { name: 'g' }, spec: {} }]).length]");
  expect(probe).toEqual(['function', 'function', 0]);
  expect(loaded).toContain(path.join(ROOT, 'lib', 'validation', 'index.js'));
  expect(loaded.filter(f => FORBIDDEN.test(f))).toEqual([]);
});

test('the check sees cdk8s when it is loaded (the root entry loads it)', () => {
  const { loaded } = loadedBy('toolhive-constructs');
  expect(loaded.filter(f => FORBIDDEN.test(f)).some(f => /node_modules[\\/]cdk8s[\\/]/.test(f))).toBe(true);
});

test('the root entry does not load the L1 classes of cdk8s import (they are on toolhive-constructs/l1)', () => {
  const { loaded } = loadedBy('toolhive-constructs');
  expect(loaded.filter(f => /[\\/]lib[\\/]imports[\\/]/.test(f))).toEqual([]);
  const l1 = loadedBy('toolhive-constructs/l1', 'typeof m.McpServerV1Beta1');
  expect(l1.probe).toBe('function');
});
