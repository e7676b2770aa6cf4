/**
 * The differential suite: thousands of variants of valid objects (every schema keyword, metadata field and
 * format at and beyond its bounds; apiVersion, kind, status, nulls, duplicates, unknown fields), each checked by
 * the engine and by an emulation of the API server written from its Go code (emulator.ts). Deterministic seed.
 */
import { existsSync } from 'fs';
import { compare, engineAnswer } from './compare';
import { generateVariants } from './generator';
import { seedObjects, UPSTREAM_EXAMPLES } from './seeds';

const COUNT = 3000;
const SEED = 13;

describe('differential: engine vs the API server emulation', () => {
  const seeds = seedObjects();
  const variants = generateVariants(seeds, COUNT, SEED);
  const result = compare(variants);

  test('the upstream examples are there in CI (the seeds cover every ToolHive kind)', () => {
    if (process.env.CI) expect(existsSync(UPSTREAM_EXAMPLES)).toBe(true);
    expect(seeds.length).toBeGreaterThan(5);
  });

  test('every seed is accepted by both, so each variant differs from an accepted object by its mutation', () => {
    const rejected = seeds.filter(s => engineAnswer(s, '1.36').length > 0).map(s => `${String(s.kind)}/${String((s.metadata as { name?: string })?.name)}`);
    expect(rejected).toEqual([]);
  });

  test('the corpus exercises both verdicts and every mutation class', () => {
    expect(result.total).toBe(COUNT);
    expect(result.rejectedByEmulation).toBeGreaterThan(COUNT * 0.3);
    expect(result.total - result.rejectedByEmulation).toBeGreaterThan(COUNT * 0.1);
    const classes = new Set(variants.flatMap(v => v.name.split(':')[2].split('+')));
    expect([...classes].sort()).toEqual(['absent-field', 'annotation', 'annotations-size', 'api-version', 'delete', 'finalizers', 'generate-name', 'keyword', 'kind',
      'label', 'labels-not-map', 'metadata', 'metadata-unknown', 'name', 'namespace', 'owner-references', 'status']);
  });

  test('verdicts agree on at least 99.5% of the variants, error paths on at least 95% of the both-reject ones', () => {
    const shown = result.disagreements.slice(0, 10);
    expect({ verdict: result.verdictAgree / result.total >= 0.995, paths: result.samePaths / result.bothReject >= 0.95, shown })
      .toEqual({ verdict: true, paths: true, shown });
  });

  test('the engine agrees with the emulation on every variant of this seed', () => {
    expect(result.disagreements.slice(0, 10)).toEqual([]);
  });
});
