/**
 * Prints the agreement figures of the engine with the emulation over a generated corpus:
 *   npx ts-node --transpile-only -P test/tsconfig.json test/differential/measure.ts [COUNT] [SEED]
 */
import { compare } from './compare';
import { generateVariants } from './generator';
import { seedObjects } from './seeds';

const count = Number(process.argv[2] ?? 14000);
const seed = Number(process.argv[3] ?? 13);
const a = compare(generateVariants(seedObjects(), count, seed));
const pct = (n: number, d: number) => `${(100 * n / Math.max(d, 1)).toFixed(2)}%`;
process.stdout.write(`${a.total} variants (seed ${seed}), ${a.rejectedByEmulation} rejected by the emulation\n`);
process.stdout.write(`verdict agreement: ${a.verdictAgree}/${a.total} = ${pct(a.verdictAgree, a.total)}\n`);
process.stdout.write(`same error paths on both-reject: ${a.samePaths}/${a.bothReject} = ${pct(a.samePaths, a.bothReject)}\n`);
for (const d of a.disagreements.slice(0, Number(process.env.SHOW ?? 20))) {
  process.stdout.write(`  ${d.name}\n    engine:    ${JSON.stringify(d.engine)}\n    emulation: ${JSON.stringify(d.emulation)}\n`);
}
