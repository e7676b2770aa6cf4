import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { cli, mcpServer, tempTree } from './helpers';
import { run } from '../../src/cli/main';

// a non-blocking schema error (field.Invalid), so the API server still runs CEL and reports it alone
const MIN_MESSAGE = 'Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1';

describe('validate: exit codes and text format', () => {
  test('exits 0 and prints only the summary for a valid object', async () => {
    const dir = tempTree({ 'server.yaml': mcpServer('fetch') });
    const r = await cli(['validate', path.join(dir, 'server.yaml')]);
    expect(r).toEqual({ code: 0, stdout: '1 document, 0 errors, 0 warnings\n', stderr: '' });
  });

  test('fails with exit code 1 and prints FILE:DOC Kind/namespace/name PATH: MESSAGE [RULE]', async () => {
    const dir = tempTree({ 'server.yaml': mcpServer('ok') + '---\n' + mcpServer('bad', '  proxyPort: 0') });
    const file = path.join(dir, 'server.yaml');
    const r = await cli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `${file}:2 MCPServer/team-a/bad spec.proxyPort: ${MIN_MESSAGE} [schema.minimum]\n` +
      '2 documents, 1 error, 0 warnings\n');
  });

  test('prefixes warnings with "warning: " and still exits 0', async () => {
    const yaml = mcpServer('old').replace('toolhive.stacklok.dev/v1beta1', 'toolhive.stacklok.dev/v1alpha1');
    const dir = tempTree({ 'old.yaml': yaml });
    const file = path.join(dir, 'old.yaml');
    const r = await cli(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `warning: ${file}:1 MCPServer/team-a/old apiVersion: toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1 [identity.deprecated-version]\n` +
      '1 document, 0 errors, 1 warning\n');
  });

  test('reads standard input for -', async () => {
    const r = await cli(['validate', '-'], mcpServer('bad', '  proxyPort: 0'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`<stdin>:1 MCPServer/team-a/bad spec.proxyPort: ${MIN_MESSAGE} [schema.minimum]\n1 document, 1 error, 0 warnings\n`);
  });

  test('reads kubectl YAML 1.1 booleans the way the API server receives them', async () => {
    // `yes` is a boolean for kubectl (sigs.k8s.io/yaml): a valid trustProxyHeaders
    const r = await cli(['validate', '-'], mcpServer('fetch', '  trustProxyHeaders: yes'));
    expect(r).toEqual({ code: 0, stdout: '1 document, 0 errors, 0 warnings\n', stderr: '' });
  });

  test('rejects a YAML 1.1 boolean where the schema wants a string', async () => {
    // `on` is a boolean for kubectl too, so the API server rejects it as an image
    const r = await cli(['validate', '--format', 'json', '-'], mcpServer('fetch').replace('image: registry.example.com/mcp/fetch:1.0.0', 'image: on'));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).violations.map((v: { path: string; rule: string }) => [v.path, v.rule])).toEqual([['spec.image', 'schema.type'], ['<root>', 'cel.not-checked']]);
  });
});

describe('validate: JSON format', () => {
  test('fails with the violations, their source and a summary as JSON', async () => {
    const dir = tempTree({ 'a.yaml': '# leading comment\n\n' + mcpServer('bad', '  proxyPort: 0') });
    const file = path.join(dir, 'a.yaml');
    const r = await cli(['validate', '--format=json', file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      violations: [{
        severity: 'error',
        kind: 'MCPServer',
        namespace: 'team-a',
        name: 'bad',
        path: 'spec.proxyPort',
        rule: 'schema.minimum',
        message: MIN_MESSAGE,
        file,
        document: 1,
        line: 3,
      }],
      summary: { documents: 1, errors: 1, warnings: 0 },
    });
  });

  test('prints an empty list and exit 0 for a valid set', async () => {
    const r = await cli(['validate', '--format', 'json', '-'], mcpServer('fetch'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ violations: [], summary: { documents: 1, errors: 0, warnings: 0 } });
  });
});

