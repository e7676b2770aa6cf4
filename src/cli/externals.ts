/** Reads an externals file (`toolhive-externals.json`, written by cdk8s synth) for the CLI and the cdk8s plugin. */
import * as fs from 'fs';
import { parseExternalsFile } from '../validation/externals-file';

/** Externals files are small lists of names: anything larger is not one. */
const MAX_SIZE = 16 * 1024 * 1024;

/**
 * The entries of the externals file at `file`: a regular file only, so a FIFO or device never blocks the read.
 *
 * @throws Error naming the file and what is wrong (missing, not a file, too large, not an externals file)
 */
export function readExternalsFile(file: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new Error(`${file}: no such externals file`);
  }
  if (!stat.isFile()) throw new Error(`${file}: not a regular file, expected an externals file`);
  if (stat.size > MAX_SIZE) throw new Error(`${file}: larger than 16 MiB, not an externals file`);
  return parseExternalsFile(fs.readFileSync(file, 'utf8'), file);
}
