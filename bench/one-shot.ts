/**
 * Child process of the `modes` suite (bench/modes.ts): one App built and synthesized in a process of its own.
 *
 *   one-shot.ts <side> <units> [docs.json]            prints the milliseconds of building the App and `synthYaml()`,
 *                                                     modules already loaded (what one `cdk8s synth` spends on the App)
 *   one-shot.ts reopt <side> <units> [docs.json]      warm rounds, a forced full GC, one more round, with markers on
 *                                                     stdout around the GC and the round, for `--trace-opt --trace-deopt`
 *
 * `side` is `ours` (our constructs, validation on), `off` (validation off), `kplus` (cdk8s-plus-28) or `twin` (the
 * documents of `docs.json` as plain `ApiObject`s).
 */
import * as fs from 'fs';
import type { App } from 'cdk8s';
import { kplusApp, twinOf, unvalidatedApp } from './anchors';
import { collectGarbage } from './measure';
import { constructsApp } from './synth';

/** Warm rounds before the forced GC of `reopt`: enough for V8 to optimize the hot functions of a 1,000-unit App. */
const WARM_ROUNDS = 8;

function builder(side: string, units: number, docs: string | undefined): () => App {
  switch (side) {
    case 'ours': return () => constructsApp(units);
    case 'off': return () => unvalidatedApp(units);
    case 'kplus': return () => kplusApp(units);
    case 'twin': return twinOf(JSON.parse(fs.readFileSync(docs!, 'utf8')) as Record<string, unknown>[]);
    default: throw new Error(`one-shot: unknown side ${side}`);
  }
}

function main(args: readonly string[]): void {
  const reopt = args[0] === 'reopt';
  const [side, units, docs] = reopt ? args.slice(1) : args;
  const build = builder(side, Number(units), docs);
  if (!reopt) {
    const t0 = process.hrtime.bigint();
    build().synthYaml();
    process.stdout.write(`${Number(process.hrtime.bigint() - t0) / 1e6}\n`);
    return;
  }
  for (let r = 0; r < WARM_ROUNDS; r++) build().synthYaml();
  process.stdout.write('@@gc\n');
  collectGarbage();
  process.stdout.write('@@round\n');
  build().synthYaml();
  process.stdout.write('@@end\n');
}

main(process.argv.slice(2));
