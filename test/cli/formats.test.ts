/**
 * `validate` output for CI systems (SARIF, JUnit XML), `--strict`, `.json` manifests, `file#document` references
 * and input problems reported inside the chosen format.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { cli, mcpServer, REPO_ROOT, tempTree } from './helpers';
import { parseCommandArgs } from '../../src/cli/args';

const ENUM_MESSAGE = 'Unsupported value: "grpc": supported values: "stdio", "streamable-http", "sse"';
// a non-blocking schema error: the API server still runs CEL and reports it alone
const MIN_MESSAGE = 'Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1';
const NOT_CHECKED = '<root>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation [cel.not-checked]';
const REJECTED = 'examples/manifests/rejected';
const deprecated = (name: string) => mcpServer(name).replace('toolhive.stacklok.dev/v1beta1', 'toolhive.stacklok.dev/v1alpha1');

describe('argument parsing', () => {
  test('is node:util parseArgs, not a hand-written loop', () => {
    const src = fs.readFileSync(path.join(REPO_ROOT, 'src', 'cli', 'args.ts'), 'utf8');
    expect(src).toMatch(/import \{[^}]*\bparseArgs\b[^}]*\} from '(node:)?util'/);
    expect(src).not.toMatch(/for \(let i = 0; i < argv\.length/);
  });

  test('reads every option of a command, in both spellings, and keeps paths in order', () => {
    const spec = { name: 'validate', formats: ['text', 'json'], options: ['format', 'external', 'assume-external', 'strict'] as const };
    expect(parseCommandArgs(spec, ['a.yaml', '--format=json', '--external', 'Secret/x', '--external=Secret/y', '--strict', '--assume-external', '-', '--', '--b.yaml'])).toMatchObject({
      format: 'json', external: ['Secret/x', 'Secret/y'], assumeExternal: true, strict: true, help: false, paths: ['a.yaml', '-', '--b.yaml'],
    });
    expect(() => parseCommandArgs({ ...spec, options: ['format'] }, ['--strict', 'a.yaml'])).toThrow('unknown option "--strict"');
    expect(() => parseCommandArgs(spec, ['-hx', 'a.yaml'])).toThrow('unknown option "-x"');
    expect(() => parseCommandArgs(spec, ['--strict=yes', 'a.yaml'])).toThrow('option --strict takes no value, got "--strict=yes"');
  });

  test('env does not take --strict', async () => {
    const r = await cli(['env', '--strict', '-'], mcpServer('a'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^toolhive-constructs: unknown option "--strict"\n\nUsage: toolhive-constructs env /);
  });
});

describe('--strict', () => {
  test('makes a warning fail the run (exit 1); without it the warning passes (exit 0)', async () => {
    const relaxed = await cli(['validate', '-'], deprecated('old'));
    const strict = await cli(['validate', '--strict', '-'], deprecated('old'));
    expect(relaxed.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(relaxed.stdout);
    expect(strict.stdout).toContain('[identity.deprecated-version]');
  });

  test('changes nothing for a clean set', async () => {
    expect((await cli(['validate', '--strict', '-'], mcpServer('ok'))).code).toBe(0);
  });
});

describe('document references', () => {
  test('are FILE#DOC, not FILE:DOC (which reads as a line number)', async () => {
    const dir = tempTree({ 'two.yaml': mcpServer('ok') + '---\n' + mcpServer('bad', '  proxyPort: 0') });
    const file = path.join(dir, 'two.yaml');
    const r = await cli(['validate', file]);
    expect(r.stdout).toBe(`${file}#2 MCPServer/team-a/bad spec.proxyPort: ${MIN_MESSAGE} [schema.minimum]\n2 documents, 1 error, 0 warnings\n`);
  });

  test('a duplicate object names both files', async () => {
    const dir = tempTree({ 'a.yaml': mcpServer('fetch'), 'b/c.yaml': mcpServer('fetch', '  transport: sse') });
    const r = await cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${path.join(dir, 'b', 'c.yaml')}#1 MCPServer/team-a/fetch metadata.name: MCPServer "fetch" in namespace "team-a" is ` +
      `defined more than once with different content (${path.join(dir, 'a.yaml')}#1 and ${path.join(dir, 'b', 'c.yaml')}#1);`);
  });
});

describe('.json manifests', () => {
  const json = JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPServer', metadata: { name: 'ok', namespace: 'a' }, spec: { image: 'r.example.com/x:1' } },
      { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPServer', metadata: { name: 'bad', namespace: 'a' }, spec: { image: 'r.example.com/x:1', proxyPort: 0 } },
    ],
  }, null, '\t');

  test('are read as JSON (kubectl get -o json), named or found in a directory, with lines', async () => {
    const dir = tempTree({ 'list.json': json, 'notes.txt': '{' });
    const file = path.join(dir, 'list.json');
    for (const arg of [file, dir]) {
      const r = await cli(['validate', '--format', 'json', arg]);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout);
      expect(out.summary).toEqual({ documents: 2, errors: 1, warnings: 0, problems: 0 });
      expect(out.violations.map((v: { file: string; document: number; line: number; rule: string }) => [v.file, v.document, v.line, v.rule]))
        .toEqual([[file, 1, 16, 'schema.minimum']]);
    }
  });

  test('keep JSON strings as strings ("on", "0755")', async () => {
    const cm = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'a' }, data: { a: 'on', b: '0755' } });
    const dir = tempTree({ 'cm.json': cm });
    expect(await cli(['validate', path.join(dir, 'cm.json')])).toEqual({ code: 0, stdout: '1 document, 0 errors, 0 warnings\n', stderr: '' });
  });

  test('fail with a JSON syntax error naming file, line and column', async () => {
    const dir = tempTree({ 'broken.json': '{"kind": "ConfigMap",\n "data": {"a": 0755}}\n' });
    const file = path.join(dir, 'broken.json');
    const r = await cli(['validate', file]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `toolhive-constructs: ${file}:2:16: JSON syntax error in document 1: unresolved plain scalar\n` });
  });
});

describe('input problems in the chosen format', () => {
  const broken = () => {
    const dir = tempTree({ 'broken.yaml': 'a: [\n' });
    return path.join(dir, 'broken.yaml');
  };

  test('JSON: on stdout as problems (and on stderr as text), exit 2', async () => {
    const file = broken();
    const r = await cli(['validate', '--format', 'json', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^toolhive-constructs: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:1: YAML syntax error in document 1: `));
    const out = JSON.parse(r.stdout);
    expect(out.violations).toEqual([]);
    expect(out.problems).toEqual([{ severity: 'error', rule: 'input.syntax', message: expect.stringMatching(/^YAML syntax error in document 1: /), file, line: 2, column: 1 }]);
    expect(out.summary).toEqual({ documents: 0, errors: 0, warnings: 0, problems: 1 });
  });

  test('JSON: an unreadable file is reported on stderr and skipped, the rest is checked; exit 2', async () => {
    const dir = tempTree({ 'ok.yaml': mcpServer('ok') });
    const missing = path.join(dir, 'nope.yaml');
    const r = await cli(['validate', '--format', 'json', missing, path.join(dir, 'ok.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`toolhive-constructs: ${missing}: cannot read: no such file or directory\n`);
    expect(JSON.parse(r.stdout).summary).toEqual({ documents: 1, errors: 0, warnings: 0, problems: 0 });
  });

  test('env --format json: {"workloads":[],"problems":[...]} on stdout, exit 2', async () => {
    const file = broken();
    const r = await cli(['env', '--format', 'json', file]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ workloads: [], problems: [expect.objectContaining({ rule: 'input.syntax', file, line: 2, column: 1 })] });
    expect((await cli(['env', file])).stdout).toBe('');
  });

  test('SARIF: a result with the rule id, the file and the position', async () => {
    const file = broken();
    const r = await cli(['validate', '--format', 'sarif', file]);
    expect(r.code).toBe(2);
    const [result] = JSON.parse(r.stdout).runs[0].results;
    expect(result).toMatchObject({
      level: 'error',
      ruleId: 'input.syntax',
      locations: [{ physicalLocation: { artifactLocation: { uri: pathToFileURL(file).href }, region: { startLine: 2, startColumn: 1 } } }],
    });
  });

  test('JUnit: a test case with an error of the rule\'s type', async () => {
    const file = broken();
    const r = await cli(['validate', '--format', 'junit', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/<testsuites name="toolhive-constructs validate" tests="1" failures="0" errors="1" skipped="0">/);
    expect(r.stdout).toMatch(/<error message="[^"]*broken\.yaml:2:1: YAML syntax error in document 1: [^"]*" type="input\.syntax"\/>/);
  });
});

describe('SARIF', () => {
  test('is SARIF 2.1.0 with the tool, one rule per id and one result per violation, with file, line and rule id', async () => {
    const r = await cli(['validate', '--format', 'sarif', REJECTED]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const sarif = JSON.parse(r.stdout);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'toolhive-constructs', version: pkg.version, informationUri: pkg.homepage });
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(['schema.unknown-field', 'schema.pattern', expect.stringMatching(/^cel\.MCPServer\.spec#/)]));
    expect(run.results).toHaveLength(6);
    expect(run.results[0]).toEqual({
      level: 'error',
      message: { text: 'MCPExternalAuthConfig/toolhive-demo/snake-case-exchange spec.tokenExchange.client_id: unknown field "spec.tokenExchange.client_id"' },
      ruleId: 'schema.unknown-field',
      ruleIndex: ids.indexOf('schema.unknown-field'),
      locations: [{ physicalLocation: { artifactLocation: { uri: 'examples/manifests/rejected/classic-mistakes.yaml', index: 0 }, region: { startLine: 8, startColumn: 1, endLine: 8, endColumn: 1 } } }],
      properties: { kind: 'MCPExternalAuthConfig', namespace: 'toolhive-demo', name: 'snake-case-exchange', path: 'spec.tokenExchange.client_id', document: 1 },
    });
    // deterministic
    expect((await cli(['validate', '--format', 'sarif', REJECTED])).stdout).toBe(r.stdout);
  });

  test('keeps warnings at level warning, exits 0 without --strict and 1 with it', async () => {
    const relaxed = await cli(['validate', '--format', 'sarif', '-'], deprecated('old'));
    const strict = await cli(['validate', '--format', 'sarif', '--strict', '-'], deprecated('old'));
    expect([relaxed.code, strict.code]).toEqual([0, 1]);
    const [result] = JSON.parse(relaxed.stdout).runs[0].results;
    expect(result).toMatchObject({ level: 'warning', ruleId: 'identity.deprecated-version' });
    // standard input has no file to point at
    expect(result.locations).toBeUndefined();
  });

  test('never contains a Secret value', async () => {
    const r = await cli(['validate', '--format', 'sarif', REJECTED]);
    expect(r.stdout).not.toContain('fake-backend-api-key-do-not-use');
  });
});

describe('JUnit XML', () => {
  test('one suite per file, one case per object; failures carry the first rule id and every violation with its rule', async () => {
    const dir = tempTree({ 'a.yaml': mcpServer('ok') + '---\n' + mcpServer('bad', '  transport: grpc\n  proxyPort: 70000'), 'b.yaml': deprecated('old') });
    const a = path.join(dir, 'a.yaml');
    const b = path.join(dir, 'b.yaml');
    const r = await cli(['validate', '--format', 'junit', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="toolhive-constructs validate" tests="3" failures="1" errors="0" skipped="0">
  <testsuite name="${a}" tests="2" failures="1" errors="0" skipped="0">
    <testcase classname="${a}" name="${a}#1 MCPServer/team-a/ok" file="${a}">
      <properties>
        <property name="document" value="1"/>
        <property name="line" value="1"/>
      </properties>
    </testcase>
    <testcase classname="${a}" name="${a}#2 MCPServer/team-a/bad" file="${a}">
      <properties>
        <property name="document" value="2"/>
        <property name="line" value="9"/>
      </properties>
      <failure message="spec.transport: ${ENUM_MESSAGE.replace(/"/g, '&quot;')} (and 2 more)" type="schema.enum"><![CDATA[MCPServer/team-a/bad spec.transport: ${ENUM_MESSAGE} [schema.enum]
MCPServer/team-a/bad spec.proxyPort: Invalid value: 70000: spec.proxyPort in body should be less than or equal to 65535 [schema.maximum]
MCPServer/team-a/bad ${NOT_CHECKED}]]></failure>
    </testcase>
  </testsuite>
  <testsuite name="${b}" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="${b}" name="${b}#1 MCPServer/team-a/old" file="${b}">
      <properties>
        <property name="document" value="1"/>
        <property name="line" value="1"/>
      </properties>
      <system-out><![CDATA[warning: MCPServer/team-a/old apiVersion: toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1 [identity.deprecated-version]]]></system-out>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  test('with --strict a warning is a failure', async () => {
    const r = await cli(['validate', '--format', 'junit', '--strict', '-'], deprecated('old'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/<failure message="apiVersion: toolhive\.stacklok\.dev\/v1alpha1 is deprecated; use v1beta1" type="identity\.deprecated-version">/);
  });

  test('stays well-formed with XML-hostile values (]]>, control characters)', async () => {
    const r = await cli(['validate', '--format', 'junit', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a]]>\\u0001b"\n');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('\u0001');
    // the one CDATA section holds the whole violation: its ]]> was split
    const cdata = r.stdout.split('<![CDATA[');
    expect(cdata).toHaveLength(2);
    expect(cdata[1].slice(0, cdata[1].indexOf(']]>'))).toMatch(/^ConfigMap\/default\/a\]\] >\uFFFDb metadata\.name: .* \[metadata\.name\]$/);
  });
});

describe('messages show values as JSON, never in Go syntax', () => {
  test('a duplicate list-map key and conflicting finalizers', async () => {
    const yaml = mcpServer('dup', '  env:\n  - name: FOO\n    value: a\n  - name: FOO\n    value: b')
      .replace('  namespace: team-a\n', '  namespace: team-a\n  finalizers: [orphan, foregroundDeletion]\n');
    const r = await cli(['validate', '-'], yaml);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('MCPServer/team-a/dup spec.env[1]: Duplicate value: {"name":"FOO"} [schema.duplicate]');
    expect(r.stdout).toContain('MCPServer/team-a/dup metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set');
    expect(r.stdout).not.toMatch(/map\[string\]|interface \{\}|\[\]string\{/);
  });
});
