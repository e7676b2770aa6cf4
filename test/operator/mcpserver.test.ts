import { findings, messages, toolhive } from './config-fixtures';
import { validateManifests } from '../../src/validation';

const server = (spec: Record<string, unknown>) => toolhive('MCPServer', 'fetch', { image: 'ghcr.io/stackloklabs/gofetch/server:1.0', ...spec });
const REDIS = { provider: 'redis', address: 'redis.cache.svc:6379' };

describe('MCPServer RunConfig: image', () => {
  it('accepts a non-empty image', () => {
    expect(findings([server({})])).toEqual([]);
  });

  it('rejects an empty image, which the schema admits', () => {
    expect(findings([server({ image: '' })])).toEqual([{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.image',
      rule: 'operator.mcpserver.image',
      severity: 'error',
      message: 'invalid RunConfig: image is required',
    }]);
  });

  it.each([' ', ' ghcr.io/x/y:1', 'ghcr.io/x/y:1\t'])('rejects an image with leading or trailing whitespace: %j', image => {
    expect(findings([server({ image })])).toEqual([{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.image',
      rule: 'operator.mcpserver.image',
      severity: 'error',
      message: `Invalid value: ${JSON.stringify(image)}: must not have leading or trailing whitespace (the MCP server container the proxy runner creates from it is rejected by the API server)`,
    }]);
  });
});

describe('MCPServer RunConfig: env', () => {
  const rule = 'operator.mcpserver.env';

  it('accepts ordinary variables', () => {
    expect(findings([server({ env: [{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'EMPTY', value: '' }] })])).toEqual([]);
  });

  it('rejects a value with a newline', () => {
    expect(findings([server({ env: [{ name: 'GREETING', value: 'hello\nworld' }] })])).toEqual([{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.env[0].value',
      rule,
      severity: 'error',
      message: 'invalid RunConfig: environment variable value for GREETING contains invalid characters',
    }]);
  });

  it('rejects a value with a carriage return', () => {
    expect(messages([server({ env: [{ name: 'A', value: 'ok' }, { name: 'B', value: 'x\r' }] })], rule)).toEqual([
      'invalid RunConfig: environment variable value for B contains invalid characters',
    ]);
  });

  // the hygiene layer also reports these names (Kubernetes env name syntax), so the fixtures are not admitted
  it('rejects an empty or "=" key with the operator text', () => {
    const objects = [server({ env: [{ name: '', value: 'x' }, { name: 'A=B', value: 'y' }] })];
    expect(validateManifests(objects).filter(v => v.rule === rule).map(v => v.message)).toEqual([
      'invalid RunConfig: environment variable key cannot be empty',
      'invalid RunConfig: invalid environment variable key: A=B',
    ]);
  });
});

describe('MCPServer RunConfig: volumes', () => {
  const rule = 'operator.mcpserver.volume';
  const volume = (hostPath: string, mountPath: string, readOnly = false) => ({ name: 'data', hostPath, mountPath, readOnly });

  it('accepts host and mount paths without colons, read-only or not', () => {
    expect(findings([server({ volumes: [volume('/var/data', '/data', true)] })])).toEqual([]);
    expect(findings([server({ volumes: [volume('/var/data', '/data')] })])).toEqual([]);
  });

  it('rejects a host path with a colon', () => {
    expect(findings([server({ volumes: [volume('C:/data', '/data')] })])).toEqual([{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.volumes[0]',
      rule,
      severity: 'error',
      message: 'invalid RunConfig: invalid volume mount option: /data, only \'ro\' is supported',
    }]);
  });

  it.each([
    [volume('/a:b', '/data', true), 'invalid RunConfig: invalid volume mount format: /a:b:/data:ro, expected host-path:container-path[:ro]'],
    [volume('', '/data'), 'invalid RunConfig: volume mount paths cannot be empty in: :/data'],
    [volume('/var/data', ''), 'invalid RunConfig: volume mount paths cannot be empty in: /var/data:'],
  ])('rejects the volume %j', (v, message) => {
    expect(messages([server({ volumes: [v] })], rule)).toEqual([message]);
  });
});

