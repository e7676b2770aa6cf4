import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus28 from 'cdk8s-plus-28';
import * as kplus33 from 'cdk8s-plus-33';
import { errorLines } from './helpers';
import { EmbeddingServer, McpExternalAuthConfig, McpServer, SecretKey, ToolHiveValidation } from '../../src';

describe.each([
  ['cdk8s-plus-28', kplus28],
  ['cdk8s-plus-33', kplus33],
] as const)('SecretKey with %s', (_line, kplus) => {
  test('a Secret defined in the app is referenced by its generated name', () => {
    const chart = Testing.chart();
    const secret = new kplus.Secret(chart, 'hf');
    secret.addStringData('token', 'redacted');
    const key = SecretKey.fromSecret(secret, 'token');
    expect(key.origin).toBe('app');
    const emb = new EmbeddingServer(chart, 'emb', { hfTokenSecretRef: key });
    expect(emb.spec.hfTokenSecretRef).toEqual({ name: secret.name, key: 'token' });
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(ToolHiveValidation.of(chart).external).toEqual([]);
  });

  test('fails at synth when the Secret of the app lacks the key', () => {
    const chart = Testing.chart();
    const secret = new kplus.Secret(chart, 'hf', { metadata: { name: 'hf-token' } });
    new McpServer(chart, 'srv', { image: 'ghcr.io/x/y:1', secrets: [{ secretKey: SecretKey.fromSecret(secret, 'token'), targetEnvName: 'HF_TOKEN' }] });
    expect(errorLines(chart)).toEqual([
      '[test/srv] spec.secrets[0].key: Secret "hf-token" in namespace "default" has no key "token"; it has no keys in data or stringData (ref.secret-key-missing)',
    ]);
  });

  test('an imported Secret (fromSecretName) is declared external', () => {
    const chart = Testing.chart();
    const key = SecretKey.fromSecret(kplus.Secret.fromSecretName(chart, 'hf', 'hf-token'), 'token');
    expect(key.origin).toBe('external');
    new EmbeddingServer(chart, 'emb', { hfTokenSecretRef: key });
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(ToolHiveValidation.of(chart).external).toEqual(['Secret/default/hf-token']);
  });

  test('rejects a Secret of another namespace (at synth)', () => {
    const app = Testing.app();
    const secret = new kplus.Secret(new Chart(app, 'vault', { namespace: 'vault' }), 'hf', { metadata: { name: 'hf-token' } });
    const ai = new Chart(app, 'ai', { namespace: 'ai' });
    new kplus.Secret(ai, 'local', { metadata: { name: 'hf-token' } });
    new EmbeddingServer(ai, 'emb', { metadata: { name: 'emb' }, hfTokenSecretRef: SecretKey.fromSecret(secret, 'token') });
    expect(errorLines(ai)).toEqual([
      '[ai/emb] spec.hfTokenSecretRef.key: Secret "hf-token" in namespace "ai" has no key "token"; it has no keys in data or stringData (ref.secret-key-missing)',
      '[ai/emb] spec.hfTokenSecretRef: EmbeddingServer "emb" in namespace "ai" cannot reference Secret "hf-token" in namespace "vault": '
        + 'ToolHive references are same-namespace only; define it in namespace "ai"',
    ]);
  });
});

describe('SecretKey', () => {
  test('external declares Secret/<namespace>/<name> in the namespace of the referencing object', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'tools' });
    McpExternalAuthConfig.bearerToken(chart, 'bt', { tokenSecretRef: SecretKey.external('github-token', 'token') });
    expect(ToolHiveValidation.of(chart).external).toEqual(['Secret/tools/github-token']);
  });

  test('a cdk8s ApiObject of kind Secret counts as defined in the app', () => {
    const chart = Testing.chart();
    const raw = new ApiObject(chart, 'raw', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'raw-token' }, stringData: { token: 'redacted' } });
    const key = SecretKey.fromSecret(raw, 'token');
    expect(key.origin).toBe('app');
    McpExternalAuthConfig.bearerToken(chart, 'bt', { tokenSecretRef: key });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('renders as a plain { name, key } and never carries a value', () => {
    const key = SecretKey.external('github-token', 'token');
    expect(JSON.parse(JSON.stringify(key))).toEqual({ name: 'github-token', key: 'token' });
    expect(SecretKey.isSecretKey(key)).toBe(true);
    expect(SecretKey.isSecretKey({ name: 'github-token', key: 'token' })).toBe(false);
  });

  test('rejects an empty key or name', () => {
    expect(() => SecretKey.external('', 'token')).toThrow('SecretKey.external needs a Secret name: pass the name of a Secret managed outside the app');
    expect(() => SecretKey.external('github-token', '')).toThrow('secret key of Secret "github-token" must not be empty: name the key inside the Secret');
    expect(() => SecretKey.fromSecret({ name: '' }, 'token'))
      .toThrow('SecretKey.fromSecret needs a Secret with a name: pass a kplus.Secret or kplus.Secret.fromSecretName(...)');
  });
});
