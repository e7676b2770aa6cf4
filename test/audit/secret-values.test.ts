/**
 * Audit: no output of the engine or of the env bindings ever contains a Secret's value. A platform holds Secrets with
 * distinctive fake values (stringData, base64 data, undecodable data, odd types) and makes many mistakes around them:
 * wrong keys, missing Secrets, env name clashes, a pre-created HMAC Secret, half mTLS pairs and more. Names and keys
 * may appear in messages; values, their base64 and any fragment of them must not.
 */
import { configMap, th, V1ALPHA1 } from './helpers';
import { envBindings, envBindingSources } from '../../src/bindings';
import { validateManifests, type KubeObject } from '../../src/validation';

/** Every fake value carries this marker; no name or key in the platform does. */
const MARK = 'Zq9S3CR3T';
const value = (n: number) => `${MARK}-hunter2-value-${String(n).padStart(4, '0')}-${MARK}`;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const V = Array.from({ length: 16 }, (_, i) => value(i + 1));

function secret(name: string, body: { stringData?: Record<string, unknown>; data?: Record<string, unknown>; type?: string }): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: body.type ?? 'Opaque', ...body };
}

const SECRETS: KubeObject[] = [
  secret('creds', { stringData: { 'token': V[0], 'password': V[1], 'client-secret': V[2] } }),
  secret('creds-b64', { data: { 'token': b64(V[3]), 'client-secret': b64(V[4]), 'tls.crt': b64(V[5]) } }),
  // not base64: the engine must say so without echoing the value
  secret('creds-bad', { data: { token: `${V[6]}!!`, other: ` ${V[7]} ` } }),
  // odd types the API server would reject
  secret('creds-odd', { data: { n: 4242424242, nested: { inner: V[8] } }, stringData: { list: [V[9]] } }),
  // the operator creates and owns <vmcp>-hmac-secret: a user copy is a collision
  secret('gw-hmac-secret', { data: { 'hmac-secret': b64(V[10]) } }),
  // an invalid object name, and a value in both data and stringData
  secret('Bad_Name', { stringData: { token: V[11] } }),
  secret('both', { data: { token: b64(V[12]) }, stringData: { token: V[13] } }),
  // a dockerconfigjson with a fake auth string
  secret('pull', { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64(JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`user:${V[14]}`) } } })) } }),
];

const ref = (name: string, key: string) => ({ name, key });
const OKTA = { name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'c', clientSecretRef: ref('creds-b64', 'wrong-key') } };

const PLATFORM: KubeObject[] = [
  ...SECRETS,
  th('MCPGroup', 'g', {}),
  th('MCPOIDCConfig', 'idp', { type: 'inline', inline: { issuer: 'https://auth.example.com', clientId: 'c', clientSecretRef: ref('creds', 'missing') } }),
  th('MCPExternalAuthConfig', 'as', {
    type: 'embeddedAuthServer',
    embeddedAuthServer: {
      issuer: 'https://auth.example.com',
      upstreamProviders: [OKTA, { ...OKTA, name: 'github' }],
      signingKeySecretRefs: [ref('creds-b64', 'tls.key')],
      hmacSecretRefs: [ref('absent', 'hmac')],
      delegateClients: [{ clientId: 'agent', clientSecretRef: ref('creds-bad', 'token'), scopes: ['admin'], audiences: ['https://x.example.com'] }],
      storage: { type: 'redis', redis: { addr: 'redis:6379', aclUserConfig: { usernameSecretRef: ref('creds', 'user'), passwordSecretRef: ref('both', 'token') } } },
    },
  }),
  th('MCPExternalAuthConfig', 'bearer', { type: 'bearerToken', bearerToken: { tokenSecretRef: ref('creds', 'nope') } }),
  th('MCPExternalAuthConfig', 'te.x', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'a', clientId: 'c', clientSecretRef: ref('creds', 'password') } }),
  th('MCPExternalAuthConfig', 'te-x', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'a', clientId: 'c', clientSecretRef: ref('creds-b64', 'token') } }),
  th('MCPTelemetryConfig', 'otel', {
    openTelemetry: {
      endpoint: 'otel:4317',
      headers: { 'x-api-key': 'public' },
      sensitiveHeaders: [{ name: 'x-api-key', secretKeyRef: ref('creds', 'token') }, { name: 'X-Api-Key', secretKeyRef: ref('creds-odd', 'n') }],
    },
  }),
  th('MCPWebhookConfig', 'hooks', {
    validating: [{ name: 'policy', url: 'http://hook.example.com', hmacSecretRef: ref('creds', 'hmac'), tlsConfig: { clientCertSecretRef: ref('creds-b64', 'tls.crt') } }],
  }, V1ALPHA1),
  th('MCPServer', 'fetch', {
    image: 'ghcr.io/x/y:1',
    secrets: [ref('creds', 'token'), { ...ref('creds-b64', 'nope'), targetEnvName: 'BAD NAME' }, { ...ref('creds-odd', 'list'), targetEnvName: 'TOKEN' }],
    env: [{ name: 'TOKEN', value: 'plain' }],
    externalAuthConfigRef: { name: 'bearer' },
    authServerRef: { kind: 'MCPExternalAuthConfig', name: 'as' },
    oidcConfigRef: { name: 'idp', audience: 'wrong' },
    telemetryConfigRef: { name: 'otel' },
    webhookConfigRef: { name: 'hooks' },
    sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: ref('creds-bad', 'other') },
    resourceOverrides: { proxyDeployment: { env: [{ name: 'TOOLHIVE_OIDC_CLIENT_SECRET', value: 'x' }], imagePullSecrets: [{ name: 'pull' }] } },
  }),
  th('MCPRemoteProxy', 'remote', {
    remoteUrl: 'http://10.0.0.1/mcp',
    externalAuthConfigRef: { name: 'bearer' },
    headerForward: { addHeadersFromSecret: [{ headerName: 'X-A.B', valueSecretRef: ref('creds', 'token') }, { headerName: 'X-A_B', valueSecretRef: ref('creds-b64', 'token') }] },
    oidcConfigRef: { name: 'idp', audience: 'a' },
  }),
  th('MCPServerEntry', 'e.1', { remoteUrl: 'https://a.example.com', transport: 'sse', groupRef: { name: 'g' }, headerForward: { addHeadersFromSecret: [{ headerName: 'X-K', valueSecretRef: ref('creds', 'absent') }] } }),
  th('MCPServerEntry', 'e-1', { remoteUrl: 'https://b.example.com', transport: 'sse', groupRef: { name: 'g' }, headerForward: { addHeadersFromSecret: [{ headerName: 'X-K', valueSecretRef: ref('creds-b64', 'token') }] } }),
  th('VirtualMCPServer', 'gw', {
    groupRef: { name: 'g' },
    incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'idp', audience: 'a' } },
    outgoingAuth: {
      source: 'discovered',
      backends: {
        a: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'te.x' } },
        b: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'te-x' } },
        c: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'bearer' } },
      },
    },
    sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: ref('Bad_Name', 'token') },
    telemetryConfigRef: { name: 'otel' },
  }),
  th('EmbeddingServer', 'embed', { model: 'm', hfTokenSecretRef: ref('creds-bad', 'token') }),
  th('MCPRegistry', 'registry', { configYAML: 'x: 1\n', pgpassSecretRef: ref('creds-odd', 'nested') }),
  configMap('authz', { 'authz.json': '{"version":"1.0","type":"cedarv1","cedar":{"policies":["permit"]}' }),
  th('MCPServer', 'authz', { image: 'ghcr.io/x/y:1', authzConfig: { type: 'configMap', configMap: { name: 'authz' } } }),
];

