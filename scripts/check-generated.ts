/**
 * CI drift check: regenerates the CRD-derived code into a temporary folder and fails when it differs
 * from what is committed. Skips (exit 0, with a message) when the CRDs folder is absent, fails instead when CI is
 * set (`CI` other than empty, 0 or false).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_CRDS } from './import-crds';

function isCi(): boolean {
  const v = process.env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(d =>
    d.isDirectory() ? listFiles(path.join(dir, d.name)).map(f => path.join(d.name, f)) : [d.name]).sort();
}

function main(): number {
  if (!fs.existsSync(DEFAULT_CRDS)) {
    // in CI a missing checkout must not pass as a skipped check
    if (isCi()) {
      process.stderr.write(`check-generated: ${DEFAULT_CRDS} is absent and CI is set; check out the shared ToolHive release next to the repository\n`);
      return 1;
    }
    process.stdout.write(`check-generated: skipped, ${DEFAULT_CRDS} is absent\n`);
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
    process.stdout.write('check-generated: src/imports, src/schema/generated and src/manifests/generated match the CRDs\n');
    return 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

process.exit(main());
