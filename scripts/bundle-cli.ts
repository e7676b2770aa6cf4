/**
 * Bundles the command line (run by the compile task, after tsc): lib/cli/bin.js, the file package.json `bin`
 * names, with what every run needs, and lib/cli/chunks/*.js, required only by the runs that need them, so that
 * Node reads and V8 compiles a smaller file at every start:
 *  - cel.js: @bufbuild/cel and @bufbuild/protobuf (~700 KB, ~50 ms to initialize). Most objects reach only rules
 *    whose fields they lack, answered from the generated facts (src/validation/cel.ts); imports of the package
 *    go through a stub whose exports load the chunk when first read, so a module that imports it at the top
 *    (tsc's CommonJS reads `cel_1.parse` at each call) does not load it either;
 *  - re2.js: @bufbuild/re2 (~150 KB), for the schemas' `pattern`s, which most small objects do not reach;
 *  - junit-report-builder.js, node-sarif-builder.js: `--format junit` and `--format sarif` only;
 *  - yaml.js: the yaml library, for documents the js-yaml fast path leaves to it and for `env` output;
 *  - release-<dir>.js: the tables of each operator release but the default (`--operator-release`).
 *
 * Usage: ts-node scripts/bundle-cli.ts
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as cel from '@bufbuild/cel';
import * as celExt from '@bufbuild/cel/ext';
import * as re2 from '@bufbuild/re2';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { DEFAULT_RELEASE, RELEASES } from './releases';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'lib', 'cli');
const CHUNKS = path.join(CLI, 'chunks');
const GENERATED = path.join(ROOT, 'lib', 'schema', 'generated');

// Whitespace and syntax minified (a third fewer bytes to read and parse at each start); names are kept.
const COMMON: BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', minifyWhitespace: true, minifySyntax: true };

/** The chunk's path as bin.js requires it (relative to lib/cli, where the bundle runs from). */
const chunkRef = (name: string) => `./chunks/${name}.js`;

/**
 * Modules whose imports are deferred behind a stub: what the stub requires on first use, the key of the chunk's
 * exports that holds the module (for chunks), and the module's export names.
 */
const STUBBED: Readonly<Record<string, { from: string; key?: string; names: readonly string[] }>> = {
  '@bufbuild/cel': { from: chunkRef('cel'), key: 'cel', names: Object.keys(cel) },
  '@bufbuild/cel/ext': { from: chunkRef('cel'), key: 'ext', names: Object.keys(celExt) },
  // schema `pattern`s only (src/validation/structural.ts compiles each on first use)
  '@bufbuild/re2': { from: chunkRef('re2'), names: Object.keys(re2) },
  // ~3 ms to load; the operator's PEM checks (src/validation/operator/go/pem.ts) use it only for key material
  'node:crypto': { from: 'node:crypto', names: Object.keys(crypto) },
};

/**
 * Packages required on demand in the source already: plain externals, each in its chunk. The SARIF and JUnit
 * builders serve their formats only (lib/cli/validate.ts imports their users on demand); yaml is the reference
 * parser, for what the js-yaml fast path does not read (src/cli/load.ts) and for `env` output.
 */
const ON_DEMAND_PACKAGES = ['junit-report-builder', 'node-sarif-builder', 'yaml'];

/** A module whose exports are getters that require the module (or its chunk) when first read. */
function stubSource(spec: string): string {
  const { from, key, names } = STUBBED[spec];
  const get = key === undefined ? '' : `[${JSON.stringify(key)}]`;
  return `let m;\nconst load = () => (m ??= require(${JSON.stringify(from)})${get});\n` +
    `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });\n`;
}

function splitPlugin(defaultDir: string, dirs: readonly string[]): Plugin {
  return {
    name: 'split-cli',
    setup(b) {
      b.onResolve({ filter: /^(@bufbuild\/cel(\/ext)?|@bufbuild\/re2|node:crypto)$/ }, args => (args.namespace === 'stub' ? { path: args.path, external: true } : { path: args.path, namespace: 'stub' }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, args => ({ contents: stubSource(args.path), loader: 'js' }));
      b.onResolve({ filter: /^\.\/chunks\// }, args => ({ path: args.path, external: true }));
      b.onResolve({ filter: new RegExp(`^(${ON_DEMAND_PACKAGES.map(p => p.replace(/[/.-]/g, '\\$&')).join('|')})$`) }, args => ({ path: chunkRef(args.path), external: true }));
      b.onResolve({ filter: /^\.\/[^/]+$/ }, args => {
        const dir = args.path.slice(2);
        if (args.importer !== path.join(GENERATED, 'index.js') || dir === defaultDir || !dirs.includes(dir)) return undefined;
        return { path: chunkRef(`release-${dir}`), external: true };
      });
    },
  };
}

async function main(): Promise<void> {
  const defaultDir = RELEASES.find(r => r.name === DEFAULT_RELEASE)!.dir;
  const others = RELEASES.map(r => r.dir).filter(d => d !== defaultDir);

  fs.rmSync(CHUNKS, { recursive: true, force: true });
  const chunk = (name: string, contents: string, plugins: Plugin[] = []) => build({
    ...COMMON, stdin: { contents, resolveDir: ROOT, sourcefile: `${name}-entry.js` }, outfile: path.join(CHUNKS, `${name}.js`), plugins,
  });
  // CEL's `matches` uses the RE2 of the re2 chunk (one copy, loaded once), required from its own folder
  const shareRe2: Plugin = { name: 'share-re2', setup: b => b.onResolve({ filter: /^@bufbuild\/re2$/ }, () => ({ path: './re2.js', external: true })) };
  await Promise.all([
    build({ ...COMMON, entryPoints: [path.join(CLI, 'main.js')], outfile: path.join(CLI, 'bin.js'), plugins: [splitPlugin(defaultDir, others)] }),
    chunk('cel', 'module.exports = { cel: require("@bufbuild/cel"), ext: require("@bufbuild/cel/ext") };', [shareRe2]),
    chunk('re2', 'module.exports = require("@bufbuild/re2");'),
    ...ON_DEMAND_PACKAGES.map(p => chunk(p, `module.exports = require(${JSON.stringify(p)});`)),
    ...others.map(d => build({ ...COMMON, entryPoints: [path.join(GENERATED, d, 'index.js')], outfile: path.join(CHUNKS, `release-${d}.js`) })),
  ]);
}

main().catch(e => {
  process.stderr.write(`bundle-cli: ${(e as Error).message}\n`);
  process.exit(1);
});