/** Every string a value could leak as: the value, its base64 (also unpadded), the marker and the base64 the user wrote. */
function forbidden(): string[] {
  const out = new Set<string>([MARK]);
  for (const v of V) {
    out.add(v);
    out.add(b64(v));
    out.add(b64(v).replace(/=+$/, ''));
    out.add(Buffer.from(v).toString('base64url'));
  }
  for (const s of SECRETS) {
    for (const x of Object.values((s.data ?? {}) as Record<string, unknown>)) if (typeof x === 'string' && x.length >= 8) out.add(x.trim());
  }
  return [...out];
}

const leaks = (text: string) => forbidden().filter(f => text.includes(f));

describe('no output carries a Secret value', () => {
  const runs: [string, () => unknown][] = [
    ['validateManifests', () => validateManifests(PLATFORM)],
    ['validateManifests with assumeExternal', () => validateManifests(PLATFORM, { assumeExternal: true })],
    ['validateManifests with the Secrets declared external instead', () => validateManifests(PLATFORM.filter(o => o.kind !== 'Secret'), { external: ['Secret/*'] })],
    ['envBindings', () => envBindings(PLATFORM)],
    ['envBindingSources', () => envBindingSources(PLATFORM)],
  ];

  test.each(runs)('%s: no value, base64 of a value or fragment of one appears in the JSON of the result', (_name, run) => {
    const json = JSON.stringify(run());
    expect(leaks(json)).toEqual([]);
  });

  test('rejects the platform with many errors that name the Secrets and keys involved (so the check above is not vacuous)', () => {
    const vs = validateManifests(PLATFORM);
    const errors = vs.filter(v => v.severity === 'error');
    expect(errors.length).toBeGreaterThan(30);
    const text = JSON.stringify(vs);
    for (const named of ['default/creds ', 'creds-b64', 'creds-bad', 'wrong-key', 'gw-hmac-secret', 'Bad_Name']) expect(text).toContain(named);
    const rules = new Set(errors.map(v => v.rule));
    for (const r of ['identity.secret-data', 'metadata.name', 'ref.secret-key-missing', 'ref.missing', 'collision.secret', 'collision.header-env', 'collision.env', 'hygiene.env-name']) {
      expect(rules).toContain(r);
    }
  });

  test('derives env for every workload and binds Secrets only by reference', () => {
    const env = envBindings(PLATFORM);
    expect(env.map(w => `${w.kind}/${w.name}`)).toEqual(
      ['MCPServer/fetch', 'MCPRemoteProxy/remote', 'VirtualMCPServer/gw', 'EmbeddingServer/embed', 'MCPRegistry/registry', 'MCPServer/authz']);
    const fromSecrets = env.flatMap(w => w.containers.flatMap(c => c.env)).filter(e => JSON.stringify(e).includes('secretKeyRef'));
    expect(fromSecrets.length).toBeGreaterThan(10);
    for (const e of fromSecrets) expect(e).not.toHaveProperty('value');
  });

  test('the leak detector finds a value when one is there', () => {
    expect(leaks(JSON.stringify({ message: `bad ${V[3]}` }))).toContain(V[3]);
    expect(leaks(JSON.stringify({ message: `bad ${b64(V[4])}` }))).toContain(b64(V[4]));
  });
});
