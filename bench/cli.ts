/**
 * The command line as CI runs it (needs `lib/`: `npx tsc --build`): cold start on one small file against
 * `node -e 0` in the same run, the `require` time of each module the CLI loads, and `validate` over 30,000 and
 * 100,000 objects (MCPServer + Secret pairs) with wall time and peak resident memory.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { median, scaled } from './measure';
import type { Row } from './validate';

const ROOT = path.resolve(__dirname, '..');
/** What users run: the bundle package.json `bin` names. */
const CLI = path.join(ROOT, 'lib', 'cli', 'bin.js');
/** The same command unbundled (one module per source file), for comparison. */
const UNBUNDLED = path.join(ROOT, 'lib', 'cli', 'main.js');

/** Prints the process's peak RSS (KiB) as the last line of stderr: loaded with `node --require`. */
const RSS_HOOK = 'process.on(\'exit\', () => process.stderr.write(\'\\nTHV_BENCH_MAXRSS \' + process.resourceUsage().maxRSS + \'\\n\'));\n';

function run(args: readonly string[]): { ms: number; status: number | null; stdout: string; stderr: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function pairsYaml(pairs: number): string {
  const docs: string[] = [];
  for (let i = 0; i < pairs; i++) {
    docs.push([
      'apiVersion: v1', 'kind: Secret', 'metadata:', `  name: token-${i}`, '  namespace: bench', 'stringData:', '  token: bench-placeholder',
    ].join('\n'));
    docs.push([
      'apiVersion: toolhive.stacklok.dev/v1beta1', 'kind: MCPServer', 'metadata:', `  name: server-${i}`, '  namespace: bench', 'spec:',
      '  image: ghcr.io/stackloklabs/gofetch/server:1.0.1', '  transport: streamable-http',
      '  secrets:', `  - name: token-${i}`, '    key: token', '    targetEnvName: API_TOKEN',
      '  resources:', '    limits: {cpu: 500m, memory: 256Mi}', '    requests: {cpu: 100m, memory: 128Mi}',
    ].join('\n'));
  }
  return `${docs.join('\n---\n')}\n`;
}

/**
 * Deployment + Service pairs: kinds the engine keeps by identity only (src/validation/index.ts ManifestValidator),
 * the shape of a platform repository's stream around its ToolHive objects.
 */
function otherKindsYaml(pairs: number): string {
  const docs: string[] = [];
  for (let i = 0; i < pairs; i++) {
    docs.push([
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: app-${i}`, '  namespace: bench', 'spec:', '  replicas: 2',
      '  selector:', '    matchLabels:', `      app: app-${i}`, '  template:', '    metadata:', '      labels:', `        app: app-${i}`,
      '    spec:', '      containers:', '      - name: web', `        image: registry.example.com/team/app-${i}:1.0.${i}`,
      '        ports:', '        - containerPort: 8080', '        resources:', '          limits: {cpu: 500m, memory: 256Mi}',
    ].join('\n'));
    docs.push([
      'apiVersion: v1', 'kind: Service', 'metadata:', `  name: app-${i}`, '  namespace: bench', 'spec:', '  selector:', `    app: app-${i}`,
      '  ports:', '  - port: 80', '    targetPort: 8080',
    ].join('\n'));
  }
  return `${docs.join('\n---\n')}\n`;
}

interface Big { ms: number; rssMiB: number }

/** The pairs as `kubectl get -o json` prints them: one `List`, two-space indent. */
function pairsJson(pairs: number): string {
  const items = parseAllDocuments(pairsYaml(pairs)).map(d => d.toJS() as unknown);
  return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2)}\n`;
}

function validateBig(dir: string, objects: number, rounds: number, yaml: (pairs: number) => string = pairsYaml): Big {
  const file = path.join(dir, `${yaml.name}-${objects}.${yaml === pairsJson ? 'json' : 'yaml'}`);
  fs.writeFileSync(file, yaml(objects / 2));
  const hook = path.join(dir, 'rss-hook.js');
  fs.writeFileSync(hook, RSS_HOOK);
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // the 100,000-object file is above the default 16 MiB input limit
    const r = run(['--require', hook, CLI, 'validate', '--max-file-bytes', '1G', '--max-total-bytes', '1G', file]);
    if (r.status !== 0) throw new Error(`cli bench: validate of ${objects} objects exited ${r.status}: ${r.stdout.slice(0, 500)}${r.stderr.slice(0, 500)}`);
    times.push(r.ms);
    const m = /THV_BENCH_MAXRSS (\d+)/.exec(r.stderr);
    rss.push(m ? Number(m[1]) / 1024 : NaN);
  }
  return { ms: median(times), rssMiB: median(rss) };
}

/**
 * The same objects in files of `perFile` objects each, in one directory given to `validate`: a repository's
 * layout. Each file is read whole and dropped once its objects are handed over, so the peak no longer holds one
 * large file's bytes and text.
 */
function validateFiles(dir: string, objects: number, perFile: number, yaml: (pairs: number) => string): Big {
  const sub = path.join(dir, `${yaml.name}-${objects}-files`);
  fs.mkdirSync(sub);
  const files = Math.ceil(objects / perFile);
  // one stream of pairs cut at document boundaries, so every object keeps the name it has in the single file
  const docs = yaml(objects / 2).split('\n---\n');
  for (let f = 0; f < files; f++) {
    fs.writeFileSync(path.join(sub, `part-${String(f).padStart(3, '0')}.yaml`), `${docs.slice(f * perFile, (f + 1) * perFile).join('\n---\n').replace(/\n$/, '')}\n`);
  }
  const hook = path.join(dir, 'rss-hook.js');
  fs.writeFileSync(hook, RSS_HOOK);
  const r = run(['--require', hook, CLI, 'validate', sub]);
  if (r.status !== 0) throw new Error(`cli bench: validate of ${objects} objects in files exited ${r.status}: ${r.stdout.slice(0, 500)}${r.stderr.slice(0, 500)}`);
  const m = /THV_BENCH_MAXRSS (\d+)/.exec(r.stderr);
  return { ms: r.ms, rssMiB: m ? Number(m[1]) / 1024 : NaN };
}

/** Milliseconds to `require` each of `mods`, in that order, in a fresh process (median of 5 processes). */
function requireTimesOf(mods: readonly string[]): Array<[string, number]> {
  const probe = `
const t = () => Number(process.hrtime.bigint()) / 1e6;
const out = [];
for (const m of process.argv.slice(1)) { const a = t(); require(m); out.push([m, t() - a]); }
process.stdout.write(JSON.stringify(out));`;
  const present = mods.filter(m => !m.startsWith('/') || fs.existsSync(m));
  const rounds = Array.from({ length: 5 }, () => JSON.parse(run(['-e', probe, ...present]).stdout) as Array<[string, number]>);
  return present.map((m, i) => [m.startsWith(ROOT) ? path.relative(ROOT, m) : m, median(rounds.map(r => r[i][1]))]);
}

/** The modules the unbundled CLI loads, in load order. */
function requireTimes(): Array<[string, number]> {
  return requireTimesOf(['yaml', '@bufbuild/re2', '@bufbuild/cel', path.join(ROOT, 'lib', 'schema', 'registry.js'), path.join(ROOT, 'lib', 'validation', 'index.js'), path.join(ROOT, 'lib', 'bindings', 'index.js'), UNBUNDLED]);
}

/** The bundle (required, it does not run) then each chunk it loads on demand (scripts/bundle-cli.ts). */
function bundleRequireTimes(): Array<[string, number]> {
  const chunks = path.join(ROOT, 'lib', 'cli', 'chunks');
  const files = fs.existsSync(chunks) ? fs.readdirSync(chunks).filter(f => f.endsWith('.js')).sort().map(f => path.join(chunks, f)) : [];
  return requireTimesOf([CLI, ...files]);
}

export function benchCli(): Row[] {
  if (!fs.existsSync(CLI)) return [{ name: 'cli', value: NaN, unit: '', note: 'skipped: run `npx tsc --build` first' }];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-bench-cli-'));
  try {
    const small = path.join(dir, 'server.yaml');
    fs.writeFileSync(small, pairsYaml(1));
    const cold: number[] = [];
    const unbundled: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 9; i++) {
      bare.push(run(['-e', '0']).ms);
      for (const [file, times] of [[CLI, cold], [UNBUNDLED, unbundled]] as const) {
        const r = run([file, 'validate', small]);
        if (r.status !== 0) throw new Error(`cli bench: cold start run exited ${r.status}: ${r.stdout}${r.stderr}`);
        times.push(r.ms);
      }
    }
    const c = median(cold);
    const b = median(bare);
    const rows: Row[] = [
      { name: 'cli cold start, 1 small file (median of 9)', value: c, unit: 'ms', note: `anchor node -e 0: ${b.toFixed(0)} ms; unbundled lib/cli/main.js ${median(unbundled).toFixed(0)} ms` },
      { name: 'cli cold start / node -e 0', value: c / b, unit: 'x', note: 'goal <= 2' },
    ];
    for (const [m, ms] of requireTimes()) rows.push({ name: `  require ${m}`, value: ms, unit: 'ms', note: 'cumulative load order, median of 5' });
    for (const [m, ms] of bundleRequireTimes()) {
      rows.push({ name: `  require ${m}`, value: ms, unit: 'ms', note: m === path.relative(ROOT, CLI) ? 'the bundle, loaded not run; then its on-demand chunks' : 'on demand only; cumulative load order' });
    }
    const k30 = validateBig(dir, scaled(30_000), 3);
    const k100 = validateBig(dir, scaled(100_000), 1);
    rows.push({ name: 'cli validate 30,000 objects (MCPServer + Secret pairs)', value: k30.ms, unit: 'ms', note: 'goal <= 2,000 ms' });
    rows.push({ name: 'cli validate 30,000 objects: peak RSS', value: k30.rssMiB, unit: 'MiB', note: 'goal <= 250 MiB' });
    rows.push({ name: 'cli validate 100,000 objects', value: k100.ms, unit: 'ms', note: `peak RSS ${k100.rssMiB.toFixed(0)} MiB` });
    rows.push({ name: 'cli growth 100,000 / 30,000 (time)', value: k100.ms / k30.ms, unit: 'x', note: 'linear ≈ 3.3' });
    rows.push({ name: 'cli growth 100,000 / 30,000 (peak RSS)', value: k100.rssMiB / k30.rssMiB, unit: 'x', note: 'flat memory ≈ 1' });
    rows.push({ name: 'cli peak RSS per object, 30,000 → 100,000', value: (k100.rssMiB - k30.rssMiB) * 1024 / (scaled(100_000) - scaled(30_000)), unit: 'KiB', note: 'what each MCPServer or Secret adds: the cross-object layers keep them whole' });
    const j30 = validateBig(dir, scaled(30_000), 3, pairsJson);
    rows.push({ name: 'cli validate 30,000 objects as one JSON List (kubectl get -o json)', value: j30.ms, unit: 'ms', note: `peak RSS ${j30.rssMiB.toFixed(0)} MiB; the YAML of the same pairs: ${k30.ms.toFixed(0)} ms` });
    const o30 = validateBig(dir, scaled(30_000), 3, otherKindsYaml);
    const o100 = validateBig(dir, scaled(100_000), 1, otherKindsYaml);
    rows.push({ name: 'cli validate 30,000 objects of other kinds (Deployment + Service pairs)', value: o30.ms, unit: 'ms', note: `peak RSS ${o30.rssMiB.toFixed(0)} MiB` });
    rows.push({ name: 'cli validate 100,000 objects of other kinds', value: o100.ms, unit: 'ms', note: `peak RSS ${o100.rssMiB.toFixed(0)} MiB; time growth ${(o100.ms / o30.ms).toFixed(2)}x, linear ≈ 3.3` });
    rows.push({ name: 'cli growth 100,000 / 30,000 of other kinds (peak RSS)', value: o100.rssMiB / o30.rssMiB, unit: 'x', note: 'flat memory ≈ 1; these are kept by identity only' });
    rows.push({ name: 'cli peak RSS per object of other kinds, 30,000 → 100,000', value: (o100.rssMiB - o30.rssMiB) * 1024 / (scaled(100_000) - scaled(30_000)), unit: 'KiB', note: 'identity, digest, source and report line of each' });
    // the same streams as a directory of files of 10,000 objects
    const per = scaled(10_000);
    const perObject = (from: Big, to: Big) => (to.rssMiB - from.rssMiB) * 1024 / (scaled(100_000) - scaled(30_000));
    const f30 = validateFiles(dir, scaled(30_000), per, pairsYaml);
    const f100 = validateFiles(dir, scaled(100_000), per, pairsYaml);
    const g30 = validateFiles(dir, scaled(30_000), per, otherKindsYaml);
    const g100 = validateFiles(dir, scaled(100_000), per, otherKindsYaml);
    rows.push({ name: 'cli validate 30,000 → 100,000 objects in files of 10,000 (pairs): peak RSS', value: f100.rssMiB, unit: 'MiB', note: `${f30.rssMiB.toFixed(0)} MiB at 30,000: ${(f100.rssMiB / f30.rssMiB).toFixed(2)}x, ${perObject(f30, f100).toFixed(2)} KiB per object; time ${f30.ms.toFixed(0)} → ${f100.ms.toFixed(0)} ms` });
    rows.push({ name: 'cli validate 30,000 → 100,000 objects in files of 10,000 (other kinds): peak RSS', value: g100.rssMiB, unit: 'MiB', note: `${g30.rssMiB.toFixed(0)} MiB at 30,000: ${(g100.rssMiB / g30.rssMiB).toFixed(2)}x, ${perObject(g30, g100).toFixed(2)} KiB per object; time ${g30.ms.toFixed(0)} → ${g100.ms.toFixed(0)} ms` });
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
