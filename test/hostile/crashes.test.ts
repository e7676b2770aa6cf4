/**
 * Class 7 (crashes and silent passes): recursive aliases, cyclic and deep objects, invalid UTF-8, NUL bytes,
 * binary files and control characters end in a usage error (exit 2) or a violation (exit 1) naming the file and
 * document, never in a stack trace, an "internal error" or exit 0. The library API throws only on misuse of its
 * arguments (documented in docs/security.md); data never makes it throw.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as pulumi from '@pulumi/pulumi';
import { Chart, Testing } from 'cdk8s';
import { cli, server, spawnCli, tempDir } from './helpers';
import { McpServer } from '../../src';
import * as toolhive from '../../src/pulumi';
import { validateManifests } from '../../src/validation';
import { mockProgram } from '../pulumi/harness';

const NOT_JSON = 'pass plain data, e.g. the result of JSON.parse';

describe('YAML that cannot become JSON', () => {
  test.each(['validate', 'env'])('%s fails a recursive alias with exit 2, naming file and document', async command => {
    const r = await cli([command, '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\na: &a\n  b: *a\n');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'toolhive-constructs: <stdin>:6: YAML error in document 2: an alias refers to a node that contains it (a recursive alias)\n' });
  });

  test('fails a document nested 100,000 levels deep with exit 2 (binary: no stack trace)', () => {
    const r = spawnCli(['validate', '-'], { input: `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^toolhive-constructs: <stdin>:1:\d+: YAML syntax error in document 1: the document nests too deeply to be read$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('bytes that are not YAML text', () => {
  function file(name: string, bytes: Buffer): string {
    const f = path.join(tempDir(), name);
    fs.writeFileSync(f, bytes);
    return f;
  }

  test('fails invalid UTF-8 with exit 2, naming the file and offset', async () => {
    const f = file('latin1.yaml', Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(await cli(['validate', f])).toEqual({ code: 2, stdout: '', stderr: `toolhive-constructs: ${f}: not UTF-8 text (an invalid byte sequence at offset 52); save the file as UTF-8\n` });
  });

  test('fails a NUL byte with exit 2', async () => {
    const f = file('nul.yaml', Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\x00\n'));
    expect(await cli(['validate', f])).toEqual({ code: 2, stdout: '', stderr: `toolhive-constructs: ${f}: binary file (a NUL byte at offset 50), not YAML text\n` });
  });

  test('fails a binary file with exit 2, not 1 (binary)', () => {
    const f = file('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    expect(spawnCli(['validate', f])).toEqual({ code: 2, stdout: '', stderr: `toolhive-constructs: ${f}: binary file (a NUL byte at offset 8), not YAML text\n` });
  });

  test('fails a control character with exit 2, naming line, column and document', async () => {
    const r = await cli(['validate', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\nx: "a\x1b[2Jb"\n');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'toolhive-constructs: <stdin>:6:6: YAML syntax error in document 2: control character U+001B is not allowed in YAML; write it as an escape in a double-quoted string\n' });
  });

  test('passes the same text without the bad byte', async () => {
    expect((await cli(['validate', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cafe\n')).code).toBe(0);
  });
});

describe('validateManifests never throws on data', () => {
  test('fails a cyclic object with a violation instead of a RangeError', () => {
    const o = server('s', { resourceOverrides: { proxyDeployment: {} } }) as { spec: { resourceOverrides: { proxyDeployment: Record<string, unknown> } } };
    o.spec.resourceOverrides.proxyDeployment.self = o.spec;
    expect(validateManifests([o]).map(v => `${v.rule}: ${v.message}`)).toEqual([
      `identity.not-json: object is not JSON data: spec.resourceOverrides.proxyDeployment.self refers back to one of its parents (a cycle); ${NOT_JSON}`,
    ]);
  });

  test('fails an object nested deeper than 1,000 levels, and one holding a bigint or a function', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 50_000; i++) deep = (deep.a = {}) as Record<string, unknown>;
    const found = validateManifests([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'deep' }, data: root },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { n: 1n } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fn' }, data: { f: () => 1 } },
    ]);
    expect(found.map(v => `${v.name}: ${v.message}`)).toEqual([
      `deep: object is not JSON data: data.a.a.a.a.a.a.a... nests more than 1000 levels deep; ${NOT_JSON}`,
      `big: object is not JSON data: data.n is a bigint; ${NOT_JSON}`,
      `fn: object is not JSON data: data.f is a function; ${NOT_JSON}`,
    ]);
  });

  test('fails an object whose property getter throws with an engine.internal-error violation, not an exception', () => {
    const o = server('s') as Record<string, unknown>;
    Object.defineProperty(o.spec as object, 'image', { enumerable: true, get: () => { throw new Error('boom'); } });
    const found = validateManifests([o, server('ok')]);
    expect(found.map(v => `${v.name} ${v.rule}: ${v.message}`)).toEqual([
      's engine.internal-error: the admission layer failed on this input (Error); this is a bug in toolhive-constructs: please report it with the object',
    ]);
  });

  test('throws a TypeError on misuse of its arguments only (documented)', () => {
    expect(() => validateManifests({} as unknown as unknown[])).toThrow('validateManifests expects an array of Kubernetes objects, got an object');
    expect(() => validateManifests([], { external: [5 as unknown as string] })).toThrow(new TypeError('validateManifests option external must be an array of strings such as \'Secret/github-token\''));
    expect(() => validateManifests([], { external: ['Secret'] })).toThrow('validateManifests option external has "Secret": expected Kind/name, Kind/namespace/name or Kind/*');
  });

  test.each([null, undefined, 0, 'x', [], [[]], { kind: {} }, { kind: 'MCPServer', apiVersion: 5 }])('never throws on the document %p', doc => {
    expect(() => validateManifests([doc])).not.toThrow();
    expect(validateManifests([doc]).some(v => v.severity === 'error')).toBe(true);
  });
});

describe('front ends', () => {
  test('a cdk8s construct given a cyclic prop fails with a clear TypeError (props are code), not a stack overflow', () => {
    const chart = new Chart(Testing.app(), 'c');
    const cyclic: Record<string, unknown> = { proxyDeployment: {} };
    (cyclic.proxyDeployment as Record<string, unknown>).self = cyclic;
    expect(() => new McpServer(chart, 's', { image: 'i', resourceOverrides: cyclic })).toThrow(
      new TypeError('props must be plain data, but resourceOverrides.proxyDeployment.self refers back to one of its parents (a cycle)'));
  });

  test('a Pulumi component given a cyclic prop fails with a clear error on the component, not a stack overflow', async () => {
    await mockProgram();
    const cyclic: Record<string, unknown> = { proxyDeployment: {} };
    (cyclic.proxyDeployment as Record<string, unknown>).self = cyclic;
    expect(() => new toolhive.McpServer('s', { metadata: { namespace: 'team' }, image: 'i', resourceOverrides: cyclic as unknown as pulumi.Input<never> })).toThrow(
      'spec.resourceOverrides.proxyDeployment.self: props must be plain data, but this value refers back to one of its parents (a cycle)');
  });
});
