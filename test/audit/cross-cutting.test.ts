/**
 * Audit of the cross-cutting rules: duplicate names the API server rejects are reported once (by admission),
 * duplicates only Go rejects are reported by their operator rule, and env-name clashes the operator misses are caught.
 */
import { errors, secret, th, warnings } from './helpers';
import type { KubeObject } from '../../src/validation';

const S = secret('s', { k: 'v', j: 'w' });
const G = th('MCPGroup', 'g', {});
const lines = (objects: readonly KubeObject[]) => errors(objects).map(e => `${e.kind}/${e.name} ${e.path} [${e.rule}] ${e.message}`);
const dupValue = (key: string, v: string) => `Duplicate value: map[string]interface {}{"${key}":"${v}"}`;

describe('duplicate names the API server rejects, each reported once', () => {
  test.each<[string, KubeObject[], string]>([
    ['MCPServer env names', [th('MCPServer', 'a', { image: 'x', env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] })],
      `MCPServer/a spec.env[1] [schema.duplicate] ${dupValue('name', 'A')}`],
    ['MCPServer volumes', [th('MCPServer', 'a', { image: 'x', volumes: [{ name: 'v', hostPath: '/a', mountPath: '/b' }, { name: 'v', hostPath: '/c', mountPath: '/d' }] })],
      `MCPServer/a spec.volumes[1] [schema.duplicate] ${dupValue('name', 'v')}`],
    ['MCPServer rate-limit tool names', [th('MCPServer', 'a', {
      image: 'x',
      sessionStorage: { provider: 'redis', address: 'redis:6379' },
      rateLimiting: { tools: [{ name: 't', shared: { maxTokens: 1, refillPeriod: '1s' } }, { name: 't', shared: { maxTokens: 2, refillPeriod: '1s' } }] },
    })], `MCPServer/a spec.rateLimiting.tools[1] [schema.duplicate] ${dupValue('name', 't')}`],
    ['vMCP rate-limit tool names', [G, th('VirtualMCPServer', 'gw', {
      groupRef: { name: 'g' },
      incomingAuth: { type: 'anonymous' },
      sessionStorage: { provider: 'redis', address: 'redis:6379' },
      config: { rateLimiting: { tools: [{ name: 't', shared: { maxTokens: 1, refillPeriod: '1s' } }, { name: 't', shared: { maxTokens: 2, refillPeriod: '1s' } }] } },
    })], `VirtualMCPServer/gw spec.config.rateLimiting.tools[1] [schema.duplicate] ${dupValue('name', 't')}`],
    ['sensitive header names', [S, th('MCPTelemetryConfig', 'o', {
      openTelemetry: { endpoint: 'e:4317', tracing: { enabled: true }, sensitiveHeaders: [{ name: 'h', secretKeyRef: { name: 's', key: 'k' } }, { name: 'h', secretKeyRef: { name: 's', key: 'j' } }] },
    })], `MCPTelemetryConfig/o spec.openTelemetry.sensitiveHeaders[1] [schema.duplicate] ${dupValue('name', 'h')}`],
    ['header-from-secret names', [S, th('MCPRemoteProxy', 'r', {
      remoteUrl: 'https://r.example.com',
      headerForward: { addHeadersFromSecret: [{ headerName: 'X-A', valueSecretRef: { name: 's', key: 'k' } }, { headerName: 'X-A', valueSecretRef: { name: 's', key: 'j' } }] },
    })], `MCPRemoteProxy/r spec.headerForward.addHeadersFromSecret[1] [schema.duplicate] ${dupValue('headerName', 'X-A')}`],
    ['toolsFilter entries', [th('MCPToolConfig', 't', { toolsFilter: ['a', 'a'] })], 'MCPToolConfig/t spec.toolsFilter[1] [schema.duplicate] Duplicate value: "a"'],
    // the collision layer used to report these a second time as collision.env-user (fixed by the audit)
    ['proxy env override names', [th('MCPServer', 'a', { image: 'x', resourceOverrides: { proxyDeployment: { env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] } } })],
      `MCPServer/a spec.resourceOverrides.proxyDeployment.env[1] [schema.duplicate] ${dupValue('name', 'A')}`],
    ['EmbeddingServer env names', [th('EmbeddingServer', 'e', { model: 'm', env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] })],
      `EmbeddingServer/e spec.env[1] [schema.duplicate] ${dupValue('name', 'A')}`],
  ])('rejects repeated %s once', (_title, objects, want) => {
    expect(lines(objects)).toEqual([want]);
  });

  // accepted by the operator with one value silently dropped: warnings (see docs/rules.md)
  test('warns on a proxy env override that repeats an operator env var, as a clash (the schema cannot see it)', () => {
    const set = [th('MCPServer', 'a', { image: 'x', resourceOverrides: { proxyDeployment: { env: [{ name: 'THV_MCPSERVER_GENERATION', value: '1' }] } } })];
    expect(errors(set)).toEqual([]);
    expect(warnings(set).map(e => e.rule)).toEqual(['collision.env-user']);
  });

  test('warns on two podTemplateSpec env entries of one name in container mcp (not schema-checked), as a clash', () => {
    const set = [th('MCPServer', 'a', { image: 'x', podTemplateSpec: { spec: { containers: [{ name: 'mcp', env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] }] } } })];
    expect(errors(set)).toEqual([]);
    expect(warnings(set).map(e => `${e.path} [${e.rule}]`)).toEqual(['spec.podTemplateSpec.spec.containers[0].env[1] [collision.env-user]']);
  });

  test('rejects header names differing only in case: distinct for the API server, one env var for the operator', () => {
    const set = [S, th('MCPRemoteProxy', 'r', {
      remoteUrl: 'https://r.example.com',
      headerForward: { addHeadersFromSecret: [{ headerName: 'X-A', valueSecretRef: { name: 's', key: 'k' } }, { headerName: 'x-a', valueSecretRef: { name: 's', key: 'j' } }] },
    })];
    expect(errors(set).map(e => `${e.path} [${e.rule}]`)).toEqual(['spec.headerForward.addHeadersFromSecret[1].headerName [collision.header-env]']);
  });
});

describe('duplicates only Go rejects', () => {
  test('rejects duplicate delegate client IDs', () => {
    const set = [secret('agent', { secret: 'x' }), th('MCPExternalAuthConfig', 'as', {
      type: 'embeddedAuthServer',
      embeddedAuthServer: {
        issuer: 'https://auth.example.com',
        upstreamProviders: [{ name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'c' } }],
        delegateClients: [1, 2].map(() => ({ clientId: 'agent', clientSecretRef: { name: 'agent', key: 'secret' }, scopes: ['openid'], audiences: ['https://mcp.example.com'] })),
      },
    })];
    expect(lines(set)).toEqual([
      'MCPExternalAuthConfig/as spec.embeddedAuthServer.delegateClients[1].clientId [operator.embedded-auth.delegate-duplicate] delegate_clients: duplicate client_id "agent"',
    ]);
  });
});
