/**
 * Benchmark of what the package costs its users before any validation runs:
 *  - cold start of each entry point (`require` in a fresh node, Node's own start included), so the figure for
 *    `toolhive-constructs/validation` shows what a CI script pays without cdk8s;
 *  - a consumer's type check of the example platform (examples/cdk8s/main.ts importing `toolhive-constructs`)
 *    against the package's compiled declarations, with the tsconfig of `cdk8s init typescript-app`
 *    (`skipLibCheck` off, so every declaration the program reaches is read and checked);
 *  - the size of the declarations: all of lib/, and what a root import reaches.
 *
 * Needs `lib/` (`npx tsc --build`). `BENCH_PACKAGE_DIR=<dir>` measures another build of the package (a
 * checkout with its own `lib/`, e.g. the commit before a change) for before/after figures.
 * `BENCH_RUNS=<n>` sets the number of runs per figure (default 5 for the cold starts, 3 for the type check).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Row } from './validate';

const REPO = path.resolve(__dirname, '..');
const PACKAGE = path.resolve(process.env.BENCH_PACKAGE_DIR ?? REPO);
const TSC = path.join(REPO, 'node_modules', 'typescript', 'lib', 'tsc.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function runs(fallback: number): number {
  const n = Number(process.env.BENCH_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * A consumer project in a temporary folder: `node_modules/toolhive-constructs` links to the package, the peers
 * link to this repository's copies, and main.ts is the example platform importing the package by name.
 */
function consumerProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-consumer-'));
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(path.join(modules, '@types'), { recursive: true });
  fs.symlinkSync(PACKAGE, path.join(modules, 'toolhive-constructs'), 'dir');
  for (const peer of ['cdk8s', 'cdk8s-plus-33', 'constructs', '@types/node']) {
    fs.symlinkSync(path.join(REPO, 'node_modules', peer), path.join(modules, peer), 'dir');
  }
  const main = fs.readFileSync(path.join(REPO, 'examples', 'cdk8s', 'main.ts'), 'utf8').replace(/from '\.\.\/\.\.\/src'/g, "from 'toolhive-constructs'");
  if (!main.includes("from 'toolhive-constructs'")) throw new Error('examples/cdk8s/main.ts no longer imports ../../src');
  fs.writeFileSync(path.join(dir, 'main.ts'), main);
  // The compiler options of `cdk8s init typescript-app`, with a newer `lib` (the package's declarations use
  // ES2022 types) and no output.
  const template = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', 'cdk8s-cli', 'templates', 'typescript-app', 'tsconfig.json'), 'utf8')) as {
    compilerOptions: Record<string, unknown>;
  };
  const compilerOptions = { ...template.compilerOptions, lib: ['es2022'], noEmit: true };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['main.ts'] }, null, 2));
  // A CI script that only validates, through the subpath (node16 resolution reads the `exports` map).
  fs.writeFileSync(path.join(dir, 'validate.ts'), [
    "import { failures, validateManifests, type KubeObject } from 'toolhive-constructs/validation';",
    'const objects: KubeObject[] = [];',
    'process.exitCode = failures(validateManifests(objects)).length > 0 ? 1 : 0;',
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(dir, 'tsconfig.validation.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, lib: ['es2022'], target: 'ES2022', module: 'node16', moduleResolution: 'node16' },
    include: ['validate.ts'],
  }, null, 2));
  return dir;
}

