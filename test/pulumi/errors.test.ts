/**
 * How a failing program reports: one error per invalid object, on its component (the whole-program pass of
 * `validate()` does not repeat it); a short print; `collectViolations()` for tests; `strict`.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { inspect } from 'util';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { mockProgram } from './harness';
import * as toolhive from '../../src/pulumi';

const ROOT = path.join(__dirname, '..', '..');
const IMAGE = 'ghcr.io/stackloklabs/gofetch/server:1.0.1';
const TRANSPORT = 'MCPServer demo/fetch is invalid (2 errors):\n'
  + '  - spec.transport: Unsupported value: "websocket": supported values: "stdio", "streamable-http", "sse" (schema.enum)\n'
  // the API server skips CEL when the structural check failed, and says so
  + '  - <root>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation (cel.not-checked)';

interface Outcome {
  readonly errors: readonly { name?: string; message: string; urn?: string }[];
  readonly rejections: number;
}

function node(args: readonly string[]): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
}

function run(program: string): Outcome {
  const result = node(['test/pulumi/programs/run.ts', `test/pulumi/programs/${program}.ts`]);
  try {
    return JSON.parse(String(result.stdout)) as Outcome;
  } catch {
    throw new Error(`program ${program} printed no outcome: ${String(result.stderr)}`);
  }
}

const urn = (type: string, name: string): string => `urn:pulumi:programs::toolhive::toolhive:index:${type}::${name}`;

describe('one error per invalid object (namespace from a Namespace of the program: every value is an Output)', () => {
  test('fails one invalid MCPServer with exactly one distinct error, on its component', () => {
    const outcome = run('namespace-one-invalid');
    expect(outcome.errors.map(e => [e.name, e.urn, e.message])).toEqual([['ToolHiveValidationError', urn('McpServer', 'fetch'), TRANSPORT]]);
    // the rejections Pulumi raises for the failed registration all carry that one error
    expect(outcome.rejections).toBeGreaterThanOrEqual(1);
  });

  test('fails two invalid components with one error each, each on its own resource', () => {
    const outcome = run('namespace-two-invalid');
    expect(outcome.errors.map(e => [e.urn, e.message])).toEqual([
      [urn('McpServer', 'fetch'), TRANSPORT],
      [urn('McpRemoteProxy', 'docs'), 'MCPRemoteProxy demo/docs is invalid (1 error):\n'
        + '  - spec.proxyPort: Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1 (schema.minimum)'],
    ]);
  });

  test('fails an invalid object that also collides with its own error plus one whole-program error with only the collision', () => {
    const outcome = run('namespace-invalid-and-collision');
    const messages = outcome.errors.map(e => e.message);
    expect(messages).toHaveLength(2);
    expect(messages).toContain(TRANSPORT);
    const program = messages.find(m => m.startsWith('ToolHive validation failed'))!;
    expect(program.split('\n').map(l => l.replace(/: generated .*\((collision\.\w+)\)$/, ' $1'))).toEqual([
      'ToolHive validation failed (2 errors):',
      '  - MCPRemoteProxy demo/fetch metadata.name collision.deployment',
      '  - MCPRemoteProxy demo/fetch metadata.name collision.configmap',
    ]);
  });
});

describe('printing', () => {
  test('a plain Node process (no Pulumi language host) prints the first error in a few lines, not the resource graph', () => {
    const result = node(['test/pulumi/programs/plain-node.ts']);
    const stderr = String(result.stderr);
    expect(result.status).not.toBe(0);
    expect(stderr).toContain(TRANSPORT);
    expect(stderr).not.toContain('urn:pulumi');
    expect(stderr.trim().split('\n').length).toBeLessThanOrEqual(20);
  });

  test('util.inspect and the enumerable keys of the error show the message, never the resource', async () => {
    await mockProgram();
    let err: toolhive.ToolHiveValidationError | undefined;
    try {
      new toolhive.McpServer('fetch', { metadata: { namespace: 'demo' }, image: IMAGE, transport: 'websocket' as 'stdio' });
    } catch (e) {
      err = e as toolhive.ToolHiveValidationError;
    }
    expect(inspect(err)).toBe(`ToolHiveValidationError: ${TRANSPORT}`);
    expect(Object.keys(err!)).toEqual(['errors']);
    // still there for whoever needs it
    expect(pulumi.Resource.isInstance(err!.resource)).toBe(true);
    expect(err!.violations.map(v => v.rule)).toEqual(['schema.enum', 'cel.not-checked']);
  });
});

describe('collectViolations()', () => {
  let rejections = 0;
  const count = (): void => {
    rejections++;
  };
  beforeAll(() => process.on('unhandledRejection', count));
  afterAll(() => process.off('unhandledRejection', count));

  test('resolves with every violation of a program whose values are Outputs, and fails nothing', async () => {
    await mockProgram();
    rejections = 0;
    const violations = await toolhive.collectViolations(() => {
      const ns = new k8s.core.v1.Namespace('demo', { metadata: { name: 'demo' } });
      new toolhive.McpServer('fetch', { metadata: { namespace: ns }, image: IMAGE, transport: 'websocket' as 'stdio' });
      new toolhive.McpRemoteProxy('fetch', { metadata: { namespace: ns }, remoteUrl: 'https://mcp.docs.example.com/mcp', proxyPort: 0 });
      new toolhive.McpServer('stdio', { metadata: { namespace: ns }, image: IMAGE, transport: 'stdio', replicas: 2 });
    });
    expect(violations.map(v => `${v.severity} ${v.kind}/${v.name} ${v.rule}`)).toEqual([
      'error MCPServer/fetch schema.enum',
      'error MCPServer/fetch cel.not-checked',
      'error MCPRemoteProxy/fetch schema.minimum',
      'error MCPRemoteProxy/fetch collision.deployment',
      'error MCPRemoteProxy/fetch collision.configmap',
      'warning MCPServer/stdio operator.mcpserver.stdio-replicas',
      'warning MCPServer/stdio operator.session-storage.replicas',
    ]);
    await new Promise(r => setTimeout(r, 100));
    expect(rejections).toBe(0);
  });

  test('resolves with every violation of prompt values, without a throw', async () => {
    await mockProgram();
    const violations = await toolhive.collectViolations(() => {
      new toolhive.McpServer('a', { metadata: { namespace: 'demo' }, image: IMAGE, transport: 'websocket' as 'stdio' });
      new toolhive.McpServer('b', { metadata: { namespace: 'demo' }, image: IMAGE, proxyPort: 0 });
      toolhive.validate();
    });
    expect(violations.map(v => `${v.name} ${v.rule}`)).toEqual(['a schema.enum', 'a cel.not-checked', 'b schema.minimum']);
  });

  test('leaves the env bindings readable (the docs/pulumi.md recipe)', async () => {
    await mockProgram();
    let server!: toolhive.McpServer;
    const violations = await toolhive.collectViolations(() => {
      const key = new toolhive.ToolHiveSecret('fetch-api-key', { stringData: { 'api-key': 'k' } });
      server = new toolhive.McpServer('fetch', { image: IMAGE, secrets: [{ name: key, key: 'api-key', targetEnvName: 'FETCH_API_KEY' }] });
    });
    expect(violations).toEqual([]);
    const env = await new Promise<toolhive.WorkloadEnv>(resolve => server.envBindings.apply(resolve));
    expect(env.containers.find(c => c.name === 'mcp')?.env).toContainEqual(
      { name: 'FETCH_API_KEY', valueFrom: { secretKeyRef: { name: 'fetch-api-key', key: 'api-key' } } });
  });

  test('resolves with nothing for a valid program', async () => {
    await mockProgram();
    expect(await toolhive.collectViolations(() => new toolhive.McpServer('a', { metadata: { namespace: 'demo' }, image: IMAGE }))).toEqual([]);
  });

  test('fails when objects exist already', async () => {
    await mockProgram();
    new toolhive.McpGroup('g', { metadata: { namespace: 'demo' } });
    await expect(toolhive.collectViolations(() => undefined)).rejects.toThrow(
      'toolhive collectViolations() must run before any ToolHive object is created: call pulumi.runtime.setMocks first, then collectViolations(program)');
  });
});

describe('strict', () => {
  const stdioReplicas = { metadata: { namespace: 'demo' }, image: IMAGE, transport: 'stdio' as const, replicas: 2 };

  test('passes a warning by default', async () => {
    await mockProgram();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => new toolhive.McpServer('fetch', stdioReplicas)).not.toThrow();
  });

  test('fails a warning under configure({ strict: true }), on the component', async () => {
    await mockProgram();
    toolhive.configure({ strict: true });
    expect(() => new toolhive.McpServer('fetch', stdioReplicas)).toThrow(
      'MCPServer demo/fetch is invalid (2 errors):\n'
      + '  - spec.replicas: stdio transport requires exactly 1 replica; deployment will use 1 regardless of spec.replicas (operator.mcpserver.stdio-replicas)\n'
      + '  - spec.replicas: replicas > 1 but sessionStorage.provider is not redis; sessions are not shared across replicas (operator.session-storage.replicas)');
  });
});
