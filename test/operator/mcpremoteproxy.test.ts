import { findings, toolhive } from './config-fixtures';

const proxy = (spec: Record<string, unknown>) => toolhive('MCPRemoteProxy', 'remote', { remoteUrl: 'https://mcp.example.com/mcp', ...spec });
const policies = ['permit(principal, action, resource);'];

describe('MCPRemoteProxy advisories', () => {
  it('accepts several replicas with Redis session storage and inline authz without primaryUpstreamProvider', () => {
    expect(findings([proxy({ replicas: 3, sessionStorage: { provider: 'redis', address: 'redis:6379' }, authzConfig: { type: 'inline', inline: { policies } } })])).toEqual([]);
  });

  it('rejects with a warning several replicas without Redis session storage', () => {
    expect(findings([proxy({ replicas: 2 })])).toEqual([{
      kind: 'MCPRemoteProxy',
      name: 'remote',
      path: 'spec.replicas',
      rule: 'operator.session-storage.replicas',
      severity: 'warning',
      message: 'replicas > 1 but sessionStorage.provider is not redis; sessions are not shared across replicas',
    }]);
  });

  it('rejects with a warning an inline primaryUpstreamProvider, with MCPRemoteProxy wording', () => {
    expect(findings([proxy({ authzConfig: { type: 'inline', inline: { policies, primaryUpstreamProvider: 'github' } } })])).toEqual([{
      kind: 'MCPRemoteProxy',
      name: 'remote',
      path: 'spec.authzConfig.inline.primaryUpstreamProvider',
      rule: 'operator.authz.primary-upstream-ignored',
      severity: 'warning',
      message: 'spec.authzConfig.inline.primaryUpstreamProvider="github" has no effect on MCPRemoteProxy; the field only takes effect on VirtualMCPServer with an embedded auth server',
    }]);
  });
});