describe('validate: inputs', () => {
  test('walks a directory recursively, in sorted path order, reading only .yaml and .yml', async () => {
    const dir = tempTree({
      'b.yaml': mcpServer('b', '  proxyPort: 0'),
      'a/z.yml': mcpServer('az', '  proxyPort: 0'),
      'a/notes.txt': 'not yaml: [',
      'c/README.md': '# not yaml',
    });
    const r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${path.join(dir, 'a', 'z.yml')}:1 MCPServer/team-a/az spec.proxyPort: ${MIN_MESSAGE} [schema.minimum]\n` +
      `${path.join(dir, 'b.yaml')}:1 MCPServer/team-a/b spec.proxyPort: ${MIN_MESSAGE} [schema.minimum]\n` +
      '2 documents, 2 errors, 0 warnings\n');
  });

  test('skips empty documents and separators, numbering documents as they appear in the file', async () => {
    // the shape of `helm template` output: leading ---, comments, disabled templates
    const text = '---\n# Source: chart/templates/a.yaml\n---\n# Source: chart/templates/disabled.yaml\n---\n' +
      mcpServer('bad', '  proxyPort: 0') + '---\n---\n';
    const r = await cli(['validate', '--format', 'json', '-'], text);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary.documents).toBe(1);
    expect(out.violations.map((v: { document: number; line: number }) => [v.document, v.line])).toEqual([[3, 6]]);
  });

  test('expands a kind: List into its items, each with its own line', async () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: toolhive.stacklok.dev/v1beta1',
      '    kind: MCPServer',
      '    metadata: {name: first, namespace: team-a}',
      '    spec: {image: registry.example.com/x:1}',
      '  - apiVersion: toolhive.stacklok.dev/v1beta1',
      '    kind: MCPServer',
      '    metadata: {name: second, namespace: team-a}',
      '    spec: {image: registry.example.com/x:1, proxyPort: 0}',
    ].join('\n');
    const r = await cli(['validate', '--format', 'json', '-'], text);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ documents: 2, errors: 1, warnings: 0 });
    expect(out.violations.map((v: { name: string; document: number; line: number }) => [v.name, v.document, v.line])).toEqual([['second', 1, 8]]);
  });

  test('reads a file named twice only once', async () => {
    const dir = tempTree({ 's.yaml': mcpServer('fetch') });
    const r = await cli(['validate', path.join(dir, 's.yaml'), dir]);
    expect(r).toEqual({ code: 0, stdout: '1 document, 0 errors, 0 warnings\n', stderr: '' });
  });

  test('notes a directory without YAML files on stderr', async () => {
    const dir = tempTree({ 'README.md': '# nothing' });
    const r = await cli(['validate', dir]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `toolhive-constructs: note: no .yaml or .yml file under ${dir}\ntoolhive-constructs: no documents in the input; pass --allow-empty if empty input is expected\n`,
    });
    // with --allow-empty the same run passes
    expect(await cli(['validate', '--allow-empty', dir])).toEqual({ code: 0, stdout: '0 documents, 0 errors, 0 warnings\n', stderr: `toolhive-constructs: note: no .yaml or .yml file under ${dir}\n` });
  });
});

describe('validate: documents that are not ToolHive objects', () => {
  test('rejects a document that is not an object', async () => {
    const r = await cli(['validate', '-'], '- just\n- a list\n---\nplain words\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      '<stdin>:1 -/default/- <root>: document is a list, not a Kubernetes object [identity.not-an-object]\n' +
      '<stdin>:2 -/default/- <root>: document is a string, not a Kubernetes object [identity.not-an-object]\n' +
      '2 documents, 2 errors, 0 warnings\n');
  });

  test('rejects an object without kind', async () => {
    const r = await cli(['validate', '-'], 'apiVersion: v1\nmetadata:\n  name: nameless\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("<stdin>:1 -/default/nameless kind: Object 'Kind' is missing [identity.missing-kind]\n1 document, 1 error, 0 warnings\n");
  });

  test('rejects an unknown ToolHive kind', async () => {
    const r = await cli(['validate', '--format', 'json', '-'], mcpServer('fetch').replace('kind: MCPServer', 'kind: MCPServers'));
    expect(r.code).toBe(1);
    const [v] = JSON.parse(r.stdout).violations;
    expect(v.rule).toBe('identity.unknown-kind');
    expect(v.message).toMatch(/^no matches for kind "MCPServers" in version "toolhive.stacklok.dev\/v1beta1"; known kinds: .*MCPServer,/);
  });
});

describe('validate: never prints a secret value', () => {
  test('fails on bad Secret data without printing the value', async () => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: team-a}\ndata:\n  token: "not base64 at all: hunter2-value"\n';
    const message = 'illegal base64 data in Secret data key "token"';
    const t = await cli(['validate', '-'], text);
    expect(t.code).toBe(1);
    expect(t.stdout).toBe(`<stdin>:1 Secret/team-a/creds data[token]: ${message} [identity.secret-data]\n1 document, 1 error, 0 warnings\n`);
    const j = await cli(['validate', '--format', 'json', '-'], text);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).violations[0].message).toBe(message);
    expect(t.stdout + t.stderr + j.stdout + j.stderr).not.toContain('hunter2');
  });

  test('redacts a Secret value that an engine message would otherwise quote', async () => {
    // The same string as a Secret value and as a bad enum value: the message quotes the enum value.
    const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: team-a}\nstringData:\n  token: sup3r-s3cret-t0ken\n---\n' +
      mcpServer('bad', '  transport: sup3r-s3cret-t0ken');
    const r = await cli(['validate', '-'], text);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('sup3r-s3cret-t0ken');
    expect(r.stdout).toContain('spec.transport: Unsupported value: "[redacted]": supported values: "stdio", "streamable-http", "sse" [schema.enum]');
  });
});

describe('validate: --external and --assume-external', () => {
  const server = mcpServer('fetch', '  toolConfigRef:\n    name: shared-tools');

  test('fails on a reference to an object that is not in the files', async () => {
    const r = await cli(['validate', '--format', 'json', '-'], server);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary.errors).toBeGreaterThan(0);
    expect(out.violations.every((v: { kind: string; name: string }) => v.kind === 'MCPServer' && v.name === 'fetch')).toBe(true);
  });

  test.each([
    ['MCPToolConfig/shared-tools'],
    ['MCPToolConfig/team-a/shared-tools'],
    ['MCPToolConfig/*'],
  ])('accepts the reference when declared --external %s', async external => {
    const r = await cli(['validate', '--external', external, '-'], server);
    expect(r).toEqual({ code: 0, stdout: '1 document, 0 errors, 0 warnings\n', stderr: '' });
  });

  test('fails when --external names another namespace', async () => {
    const r = await cli(['validate', '--external=MCPToolConfig/team-b/shared-tools', '-'], server);
    expect(r.code).toBe(1);
  });

  test('downgrades unresolved references to warnings with --assume-external', async () => {
    const r = await cli(['validate', '--assume-external', '--format', 'json', '-'], server);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary.errors).toBe(0);
    expect(out.summary.warnings).toBeGreaterThan(0);
  });
});

describe('validate: determinism', () => {
  test('two runs over the same inputs print identical output', async () => {
    const dir = tempTree({
      'x/one.yaml': mcpServer('one', '  proxyPort: 0') + '---\n- not an object\n',
      'two.yml': mcpServer('two', '  toolConfigRef:\n    name: missing'),
    });
    for (const format of ['text', 'json']) {
      const a = await cli(['validate', '--format', format, dir]);
      const b = await cli(['validate', '--format', format, dir]);
      expect(a.code).toBe(1);
      expect(b).toEqual(a);
    }
  });
});

describe('validate: --kubernetes-version', () => {
  // int32/int64 formats are kept (and enforced) from Kubernetes 1.36 on (apiextensions-apiserver formats.go)
  const big = mcpServer('big', '  replicas: 3000000000');

  test('enforces int32 by default (the newest Kubernetes release)', async () => {
    const r = await cli(['validate', '--format', 'json', '-'], big);
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.stdout).violations.filter((v: { severity: string }) => v.severity === 'error');
    expect(errors.map((v: { path: string; message: string }) => `${v.path}: ${v.message}`)).toEqual([
      '<root>: Invalid value: "": Checked value must be of type integer with format int32 in spec.replicas',
    ]);
  });

  test('does not enforce int32 for Kubernetes 1.35', async () => {
    const r = await cli(['validate', '--kubernetes-version', '1.35', '-'], big);
    expect(r.code).toBe(0);
  });
});

describe('validate: usage and input errors exit 2', () => {
  test.each([
    [['validate'], 'no PATH given: name files or directories, or - for standard input'],
    [['validate', '--frobnicate', 'x.yaml'], 'unknown option "--frobnicate"'],
    [['validate', '--format', 'xml', 'x.yaml'], 'invalid --format "xml": expected text or json'],
    [['validate', 'x.yaml', '--format'], 'option --format needs a value'],
    [['validate', '--external', 'MCPOIDCConfig', 'x.yaml'], 'invalid --external "MCPOIDCConfig": expected Kind/name, Kind/namespace/name or Kind/*'],
    [['validate', '--external', 'a/b/c/d', 'x.yaml'], 'invalid --external "a/b/c/d": expected Kind/name, Kind/namespace/name or Kind/*'],
    [['validate', '--assume-external=yes', 'x.yaml'], 'option --assume-external takes no value, got "--assume-external=yes"'],
    [['validate', '-', '-'], 'standard input (-) can be read only once'],
    [['validate', '--kubernetes-version', 'latest', 'x.yaml'], 'invalid --kubernetes-version: invalid Kubernetes version "latest": expected major.minor, e.g. 1.36'],
  ])('rejects %j with a message and the usage on stderr', async (argv, message) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^toolhive-constructs: ${escape(message)}\n\nUsage: toolhive-constructs validate `));
  });

  test('fails with exit code 2 on a missing file, naming it', async () => {
    const missing = path.join(tempTree({}), 'nope.yaml');
    const r = await cli(['validate', missing]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `toolhive-constructs: ${missing}: cannot read: no such file or directory\n` });
  });

  test('fails with exit code 2 on malformed YAML, naming the file and line', async () => {
    const dir = tempTree({ 'broken.yaml': mcpServer('ok') + '---\napiVersion: v1\nkind: ConfigMap\ndata: a: b\n' });
    const file = path.join(dir, 'broken.yaml');
    const r = await cli(['validate', file]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `toolhive-constructs: ${file}:11:7: YAML syntax error in document 2: Nested mappings are not allowed in compact mappings\n`,
    });
  });

  test('fails with exit code 2 on a duplicate key, naming the line', async () => {
    const r = await cli(['validate', '-'], 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\n');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'toolhive-constructs: <stdin>:3:1: YAML syntax error in document 1: Map keys must be unique\n' });
  });

  test('reports every broken file before giving up', async () => {
    const dir = tempTree({ 'a.yaml': 'a: [\n', 'b.yaml': 'b: "\n' });
    const r = await cli(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'a.yaml')}:`);
    expect(r.stderr).toContain(`${path.join(dir, 'b.yaml')}:`);
  });

  test('never quotes the document text in a YAML error', async () => {
    const r = await cli(['validate', '-'], 'apiVersion: v1\nkind: Secret\nstringData:\n  token: "hunter2-\\q"\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('toolhive-constructs: <stdin>:4:19: YAML syntax error in document 1: invalid escape sequence in a double-quoted string\n');
  });
});

describe('help and version', () => {
  test('--help prints the main usage on stdout', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: toolhive-constructs <command> \[options\] PATH\.\.\./);
    expect(r.stdout).toContain('validate');
    expect(r.stdout).toContain('env');
  });

  test('--version prints the version from package.json', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(await cli(['-V'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test.each([
    [['help', 'validate'], 'Usage: toolhive-constructs validate'],
    [['validate', '--help'], 'Usage: toolhive-constructs validate'],
    [['help', 'env'], 'Usage: toolhive-constructs env'],
    [['env', '-h'], 'Usage: toolhive-constructs env'],
    [['help'], 'Usage: toolhive-constructs <command>'],
  ])('%j prints the command usage', async (argv, start) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(start)).toBe(true);
  });

  test.each([
    [[], 'no command given'],
    [['lint', 'x.yaml'], 'unknown command "lint"'],
    [['--verbose'], 'unknown option "--verbose"'],
    [['help', 'lint'], 'unknown command "lint"'],
  ])('rejects %j with exit code 2 and the main usage on stderr', async (argv, message) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`toolhive-constructs: ${message}\n\n${(await cli(['--help'])).stdout}`);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

describe('failures never print a stack trace', () => {
  test('fails with exit code 2 when standard input cannot be read', async () => {
    let stderr = '';
    const code = await run(['validate', '-'], {
      stdout: { write: () => undefined },
      stderr: { write: (s: string) => { stderr += s; } },
      stdin: { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(Object.assign(new Error('read EIO'), { code: 'EIO' })) }) },
    });
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'toolhive-constructs: <stdin>: cannot read: EIO\n' });
  });

  test('fails with exit code 2 and one line when writing the report fails', async () => {
    let stderr = '';
    const code = await run(['validate', '-'], {
      stdout: { write: () => { throw new Error('stdout is closed'); } },
      stderr: { write: (s: string) => { stderr += s; } },
      stdin: Readable.from([mcpServer('fetch')]),
    });
    // the name only: an error's message could quote the input (docs/security.md)
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'toolhive-constructs: internal error: Error; please report it\n' });
  });

  test('reads a PATH that starts with - after --', async () => {
    const dir = tempTree({ '-odd.yaml': mcpServer('fetch') });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await cli(['validate', '--', '-odd.yaml'])).toEqual({ code: 0, stdout: '1 document, 0 errors, 0 warnings\n', stderr: '' });
    } finally {
      process.chdir(cwd);
    }
  });
});
