/**
 * Every entry point of `exports` resolves to its declarations under each `moduleResolution` users have:
 * node10 (`node`, the stock `pulumi new typescript` tsconfig before 2026, which ignores `exports` and needs
 * `typesVersions`), node16/nodenext (CommonJS and ESM importers) and bundler. The package is seen the way a
 * consumer sees it: through `node_modules/toolhive-constructs` in a fresh directory.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const exportsMap = pkg.exports as Record<string, string | { types?: string }>;
const entryPoints = Object.entries(exportsMap)
  .filter(([, v]) => typeof v === 'object' && v.types !== undefined)
  .map(([subpath, v]) => ({
    specifier: subpath === '.' ? 'toolhive-constructs' : `toolhive-constructs/${subpath.replace(/^\.\//, '')}`,
    types: path.join(ROOT, (v as { types: string }).types),
  }));

const MODES: Record<string, { options: ts.CompilerOptions; importers: string[] }> = {
  node10: { options: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 }, importers: ['index.ts'] },
  node16: { options: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }, importers: ['index.ts', 'index.mts'] },
  nodenext: { options: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }, importers: ['index.ts', 'index.mts'] },
  bundler: { options: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }, importers: ['index.ts'] },
};

let consumer: string;
beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.d.ts'))) throw new Error('lib/index.d.ts is missing: run "npx tsc --build" first');
  consumer = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-consumer-'));
  fs.writeFileSync(path.join(consumer, 'package.json'), '{"name":"consumer","private":true}\n');
  fs.mkdirSync(path.join(consumer, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(consumer, 'node_modules', 'toolhive-constructs'), 'dir');
});
afterAll(() => fs.rmSync(consumer, { recursive: true, force: true }));

test('the package has more than one entry point, and typesVersions covers every subpath of exports', () => {
  expect(entryPoints.map(e => e.specifier)).toEqual(expect.arrayContaining(['toolhive-constructs', 'toolhive-constructs/pulumi']));
  const mapped = pkg.typesVersions?.['*'] ?? {};
  for (const [subpath, v] of Object.entries(exportsMap)) {
    if (subpath === '.' || typeof v !== 'object') continue;
    expect([subpath, mapped[subpath.replace(/^\.\//, '')]]).toEqual([subpath, [(v as { types: string }).types.replace(/^\.\//, '')]]);
  }
});

describe.each(Object.keys(MODES))('moduleResolution %s', mode => {
  const { options, importers } = MODES[mode];
  test.each(entryPoints.flatMap(e => importers.map(importer => ({ ...e, importer }))))('$specifier from $importer', ({ specifier, types, importer }) => {
    const host = ts.createCompilerHost(options);
    const r = ts.resolveModuleName(specifier, path.join(consumer, importer), options, host);
    expect(r.resolvedModule?.resolvedFileName).toBe(types);
  });
});
