/**
 * CI drift check: regenerates the CRD-derived code of every bundled release (scripts/releases.ts) into a
 * temporary folder and fails when it differs from what is committed. When a release's CRD folder is absent
 * it skips (exit 0, with a message), except under CI, where it fails: a check that cannot run is no check.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { crdsDir, RELEASES } from './releases';

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(d =>
    d.isDirectory() ? listFiles(path.join(dir, d.name)).map(f => path.join(d.name, f)) : [d.name]).sort();
}

function main(): number {
  const missing = RELEASES.filter(r => !fs.existsSync(crdsDir(r)));
  if (missing.length) {
    const what = missing.map(r => `${r.name} (${crdsDir(r)})`).join(', ');
    if (process.env.CI) {
      process.stderr.write(`check-generated: the CRDs of ${what} are absent; CI must check every bundled release\n`);
      return 1;
    }
    process.stdout.write(`check-generated: skipped, the CRDs of ${what} are absent\n`);
    return 0;
  }
  const root = path.resolve(__dirname, '..');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-check-'));
  try {
    execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', path.join(__dirname, 'import-crds.ts'), '--out', tmp], { stdio: 'pipe' });
    const problems: string[] = [];
    for (const sub of ['imports', path.join('schema', 'generated'), path.join('manifests', 'generated')]) {
      const fresh = listFiles(path.join(tmp, sub));
      const committed = listFiles(path.join(root, 'src', sub));
      for (const f of new Set([...fresh, ...committed])) {
        const a = path.join(tmp, sub, f);
        const b = path.join(root, 'src', sub, f);
        if (!fs.existsSync(a)) problems.push(`src/${sub}/${f} is committed but no longer generated`);
        else if (!fs.existsSync(b)) problems.push(`src/${sub}/${f} is generated but not committed`);
        else if (!fs.readFileSync(a).equals(fs.readFileSync(b))) problems.push(`src/${sub}/${f} differs from a fresh regeneration`);
      }
    }
    if (problems.length) {
      process.stderr.write(`check-generated: generated code is stale; run \`npx projen import:crds\`\n  ${problems.join('\n  ')}\n`);
      return 1;
    }
    process.stdout.write(`check-generated: src/imports, src/schema/generated and src/manifests/generated match the CRDs of ${RELEASES.map(r => r.name).join(', ')}\n`);
    return 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

process.exit(main());
