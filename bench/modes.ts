/**
 * The synth ratios of `anchors` under three ways of running a synth, because V8 moves them by more than the
 * goals' margins:
 *
 *  - `forced GC`: one process, a full GC forced before each sample: the protocol of the `anchors` rows (and of
 *    their goals), which keeps one sample's garbage out of the next one's time;
 *  - `steady`: one process, no forced GC: a long-lived process that synthesizes again and again;
 *  - `fresh process`: a new process per sample, modules loaded, then one App built and synthesized, timed: what one
 *    `cdk8s synth` spends on the App, with every function of the synth path run for the first time.
 *
 * And why the first two differ: a full GC deoptimizes the optimized code that embeds objects that died since (V8
 * `--trace-deopt` prints the reason "weak objects"), such as the maps of the previous App's manifests, so the round
 * after it optimizes those functions again. The suite counts them in a child process traced with
 * `--trace-opt --trace-deopt` (bench/one-shot.ts).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { kplusApp, pair, parseDocs, unvalidatedApp, type Pair } from './anchors';
import { median, scaled } from './measure';
import { constructsApp } from './synth';
import type { Row } from './validate';

const CHILD = path.join(__dirname, 'one-shot.ts');

/** The sides, each against its plain twin. */
const SIDES = [
  { key: 'ours', label: 'ToolHive constructs with validation', build: constructsApp },
  { key: 'off', label: 'ToolHive constructs, validation off', build: unvalidatedApp },
  { key: 'kplus', label: 'cdk8s-plus-28 L2', build: kplusApp },
] as const;

function child(args: readonly string[], v8Flags: readonly string[] = []): string {
  const r = spawnSync(process.execPath, [...v8Flags, '-r', 'ts-node/register/transpile-only', CHILD, ...args], {
    encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`modes bench: ${CHILD} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** The documents of a side, written for its twin in a child process. */
function docsFile(dir: string, key: string, build: (n: number) => import('cdk8s').App, n: number): string {
  const file = path.join(dir, `${key}-${n}.json`);
  fs.writeFileSync(file, JSON.stringify(parseDocs(build(n))));
  return file;
}

/** Median of the per-round ratios of a side and its twin, each synthesized once in a fresh process. */
function freshRatio(key: string, n: number, docs: string, rounds: number): { ratio: number; side: number; twin: number } {
  const ratios: number[] = [];
  const side: number[] = [];
  const twin: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const s = Number(child([key, String(n)]));
    const t = Number(child(['twin', String(n), docs]));
    side.push(s);
    twin.push(t);
    ratios.push(s / t);
  }
  return { ratio: median(ratios), side: median(side), twin: median(twin) };
}

/** Functions V8 deoptimized at a forced GC ("weak objects"), and functions it optimized again in the round after. */
function reoptimized(args: readonly string[]): { deoptimized: number; optimized: number } {
  const out = child(['reopt', ...args], ['--trace-opt', '--trace-deopt']);
  const gc = out.indexOf('@@gc\n');
  const round = out.indexOf('@@round\n');
  const end = out.indexOf('@@end\n');
  const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
  return {
    deoptimized: count(out.slice(gc, round), /reason: weak objects/g),
    optimized: count(out.slice(round, end), /^\[completed optimizing /gm),
  };
}

export function benchSynthModes(): Row[] {
  const rows: Row[] = [];
  const n = scaled(1_000);
  const big = scaled(10_000);
  const label = n.toLocaleString('en-US');
  const bigLabel = big.toLocaleString('en-US');
  pair(() => constructsApp(50), 1); // warm-up
  pair(() => kplusApp(50), 1);
  const ratio = (p: Pair) => median(p.ratios);
  for (const s of SIDES) {
    const forced = pair(() => s.build(n), 15);
    const steady = pair(() => s.build(n), 15, false);
    rows.push({ name: `synth ${label}, one process, forced GC before each sample: ${s.label} / plain twin`, value: ratio(forced), unit: 'x', note: 'the protocol of the anchors rows; median of 15 paired rounds' });
    rows.push({ name: `synth ${label}, one process, steady (no forced GC): ${s.label} / plain twin`, value: ratio(steady), unit: 'x', note: 'median of 15 paired rounds' });
  }
  for (const s of SIDES) {
    const steady = pair(() => s.build(big), 5, false);
    rows.push({ name: `synth ${bigLabel}, one process, steady (no forced GC): ${s.label} / plain twin`, value: ratio(steady), unit: 'x', note: 'median of 5 paired rounds' });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolhive-bench-'));
  try {
    for (const s of SIDES) {
      const docs = docsFile(dir, s.key, s.build, n);
      const f = freshRatio(s.key, n, docs, 7);
      rows.push({ name: `synth ${label}, fresh process (one cdk8s synth): ${s.label} / plain twin`, value: f.ratio, unit: 'x', note: `median of 7 paired processes; ${f.side.toFixed(0)} ms vs ${f.twin.toFixed(0)} ms, modules loaded before the clock starts` });
    }
    const docs = docsFile(dir, 'ours', constructsApp, n);
    for (const [name, args] of [['ToolHive constructs with validation', ['ours', String(n)]], ['its plain twin', ['twin', String(n), docs]]] as const) {
      const c = reoptimized(args);
      rows.push({ name: `synth ${label}: functions optimized again in the round after a forced GC, ${name}`, value: c.optimized, unit: '', note: `${c.deoptimized} optimized functions deoptimized by that GC, reason "weak objects" (V8 --trace-opt --trace-deopt)` });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
