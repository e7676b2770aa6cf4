import { findings, messages, toolhive } from './config-fixtures';

const tools = (toolsFilter: string[]) => toolhive('MCPToolConfig', 'tools', { toolsFilter });

describe('MCPToolConfig toolsFilter', () => {
  const rule = 'operator.toolconfig.tools-filter';

  it('accepts plain tool names', () => {
    expect(findings([tools(['fetch', 'github.create_issue', 'search-docs'])])).toEqual([]);
  });

  it('rejects an empty entry', () => {
    expect(findings([tools(['fetch', ''])])).toEqual([{
      kind: 'MCPToolConfig',
      name: 'tools',
      path: 'spec.toolsFilter[1]',
      rule,
      severity: 'error',
      message: 'tool filter cannot contain empty values',
    }]);
  });

  it('rejects entries with a comma or a newline', () => {
    expect(messages([tools(['fetch,search', 'a\nb'])], rule)).toEqual([
      'invalid tool name: fetch,search, cannot contain commas or newlines',
      'invalid tool name: a\nb, cannot contain commas or newlines',
    ]);
  });
});
