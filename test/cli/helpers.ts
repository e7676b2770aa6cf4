/** Runs the CLI in-process and captures what it prints. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { run } from '../../src/cli/main';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(argv: readonly string[], stdin = ''): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => { stdout += s; } },
    stderr: { write: (s: string) => { stderr += s; } },
    stdin: Readable.from([Buffer.from(stdin, 'utf8')]),
  });
  return { code, stdout, stderr };
}

/** Writes `files` (relative path → content) under a fresh temporary directory and returns it. */
export function tempTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

export const REPO_ROOT = path.join(__dirname, '..', '..');

/** A valid MCPServer, as YAML. */
export function mcpServer(name: string, extraSpec = ''): string {
  return [
    'apiVersion: toolhive.stacklok.dev/v1beta1',
    'kind: MCPServer',
    'metadata:',
    `  name: ${name}`,
    '  namespace: team-a',
    'spec:',
    '  image: registry.example.com/mcp/fetch:1.0.0',
    extraSpec,
  ].filter(l => l !== '').join('\n') + '\n';
}

/**
 * An exact rendering of parsed data: numbers keep -0 and NaN, key order and own keys (`constructor` too: jest's
 * deep equality compares `.constructor`, which a manifest key of that name replaces), prototypes are checked.
 */
export function canon(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? 'n:-0' : `n:${v}`;
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? String(v);
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (Object.getPrototypeOf(v) !== Object.prototype) return 'not-a-plain-object';
  return `{${Object.keys(v).map(k => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`).join(',')}}`;
}
