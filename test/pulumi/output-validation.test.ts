/**
 * Values only known later (Outputs) are validated inside `apply`; the program then fails the way Pulumi fails a
 * program: with one error on the offending resource. Each program runs in its own process under Pulumi's mock
 * runtime (test/pulumi/programs/run.ts), because that failure surfaces as an unhandled rejection, which the
 * Pulumi runtime reports and jest would count against the test.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

interface Outcome {
  readonly registered: readonly { type: string; name: string }[];
  readonly errors: readonly {
    name?: string;
    message: string;
    resourceError?: boolean;
    urn?: string;
    errors?: readonly { propertyPath: string; reason: string }[];
  }[];
}

const ROOT = path.join(__dirname, '..', '..');

function run(program: string): Outcome {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'test/pulumi/programs/run.ts', `test/pulumi/programs/${program}.ts`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  // The exit status is not the signal: Pulumi's leak detector sets 1 for the failed resources' pending Outputs.
  try {
    return JSON.parse(result.stdout) as Outcome;
  } catch {
    throw new Error(`program ${program} printed no outcome: ${result.stderr}`);
  }
}

const urn = (type: string, name: string): string => `urn:pulumi:programs::toolhive::toolhive:index:${type}::${name}`;

describe('Output values', () => {
  test('fails an MCPServer whose Outputs resolve to values the CRD rejects, with every violation and its path', () => {
    const outcome = run('output-enum');
    expect(outcome.errors).toEqual([{
      name: 'ToolHiveValidationError',
      resourceError: true,
      urn: urn('McpServer', 'fetch'),
      message: [
        'MCPServer demo/fetch is invalid (3 errors):',
        '  - spec.proxyPort: Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1 (schema.minimum)',
        '  - spec.transport: Unsupported value: "websocket": supported values: "stdio", "streamable-http", "sse" (schema.enum)',
        '  - <root>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation (cel.not-checked)',
      ].join('\n'),
      violations: expect.any(Array),
      errors: [
        { propertyPath: 'spec.proxyPort', reason: 'Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1' },
        { propertyPath: 'spec.transport', reason: 'Unsupported value: "websocket": supported values: "stdio", "streamable-http", "sse"' },
        { propertyPath: '<root>', reason: 'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation' },
      ],
    }]);
    // the invalid custom resource never reaches the engine; the valid one does
    expect(outcome.registered.map(r => `${r.type} ${r.name}`)).toEqual([
      'toolhive:index:McpGroup tools',
      'toolhive:index:McpServer fetch',
      'kubernetes:toolhive.stacklok.dev/v1beta1:MCPGroup tools',
    ]);
  });

  test('fails a reference to a key a Secret of the program does not have, once the Secret\'s keys are known', () => {
    const outcome = run('output-secret-key');
    expect(outcome.errors.map(e => [e.urn, e.message])).toEqual([[
      urn('McpOidcConfig', 'oidc'),
      'MCPOIDCConfig demo/oidc is invalid (1 error):\n'
        + '  - spec.inline.clientSecretRef.key: MCPOIDCConfig OIDC client secret secret demo/api-token is missing key "token"; its keys are "api-key" (ref.secret-key-missing)',
    ]]);
    expect(outcome.registered.map(r => r.type)).not.toContain('kubernetes:toolhive.stacklok.dev/v1beta1:MCPOIDCConfig');
    // the Secret's value is never part of a message
    expect(JSON.stringify(outcome)).not.toContain('not-the-token');
  });

  test('fails validate() on a name collision between objects whose namespace is an Output, on the second object', () => {
    const outcome = run('output-collision');
    expect(outcome.errors.map(e => [e.urn, e.message])).toEqual([[
      urn('McpRemoteProxy', 'fetch'),
      [
        'ToolHive validation failed (2 errors):',
        '  - MCPRemoteProxy demo/fetch metadata.name: generated Deployment "fetch" collides: MCPServer "fetch" and MCPRemoteProxy "fetch" in namespace "demo" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them (collision.deployment)',
        '  - MCPRemoteProxy demo/fetch metadata.name: generated ConfigMap "fetch-runconfig" collides: MCPServer "fetch" and MCPRemoteProxy "fetch" in namespace "demo" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them (collision.configmap)',
      ].join('\n'),
    ]]);
  });
});
