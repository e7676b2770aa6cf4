/**
 * The public API of each entry point is deliberate: the exported names (values and types) are listed in the
 * snapshot, so a helper that becomes public by accident (an `export *` of a file that gained a helper) fails
 * here and must be reviewed. Update deliberately with `npx jest test/architecture/public-api --ci=false -u`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');

/** Package subpath → source entry file (mirrors `exports` in .projenrc.ts; checked below). */
const ENTRIES: Readonly<Record<string, string>> = {
  '.': 'src/index.ts',
  './validation': 'src/validation/index.ts',
  './pulumi': 'src/pulumi/index.ts',
  './policy': 'src/policy/index.ts',
  './l1': 'src/imports/toolhive.stacklok.dev.ts',
};

/** Internal helpers that once leaked through `export *`; none of them belongs to any entry point. */
const INTERNAL = [
  'requireNonEmpty', 'checkRemoteUrl', 'checkUpstreamName', 'checkEmbeddedAuthServer', 'format', 'canonical',
  'effectiveNamespace', 'chartNamespace', 'ImportedToolHiveObject', 'UPSTREAM_NAME_PATTERN', 'toolhiveManifest',
  'resolveOptions', 'buildManifestSet', 'parseExternal', 'formatViolation', 'objectMessage', 'programMessage',
  'ManifestSet', 'ObjectEntry', 'ResolvedOptions', 'SetLayer', 'deriveWorkloadEnv', 'API_VERSIONS', 'TOOLHIVE_GROUP',
];

const EXPORTS: Record<string, string[]> = (() => {
  const files = ['.', './validation', './pulumi', './policy'].map(k => path.join(ROOT, ENTRIES[k]));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, skipLibCheck: true, noEmit: true, esModuleInterop: true,
  });
  const checker = program.getTypeChecker();
  const out: Record<string, string[]> = {};
  for (const entry of ['.', './validation', './pulumi', './policy']) {
    const source = program.getSourceFile(path.join(ROOT, ENTRIES[entry]))!;
    const symbol = checker.getSymbolAtLocation(source)!;
    out[entry] = checker.getExportsOfModule(symbol).map(s => s.name).sort();
  }
  return out;
})();

test.each(['.', './validation', './pulumi', './policy'])('exported names of toolhive-constructs%s', entry => {
  expect(EXPORTS[entry]).toMatchSnapshot();
});

test('no internal helper is exported by any entry point', () => {
  const leaked = Object.entries(EXPORTS).flatMap(([entry, names]) => names.filter(n => INTERNAL.includes(n)).map(n => `${entry}: ${n}`));
  expect(leaked).toEqual([]);
});

test('the root entry re-exports the whole validation API (a cdk8s user needs no second import)', () => {
  expect(EXPORTS['./validation'].filter(n => !EXPORTS['.'].includes(n))).toEqual([]);
  expect(EXPORTS['./validation']).toEqual(expect.arrayContaining(['validateManifests', 'failures', 'envBindings', 'envBindingSources', 'Violation']));
});

test('the L1 classes are on their own subpath, not in the root entry', () => {
  expect(EXPORTS['.']).not.toContain('l1');
  expect(EXPORTS['.']).not.toContain('McpServerV1Beta1');
  const l1 = fs.readFileSync(path.join(ROOT, ENTRIES['./l1']), 'utf8');
  expect(l1).toMatch(/export class McpServerV1Beta1 extends ApiObject/);
});

test('package.json exports exactly these entry points, each pointing at the compiled entry file', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; types: string; main: string };
  const subpaths = Object.keys(pkg.exports).filter(k => k !== './package.json');
  expect(subpaths.sort()).toEqual(Object.keys(ENTRIES).sort());
  for (const [subpath, src] of Object.entries(ENTRIES)) {
    const compiled = `./${src.replace(/^src\//, 'lib/').replace(/\.ts$/, '')}`;
    expect({ subpath, target: pkg.exports[subpath] }).toEqual({ subpath, target: { types: `${compiled}.d.ts`, default: `${compiled}.js` } });
  }
  expect(`./${pkg.types}`.replace('././', './')).toBe((pkg.exports['.'] as { types: string }).types);
});
