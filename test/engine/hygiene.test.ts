/**
 * Layer 4: values the API server admits (plain strings in the CRD) but the operator cannot use:
 * resource quantities (resource.MustParse panics) and env var names (the Deployment is rejected).
 */
import { admissionErrors, toolhive } from './helpers';

const QUANTITY = 'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'; the operator panics on it (resource.MustParse)';
const ENV = 'a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit (e.g. \'my.env-name\',  or \'MY_ENV.NAME\',  or \'MyEnvName1\', regex used for validation is \'[-._a-zA-Z][-._a-zA-Z0-9]*\')';

const server = (spec: Record<string, unknown>) => toolhive('MCPServer', { image: 'ghcr.io/example/server:1', ...spec });
const proxy = (spec: Record<string, unknown>) => toolhive('MCPRemoteProxy', { remoteUrl: 'https://mcp.example.com', ...spec });
const embedding = (spec: Record<string, unknown>) => toolhive('EmbeddingServer', spec);

describe('hygiene: resource quantities', () => {
  test('rejects "2 cores" as an MCPServer CPU limit', () => {
    expect(admissionErrors([server({ resources: { limits: { cpu: '2 cores' } } })])).toEqual([
      { path: 'spec.resources.limits.cpu', rule: 'hygiene.quantity', message: `Invalid value: "2 cores": ${QUANTITY}` },
    ]);
  });

  test.each(['500m', '2', '1.5', '.5', '128Mi', '0.5Gi', '1e3', '1E-2', '100k', '1G', '+1', '250u', '10n'])('admits the quantity %s', q => {
    expect(admissionErrors([server({ resources: { limits: { cpu: q, memory: q }, requests: { cpu: q, memory: q } } })])).toEqual([]);
  });

  test.each(['1GB', '1gi', '1 Gi', 'Mi', 'one', '1Ki1', '--1'])('rejects the quantity %s', q => {
    expect(admissionErrors([server({ resources: { requests: { memory: q } } })])).toEqual([
      { path: 'spec.resources.requests.memory', rule: 'hygiene.quantity', message: `Invalid value: ${JSON.stringify(q)}: ${QUANTITY}` },
    ]);
  });

  test('admits empty quantity strings (the operator skips them)', () => {
    expect(admissionErrors([server({ resources: { limits: { cpu: '', memory: '' } } })])).toEqual([]);
  });

  test('rejects a malformed MCPRemoteProxy memory request', () => {
    expect(admissionErrors([proxy({ resources: { requests: { memory: '512MB' } } })])).toEqual([
      { path: 'spec.resources.requests.memory', rule: 'hygiene.quantity', message: `Invalid value: "512MB": ${QUANTITY}` },
    ]);
  });

  test('rejects a malformed EmbeddingServer resource and modelCache.size', () => {
    expect(admissionErrors([embedding({ resources: { limits: { cpu: '1 core' } }, modelCache: { size: '10 GiB' } })])).toEqual([
      { path: 'spec.resources.limits.cpu', rule: 'hygiene.quantity', message: `Invalid value: "1 core": ${QUANTITY}` },
      { path: 'spec.modelCache.size', rule: 'hygiene.quantity', message: `Invalid value: "10 GiB": ${QUANTITY}` },
    ]);
  });

  test('admits the EmbeddingServer defaults (modelCache.size 10Gi) and an explicit size', () => {
    expect(admissionErrors([embedding({}), embedding({ modelCache: { size: '50Gi' } })])).toEqual([]);
  });
});

describe('hygiene: env var names', () => {
  test('rejects an MCPServer env name starting with a digit', () => {
    expect(admissionErrors([server({ env: [{ name: 'GOOD', value: 'x' }, { name: '1TOKEN', value: 'x' }] })])).toEqual([
      { path: 'spec.env[1].name', rule: 'hygiene.env-name', message: `Invalid value: "1TOKEN": ${ENV}` },
    ]);
  });

  test.each(['MY_ENV.NAME', 'my-env', '_PRIVATE', '.dot', 'MyEnvName1'])('admits the env name %s', name => {
    expect(admissionErrors([server({ env: [{ name, value: 'x' }] })])).toEqual([]);
  });

  test.each(['API KEY', 'A=B', 'TOKEN/1', ''])('rejects the env name %j', name => {
    expect(admissionErrors([server({ env: [{ name, value: 'x' }] })])).toEqual([
      { path: 'spec.env[0].name', rule: 'hygiene.env-name', message: `Invalid value: ${JSON.stringify(name)}: ${ENV}` },
    ]);
  });

  test('rejects a secrets targetEnvName', () => {
    expect(admissionErrors([server({ secrets: [{ name: 'github', key: 'token', targetEnvName: 'GITHUB TOKEN' }] })])).toEqual([
      { path: 'spec.secrets[0].targetEnvName', rule: 'hygiene.env-name', message: `Invalid value: "GITHUB TOKEN": ${ENV}` },
    ]);
  });

  test('rejects a secrets key used as the env name when targetEnvName is absent', () => {
    expect(admissionErrors([server({ secrets: [{ name: 'github', key: 'api/token' }] })])).toEqual([
      { path: 'spec.secrets[0].key', rule: 'hygiene.env-name', message: `Invalid value: "api/token": ${ENV}` },
    ]);
  });

  test('admits a key that is not an env name when targetEnvName renames it', () => {
    expect(admissionErrors([server({ secrets: [{ name: 'github', key: 'api/token', targetEnvName: 'GITHUB_TOKEN' }] })])).toEqual([]);
  });

  test('rejects proxy env overrides on MCPServer and MCPRemoteProxy', () => {
    const resourceOverrides = { proxyDeployment: { env: [{ name: '9LIVES', value: 'x' }] } };
    expect(admissionErrors([server({ resourceOverrides }), proxy({ resourceOverrides })])).toEqual([
      { path: 'spec.resourceOverrides.proxyDeployment.env[0].name', rule: 'hygiene.env-name', message: `Invalid value: "9LIVES": ${ENV}` },
      { path: 'spec.resourceOverrides.proxyDeployment.env[0].name', rule: 'hygiene.env-name', message: `Invalid value: "9LIVES": ${ENV}` },
    ]);
  });

  test('rejects an EmbeddingServer env name', () => {
    expect(admissionErrors([embedding({ env: [{ name: 'HF HOME', value: '/cache' }] })])).toEqual([
      { path: 'spec.env[0].name', rule: 'hygiene.env-name', message: `Invalid value: "HF HOME": ${ENV}` },
    ]);
  });
});
