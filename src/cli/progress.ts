/**
 * Progress on standard error for large inputs, when standard error is a terminal: one line, rewritten in place,
 * cleared when the work is done, so nothing of it stays in the output a user copies. Never in CI logs or pipes
 * (`isTTY` is false there), so reports and logs stay byte-identical.
 */
import type { TextSink } from './io';
import { escapeText } from './terminal';

/** Below this much input a run takes well under a second: no progress line. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

export interface Progress {
  /** After each file read: files and bytes so far, and documents found. */
  read(files: number, bytes: number, documents: number, file: string): void;
  /** Before the engine runs. */
  validating(objects: number): void;
  /** Removes the line. */
  done(): void;
}

const SILENT: Progress = { read: () => undefined, validating: () => undefined, done: () => undefined };

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * A progress line on `stderr` when it is a terminal and the input is large (`bytes` known up front, or reached while
 * reading); a reporter that prints nothing otherwise.
 */
export function progressOn(stderr: TextSink & { isTTY?: boolean }, program: string): Progress {
  if (stderr.isTTY !== true) return SILENT;
  let shown = false;
  let sawLarge = false;
  const show = (text: string): void => {
    // \r and erase-line: the line is rewritten in place; the text is escaped (it can hold a file name)
    stderr.write(`\r\x1b[K${program}: ${escapeText(text)}`);
    shown = true;
  };
  return {
    read(files, bytes, documents, file) {
      sawLarge ||= bytes >= PROGRESS_MIN_BYTES;
      if (sawLarge) show(`read ${files} file${files === 1 ? '' : 's'}, ${mib(bytes)}, ${documents} documents (${file})`);
    },
    validating(objects) {
      if (sawLarge) show(`validating ${objects} objects...`);
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
