/**
 * Suites that need the shared ToolHive release skip locally when it is absent, and fail in CI: run the two
 * upstream-example suites in a child jest with the release pointed at a missing folder.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { isCi } from '../shared-release';

const ROOT = path.join(__dirname, '..', '..');
const SUITES = ['test/engine/upstream-examples.test.ts', 'test/audit/upstream-examples.test.ts'];

function runSuites(ci: string | undefined): { status: number | null; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, TOOLHIVE_RELEASE_DIR: path.join(ROOT, '.tmp', 'no-such-release') };
  delete env.CI;
  if (ci !== undefined) env.CI = ci;
  const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const r = spawnSync(process.execPath, [jest, '--coverage=false', '--ci', ...SUITES], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('CI is recognised as CI services and jest set it', () => {
  expect([undefined, '', '0', 'false', 'FALSE'].map(v => isCi({ CI: v }))).toEqual([false, false, false, false, false]);
  expect(['true', '1', 'yes'].map(v => isCi({ CI: v }))).toEqual([true, true, true]);
});

test('with CI set and ../shared missing, the upstream-example suites fail', () => {
  const { status, output } = runSuites('true');
  expect(status).toBe(1);
  expect(output.match(/CI is set, so this suite fails instead of skipping/g)?.length).toBeGreaterThanOrEqual(2);
  expect(output).toMatch(/Tests:\s+2 failed, 2 total/);
});

test('without CI, the same suites skip', () => {
  const { status, output } = runSuites(undefined);
  expect(status).toBe(0);
  expect(output).toMatch(/Tests:\s+2 skipped, 2 total/);
});
