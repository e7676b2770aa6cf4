/**
 * The file system side of the input: which files a PATH stands for, and reading them within the size limits.
 *
 * - Directories are walked without following a symbolic link out of the directory given (a link to a place
 *   inside it is followed, once); a link that leaves it is skipped with a note.
 * - Entries that are not regular files (FIFOs, sockets, devices) are skipped with a note: reading a FIFO
 *   blocks forever. A special file named on the command line is read (e.g. `<(helm template ...)`), within the
 *   size limit.
 * - An unreadable entry is reported for its path and the walk goes on.
 */
import { constants, promises as fs } from 'fs';
import * as path from 'path';
import { showBytes } from './limits';
import { EXTERNALS_FILE } from '../validation/externals-file';

export interface Expanded {
  /** Files to read, in plain code-unit order per PATH. */
  readonly files: string[];
  /** Things skipped on purpose (special files, links out of the root). */
  readonly notes: string[];
  /** Paths that could not be read. */
  readonly unreadable: string[];
}

/** A file stands for itself; a directory for every `.yaml`/`.yml` below it, sorted by path. */
export async function expandPath(p: string): Promise<Expanded> {
  const out: Expanded = { files: [], notes: [], unreadable: [] };
  let stat;
  try {
    stat = await fs.stat(p);
  } catch (e) {
    out.unreadable.push(`${p}: cannot read: ${describeFsError(e)}`);
    return out;
  }
  if (!stat.isDirectory()) {
    out.files.push(p);
    return out;
  }
  let root: string;
  try {
    root = await fs.realpath(p);
  } catch (e) {
    out.unreadable.push(`${p}: cannot read: ${describeFsError(e)}`);
    return out;
  }
  await walk(p, root, p, out, new Set());
  // Plain code-unit order: the same on every machine and locale.
  out.files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return out;
}

function inside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

async function walk(dir: string, root: string, top: string, out: Expanded, visited: Set<string>): Promise<void> {
  let real: string;
  let names: string[];
  try {
    real = await fs.realpath(dir);
    if (visited.has(real)) return; // reached twice through links
    visited.add(real);
    names = (await fs.readdir(dir)).sort();
  } catch (e) {
    out.unreadable.push(`${dir}: cannot read: ${describeFsError(e)}`);
    return;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    let st;
    try {
      st = await fs.lstat(full);
      if (st.isSymbolicLink()) {
        const target = await fs.realpath(full).catch(() => undefined);
        if (target === undefined) continue; // a dangling link names nothing
        if (!inside(root, target)) {
          out.notes.push(`${full}: skipped: a symbolic link that leads out of ${top} is not followed`);
          continue;
        }
        st = await fs.stat(full);
      }
    } catch (e) {
      out.unreadable.push(`${full}: cannot read: ${describeFsError(e)}`);
      continue;
    }
    if (st.isDirectory()) await walk(full, root, top, out, visited);
    else if (!/\.(ya?ml|json)$/i.test(name)) continue;
    // the externals file cdk8s synth writes beside the manifests is not a manifest (read it with --externals)
    else if (name === EXTERNALS_FILE) continue;
    else if (st.isFile()) out.files.push(full);
    else out.notes.push(`${full}: skipped: not a regular file (${specialKind(st)})`);
  }
}

function specialKind(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'a special file';
}

export type ReadResult = { readonly bytes: Buffer } | { readonly problem: string };

/** Reads at most `limit` bytes; more is a problem, not a truncation. Never blocks opening a FIFO. */
export async function readFileLimited(file: string, limit: number): Promise<ReadResult> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO without a writer would block; reads of regular files ignore the flag
    // eslint-disable-next-line no-bitwise -- open(2) flags
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { problem: `cannot read: ${describeFsError(e)}` };
  }
  try {
    const st = await handle.stat();
    if (st.isFile() && st.size > limit) return { problem: tooBig(limit) };
    if (!st.isFile()) {
      // a pipe or device named on the command line: read it through a stream (which waits for data)
      await handle.close();
      handle = undefined;
      return await readStreamLimited(fsStream(file), limit);
    }
    // one buffer of the size stat gives (one byte more, to see a file that grew), not chunks then a copy of them
    let buf = Buffer.alloc(Math.min(st.size + 1, limit + 1));
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        // the file grew after stat: read on, in a larger buffer, up to the limit
        if (total > limit) return { problem: tooBig(limit) };
        const larger = Buffer.alloc(Math.min(Math.max(buf.length * 2, 1024 * 1024), limit + 1));
        buf.copy(larger, 0, 0, total);
        buf = larger;
      }
      const { bytesRead } = await handle.read(buf, total, buf.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) return { problem: tooBig(limit) };
    }
    return { bytes: buf.subarray(0, total) };
  } catch (e) {
    return { problem: `cannot read: ${describeFsError(e)}` };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function fsStream(file: string): AsyncIterable<string | Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createReadStream } = require('fs') as typeof import('fs');
  return createReadStream(file);
}

/** Reads a stream (standard input, a pipe) up to `limit` bytes; stops reading as soon as it is exceeded. */
export async function readStreamLimited(stream: AsyncIterable<string | Uint8Array>, limit: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      total += b.length;
      if (total > limit) {
        (stream as { destroy?: () => void }).destroy?.();
        return { problem: tooBig(limit) };
      }
      chunks.push(b);
    }
  } catch (e) {
    return { problem: `cannot read: ${describeFsError(e)}` };
  }
  return { bytes: Buffer.concat(chunks) };
}

function tooBig(limit: number): string {
  return `larger than the limit of ${showBytes(limit)} (--max-file-bytes): not read`;
}

export function describeFsError(e: unknown): string {
  const code = (e as { code?: string } | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'not a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EAGAIN': return 'no data available (a FIFO without a writer?)';
    default: return code ?? (e instanceof Error ? e.name : typeof e);
  }
}
