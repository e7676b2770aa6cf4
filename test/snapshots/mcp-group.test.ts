import { Testing } from 'cdk8s';
import { McpGroup } from '../../src';

test('McpGroup', () => {
  const chart = Testing.chart();
  new McpGroup(chart, 'generated-name');
  new McpGroup(chart, 'platform', { metadata: { name: 'platform', labels: { team: 'platform' } }, description: 'Tools of the platform team' });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
