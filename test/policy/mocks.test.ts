/**
 * A Pulumi program run under `pulumi.runtime.setMocks` (components, a raw CustomResource, a Kubernetes Secret),
 * whose registered resources are fed to the stack policy as the policy SDK would hand them over: type, URN,
 * props behind the unknown-checking proxy, secrets in plain text (the SDK unwraps them).
 */
import * as k8s from '@pulumi/kubernetes';
import { unknownCheckingProxy, type PolicyResource, type StackValidationArgs } from '@pulumi/policy';
import { toolhivePolicies } from '../../src/policy';
import * as toolhive from '../../src/pulumi';
import { isSecretInput, mockProgram, settle, type Registration } from '../pulumi/harness';

const IMAGE = 'ghcr.io/stackloklabs/gofetch/server:1.0.1';
const metadata = { namespace: 'demo' };

/** A deserialized input with Pulumi's secret wrappers replaced by their values, as the policy SDK delivers it. */
function plain(value: unknown): unknown {
  if (isSecretInput(value)) return plain((value as { value: unknown }).value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function asPolicyResources(regs: readonly Registration[]): PolicyResource[] {
  return regs.filter(r => r.custom)
    .map(r => ({ type: r.type, urn: r.urn, name: r.name, props: unknownCheckingProxy(plain(r.inputs) as object) }) as unknown as PolicyResource);
}

test('the stack policy validates the raw CustomResource of a program next to its components, with the Secrets\' keys', async () => {
  const regs = await mockProgram({ stack: 'policy' });
  const creds = new toolhive.ToolHiveSecret('creds', { metadata, stringData: { token: 'hunter2-token' } });
  const group = new toolhive.McpGroup('tools', { metadata });
  const fetch = new toolhive.McpServer('fetch', { metadata, image: IMAGE, groupRef: group, secrets: [{ name: creds, key: 'token', targetEnvName: 'TOKEN' }] });
  const raw = new k8s.apiextensions.CustomResource('raw', {
    apiVersion: 'toolhive.stacklok.dev/v1beta1',
    kind: 'MCPServer',
    metadata: { name: 'raw', namespace: 'demo' },
    spec: { image: IMAGE, transport: 'websocket', groupRef: { name: 'tools' }, secrets: [{ name: 'creds', key: 'api-key', targetEnvName: 'API_KEY' }] },
  });
  toolhive.validate();
  await settle(fetch.resource.urn, raw.urn, creds.secret.urn);

  const resources = asPolicyResources(regs);
  expect(resources.map(r => r.type).sort()).toEqual([
    'kubernetes:core/v1:Secret',
    'kubernetes:toolhive.stacklok.dev/v1beta1:MCPGroup',
    'kubernetes:toolhive.stacklok.dev/v1beta1:MCPServer',
    'kubernetes:toolhive.stacklok.dev/v1beta1:MCPServer',
  ]);
  const reported: { policy: string; message: string; urn?: string }[] = [];
  for (const policy of toolhivePolicies()) {
    const args = { resources, getConfig: () => ({}), stackTags: new Map(), notApplicable: () => undefined } as unknown as StackValidationArgs;
    await policy.validateStack(args, (message, urn) => reported.push({ policy: policy.name, message, urn }));
  }
  const rawUrn = 'urn:pulumi:policy::toolhive::kubernetes:toolhive.stacklok.dev/v1beta1:MCPServer::raw';
  expect(reported).toEqual([
    {
      policy: 'toolhive-validation',
      urn: rawUrn,
      message: 'MCPServer demo/raw spec.transport: Unsupported value: "websocket": supported values: "stdio", "streamable-http", "sse" (schema.enum)',
    },
    {
      policy: 'toolhive-validation',
      urn: rawUrn,
      message: 'MCPServer demo/raw <root>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation (cel.not-checked)',
    },
    {
      policy: 'toolhive-validation',
      urn: rawUrn,
      message: 'MCPServer demo/raw spec.secrets[0].key: Secret "creds" in namespace "demo" has no key "api-key"; its keys are "token" (ref.secret-key-missing)',
    },
  ]);
  expect(JSON.stringify(reported)).not.toContain('hunter2');
});
