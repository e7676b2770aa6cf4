import { findings, messages, toolhive } from './config-fixtures';

const telemetry = (openTelemetry: Record<string, unknown>) => toolhive('MCPTelemetryConfig', 'otel', { openTelemetry });

describe('MCPTelemetryConfig endpoint needs a signal', () => {
  const rule = 'operator.telemetry.endpoint-signals';

  it('accepts an endpoint with tracing or metrics enabled, and no endpoint at all', () => {
    expect(findings([telemetry({ enabled: true, endpoint: 'otel-collector:4317', tracing: { enabled: true } })])).toEqual([]);
    expect(findings([telemetry({ enabled: true, endpoint: 'otel-collector:4317', metrics: { enabled: true } })])).toEqual([]);
    expect(findings([telemetry({ enabled: false })])).toEqual([]);
  });

  it('rejects an endpoint with neither signal, even when openTelemetry is disabled', () => {
    expect(findings([telemetry({ enabled: false, endpoint: 'otel-collector:4317' })])).toEqual([{
      kind: 'MCPTelemetryConfig',
      name: 'otel',
      path: 'spec.openTelemetry.endpoint',
      rule,
      severity: 'error',
      message: 'endpoint requires at least one of tracing or metrics to be enabled',
    }]);
  });
});

describe('MCPTelemetryConfig sensitive headers', () => {
  const rule = 'operator.telemetry.sensitive-header';
  const base = { endpoint: 'otel:4317', tracing: { enabled: true } };

  it('accepts a header with its Secret and key', () => {
    expect(findings([telemetry({ ...base, sensitiveHeaders: [{ name: 'x-api-key', secretKeyRef: { name: 'otel-auth', key: 'key' } }] })])).toEqual([]);
  });

  it('rejects an empty Secret name', () => {
    expect(findings([telemetry({ ...base, sensitiveHeaders: [{ name: 'x-api-key', secretKeyRef: { name: '', key: 'key' } }] })])).toEqual([{
      kind: 'MCPTelemetryConfig',
      name: 'otel',
      path: 'spec.openTelemetry.sensitiveHeaders[0].secretKeyRef.name',
      rule,
      severity: 'error',
      message: 'openTelemetry.sensitiveHeaders[0].secretKeyRef.name must not be empty',
    }]);
  });

  it('rejects an empty Secret key', () => {
    const headers = [{ name: 'a', secretKeyRef: { name: 's', key: 'k' } }, { name: 'b', secretKeyRef: { name: 's', key: '' } }];
    expect(messages([telemetry({ ...base, sensitiveHeaders: headers })], rule)).toEqual(['openTelemetry.sensitiveHeaders[1].secretKeyRef.key must not be empty']);
  });
});

describe('MCPTelemetryConfig CA bundle', () => {
  const rule = 'operator.telemetry.ca-bundle';
  const base = { endpoint: 'otel:4317', tracing: { enabled: true } };

  it('accepts a CA bundle ConfigMap of 48 characters with TLS', () => {
    expect(findings([telemetry({ ...base, caBundleRef: { configMapRef: { name: 'x'.repeat(48), key: 'ca.crt' } } })])).toEqual([]);
  });

  it('rejects a CA bundle together with insecure', () => {
    expect(findings([telemetry({ ...base, insecure: true, caBundleRef: { configMapRef: { name: 'otel-ca', key: 'ca.crt' } } })])).toEqual([{
      kind: 'MCPTelemetryConfig',
      name: 'otel',
      path: 'spec.openTelemetry.caBundleRef',
      rule,
      severity: 'error',
      message: 'openTelemetry.caBundleRef cannot be specified when insecure is true; they are mutually exclusive',
    }]);
  });

  it('rejects a missing ConfigMap reference or name', () => {
    expect(messages([telemetry({ ...base, caBundleRef: {} })], rule)).toEqual(['openTelemetry.caBundleRef.configMapRef must be specified']);
    expect(messages([telemetry({ ...base, caBundleRef: { configMapRef: { key: 'ca.crt' } } })], rule)).toEqual(['openTelemetry.caBundleRef.configMapRef.name must not be empty']);
  });

  it('rejects a ConfigMap name longer than 48 characters', () => {
    const name = 'x'.repeat(49);
    expect(messages([telemetry({ ...base, caBundleRef: { configMapRef: { name, key: 'ca.crt' } } })], rule)).toEqual([
      `openTelemetry.caBundleRef.configMapRef.name "${name}" is too long (49 chars); maximum is 48`,
    ]);
  });
});
