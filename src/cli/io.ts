/** What the command line talks to. `run()` takes these so tests can drive it in-process. */

/** Anything with a `write(string)`: `process.stdout`, or a buffer in tests. */
export interface TextSink {
  /** True on a terminal (`process.stderr.isTTY`): large runs then show a progress line there. */
  readonly isTTY?: boolean;
  write(chunk: string): unknown;
}

export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Read only when a PATH is `-`. `process.stdin`, or `Readable.from([...])` in tests. */
  readonly stdin: AsyncIterable<string | Uint8Array>;
}

/** Exit codes (documented in docs/cli.md). */
export const EXIT_OK = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_USAGE = 2;

/** A mistake in the command line itself: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}
