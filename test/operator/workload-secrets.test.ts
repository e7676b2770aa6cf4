/**
 * Secret and ConfigMap values the workloads parse at start. Keys are generated here with node:crypto (no private
 * key is committed); the one certificate is a public root CA from node's own bundle (tls.rootCertificates).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { embeddedAuth, oidcConfig, oidcRef, remoteProxy, vmcpWithAuthServer } from './auth-fixtures';
import { validateManifests, type KubeObject, type Violation } from '../../src/validation';
import { pemBlocks } from '../../src/validation/operator/go/pem';

const V1BETA1 = 'toolhive.stacklok.dev/v1beta1';
const pkcs8 = (type: 'rsa' | 'ec' | 'ed25519' | 'ed448', opts: Record<string, unknown> = {}) =>
  (generateKeyPairSync as (t: string, o: unknown) => { privateKey: { export(o: unknown): string | Buffer } })(type, opts)
    .privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
const RSA_2048 = pkcs8('rsa', { modulusLength: 2048 });
const RSA_1024 = pkcs8('rsa', { modulusLength: 1024 });
const RSA_2048_PKCS1 = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs1' }) as string;
const EC_P256_SEC1 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'sec1' }) as string;
const EC_K256 = pkcs8('ec', { namedCurve: 'secp256k1' });
const ED25519 = pkcs8('ed25519');
const ED448 = pkcs8('ed448');
const CERT = rootCertificates[0];

function secret(name: string, data: Record<string, string>, encoded = false): KubeObject {
  return encoded
    ? { apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'latin1').toString('base64')])) }
    : { apiVersion: 'v1', kind: 'Secret', metadata: { name }, stringData: data };
}

/** An embedded auth server `as` with a signing key and an HMAC secret, used by an MCPRemoteProxy (so its Secrets are read). */
function used(extra: Record<string, unknown> = {}): KubeObject[] {
  return [
    embeddedAuth('as', { signingKeySecretRefs: [{ name: 'keys', key: 'key.pem' }], hmacSecretRefs: [{ name: 'hmac', key: 'hmac' }], ...extra }),
    oidcConfig('idp'),
    remoteProxy('github', { authServerRef: { name: 'as' }, oidcConfigRef: oidcRef('github') }),
  ];
}

const HMAC_OK = secret('hmac', { hmac: 'h'.repeat(32) });
const findings = (objects: readonly KubeObject[]): Violation[] => validateManifests(objects).filter(v => v.rule.startsWith('operator.secret.'));
const brief = (vs: readonly Violation[]) => vs.map(v => `${v.severity} ${v.kind}/${v.name} ${v.path} [${v.rule}] ${v.message}`);
const FIX = 'store an unencrypted PEM private key (RSA of 2048 bits or more, EC P-256, P-384 or P-521, or Ed25519)';

