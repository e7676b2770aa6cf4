/**
 * Benchmark of the validation engine (issue 2): cold start of the CLI on one small file, and the
 * per-object cost of the per-object layers (identity, schema, CEL, hygiene) and of the whole engine.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mixedObjects } from './fixtures';
import { validateManifests } from '../src/validation';
import { admitObject } from '../src/validation/admission';
import { resolveOptions } from '../src/validation/manifest-set';

export interface Row { readonly name: string; readonly value: number; readonly unit: string; readonly note?: string }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Per-object µs of admitObject (layers 1–4) over n objects, best of `rounds` after one warm-up. */
function perObjectAdmission(n: number, rounds: number): number {
  const objs = mixedObjects(n);
  const options = resolveOptions();
  const run = () => {
    const t = process.hrtime.bigint();
    for (let i = 0; i < objs.length; i++) admitObject(objs[i], i, options);
    return Number(process.hrtime.bigint() - t) / 1e3 / n;
  };
  run();
  return Math.min(...Array.from({ length: rounds }, run));
}

function perObjectEngine(n: number, rounds: number): number {
  const objs = mixedObjects(n);
  const run = () => {
    const t = process.hrtime.bigint();
    validateManifests(objs);
    return Number(process.hrtime.bigint() - t) / 1e3 / n;
  };
  run();
  return Math.min(...Array.from({ length: rounds }, run));
}

/** Wall time from process start to the CLI's result, for one small file (needs `lib/` from `npx tsc`). */
function coldStart(runs: number): number | undefined {
  const cli = path.resolve(__dirname, '..', 'lib', 'cli', 'main.js');
  if (!fs.existsSync(cli)) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-bench-'));
  const file = path.join(dir, 'server.yaml');
  fs.writeFileSync(file, [
    'apiVersion: toolhive.stacklok.dev/v1beta1', 'kind: MCPServer', 'metadata:', '  name: fetch', 'spec:',
    '  image: ghcr.io/stackloklabs/gofetch/server:1.0.1', '  transport: streamable-http', '',
  ].join('\n'));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0) throw new Error(`cold start run failed (${r.status}): ${r.stdout}${r.stderr}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return median(times);
}

export function benchValidate(): Row[] {
  const rows: Row[] = [];
  const cold = coldStart(7);
  if (cold === undefined) rows.push({ name: 'cli cold start, 1 small file', value: NaN, unit: 'ms', note: 'skipped: run `npx tsc` first' });
  else rows.push({ name: 'cli cold start, 1 small file (median of 7, incl. node start)', value: cold, unit: 'ms', note: 'target <= 400 ms' });
  const a1k = perObjectAdmission(1_000, 5);
  const a10k = perObjectAdmission(10_000, 3);
  rows.push({ name: 'schema+CEL per object, 1,000 mixed objects', value: a1k, unit: 'µs', note: 'target <= 50 µs' });
  rows.push({ name: 'schema+CEL per object, 10,000 mixed objects', value: a10k, unit: 'µs', note: 'target <= 50 µs' });
  rows.push({ name: 'schema+CEL total time ratio 10,000 / 1,000', value: (a10k * 10_000) / (a1k * 1_000), unit: 'x', note: 'linear ≈ 10' });
  const e1k = perObjectEngine(1_000, 3);
  const e10k = perObjectEngine(10_000, 2);
  rows.push({ name: 'whole engine (all 7 layers) per object, 1,000', value: e1k, unit: 'µs' });
  rows.push({ name: 'whole engine (all 7 layers) per object, 10,000', value: e10k, unit: 'µs' });
  rows.push({ name: 'whole engine total time ratio 10,000 / 1,000', value: (e10k * 10_000) / (e1k * 1_000), unit: 'x', note: 'linear ≈ 10' });
  return rows;
}
