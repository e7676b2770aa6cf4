/** Shared pieces of the hostile-input suite: the secret marker, the CLI driven as a process and in-process. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export { cli, tempTree } from '../cli/helpers';

/** Every secret value in this suite carries this marker; no name, key or message does. */
export const MARK = 'Qx7SECRETq9';
export const secretValue = (n = 0) => `${MARK}-${n}-hunter2`;

export const REPO_ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(REPO_ROOT, 'lib', 'cli', 'main.js');

export interface Spawned { readonly code: number | null; readonly stdout: string; readonly stderr: string }

/** Runs the compiled CLI (`lib/cli/main.js`, run `npx tsc --build` first) as a child process. */
export function spawnCli(args: readonly string[], options: { input?: string | Buffer; cwd?: string; timeout?: number } = {}): Spawned {
  if (!fs.existsSync(MAIN)) throw new Error('lib/cli/main.js is missing: run `npx tsc --build` first');
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    input: options.input ?? '',
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'thv-hostile-'));
}

/** Throws when `MARK` (or its base64) appears in any of the texts. */
export function expectNoSecret(...texts: readonly unknown[]): void {
  const b64 = Buffer.from(MARK).toString('base64').slice(0, 12);
  for (const t of texts) {
    const s = typeof t === 'string' ? t : JSON.stringify(t) ?? String(t);
    if (s.includes(MARK) || s.includes(b64)) throw new Error(`secret marker found in output: ${s.slice(0, 2000)}`);
  }
}

export const TH = 'toolhive.stacklok.dev/v1beta1';

/** A minimal valid MCPServer as plain data. */
export function server(name: string, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: TH, kind: 'MCPServer', metadata: { name, namespace: 'team' }, spec: { image: 'registry.example.com/mcp/fetch:1.0.0', ...spec } };
}
