/**
 * The policy pack's stack policies, called directly as the policy SDK's own tests call them: resources with their
 * Pulumi types and props behind the SDK's unknown-checking proxy, a `reportViolation` that records.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { unknownCheckingProxy } from '@pulumi/policy';
import type { PolicyResource, StackValidationArgs } from '@pulumi/policy';
import { toolhivePolicies, validateStackResources, type ToolHivePolicyOptions } from '../../src/policy';

const ROOT = path.join(__dirname, '..', '..');
// the SDK's sentinel for an unknown object during preview (@pulumi/policy proxy.js unknownObjectValue)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownObjectValue, unknownStringValue } = require(path.join(ROOT, 'node_modules', '@pulumi', 'policy', 'proxy.js')) as {
  unknownObjectValue: string; unknownStringValue: string;
};

const urnOf = (type: string, name: string): string => `urn:pulumi:dev::app::${type}::${name}`;

export function resource(type: string, name: string, props: Record<string, unknown>): PolicyResource {
  return { type, name, urn: urnOf(type, name), props: unknownCheckingProxy(props) } as unknown as PolicyResource;
}

const server = (name: string, spec: Record<string, unknown>, namespace: string | null = 'demo') => resource('kubernetes:toolhive.stacklok.dev/v1beta1:MCPServer', name, {
  apiVersion: 'toolhive.stacklok.dev/v1beta1',
  kind: 'MCPServer',
  metadata: { name, ...(namespace !== null ? { namespace } : {}), uid: 'server-set' },
  spec: { image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', ...spec },
});
const secret = (name: string, data: unknown) => resource('kubernetes:core/v1:Secret', name, { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'demo' }, data });

interface Reported { policy: string; message: string; urn?: string }

/** Runs both policies over `resources` with `config`; returns what each reported. */
async function runPolicies(resources: PolicyResource[], config: Record<string, unknown> = {}, options?: ToolHivePolicyOptions): Promise<Reported[]> {
  const reported: Reported[] = [];
  for (const policy of toolhivePolicies(options)) {
    const args = { resources, getConfig: () => config, stackTags: new Map(), notApplicable: () => { throw new Error('not applicable'); } } as unknown as StackValidationArgs;
    await policy.validateStack(args, (message, urn) => reported.push({ policy: policy.name, message, urn }));
  }
  return reported;
}

