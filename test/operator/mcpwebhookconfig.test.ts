import { findings, messages, toolhive } from './config-fixtures';

const V1ALPHA1 = 'toolhive.stacklok.dev/v1alpha1';
const webhooks = (spec: Record<string, unknown>) => toolhive('MCPWebhookConfig', 'hooks', spec, V1ALPHA1);
const hook = (extra: Record<string, unknown> = {}) => ({ name: 'policy', url: 'https://policy.example.com/validate', ...extra });

describe('MCPWebhookConfig URL', () => {
  const rule = 'operator.webhook.url';

  it('accepts an https URL, and http with insecureSkipVerify', () => {
    expect(findings([webhooks({ validating: [hook()] })])).toEqual([]);
    expect(findings([webhooks({ mutating: [hook({ url: 'http://enricher.tools.svc:8080/mutate', tlsConfig: { insecureSkipVerify: true } })] })])).toEqual([]);
  });

  it('rejects an http URL without insecureSkipVerify', () => {
    expect(findings([webhooks({ validating: [hook({ url: 'http://policy.tools.svc/validate' })] })])).toEqual([{
      kind: 'MCPWebhookConfig',
      name: 'hooks',
      path: 'spec.validating[0].url',
      rule,
      severity: 'error',
      message: 'validating webhook[0] "policy": webhook URL must use HTTPS (set insecure_skip_verify to allow HTTP for development/in-cluster use)',
    }]);
  });

  it('rejects a relative request URI (it passes format: uri) with the mutating prefix', () => {
    const spec = { mutating: [hook({ name: 'ok' }), hook({ name: 'enrich', url: '/mutate' })] };
    expect(messages([webhooks(spec)], rule)).toEqual([
      'mutating webhook[1] "enrich": webhook URL must use HTTPS (set insecure_skip_verify to allow HTTP for development/in-cluster use)',
    ]);
  });
});

describe('MCPWebhookConfig timeout', () => {
  const rule = 'operator.webhook.timeout';

  it('accepts 1s, 30s, the 0 default and no timeout', () => {
    for (const timeout of ['1s', '30s', '0s', '1500ms']) expect(findings([webhooks({ validating: [hook({ timeout })] })])).toEqual([]);
    expect(findings([webhooks({ validating: [hook()] })])).toEqual([]);
  });

  it('rejects a timeout above 30s, printed as a Go duration', () => {
    expect(findings([webhooks({ mutating: [hook({ name: 'enrich', timeout: '45s' })] })])).toEqual([{
      kind: 'MCPWebhookConfig',
      name: 'hooks',
      path: 'spec.mutating[0].timeout',
      rule,
      severity: 'error',
      message: 'mutating webhook[0] "enrich": webhook timeout 45s exceeds maximum 30s',
    }]);
    expect(messages([webhooks({ validating: [hook({ timeout: '1m' })] })], rule)).toEqual(['validating webhook[0] "policy": webhook timeout 1m0s exceeds maximum 30s']);
  });

  it('rejects a timeout under one second', () => {
    expect(messages([webhooks({ validating: [hook({ timeout: '500ms' })] })], rule)).toEqual(['validating webhook[0] "policy": webhook timeout must be between 1s and 30s']);
  });

  it('rejects a duration the operator cannot decode', () => {
    expect(messages([webhooks({ validating: [hook({ timeout: '1d' })] })], rule)).toEqual([
      'validating webhook[0] "policy": webhook timeout "1d" is not a Go duration (time: unknown unit "d" in duration "1d"); the operator cannot decode it, use a value such as "5s"',
    ]);
  });
});

describe('MCPWebhookConfig client certificate pair', () => {
  const rule = 'operator.webhook.mtls-pair';
  const cert = { name: 'client-tls', key: 'tls.crt' };
  const key = { name: 'client-tls', key: 'tls.key' };
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'client-tls' }, data: { 'tls.crt': 'Y2VydA==', 'tls.key': 'a2V5' } };

  it('accepts both halves of the pair', () => {
    expect(findings([secret, webhooks({ validating: [hook({ tlsConfig: { clientCertSecretRef: cert, clientKeySecretRef: key } })] })])).toEqual([]);
  });

  it('warns on a client certificate without its key (buildWebhookConfig drops the half pair, the config is accepted)', () => {
    expect(findings([secret, webhooks({ validating: [hook({ tlsConfig: { clientCertSecretRef: cert } })] })])).toEqual([{
      kind: 'MCPWebhookConfig',
      name: 'hooks',
      path: 'spec.validating[0].tlsConfig.clientCertSecretRef',
      rule,
      severity: 'warning',
      message: 'validating webhook[0] "policy": tlsConfig.clientCertSecretRef is set without tlsConfig.clientKeySecretRef; '
        + 'the operator ignores a half mTLS pair and connects without a client certificate, so set both or neither',
    }]);
  });

  it('rejects a client key without its certificate', () => {
    expect(messages([secret, webhooks({ mutating: [hook({ tlsConfig: { clientKeySecretRef: key } })] })], rule)).toEqual([
      'mutating webhook[0] "policy": tlsConfig.clientKeySecretRef is set without tlsConfig.clientCertSecretRef; '
        + 'the operator ignores a half mTLS pair and connects without a client certificate, so set both or neither',
    ]);
  });
});