interface TypeCheck {
  readonly wallMs: number;
  /** CPU time of the tsc process (user + system, every thread): steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  readonly packageDeclBytes: number;
  readonly definitionLines: number;
}

/** Runs tsc in a child node that reports its own CPU time on exit (spawnSync reports none). */
const TSC_WITH_CPU = [
  "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`\\nthv-cpu-us ${u.user + u.system}\\n`); });",
  "process.argv.splice(1, 0, 'tsc');",
  `require(${JSON.stringify(TSC)});`,
].join(' ');

/** One `tsc --noEmit` of the consumer project: wall and CPU time, what it read from the package. */
function typeCheck(dir: string, tsconfig = 'tsconfig.json'): TypeCheck {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', TSC_WITH_CPU, '--', '-p', path.join(dir, tsconfig), '--extendedDiagnostics', '--listFiles'], { encoding: 'utf8', cwd: dir });
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`consumer type check failed:\n${r.stdout}${r.stderr}`);
  const listed = r.stdout.split('\n').filter(l => l.endsWith('.ts'));
  const real = path.join(fs.realpathSync(PACKAGE), 'lib') + path.sep;
  const packageDeclBytes = listed.map(f => fs.realpathSync(f)).filter(f => f.startsWith(real)).reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const cpu = /thv-cpu-us (\d+)/.exec(r.stderr);
  const lines = /^Lines of Definitions:\s+(\d+)/m.exec(r.stdout);
  return { wallMs, cpuMs: cpu ? Number(cpu[1]) / 1e3 : NaN, packageDeclBytes, definitionLines: lines ? Number(lines[1]) : NaN };
}

interface ColdStart { readonly wallMs: number; readonly cpuMs: number }

/** Medians of `require(spec)` in a fresh node from the consumer project: wall time, and the process's CPU time. */
function coldStart(dir: string, spec: string, n: number): ColdStart {
  const walls: number[] = [];
  const cpus: number[] = [];
  const script = `require(${JSON.stringify(spec)}); const u = process.cpuUsage(); process.stdout.write(String(u.user + u.system));`;
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    walls.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0) throw new Error(`require(${spec}) failed: ${r.stderr}`);
    cpus.push(Number(r.stdout) / 1e3);
  }
  return { wallMs: median(walls), cpuMs: median(cpus) };
}

function declarationBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sum + declarationBytes(p);
    return e.name.endsWith('.d.ts') ? sum + fs.statSync(p).size : sum;
  }, 0);
}

export function benchEntries(): Row[] {
  if (!fs.existsSync(path.join(PACKAGE, 'lib', 'index.js'))) {
    return [{ name: 'entry points', value: NaN, unit: '', note: `skipped: no ${path.join(PACKAGE, 'lib')} (run npx tsc --build)` }];
  }
  const rows: Row[] = [];
  const dir = consumerProject();
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
    const n = runs(5);
    const specs = ['path', ...(pkg.exports?.['./validation'] !== undefined ? ['toolhive-constructs/validation'] : []), 'toolhive-constructs'];
    for (const spec of specs) {
      const c = coldStart(dir, spec, n);
      const label = spec === 'path' ? "node alone (require('path'))" : `require('${spec}')`;
      rows.push({ name: `cold start ${label}, CPU`, value: c.cpuMs, unit: 'ms', note: `median of ${n}, node start included` });
      rows.push({ name: `cold start ${label}, wall`, value: c.wallMs, unit: 'ms', note: `median of ${n}` });
    }
    const m = runs(3);
    const checks = Array.from({ length: m }, () => typeCheck(dir));
    rows.push({ name: 'consumer tsc --noEmit of examples/cdk8s, CPU', value: median(checks.map(c => c.cpuMs)) / 1e3, unit: 's', note: `median of ${m}, skipLibCheck off` });
    rows.push({ name: 'consumer tsc --noEmit of examples/cdk8s, wall', value: median(checks.map(c => c.wallMs)) / 1e3, unit: 's', note: `median of ${m}` });
    rows.push({ name: 'lines of declarations the consumer reads (all packages)', value: checks[0].definitionLines, unit: '' });
    rows.push({ name: 'declarations the consumer reads from the package', value: checks[0].packageDeclBytes / 1e3, unit: 'kB' });
    if (pkg.exports?.['./validation'] !== undefined) {
      const script = Array.from({ length: m }, () => typeCheck(dir, 'tsconfig.validation.json'));
      rows.push({ name: 'consumer tsc --noEmit of a script importing /validation, CPU', value: median(script.map(c => c.cpuMs)) / 1e3, unit: 's', note: `median of ${m}, node16 resolution` });
      rows.push({ name: 'declarations that script reads from the package', value: script[0].packageDeclBytes / 1e3, unit: 'kB' });
    }
    rows.push({ name: 'declarations shipped (all of lib/**/*.d.ts)', value: declarationBytes(path.join(PACKAGE, 'lib')) / 1e3, unit: 'kB' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