describe('MCPServer stdio replica cap', () => {
  const rule = 'operator.mcpserver.stdio-replicas';

  it('accepts several replicas for streamable-http, and one for stdio', () => {
    expect(messages([server({ transport: 'streamable-http', replicas: 3, sessionStorage: REDIS })], rule)).toEqual([]);
    expect(messages([server({ replicas: 1 })], rule)).toEqual([]);
  });

  it('rejects with a warning more than one replica for stdio (the default transport)', () => {
    expect(findings([server({ replicas: 2, sessionStorage: REDIS })])).toEqual([{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.replicas',
      rule,
      severity: 'warning',
      message: 'stdio transport requires exactly 1 replica; deployment will use 1 regardless of spec.replicas',
    }]);
  });
});

describe('session storage advisory', () => {
  const rule = 'operator.session-storage.replicas';

  it('accepts several replicas with Redis session storage', () => {
    expect(findings([server({ transport: 'sse', replicas: 3, sessionStorage: REDIS })])).toEqual([]);
  });

  it('rejects with a warning several replicas with in-memory sessions', () => {
    expect(findings([server({ transport: 'sse', replicas: 2, sessionStorage: { provider: 'memory' } })])).toEqual([{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.replicas',
      rule,
      severity: 'warning',
      message: 'replicas > 1 but sessionStorage.provider is not redis; sessions are not shared across replicas',
    }]);
  });
});

describe('primaryUpstreamProvider has no effect on MCPServer', () => {
  const rule = 'operator.authz.primary-upstream-ignored';
  const policies = ['permit(principal, action, resource);'];

  it('accepts inline authz without primaryUpstreamProvider', () => {
    expect(findings([server({ authzConfig: { type: 'inline', inline: { policies } } })])).toEqual([]);
  });

  it('rejects with a warning an inline primaryUpstreamProvider', () => {
    expect(findings([server({ authzConfig: { type: 'inline', inline: { policies, primaryUpstreamProvider: 'okta' } } })])).toEqual([{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.authzConfig.inline.primaryUpstreamProvider',
      rule,
      severity: 'warning',
      message: 'spec.authzConfig.inline.primaryUpstreamProvider="okta" has no effect on MCPServer; the field only takes effect on VirtualMCPServer with an embedded auth server',
    }]);
  });
});

describe('rate limit refillPeriod', () => {
  const rule = 'operator.rate-limit.refill-period';
  const limited = (rateLimiting: Record<string, unknown>) => server({ transport: 'streamable-http', sessionStorage: REDIS, rateLimiting });

  it('accepts positive Go durations', () => {
    expect(findings([limited({ shared: { maxTokens: 100, refillPeriod: '1m0s' }, tools: [{ name: 'fetch', shared: { maxTokens: 5, refillPeriod: '1.5s' } }] })])).toEqual([]);
  });

  it('rejects a zero refill period', () => {
    expect(findings([limited({ shared: { maxTokens: 100, refillPeriod: '0s' } })])).toEqual([{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.rateLimiting.shared.refillPeriod',
      rule,
      severity: 'error',
      message: 'refillPeriod must be positive, got 0s',
    }]);
  });

  it('rejects negative and undecodable periods on tool buckets', () => {
    expect(messages([limited({ tools: [{ name: 'a', shared: { maxTokens: 1, refillPeriod: '-90s' } }, { name: 'b', shared: { maxTokens: 1, refillPeriod: '1 minute' } }] })], rule)).toEqual([
      'refillPeriod must be positive, got -1m30s',
      'refillPeriod "1 minute" is not a Go duration (time: unknown unit " minute" in duration "1 minute"); use a value such as "1m0s" or "30s"',
    ]);
  });
});