describe('embedded auth server signing key', () => {
  test.each([
    ['RSA 2048 PKCS#8', RSA_2048],
    ['RSA 2048 PKCS#1', RSA_2048_PKCS1],
    ['EC P-256 SEC 1', EC_P256_SEC1],
    ['Ed25519 PKCS#8', ED25519],
    ['a key after leading text', `comment line\n${ED25519}`],
  ])('accepts %s', (_label, pem) => {
    expect(findings([...used(), secret('keys', { 'key.pem': pem }), HMAC_OK])).toEqual([]);
  });

  test.each([
    ['an RSA key below 2048 bits', RSA_1024, 'is an RSA key of 1024 bits, below the minimum of 2048 bits'],
    ['an EC key on an unsupported curve', EC_K256, 'is an EC key on curve secp256k1; supported curves are P-256, P-384 and P-521'],
    ['an Ed448 key', ED448, 'is an ed448 key; supported key types are RSA, EC (P-256, P-384, P-521) and Ed25519'],
    ['a certificate', CERT, 'holds a PEM "CERTIFICATE" block, not a private key (failed to parse signing key)'],
    ['text that is not PEM', 'not a key at all', 'holds no PEM block (failed to decode PEM block from signing key)'],
  ])('rejects %s, naming the Secret and key and never the value', (_label, pem, problem) => {
    const vs = findings([...used(), secret('keys', { 'key.pem': pem }, true), HMAC_OK]);
    expect(brief(vs)).toEqual([
      `error MCPExternalAuthConfig/as spec.embeddedAuthServer.signingKeySecretRefs[0].key [operator.secret.signing-key] signing key Secret "keys" key "key.pem" ${problem}; the embedded auth server cannot load it and exits at start: ${FIX}`,
    ]);
    const body = pemBlocks(pem)[0]?.der?.toString('base64').slice(0, 24) ?? pem;
    expect(JSON.stringify(vs)).not.toContain(body);
  });

  test('checks the keys of a VirtualMCPServer authServerConfig', () => {
    const objects = [...vmcpWithAuthServer({}, { signingKeySecretRefs: [{ name: 'keys', key: 'key.pem' }] }), secret('keys', { 'key.pem': RSA_1024 })];
    expect(findings(objects).map(v => [v.kind, v.path, v.severity])).toEqual([['VirtualMCPServer', 'spec.authServerConfig.signingKeySecretRefs[0].key', 'error']]);
  });

  test('only warns while no workload uses the MCPExternalAuthConfig', () => {
    const objects = [embeddedAuth('as', { signingKeySecretRefs: [{ name: 'keys', key: 'key.pem' }] }), secret('keys', { 'key.pem': RSA_1024 })];
    expect(brief(findings(objects))).toEqual([
      `warning MCPExternalAuthConfig/as spec.embeddedAuthServer.signingKeySecretRefs[0].key [operator.secret.signing-key] signing key Secret "keys" key "key.pem" is an RSA key of 1024 bits, below the minimum of 2048 bits; the embedded auth server cannot load it and exits at start: ${FIX} (no workload in the set references MCPExternalAuthConfig "as" yet; the value is parsed only when one does)`,
    ]);
  });

  test('skips a missing Secret or key (the references layer reports it)', () => {
    expect(findings(used())).toEqual([]);
    expect(findings([...used(), secret('keys', { other: RSA_1024 })])).toEqual([]);
  });
});

describe('embedded auth server HMAC secrets', () => {
  test('accepts 32 bytes or more, counted raw (base64 data decoded, nothing trimmed)', () => {
    expect(findings([...used(), secret('keys', { 'key.pem': ED25519 }), secret('hmac', { hmac: randomBytes(32).toString('latin1') }, true)])).toEqual([]);
  });

  test('rejects fewer than 32 bytes, reporting the length only', () => {
    const value = 'short-secret-val';
    const vs = findings([...used(), secret('keys', { 'key.pem': ED25519 }), secret('hmac', { hmac: value })]);
    expect(brief(vs)).toEqual([
      'error MCPExternalAuthConfig/as spec.embeddedAuthServer.hmacSecretRefs[0].key [operator.secret.hmac-key] HMAC Secret "hmac" key "hmac" is 16 bytes, below the minimum of 32 bytes; the embedded auth server exits at start: store at least 32 random bytes',
    ]);
    expect(JSON.stringify(vs)).not.toContain(value);
  });

  test('checks rotated secrets too', () => {
    const objects = [...used({ hmacSecretRefs: [{ name: 'hmac', key: 'hmac' }, { name: 'hmac', key: 'old' }] }), secret('keys', { 'key.pem': ED25519 }),
      secret('hmac', { hmac: 'h'.repeat(32), old: 'x'.repeat(31) })];
    expect(findings(objects).map(v => v.path)).toEqual(['spec.embeddedAuthServer.hmacSecretRefs[1].key']);
  });
});

