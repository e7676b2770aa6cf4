/**
 * Class 6 (file system): special files in a scanned directory are skipped with a note (a FIFO would block
 * forever), symbolic links are not followed out of the directory given, and an unreadable path is a usage error
 * for that path while the rest is checked (exit 2 at the end).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { cli, spawnCli, tempDir } from './helpers';

const CONFIGMAP = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

function tree(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'm'));
  fs.writeFileSync(path.join(dir, 'm', 'a.yaml'), CONFIGMAP('a'));
  return path.join(dir, 'm');
}

test('skips a FIFO in a scanned directory with a note instead of blocking (binary, bounded by a timeout)', () => {
  const dir = tree();
  execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
  const r = spawnCli(['validate', dir], { timeout: 20_000 });
  expect(r).toEqual({
    code: 0,
    stdout: '1 document, 0 errors, 0 warnings\n',
    stderr: `toolhive-constructs: note: ${path.join(dir, 'pipe.yaml')}: skipped: not a regular file (a FIFO)\n`,
  });
});

test('skips a socket in a scanned directory with a note', async () => {
  const dir = tree();
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(path.join(dir, 'sock.yaml'), resolve));
  try {
    const r = await cli(['validate', dir]);
    expect(r).toEqual({ code: 0, stdout: '1 document, 0 errors, 0 warnings\n', stderr: `toolhive-constructs: note: ${path.join(dir, 'sock.yaml')}: skipped: not a regular file (a socket)\n` });
  } finally {
    server.close();
  }
});

test('does not follow a symbolic link out of the directory given, and says so', async () => {
  const dir = tree();
  const outside = tempDir();
  fs.writeFileSync(path.join(outside, 'outside.yaml'), CONFIGMAP('outside'));
  fs.symlinkSync(outside, path.join(dir, 'escape'));
  fs.symlinkSync(path.join(outside, 'outside.yaml'), path.join(dir, 'file-escape.yaml'));
  const r = await cli(['validate', dir]);
  expect(r).toEqual({
    code: 0,
    stdout: '1 document, 0 errors, 0 warnings\n',
    stderr: [
      `toolhive-constructs: note: ${path.join(dir, 'escape')}: skipped: a symbolic link that leads out of ${dir} is not followed`,
      `toolhive-constructs: note: ${path.join(dir, 'file-escape.yaml')}: skipped: a symbolic link that leads out of ${dir} is not followed`,
      '',
    ].join('\n'),
  });
});

test('follows a link inside the directory, reading its target once', async () => {
  const dir = tree();
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.symlinkSync(path.join(dir, 'a.yaml'), path.join(dir, 'sub', 'again.yaml'));
  fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
  expect(await cli(['validate', dir])).toEqual({ code: 0, stdout: '1 document, 0 errors, 0 warnings\n', stderr: '' });
});

test('reports an unreadable path, checks the rest, and exits 2', async () => {
  const dir = tree();
  const missing = path.join(dir, 'missing.yaml');
  const notDir = `${path.join(dir, 'a.yaml')}/`;
  const r = await cli(['validate', missing, notDir, dir]);
  expect(r).toEqual({
    code: 2,
    stdout: '1 document, 0 errors, 0 warnings\n',
    stderr: [
      `toolhive-constructs: ${missing}: cannot read: no such file or directory`,
      `toolhive-constructs: ${notDir}: cannot read: not a directory`,
      '',
    ].join('\n'),
  });
});

test('passes the same directory alone (the failure above is the unreadable path)', async () => {
  expect((await cli(['validate', tree()])).code).toBe(0);
});

test('reads a special file named on the command line within the size limit (a device)', () => {
  const r = spawnCli(['validate', '--max-file-bytes', '4K', '/dev/zero'], { timeout: 20_000 });
  expect(r).toEqual({ code: 2, stdout: '', stderr: 'toolhive-constructs: /dev/zero: larger than the limit of 4 KiB (--max-file-bytes): not read\n' });
});
