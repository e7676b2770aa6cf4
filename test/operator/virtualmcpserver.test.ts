import { findings, messages, toolhive } from './config-fixtures';

type Spec = Record<string, unknown>;
const group = toolhive('MCPGroup', 'team', {});
const vmcp = (spec: Spec) => toolhive('VirtualMCPServer', 'gateway', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' }, ...spec });
const extAuth = toolhive('MCPExternalAuthConfig', 'github-token', { type: 'unauthenticated' });

describe('VirtualMCPServer outgoing auth backends', () => {
  const rule = 'operator.vmcp.backend-auth';

  it('accepts discovered backends and externalAuthConfigRef backends with a name', () => {
    const outgoingAuth = { source: 'inline', backends: { github: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'github-token' } }, jira: { type: 'discovered' } } };
    expect(findings([group, extAuth, vmcp({ outgoingAuth })])).toEqual([]);
  });

  it('rejects an externalAuthConfigRef backend without the reference', () => {
    expect(findings([group, vmcp({ outgoingAuth: { backends: { github: { type: 'externalAuthConfigRef' } } } })])).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.outgoingAuth.backends[github].externalAuthConfigRef',
      rule,
      severity: 'error',
      message: 'spec.outgoingAuth.backends[github].externalAuthConfigRef is required when type is externalAuthConfigRef',
    }]);
  });

  it('rejects a reference with an empty name', () => {
    expect(messages([group, vmcp({ outgoingAuth: { backends: { github: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: '' } } } } })], rule)).toEqual([
      'spec.outgoingAuth.backends[github].externalAuthConfigRef.name is required',
    ]);
  });
});

describe('VirtualMCPServer aggregation', () => {
  const rule = 'operator.vmcp.aggregation';

  it('accepts priority resolution with an order, and tool entries with workloads', () => {
    const aggregation = { conflictResolution: 'priority', conflictResolutionConfig: { priorityOrder: ['github', 'jira'] }, tools: [{ workload: 'github', filter: ['create_issue'] }] };
    expect(findings([group, vmcp({ config: { aggregation } })])).toEqual([]);
  });

  it('rejects priority resolution with an empty priorityOrder', () => {
    expect(findings([group, vmcp({ config: { aggregation: { conflictResolution: 'priority', conflictResolutionConfig: {} } } })])).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.config.aggregation.conflictResolutionConfig.priorityOrder',
      rule,
      severity: 'error',
      message: 'config.aggregation.conflictResolutionConfig.priorityOrder is required when conflictResolution is priority',
    }]);
  });

  it('rejects tool entries without a workload or with an unnamed toolConfigRef', () => {
    expect(messages([group, vmcp({ config: { aggregation: { tools: [{ workload: '' }, { workload: 'github', toolConfigRef: { name: '' } }] } } })], rule)).toEqual([
      'config.aggregation.tools[0].workload is required',
      'config.aggregation.tools[1].toolConfigRef.name is required when toolConfigRef is specified',
    ]);
  });
});

describe('VirtualMCPServer optimizer and embedding server', () => {
  const rule = 'operator.vmcp.embedding';
  const embedding = toolhive('EmbeddingServer', 'embeddings', {});

  it('accepts an optimizer with an embedding server or an embedding service', () => {
    expect(findings([group, embedding, vmcp({ embeddingServerRef: { name: 'embeddings' }, config: { optimizer: {} } })])).toEqual([]);
    expect(findings([group, vmcp({ config: { optimizer: { embeddingService: 'http://tei.ml.svc:8080' } } })])).toEqual([]);
  });

  it('rejects an optimizer without an embedding source', () => {
    expect(findings([group, vmcp({ config: { optimizer: { maxToolsToReturn: 10 } } })])).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.config.optimizer',
      rule,
      severity: 'error',
      message: 'spec.config.optimizer requires an embedding service: set spec.embeddingServerRef (recommended) or spec.config.optimizer.embeddingService',
    }]);
  });

  it('rejects an embeddingServerRef with an empty name', () => {
    expect(messages([group, vmcp({ embeddingServerRef: { name: '' } })], rule)).toEqual(['spec.embeddingServerRef.name is required']);
  });
});

describe('VirtualMCPServer passthrough headers', () => {
  const rule = 'operator.vmcp.passthrough-headers';

  it('accepts ordinary headers', () => {
    expect(findings([group, vmcp({ passthroughHeaders: ['X-Tenant-Id', 'x-request-id'] })])).toEqual([]);
  });

  it('rejects Authorization, compared in canonical case', () => {
    expect(findings([group, vmcp({ passthroughHeaders: ['X-Tenant-Id', 'authorization'] })])).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.passthroughHeaders[1]',
      rule,
      severity: 'error',
      message: 'passthroughHeaders[1]: "Authorization" is a restricted header and cannot be forwarded',
    }]);
  });

  it.each([
    ['cookie', 'passthroughHeaders[0]: "Cookie" is a restricted header and cannot be forwarded'],
    ['X-FORWARDED-FOR', 'passthroughHeaders[0]: "X-Forwarded-For" is a restricted header and cannot be forwarded'],
    ['x-real-ip', 'passthroughHeaders[0]: "X-Real-Ip" is a restricted header and cannot be forwarded'],
    ['', 'passthroughHeaders[0]: header name must not be empty'],
    ['X Tenant', 'passthroughHeaders[0]: invalid header name "X Tenant": invalid HTTP header name: contains invalid characters'],
  ])('rejects the header %j', (header, message) => {
    expect(messages([group, vmcp({ passthroughHeaders: [header] })], rule)).toEqual([message]);
  });

  it('rejects restricted headers in spec.config.passthroughHeaders when spec.passthroughHeaders is empty', () => {
    expect(findings([group, vmcp({ config: { passthroughHeaders: ['Host'] } })]).map(f => [f.path, f.message])).toEqual([
      ['spec.config.passthroughHeaders[0]', 'passthroughHeaders[0]: "Host" is a restricted header and cannot be forwarded'],
    ]);
  });

  it('accepts spec.config.passthroughHeaders that spec.passthroughHeaders replaces', () => {
    expect(findings([group, vmcp({ passthroughHeaders: ['X-Tenant-Id'], config: { passthroughHeaders: ['Host'] } })])).toEqual([]);
  });
});

describe('VirtualMCPServer session storage and rate limiting', () => {
  it('rejects with a warning several replicas without Redis session storage', () => {
    expect(findings([group, vmcp({ replicas: 3 })])).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.replicas',
      rule: 'operator.session-storage.replicas',
      severity: 'warning',
      message: 'replicas > 1 but sessionStorage.provider is not redis; sessions are not shared across replicas',
    }]);
  });

  it('accepts several replicas with Redis and a positive refill period', () => {
    const sessionStorage = { provider: 'redis', address: 'redis:6379' };
    expect(findings([group, vmcp({ replicas: 3, sessionStorage, config: { rateLimiting: { shared: { maxTokens: 10, refillPeriod: '30s' } } } })])).toEqual([]);
  });

  it('rejects a non-positive refill period in spec.config.rateLimiting', () => {
    const sessionStorage = { provider: 'redis', address: 'redis:6379' };
    expect(findings([group, vmcp({ sessionStorage, config: { rateLimiting: { shared: { maxTokens: 10, refillPeriod: '-1s' } } } })])).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.config.rateLimiting.shared.refillPeriod',
      rule: 'operator.rate-limit.refill-period',
      severity: 'error',
      message: 'refillPeriod must be positive, got -1s',
    }]);
  });
});