describe('CA bundles', () => {
  const redis = (ca: string) => [
    ...used({ storage: { type: 'redis', redis: { addr: 'redis:6379', aclUserConfig: { passwordSecretRef: { name: 'redis', key: 'password' } }, tls: { caCertSecretRef: { name: 'redis-ca', key: 'ca.crt' } } } } }),
    secret('keys', { 'key.pem': ED25519 }), HMAC_OK, secret('redis', { password: 'p' }), secret('redis-ca', { 'ca.crt': ca }),
  ];

  test('accepts a PEM certificate bundle', () => {
    expect(findings(redis(`${CERT}\n${rootCertificates[1]}`))).toEqual([]);
  });

  test.each([
    ['a private key', ED25519, 'holds PEM blocks of type "PRIVATE KEY" but no CERTIFICATE'],
    ['a damaged certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', 'holds 1 PEM CERTIFICATE block(s), none of which parses as an X.509 certificate'],
    ['no PEM at all', 'ca', 'holds no PEM block'],
  ])('rejects %s in a Redis TLS CA Secret', (_label, ca, problem) => {
    expect(brief(findings(redis(ca)))).toEqual([
      `error MCPExternalAuthConfig/as spec.embeddedAuthServer.storage.redis.tls.caCertSecretRef.key [operator.secret.ca-bundle] CA bundle Secret "redis-ca" key "ca.crt" ${problem}; the embedded auth server's Redis client cannot trust any server with it: store the PEM-encoded CA certificates`,
    ]);
  });

  test('ignores the Redis CA under storage type memory (never read)', () => {
    const objects = [...used({ storage: { redis: { addr: 'redis:6379', tls: { caCertSecretRef: { name: 'redis-ca', key: 'ca.crt' } } } } }),
      secret('keys', { 'key.pem': ED25519 }), HMAC_OK, secret('redis-ca', { 'ca.crt': 'x' })];
    expect(findings(objects)).toEqual([]);
  });

  test('checks an MCPOIDCConfig CA bundle ConfigMap and an MCPWebhookConfig CA Secret', () => {
    const oidc = { apiVersion: V1BETA1, kind: 'MCPOIDCConfig', metadata: { name: 'idp' }, spec: { type: 'inline', inline: { issuer: 'https://idp.example.com', caBundleRef: { configMapRef: { name: 'ca', key: 'ca.crt' } } } } };
    const hooks = {
      apiVersion: 'toolhive.stacklok.dev/v1alpha1',
      kind: 'MCPWebhookConfig',
      metadata: { name: 'hooks' },
      spec: { validating: [{ name: 'policy', url: 'https://hooks.example.com/v', tlsConfig: { caSecretRef: { name: 'hook-ca', key: 'ca.crt' } } }] },
    };
    const cm = (v: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ca' }, data: { 'ca.crt': v } });
    expect(findings([oidc, hooks, cm(CERT), secret('hook-ca', { 'ca.crt': CERT })])).toEqual([]);
    expect(brief(findings([oidc, hooks, cm('nope'), secret('hook-ca', { 'ca.crt': 'nope' })]))).toEqual([
      'error MCPOIDCConfig/idp spec.inline.caBundleRef.configMapRef.key [operator.secret.ca-bundle] CA bundle ConfigMap "ca" key "ca.crt" holds no PEM block; the OIDC token validator cannot trust any server with it: store the PEM-encoded CA certificates',
      'error MCPWebhookConfig/hooks spec.validating[0].tlsConfig.caSecretRef.key [operator.secret.ca-bundle] CA bundle Secret "hook-ca" key "ca.crt" holds no PEM block; the webhook client cannot trust any server with it: store the PEM-encoded CA certificates',
    ]);
  });
});

describe('PEM scanning', () => {
  test('stays linear on hostile input (many unterminated markers)', () => {
    const hostile = '-----BEGIN X-----\n'.repeat(20000) + '-----BEGIN Y'.repeat(20000);
    expect(pemBlocks(hostile)).toEqual([]);
  });

  test('does not echo a label that is not a plain PEM label', () => {
    const vs = findings([...used(), secret('keys', { 'key.pem': '-----BEGIN s3cr3t-value-----\nAAAA\n-----END s3cr3t-value-----' }), HMAC_OK]);
    expect(vs.map(v => v.message)[0]).toContain('holds a PEM block with an unrecognised label that is not an unencrypted PKCS#1, SEC 1 or PKCS#8 private key');
    expect(JSON.stringify(vs)).not.toContain('s3cr3t');
  });
});
