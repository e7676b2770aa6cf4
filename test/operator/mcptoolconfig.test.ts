import { findings, messages, toolhive } from './config-fixtures';

const tools = (toolsFilter: string[]) => toolhive('MCPToolConfig', 'tools', { toolsFilter });
const server = () => toolhive('MCPServer', 'fetch', { image: 'ghcr.io/example/fetch:1.0', toolConfigRef: { name: 'tools' } });
const proxy = () => toolhive('MCPRemoteProxy', 'remote', { remoteUrl: 'https://mcp.example.com/mcp', toolConfigRef: { name: 'tools' } });
const group = () => toolhive('MCPGroup', 'team', {});
const vmcp = () => toolhive('VirtualMCPServer', 'gw', {
  groupRef: { name: 'team' },
  incomingAuth: { type: 'anonymous' },
  config: { aggregation: { tools: [{ workload: 'fetch', toolConfigRef: { name: 'tools' } }] } },
});

describe('MCPToolConfig toolsFilter, checked by the consumers that read it', () => {
  const rule = 'operator.toolconfig.tools-filter';

  it('accepts plain tool names', () => {
    expect(findings([tools(['fetch', 'github.create_issue', 'search-docs']), server(), proxy()])).toEqual([]);
  });

  it('reports nothing on an MCPToolConfig no MCPServer or MCPRemoteProxy reads', () => {
    expect(messages([tools(['fetch,search', ''])], rule)).toEqual([]);
  });

  it('reports nothing for a VirtualMCPServer consumer: the converter merges the filter and nothing checks it', () => {
    expect(messages([tools(['fetch,search']), group(), vmcp()], rule)).toEqual([]);
  });

  it('rejects an empty entry on the MCPServer that uses it, naming the MCPToolConfig', () => {
    expect(findings([tools(['fetch', '']), server()])).toEqual([{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.toolConfigRef.name',
      rule,
      severity: 'error',
      message: 'invalid RunConfig: tool filter cannot contain empty values (MCPToolConfig "tools" spec.toolsFilter[1])',
    }]);
  });

  it('rejects the first entry with a comma or a newline on an MCPServer (validateToolsFilter returns the first error)', () => {
    expect(messages([tools(['fetch,search', 'a\nb']), server()], rule)).toEqual([
      'invalid RunConfig: invalid tool name: fetch,search, cannot contain commas or newlines (MCPToolConfig "tools" spec.toolsFilter[0])',
    ]);
  });

  it('checks only empty entries on an MCPRemoteProxy (validateRunConfigForRemoteProxy has no comma check)', () => {
    expect(messages([tools(['fetch,search']), proxy()], rule)).toEqual([]);
    expect(findings([tools(['']), proxy()])).toEqual([{
      kind: 'MCPRemoteProxy',
      name: 'remote',
      path: 'spec.toolConfigRef.name',
      rule,
      severity: 'error',
      message: 'invalid RunConfig: tool filter cannot contain empty values (MCPToolConfig "tools" spec.toolsFilter[0])',
    }]);
  });
});
