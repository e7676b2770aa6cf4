/**
 * Every bundled release's committed tables (src/schema/generated/<release>/ and the release index) equal a fresh
 * generation from that release's CRDs in ../shared. Without ../shared this fails under CI and skips elsewhere.
 * (`npm test` also runs check:generated, which regenerates the typed props from the union of the releases.)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { releaseIndex, releaseTables } from '../../scripts/import-crds';
import { crdsDir, DEFAULT_RELEASE, RELEASES } from '../../scripts/releases';
import { DEFAULT_RELEASE as GENERATED_DEFAULT, RELEASES as GENERATED } from '../../src/schema/generated';

const COMMITTED = path.resolve(__dirname, '..', '..', 'src', 'schema', 'generated');
const missing = RELEASES.filter(r => !fs.existsSync(crdsDir(r)));

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) out[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  return out;
}

describe('bundled release tables', () => {
  if (missing.length && !process.env.CI) {
    test.skip(`needs the CRDs of ${missing.map(r => r.name).join(', ')} in ../shared`, () => undefined);
    return;
  }

  test('the CRDs of every bundled release are present', () => {
    expect(missing.map(r => crdsDir(r))).toEqual([]);
  });

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-tables-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test.each(RELEASES.map(r => [r.name, r] as const))('%s: the committed tables equal a fresh generation from its CRDs', (_name, release) => {
    releaseTables(release, crdsDir(release), tmp);
    expect(files(path.join(COMMITTED, release.dir))).toEqual(files(path.join(tmp, release.dir)));
  });

  test('the release index lists scripts/releases.ts, oldest first, with its default', () => {
    releaseIndex(tmp);
    expect(fs.readFileSync(path.join(COMMITTED, 'index.ts'), 'utf8')).toBe(fs.readFileSync(path.join(tmp, 'index.ts'), 'utf8'));
    expect(GENERATED.map(r => r.name)).toEqual(RELEASES.map(r => r.name));
    expect(GENERATED_DEFAULT).toBe(DEFAULT_RELEASE);
    expect(fs.readdirSync(COMMITTED).filter(f => f !== 'index.ts').sort()).toEqual(RELEASES.map(r => r.dir).sort());
  });

  test('a changed CRD changes the tables (the comparison can fail)', () => {
    const release = RELEASES.find(r => r.name === DEFAULT_RELEASE)!;
    const crds = path.join(tmp, 'crds');
    fs.mkdirSync(crds, { recursive: true });
    for (const f of fs.readdirSync(crdsDir(release))) {
      const text = fs.readFileSync(path.join(crdsDir(release), f), 'utf8');
      fs.writeFileSync(path.join(crds, f), text.replace('must not combine the wildcard', 'must never combine the wildcard'));
    }
    const out = path.join(tmp, 'changed');
    releaseTables(release, crds, out);
    expect(files(path.join(out, release.dir))).not.toEqual(files(path.join(COMMITTED, release.dir)));
  });
});
