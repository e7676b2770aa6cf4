import { Testing } from 'cdk8s';
import { McpWebhookConfig, SecretKey } from '../../src';

test('McpWebhookConfig (v1alpha1)', () => {
  const chart = Testing.chart();
  new McpWebhookConfig(chart, 'policy', {
    validating: [{ name: 'opa', url: 'https://opa.policy.example.com/v1/mcp', timeout: '5s', hmacSecretRef: SecretKey.external('opa-hmac', 'key') }],
    mutating: [{ name: 'redact', url: 'https://redact.policy.example.com/v1/mcp', failurePolicy: 'ignore' }],
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