describe('toolhivePolicies', () => {
  test('declares a mandatory and an advisory stack policy with the same config schema', () => {
    const [errors, warnings] = toolhivePolicies();
    expect([errors.name, errors.enforcementLevel, warnings.name, warnings.enforcementLevel]).toEqual(['toolhive-validation', 'mandatory', 'toolhive-warnings', 'advisory']);
    expect(Object.keys(errors.configSchema!.properties)).toEqual(['strict', 'external', 'defaultNamespace', 'operatorRelease']);
  });

  test('reports a raw ToolHive CustomResource the CRD rejects, on its URN', async () => {
    const reported = await runPolicies([server('fetch', { transport: 'websocket' })]);
    expect(reported).toEqual([{
      policy: 'toolhive-validation',
      urn: urnOf('kubernetes:toolhive.stacklok.dev/v1beta1:MCPServer', 'fetch'),
      message: 'MCPServer demo/fetch spec.transport: Unsupported value: "websocket": supported values: "stdio", "streamable-http", "sse" (schema.enum)',
    }, {
      policy: 'toolhive-validation',
      urn: urnOf('kubernetes:toolhive.stacklok.dev/v1beta1:MCPServer', 'fetch'),
      message: 'MCPServer demo/fetch <root>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation (cel.not-checked)',
    }]);
  });

  test('passes a valid stack, ignoring resources of other types', async () => {
    const other = resource('kubernetes:apps/v1:Deployment', 'web', { metadata: { name: 'web' }, spec: { replicas: 'not checked' } });
    expect(await runPolicies([server('fetch', { transport: 'stdio' }), other])).toEqual([]);
  });

  test('reads a Secret\'s key names only: a missing key is reported, its values never are', async () => {
    const reported = await runPolicies([
      secret('creds', { token: 'czNjcjN0LXRva2Vu', other: 'hunter2-value' }),
      server('fetch', { secrets: [{ name: 'creds', key: 'api-key', targetEnvName: 'API_KEY' }] }),
    ]);
    expect(reported.map(r => r.message)).toEqual([
      'MCPServer demo/fetch spec.secrets[0].key: Secret "creds" in namespace "demo" has no key "api-key"; its keys are "other", "token" (ref.secret-key-missing)',
    ]);
    expect(JSON.stringify(reported)).not.toMatch(/hunter2|czNjcjN0/);
  });

  test('reports warnings on the advisory policy, or under strict on the mandatory one only (config)', async () => {
    const stdio = server('fetch', { transport: 'stdio', replicas: 2 });
    const lax = await runPolicies([stdio]);
    expect(lax.map(r => `${r.policy} ${r.message.replace(/ spec\.replicas: .*\(/, ' spec.replicas (')}`)).toEqual([
      'toolhive-warnings warning: MCPServer demo/fetch spec.replicas (operator.mcpserver.stdio-replicas)',
      'toolhive-warnings warning: MCPServer demo/fetch spec.replicas (operator.session-storage.replicas)',
    ]);
    const strict = await runPolicies([stdio], { strict: true });
    expect(strict.filter(r => r.policy === 'toolhive-validation')).toHaveLength(2);
    // each warning once: the advisory policy does not repeat what the mandatory one fails on
    expect(strict.filter(r => r.policy === 'toolhive-warnings')).toEqual([]);
    // options given in the pack's code are the defaults the config overrides
    expect((await runPolicies([stdio], {}, { strict: true })).filter(r => r.policy === 'toolhive-validation')).toHaveLength(2);
    expect((await runPolicies([stdio], { strict: false }, { strict: true })).filter(r => r.policy === 'toolhive-validation')).toHaveLength(0);
  });

  test('declares external objects from the config', async () => {
    const ref = server('fetch', { groupRef: { name: 'shared' } });
    expect((await runPolicies([ref])).map(r => r.message)).toEqual([expect.stringContaining('(ref.missing)')]);
    expect(await runPolicies([ref], { external: ['MCPGroup/demo/shared'] })).toEqual([]);
  });

  test('uses the defaultNamespace of the config for objects that name none', async () => {
    const reported = await runPolicies([server('fetch', { transport: 'websocket' }, null)], { defaultNamespace: 'toolhive' });
    expect(reported[0].message).toMatch(/^MCPServer toolhive\/fetch spec\.transport/);
  });

  describe('unknown values during a preview', () => {
    test('skips only the resource holding one, which then counts as external; the others are still validated', async () => {
      const resources = [
        secret('creds', unknownObjectValue),
        server('fetch', { secrets: [{ name: 'creds', key: 'token', targetEnvName: 'TOKEN' }] }),
        server('bad', { transport: 'websocket' }),
        server('later', { image: unknownStringValue }),
      ];
      const result = validateStackResources(resources);
      expect(result.skipped).toEqual([
        urnOf('kubernetes:core/v1:Secret', 'creds'),
        urnOf('kubernetes:toolhive.stacklok.dev/v1beta1:MCPServer', 'later'),
      ]);
      expect(result.violations.map(v => `${v.name} ${v.rule}`)).toEqual(['bad schema.enum', 'bad cel.not-checked']);
      // no UnknownValueError reaches the SDK, so the policy keeps its enforcement level
      const reported = await runPolicies(resources);
      const bad = urnOf('kubernetes:toolhive.stacklok.dev/v1beta1:MCPServer', 'bad');
      expect(reported.map(r => [r.policy, r.urn])).toEqual([['toolhive-validation', bad], ['toolhive-validation', bad]]);
    });

    test('a resource whose name is unknown declares every object of its kind in its namespace', () => {
      const resources = [
        resource('kubernetes:core/v1:Secret', 'creds', { metadata: { name: unknownStringValue, namespace: 'demo' }, data: { token: 'x' } }),
        server('fetch', { secrets: [{ name: 'anything', key: 'token', targetEnvName: 'TOKEN' }] }),
      ];
      expect(validateStackResources(resources).violations).toEqual([]);
    });
  });

  test('loads neither cdk8s nor the Pulumi SDK', () => {
    const script = `require(${JSON.stringify(path.join(ROOT, 'lib', 'policy', 'index.js'))});
      const loaded = Object.keys(require.cache).filter(f => /node_modules[\\\\/](@pulumi|cdk8s|constructs)[\\\\/]/.test(f));
      process.stdout.write(JSON.stringify(loaded));`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
