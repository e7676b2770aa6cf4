/**
 * The import graph of src/, derived from the source: every arrow between layers is in the table below, no
 * layer imports a package it has no business loading, and no file is part of an import cycle (type-only imports
 * count: a cycle of types is still two modules that cannot be understood apart).
 */
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', 'src');

/**
 * Which layers each layer may import (docs/architecture.md draws the same picture). `root` is src/index.ts,
 * `imports` the generated L1 classes of `cdk8s import`.
 */
const ALLOWED_LAYERS: Readonly<Record<string, readonly string[]>> = {
  core: [],
  schema: ['core'],
  bindings: ['core', 'schema'],
  validation: ['core', 'schema', 'bindings'],
  manifests: ['core', 'schema'],
  constructs: ['core', 'schema', 'bindings', 'validation', 'manifests'],
  pulumi: ['core', 'schema', 'bindings', 'validation', 'manifests'],
  cli: ['core', 'schema', 'bindings', 'validation'],
  // the cdk8s CLI validation plugin and the Pulumi policy pack: the engine, with the CLI's reader and redactor
  plugin: ['core', 'schema', 'bindings', 'validation', 'cli'],
  policy: ['core', 'schema', 'bindings', 'validation', 'cli'],
  imports: [],
  root: ['core', 'schema', 'bindings', 'validation', 'manifests', 'constructs', 'plugin'],
};

/** Which packages each layer may import (Node built-ins are allowed everywhere except where listed as none). */
const ALLOWED_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  core: [],
  schema: [],
  bindings: [],
  validation: ['@bufbuild/cel', '@bufbuild/re2', 'yaml'],
  manifests: [],
  constructs: ['cdk8s', 'constructs'],
  pulumi: ['@pulumi/pulumi', '@pulumi/kubernetes', '@pulumi/policy'],
  cli: ['yaml', 'js-yaml', 'node-sarif-builder', 'junit-report-builder'],
  plugin: [],
  policy: ['@pulumi/policy'],
  imports: ['cdk8s', 'constructs'],
  root: [],
};

/**
 * Node built-ins only these may use: the command line and the cdk8s plugin read manifest and externals files;
 * the constructs check the `ToolHiveCrds` file before `Include` reads it and write the externals file at synth.
 * The engine and the Pulumi layers read no file.
 */
const NODE_BUILTINS_FOR = new Set(['cli', 'plugin', 'constructs']);

interface Edge {
  readonly from: string;
  readonly to: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function layerOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? 'root' : rel[0];
}

function resolveRelative(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every module specifier of a file: static imports and re-exports (type-only too), `require()` and `import()`. */
function specifiers(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map(f => f.fileName);
}

const FILES = sourceFiles(SRC);
const FILE_EDGES: Edge[] = [];
const PACKAGE_EDGES: Edge[] = [];
const UNRESOLVED: Edge[] = [];
for (const file of FILES) {
  for (const spec of specifiers(file)) {
    if (spec.startsWith('.')) {
      const target = resolveRelative(file, spec);
      if (target) FILE_EDGES.push({ from: file, to: target });
      else UNRESOLVED.push({ from: file, to: spec });
    } else {
      PACKAGE_EDGES.push({ from: file, to: spec });
    }
  }
}
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

test('the graph is derived from real imports (sanity: known arrows are found)', () => {
  const arrows = new Set(FILE_EDGES.map(e => `${rel(e.from)} -> ${rel(e.to)}`));
  expect(arrows).toContain('validation/collisions.ts -> bindings/index.ts');
  expect(arrows).toContain('bindings/resolver.ts -> core/keyed-map.ts');
  expect(PACKAGE_EDGES.some(e => rel(e.from) === 'validation/cel.ts' && e.to === '@bufbuild/cel')).toBe(true);
  expect(FILES.length).toBeGreaterThan(100);
});

test('every relative import resolves to a file of src/', () => {
  expect(UNRESOLVED.map(e => `${rel(e.from)} -> ${e.to}`)).toEqual([]);
});

test('every arrow between layers is allowed by the layer table', () => {
  const layers = new Set(FILES.map(layerOf));
  expect([...layers].filter(l => !(l in ALLOWED_LAYERS))).toEqual([]);
  const forbidden = FILE_EDGES
    .filter(e => layerOf(e.from) !== layerOf(e.to) && !ALLOWED_LAYERS[layerOf(e.from)].includes(layerOf(e.to)))
    .map(e => `${rel(e.from)} -> ${rel(e.to)} (${layerOf(e.from)} may not import ${layerOf(e.to)})`);
  expect(forbidden).toEqual([]);
});

test('the layer table itself has no cycle', () => {
  const seen = new Map<string, 'open' | 'done'>();
  const loops: string[] = [];
  const visit = (layer: string, trail: string[]): void => {
    if (seen.get(layer) === 'done') return;
    if (seen.get(layer) === 'open') {
      loops.push([...trail, layer].join(' -> '));
      return;
    }
    seen.set(layer, 'open');
    for (const next of ALLOWED_LAYERS[layer]) visit(next, [...trail, layer]);
    seen.set(layer, 'done');
  };
  for (const layer of Object.keys(ALLOWED_LAYERS)) visit(layer, []);
  expect(loops).toEqual([]);
});

test('each layer imports only the packages it needs (no cdk8s or Pulumi below the front ends)', () => {
  const forbidden = PACKAGE_EDGES
    .filter(e => {
      const layer = layerOf(e.from);
      const spec = e.to.replace(/^node:/, '');
      if (ALLOWED_PACKAGES[layer].includes(packageOf(spec))) return false;
      const builtin = builtinModules.includes(packageOf(spec));
      if (builtin) return !NODE_BUILTINS_FOR.has(layer) && !['net', 'util', 'crypto'].includes(packageOf(spec));
      return true;
    })
    .map(e => `${rel(e.from)} imports ${e.to}`);
  expect(forbidden).toEqual([]);
});

/** Strongly connected components of the file graph with more than one file (Tarjan). */
function cycles(edges: readonly Edge[]): string[][] {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    if (!out.has(e.from)) out.set(e.from, []);
    out.get(e.from)!.push(e.to);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.map(rel).sort());
    }
  };
  for (const f of FILES) if (!index.has(f)) connect(f);
  return found;
}

test('no import cycle between files of src/', () => {
  expect(cycles(FILE_EDGES)).toEqual([]);
});

test('the cycle finder finds a cycle (a base class that imports its subclass)', () => {
  const base = path.join(SRC, 'constructs', 'base.ts');
  const kind = path.join(SRC, 'constructs', 'mcp-group.ts');
  expect(cycles([...FILE_EDGES, { from: base, to: kind }])).toEqual([['constructs/base.ts', 'constructs/mcp-group.ts']]);
});
