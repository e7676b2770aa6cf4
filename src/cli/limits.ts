/** Input bounds of the command line (docs/cli.md, docs/security.md). Each has a flag to raise it. */

/** Largest file (or standard input) read, in bytes: `--max-file-bytes`. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Largest total input of one run, in bytes: `--max-total-bytes`. */
export const DEFAULT_MAX_TOTAL_BYTES = 256 * 1024 * 1024;

/** Aliases a document may expand (billion laughs). Not a flag: real manifests use a handful. */
export const MAX_ALIAS_COUNT = 100;

export interface InputLimits {
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
}

export const DEFAULT_LIMITS: InputLimits = { maxFileBytes: DEFAULT_MAX_FILE_BYTES, maxTotalBytes: DEFAULT_MAX_TOTAL_BYTES };

/** `16 MiB` style, for messages. */
export function showBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
