/** The progress line on a terminal for large inputs: shown, cleared before the report, never off a terminal. */
import { Readable } from 'stream';
import { tempTree } from './helpers';
import { run } from '../../src/cli/main';
import { PROGRESS_MIN_BYTES, progressOn } from '../../src/cli/progress';

/** Runs the CLI with one log of both streams, in the order written; `tty` marks standard error a terminal. */
async function runLogged(argv: string[], tty: boolean): Promise<{ code: number; log: Array<['out' | 'err', string]> }> {
  const log: Array<['out' | 'err', string]> = [];
  const code = await run(argv, {
    stdout: { write: (s: string) => log.push(['out', s]) },
    stderr: { isTTY: tty, write: (s: string) => log.push(['err', s]) },
    stdin: Readable.from([]),
  });
  return { code, log };
}

/** One ConfigMap just over the progress threshold: large input that the engine checks quickly. */
const big = tempTree({ 'big.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: "${'x'.repeat(PROGRESS_MIN_BYTES)}"\n` });
const small = tempTree({ 'small.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n' });

describe('progress on standard error', () => {
  test('a large input on a terminal shows what was read and that it validates, then clears the line before the report', async () => {
    const { code, log } = await runLogged(['validate', `${big}/big.yaml`], true);
    expect(code).toBe(0);
    const err = log.filter(([s]) => s === 'err').map(([, t]) => t);
    expect(err[0]).toBe(`\r\x1b[Ktoolhive-constructs: read 1 file, 4.0 MiB, 1 documents (${big}/big.yaml)`);
    expect(err).toContain('\r\x1b[Ktoolhive-constructs: validating 1 objects...');
    // the line is erased right before the first byte of the report, and nothing is shown after it
    const firstOut = log.findIndex(([s]) => s === 'out');
    expect(log[firstOut - 1]).toEqual(['err', '\r\x1b[K']);
    expect(log[firstOut][1]).toBe('1 document, 0 errors, 0 warnings\n');
    expect(log.slice(firstOut).filter(([s]) => s === 'err')).toEqual([]);
  });

  test('off a terminal (CI logs, pipes) nothing is shown', async () => {
    const { log } = await runLogged(['validate', `${big}/big.yaml`], false);
    expect(log.filter(([s]) => s === 'err')).toEqual([]);
  });

  test('a small input on a terminal shows nothing', async () => {
    const { log } = await runLogged(['validate', `${small}/small.yaml`], true);
    expect(log).toEqual([['out', '1 document, 0 errors, 0 warnings\n']]);
  });

  test('file names in the line are escaped', () => {
    const written: string[] = [];
    const p = progressOn({ isTTY: true, write: (s: string) => written.push(s) }, 'prog');
    p.read(2, PROGRESS_MIN_BYTES, 7, 'evil\x1b]0;title\x07.yaml');
    p.done();
    expect(written).toEqual(['\r\x1b[Kprog: read 2 files, 4.0 MiB, 7 documents (evil\\x1b]0;title\\x07.yaml)', '\r\x1b[K']);
  });
});
