import { javascript, typescript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

/**
 * Where the code lives. A placeholder named after the package (no organisation has been chosen yet): change this
 * one constant before the first publish; `repository`, `homepage` and `bugs` derive from it.
 */
const REPOSITORY = 'https://github.com/toolhive-constructs/toolhive-constructs';

/**
 * Subpath exports. `typesVersions` is derived from this map so that a subpath added here also resolves under
 * `moduleResolution: node` (node10), which ignores `exports` (the stock `pulumi new typescript` tsconfig before 2026).
 */
const EXPORTS: Record<string, { types: string; default: string }> = {
  // Each entry point loads only its own layers (docs/architecture.md): the engine alone, the cdk8s constructs,
  // the Pulumi components, and the L1 classes of `cdk8s import` (large declarations, so on their own subpath).
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  './validation': { types: './lib/validation/index.d.ts', default: './lib/validation/index.js' },
  './pulumi': { types: './lib/pulumi/index.d.ts', default: './lib/pulumi/index.js' },
  './policy': { types: './lib/policy/index.d.ts', default: './lib/policy/index.js' },
  './l1': { types: './lib/imports/toolhive.stacklok.dev.d.ts', default: './lib/imports/toolhive.stacklok.dev.js' },
};

const project = new typescript.TypeScriptProject({
  name: 'toolhive-constructs',
  packageName: 'toolhive-constructs',
  repository: `git+${REPOSITORY}.git`,
  homepage: `${REPOSITORY}#readme`,
  bugsUrl: `${REPOSITORY}/issues`,
  keywords: ['cdk8s', 'pulumi', 'toolhive', 'mcp', 'model-context-protocol', 'kubernetes', 'operator', 'crd', 'validation', 'cel', 'kubeconform'],
  description: 'cdk8s constructs, Pulumi components and an offline validator for the ToolHive Kubernetes operator (toolhive.stacklok.dev)',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  defaultReleaseBranch: 'main',
  license: 'Apache-2.0',
  copyrightOwner: 'toolhive-constructs authors',
  minNodeVersion: '20.0.0',
  typescriptVersion: '~5.9.3',
  github: false,
  release: false,
  depsUpgrade: false,
  buildWorkflow: false,
  pullRequestTemplate: false,
  sampleCode: false,
  deps: [
    '@bufbuild/cel@~0.6.1',
    '@bufbuild/re2@~0.6.1',
    'yaml@^2.8.0',
    'js-yaml@^5.5.0',
    'node-sarif-builder@~4.1.0',
    'junit-report-builder@^5.1.2',
  ],
  peerDependencyOptions: { pinnedDevDependency: false },
  peerDeps: [
    'cdk8s@^2.70.0',
    'constructs@^10.3.0',
    '@pulumi/pulumi@^3.100.0',
    '@pulumi/kubernetes@^4.10.0',
    '@pulumi/policy@^1.21.0',
  ],
  devDeps: [
    '@types/node@^20',
    'cdk8s@~2.70.106',
    'cdk8s-cli@~2.207.60',
    'cdk8s-plus-28@2.5.6',
    'cdk8s-plus-33@^2.5.57',
    'constructs@^10.4.0',
    '@pulumi/pulumi@~3.248.0',
    '@pulumi/kubernetes@~4.34.2',
    'typedoc@^0.28.0',
    '@pulumi/policy@~1.21.0',
    'fast-check@^4.10.2',
    'recheck@4.5.0',
    'ajv@^8.17.1',
    'kubernetes-models@~4.5.0',
    'esbuild@^0.25.12',
  ],
  jestOptions: {
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      coverageReporters: ['text-summary'],
      testTimeout: 60_000,
      // CI runs on 2 cores: both run test files (jest's default leaves one idle and then runs in band), and no
      // coverage instrumentation (it doubled the suite's time); `npx jest --coverage` still gives it on demand
      maxWorkers: 2,
      collectCoverage: false,
    },
  },
  tsJestOptions: {
    transformOptions: { isolatedModules: true },
  },
  tsconfig: {
    compilerOptions: {
      lib: ['es2022'],
      target: 'ES2022',
      skipLibCheck: true,
      esModuleInterop: true,
    },
  },
  gitignore: ['/dist/', '/bench/out/', '/docs/api/', '/cdk8s.out/', '.tmp/'],
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'bench', 'scripts', 'examples'],
    ignorePatterns: ['src/imports/**', 'src/schema/generated/**'],
    prettier: false,
  },
});

