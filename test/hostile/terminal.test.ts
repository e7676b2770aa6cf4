/**
 * Class 8 (terminal injection): names, paths, messages and file names that carry control characters, line
 * separators or bidi overrides are escaped in text output, so a crafted manifest cannot forge a line or send an
 * escape sequence. JSON output keeps the exact strings (JSON escapes them itself).
 */
import * as fs from 'fs';
import * as path from 'path';
import { cli, spawnCli, tempDir, TH } from './helpers';
import { escapeText } from '../../src/cli/terminal';

const FORGED = 'x\nwarning: forged.yaml:1 MCPServer/default/ok: all good [none]\x1b[2K';

/** No raw control character (other than the newline ending each line), separator or bidi override. */
function expectClean(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
}

describe('text output', () => {
  test('fails a name with a newline and an escape sequence on one escaped line', async () => {
    const yaml = `apiVersion: ${TH}\nkind: MCPServer\nmetadata:\n  name: ${JSON.stringify(FORGED)}\nspec:\n  image: i\n`;
    const r = await cli(['validate', '-'], yaml);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(3); // one violation, the summary, the final newline
    expect(lines[0].startsWith('<stdin>:1 MCPServer/default/x\\x0awarning: forged.yaml:1 MCPServer/default/ok: all good [none]\\x1b[2K metadata.name: Invalid value: "x\\nwarning:')).toBe(true);
    expect(lines[2]).toBe('');
    expectClean(r.stdout);
  });

  test('escapes a map key with control characters in the path column, and bidi overrides', async () => {
    const yaml = `apiVersion: ${TH}\nkind: MCPServer\nmetadata:\n  name: s\nspec:\n  image: i\n  "a\\u202eb\\rc": 1\n`;
    const r = await cli(['validate', '-'], yaml);
    expect(r.stdout).toBe('<stdin>:1 MCPServer/default/s spec.a\\u{202e}b\\x0dc: unknown field "spec.a\\u202eb\\rc" [schema.unknown-field]\n1 document, 1 error, 0 warnings\n');
  });

  test('JSON output keeps the exact strings', async () => {
    const yaml = `apiVersion: ${TH}\nkind: MCPServer\nmetadata:\n  name: ${JSON.stringify(FORGED)}\nspec:\n  image: i\n`;
    const r = await cli(['validate', '--format', 'json', '-'], yaml);
    expect((JSON.parse(r.stdout) as { violations: { name: string }[] }).violations[0].name).toBe(FORGED);
    expectClean(r.stdout);
  });

  test('passes an ordinary name unchanged (escaping touches nothing else)', () => {
    expect(escapeText('MCPServer/team-a/fetch spec.a[0]: Invalid value: "x\\.y"')).toBe('MCPServer/team-a/fetch spec.a[0]: Invalid value: "x\\.y"');
  });
});

describe('file names', () => {
  test('escapes a file name with a newline and an escape sequence in stdout and stderr (binary)', () => {
    const dir = tempDir();
    const evil = path.join(dir, 'a\nb\x1b[31m.yaml');
    fs.writeFileSync(evil, `apiVersion: ${TH}\nkind: MCPServer\nmetadata:\n  name: s\nspec:\n  image: i\n  transport: grpc\n`);
    fs.writeFileSync(path.join(dir, 'c\rd.yaml'), 'a: [\n');
    const r = spawnCli(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`toolhive-constructs: ${dir}/c\\x0dd.yaml:2:1: YAML syntax error in document 1: bad indentation\n`);
    const ok = spawnCli(['validate', evil]);
    expect(ok.stdout.split('\n')[0]).toBe(`${dir}/a\\x0ab\\x1b[31m.yaml:1 MCPServer/default/s spec.transport: Unsupported value: "grpc": supported values: "stdio", "streamable-http", "sse" [schema.enum]`);
    expectClean(ok.stdout.replace(/\n/g, ''));
  });

  test('escapes a directory name in the note about a directory without YAML files', async () => {
    const dir = path.join(tempDir(), 'empty\x1b]0;pwned\x07');
    fs.mkdirSync(dir);
    const r = await cli(['validate', '--allow-empty', dir]);
    expect(r.stderr).toBe(`toolhive-constructs: note: no .yaml or .yml file under ${path.dirname(dir)}/empty\\x1b]0;pwned\\x07\n`);
  });
});
