import { Testing } from 'cdk8s';
import { McpTelemetryConfig, SecretKey } from '../../src';

test('McpTelemetryConfig', () => {
  const chart = Testing.chart();
  new McpTelemetryConfig(chart, 'otel', {
    openTelemetry: {
      enabled: true,
      endpoint: 'otel-collector.monitoring:4317',
      insecure: true,
      tracing: { enabled: true, samplingRate: '0.1' },
      metrics: { enabled: true },
      sensitiveHeaders: [{ name: 'x-honeycomb-team', secretKeyRef: SecretKey.external('honeycomb', 'api-key') }],
    },
    prometheus: { enabled: true },
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