project.package.addPackageResolutions('unrs-resolver@1.12.2');
// The command line ships bundled (lib/cli/bin.js): Node resolves and compiles one module instead of about 260 at
// every start, which halves the cold start. What the common run does not need (CEL, the SARIF and JUnit builders,
// the non-default releases' tables) is split into lib/cli/chunks/, loaded on demand (scripts/bundle-cli.ts).
// The library entry points stay unbundled.
project.package.addField('bin', { 'toolhive-constructs': 'lib/cli/bin.js' });
const bundleCli = project.addTask('bundle:cli', {
  description: 'Bundle the command line (lib/cli/main.js and its dependencies) into lib/cli/bin.js and its on-demand chunks lib/cli/chunks/*.js',
  exec: 'ts-node --transpile-only scripts/bundle-cli.ts',
});
project.compileTask.spawn(bundleCli);
// The first release. projen leaves `version` at 0.0.0 when no release workflow bumps it.
project.package.addVersion('0.1.0');
project.package.addField('exports', { ...EXPORTS, './package.json': './package.json' });
// `moduleResolution: node`/`node10` ignores `exports`: map each subpath to its declarations for it (TypeScript reads
// `typesVersions` only for paths `exports` does not already answer, so node16 and bundler still use `exports`).
project.package.addField('typesVersions', {
  '*': Object.fromEntries(Object.entries(EXPORTS)
    .filter(([subpath]) => subpath !== '.')
    .map(([subpath, target]) => [subpath.replace(/^\.\//, ''), [target.types.replace(/^\.\//, '')]])),
});
// `npm pack`/`npm publish` build lib/ first; pre-commit installs a hook repository with `npm install` then `npm pack`.
project.package.setScript('prepack', 'projen compile');
// What the tarball ships (test/package/pack.test.ts checks it): the compiled library and the user docs.
project.package.addField('files', ['lib/**/*.js', 'lib/**/*.d.ts', 'docs/*.md', 'CHANGELOG.md']);
// Every peer is optional: a Pulumi user gets no cdk8s and a cdk8s user no Pulumi (npm installs required peers
// automatically); the README's install commands name the pair each tool needs.
project.package.addField('peerDependenciesMeta', {
  'cdk8s': { optional: true },
  'constructs': { optional: true },
  '@pulumi/pulumi': { optional: true },
  '@pulumi/kubernetes': { optional: true },
  '@pulumi/policy': { optional: true },
});

// Generated code from the real CRDs (see scripts/import-crds.ts).
project.addTask('import:crds', {
  description: 'Regenerate the tables of the bundled operator releases (--release NAME for one; scripts/releases.ts lists them) and the typed props (src/imports, src/manifests/generated) from their union',
  exec: 'ts-node --transpile-only scripts/import-crds.ts',
  receiveArgs: true,
});
project.addTask('releases:diff', {
  description: 'What differs between two bundled operator releases: fields added, removed, (no longer) required; CEL rules by id (FROM TO)',
  exec: 'ts-node --transpile-only scripts/diff-releases.ts',
  receiveArgs: true,
});
project.addTask('check:generated', {
  description: 'Fail when the committed generated files of any bundled release differ from a fresh regeneration (skips when ../shared is absent, fails under CI)',
  exec: 'ts-node --transpile-only scripts/check-generated.ts',
});

project.addTask('synth', {
  description: 'Synthesize the example platform (examples/cdk8s) with cdk8s synth to dist/*.yaml, then validate the output with the CLI',
  exec: 'bash scripts/synth-example.sh',
});
const bench = project.addTask('bench', {
  description: 'Run the benchmarks (validation engine, cdk8s synth, Pulumi components) and print figures and ratios',
  exec: 'ts-node --transpile-only bench/index.ts',
  receiveArgs: true,
});
bench.prependSpawn(project.compileTask);
project.addTask('docs:rules', {
  description: 'Regenerate docs/rules.md from the RULE_DOCS of every validation layer',
  exec: 'ts-node --transpile-only scripts/gen-rules-doc.ts',
});
project.addTask('docs:api', {
  description: 'Generate the TypeDoc API reference into docs/api/',
  exec: 'typedoc --out docs/api --entryPoints src/index.ts --entryPoints src/validation/index.ts --entryPoints src/pulumi/index.ts --tsconfig tsconfig.json --excludePrivate --skipErrorChecking',
});

// Tests run against the compiled CLI too, and CI checks generated code for drift.
project.testTask.prependSpawn(project.compileTask);
project.testTask.spawn(project.tasks.tryFind('check:generated')!);

project.synth();
