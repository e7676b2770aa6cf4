import { Testing } from 'cdk8s';
import { McpAuthzConfig } from '../../src';

test('McpAuthzConfig', () => {
  const chart = Testing.chart();
  McpAuthzConfig.cedar(chart, 'cedar', {
    policies: ['permit(principal in THVGroup::"engineering", action == Action::"call_tool", resource);'],
    groupClaimName: 'https://example.com/groups',
  });
  McpAuthzConfig.http(chart, 'http', { url: 'https://pdp.example.com', claimMapping: 'mpe', timeoutSeconds: 10, includeOperation: true });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
