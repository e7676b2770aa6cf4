import { JsonPatch, Testing } from 'cdk8s';
import * as kplus28 from 'cdk8s-plus-28';
import * as kplus33 from 'cdk8s-plus-33';
import { EmbeddingServer, McpExternalAuthConfig, McpRemoteProxy, McpServer, SecretKey } from '../../src';

const REQUIRED = [
  { name: 'XDG_CONFIG_HOME', value: '/tmp' },
  { name: 'HOME', value: '/tmp' },
  { name: 'TOOLHIVE_RUNTIME', value: 'kubernetes' },
  { name: 'UNSTRUCTURED_LOGS', value: 'false' },
];

describe('env bindings of workloads', () => {
  test('envVars lists the env the operator derives, per container', () => {
    const chart = Testing.chart();
    const emb = new EmbeddingServer(chart, 'emb', { model: 'BAAI/bge-small-en-v1.5', hfTokenSecretRef: SecretKey.external('hf', 'token') });
    expect(emb.envVars).toEqual({
      embedding: [
        { name: 'MODEL_ID', value: 'BAAI/bge-small-en-v1.5' },
        { name: 'HF_TOKEN', valueFrom: { secretKeyRef: { name: 'hf', key: 'token' } } },
      ],
    });
  });

  test('envVars follows references: a bearer token of the referenced MCPExternalAuthConfig', () => {
    const chart = Testing.chart();
    const auth = McpExternalAuthConfig.bearerToken(chart, 'bt', { tokenSecretRef: SecretKey.external('api-token', 'token') });
    const rp = new McpRemoteProxy(chart, 'rp', { remoteUrl: 'https://mcp.example.com/mcp', externalAuth: auth });
    expect(rp.envVars.toolhive).toEqual([
      { name: 'TOOLHIVE_SECRET_api-token', valueFrom: { secretKeyRef: { name: 'api-token', key: 'token' } } },
      ...REQUIRED,
      { name: 'TOOLHIVE_SECRETS_PROVIDER', value: 'environment' },
    ]);
  });

  test('envVars is computed from the manifests as synthesized (JSON patches applied)', () => {
    const chart = Testing.chart();
    const emb = new EmbeddingServer(chart, 'emb', { model: 'BAAI/bge-small-en-v1.5' });
    emb.apiObject.addJsonPatch(JsonPatch.replace('/spec/model', 'intfloat/e5-small-v2'));
    expect(emb.envVars.embedding).toEqual([{ name: 'MODEL_ID', value: 'intfloat/e5-small-v2' }]);
  });

  test.each([
    ['cdk8s-plus-28', kplus28],
    ['cdk8s-plus-33', kplus33],
  ] as const)('envValues builds %s EnvValues a container can use', (_line, kplus) => {
    const chart = Testing.chart();
    const server = new McpServer(chart, 'srv', {
      image: 'ghcr.io/x/y:1',
      metadata: { name: 'osv' },
      sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: SecretKey.external('redis', 'password') },
    });
    const values = server.envValues(kplus);
    new kplus.Deployment(chart, 'sidecar', { containers: [{ image: 'busybox:1.36', envVariables: values, securityContext: { ensureNonRoot: false } }] });
    const deployment = Testing.synth(chart).find((o: any) => o.kind === 'Deployment');
    const env = deployment.spec.template.spec.containers[0].env;
    const byName = Object.fromEntries(env.map((e: any) => [e.name, e]));
    expect(byName.THV_SESSION_REDIS_PASSWORD).toEqual({ name: 'THV_SESSION_REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: 'redis', key: 'password' } } });
    expect(byName.THV_MCPSERVER_GENERATION).toEqual({
      name: 'THV_MCPSERVER_GENERATION',
      valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['toolhive.stacklok.dev/mcpserver-generation']" } },
    });
    expect(byName.HOME).toEqual({ name: 'HOME', value: '/tmp' });
    expect(Object.keys(byName).sort()).toEqual(server.envVars.toolhive.map(e => e.name).sort());
  });

  test('rejects envValues for a container the workload does not have', () => {
    const emb = new EmbeddingServer(Testing.chart(), 'emb', { metadata: { name: 'emb' } });
    expect(() => emb.envValues(kplus33, 'toolhive')).toThrow('EmbeddingServer "emb" has no container "toolhive" with env; containers: embedding');
  });
});
