import * as path from 'path';
import { parse } from 'yaml';
import { cli, tempTree } from './helpers';

const EMBEDDING = `apiVersion: toolhive.stacklok.dev/v1beta1
kind: EmbeddingServer
metadata:
  name: embed
  namespace: team-a
spec:
  model: BAAI/bge-small-en-v1.5
  hfTokenSecretRef:
    name: hf-token
    key: token
  env:
    - name: TRUST_REMOTE_CODE
      value: "on"
    - name: UMASK
      value: "0755"
---
apiVersion: v1
kind: Secret
metadata:
  name: hf-token
  namespace: team-a
stringData:
  token: hf_fake-token-value-for-tests
`;

const GROUP_ONLY = 'apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPGroup\nmetadata: {name: tools, namespace: team-a}\n';

describe('env: formats', () => {
  test('prints YAML by default', async () => {
    const r = await cli(['env', '-'], GROUP_ONLY);
    expect(r).toEqual({ code: 0, stdout: 'workloads: []\n', stderr: '' });
  });

  test('prints JSON with --format json', async () => {
    const r = await cli(['env', '--format', 'json', '-'], GROUP_ONLY);
    expect(r).toEqual({ code: 0, stdout: '{\n  "workloads": []\n}\n', stderr: '' });
  });

  test('prints the same data in both formats, quoted so kubectl (YAML 1.1) reads strings back', async () => {
    const y = await cli(['env', '--format=yaml', '-'], EMBEDDING);
    const j = await cli(['env', '--format=json', '-'], EMBEDDING);
    expect([y.code, j.code]).toEqual([0, 0]);
    const data = JSON.parse(j.stdout);
    expect(data.workloads).toHaveLength(1);
    expect(parse(y.stdout, { version: '1.1' })).toEqual(data);
    // spec.env values that YAML 1.1 would read as a boolean and an octal number
    expect(y.stdout).toContain('value: "on"');
    expect(y.stdout).toContain('value: "0755"');
  });
});

describe('env: content', () => {
  test('lists the EmbeddingServer container with MODEL_ID first', async () => {
    const r = await cli(['env', '--format', 'json', '-'], EMBEDDING);
    expect(r.code).toBe(0);
    const { workloads } = JSON.parse(r.stdout);
    expect(workloads).toHaveLength(1);
    expect(workloads[0]).toMatchObject({ kind: 'EmbeddingServer', namespace: 'team-a', name: 'embed' });
    expect(workloads[0].containers.map((c: { name: string }) => c.name)).toEqual(['embedding']);
    expect(workloads[0].containers[0].env[0]).toEqual({ name: 'MODEL_ID', value: 'BAAI/bge-small-en-v1.5' });
  });

  test('never prints the value of a Secret it reads', async () => {
    for (const format of ['yaml', 'json']) {
      const r = await cli(['env', '--format', format, '-'], EMBEDDING);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('hf_fake-token-value-for-tests');
    }
  });
});

describe('env: errors', () => {
  test.each([
    [['env'], 'no PATH given: name files or directories, or - for standard input'],
    [['env', '--format', 'text', '-'], 'invalid --format "text": expected yaml or json'],
    [['env', '--external', 'Secret', '-'], 'invalid --external "Secret": expected Kind/name, Kind/namespace/name or Kind/*'],
    [['env', '--verbose', '-'], 'unknown option "--verbose"'],
  ])('rejects %j with exit code 2 and the env usage', async (argv, message) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`toolhive-constructs: ${message}\n\nUsage: toolhive-constructs env `)).toBe(true);
  });

  test('fails with exit code 2 on malformed YAML, naming the file and line', async () => {
    const dir = tempTree({ 'bad.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata: a: b\n' });
    const file = path.join(dir, 'bad.yaml');
    const r = await cli(['env', file]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `toolhive-constructs: ${file}:3:7: YAML syntax error in document 1: Nested mappings are not allowed in compact mappings\n` });
  });

  test('accepts --external and --assume-external like validate', async () => {
    const r = await cli(['env', '--external', 'MCPOIDCConfig/shared', '--assume-external', '-'], GROUP_ONLY);
    expect(r).toEqual({ code: 0, stdout: 'workloads: []\n', stderr: '' });
  });

  test('ignores documents that are not objects', async () => {
    const r = await cli(['env', '--format', 'json', '-'], '- a list\n---\nplain\n---\n' + GROUP_ONLY);
    expect(r).toEqual({ code: 0, stdout: '{\n  "workloads": []\n}\n', stderr: '' });
  });
});
