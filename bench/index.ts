/**
 * `npm run bench`: prints every benchmark's figures and ratios as a table (and JSON with --json).
 * Benchmarks measure; they never fail on a figure (targets are printed beside the figures).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchSchemaAnchors, benchSynthAnchors } from './anchors';
import { benchCli } from './cli';
import { benchValidate, type Row } from './validate';

type Suite = { name: string; run: () => Row[] | Promise<Row[]> };

function loadOptional(file: string, exported: string): Suite[] {
  const p = path.join(__dirname, `${file}.ts`);
  if (!fs.existsSync(p)) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(p);
  return [{ name: file, run: mod[exported] }];
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter(a => !a.startsWith('--'));
  const suites: Suite[] = [
    { name: 'validate', run: benchValidate },
    { name: 'cli', run: benchCli },
    { name: 'schema', run: benchSchemaAnchors },
    { name: 'anchors', run: benchSynthAnchors },
    ...loadOptional('modes', 'benchSynthModes'),
    ...loadOptional('hostile', 'benchHostile'),
    ...loadOptional('synth', 'benchSynth'),
    ...loadOptional('pulumi', 'benchPulumi'),
    ...loadOptional('entries', 'benchEntries'),
  ].filter(s => only.length === 0 || only.includes(s.name));
  const all: Record<string, Row[]> = {};
  for (const s of suites) {
    process.stdout.write(`\n## ${s.name}\n`);
    const rows = await s.run();
    all[s.name] = rows;
    const w = Math.max(...rows.map(r => r.name.length));
    for (const r of rows) {
      const v = Number.isNaN(r.value) ? 'n/a' : r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2);
      process.stdout.write(`${r.name.padEnd(w)}  ${v.padStart(9)} ${r.unit.padEnd(3)}${r.note ? `  (${r.note})` : ''}\n`);
    }
  }
  // The rows that carry a goal, together: each figure beside its anchor and its goal.
  const goals = Object.values(all).flat().filter(r => r.note?.includes('goal'));
  if (goals.length > 0) {
    process.stdout.write('\n## goals (figure, anchor and goal of each row above that has one)\n');
    const w = Math.max(...goals.map(r => r.name.length));
    for (const r of goals) process.stdout.write(`${r.name.padEnd(w)}  ${(r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2)).padStart(9)} ${r.unit.padEnd(3)}  (${r.note})\n`);
  }
  if (process.argv.includes('--json')) process.stdout.write(`\n${JSON.stringify(all, null, 2)}\n`);
  process.stdout.write(`\nnode ${process.version}, ${os.cpus().length} cores\n`);
}

main().catch(e => {
  process.stderr.write(`bench failed: ${(e as Error).stack}\n`);
  process.exit(1);
});
