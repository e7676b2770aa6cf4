import { Testing } from 'cdk8s';
import { McpToolConfig } from '../../src';

test('McpToolConfig', () => {
  const chart = Testing.chart();
  new McpToolConfig(chart, 'github', {
    toolsFilter: ['get_issue', 'list_issues'],
    toolsOverride: { get_issue: { name: 'github_get_issue', description: 'Read one GitHub issue' } },
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
