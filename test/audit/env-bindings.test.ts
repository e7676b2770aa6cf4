/**
 * Audit of `envBindings` against the operator's env derivation (deploymentForMCPServer, buildEnvVarsForProxy,
 * buildEnvVarsForVmcp, EmbeddingServer buildEnvVars; names per ctrlutil externalauth.go/telemetry.go): one platform that uses every env source of every workload, with the
 * env lists written down from the Go functions (order included), and their subtle cases.
 */
import { secret, th } from './helpers';
import { envBindings, type EnvBindingsOptions, type WorkloadEnv } from '../../src/bindings';
import { validateManifests, type KubeObject } from '../../src/validation';

/** `NAME=value`, `NAME<-secret/key` or `NAME<-field:path`: one line per env entry. */
function render(workloads: readonly WorkloadEnv[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const w of workloads) {
    for (const c of w.containers) {
      out[`${w.kind}/${w.name} ${c.name}`] = c.env.map(e => {
        if (e.value !== undefined) return `${e.name}=${e.value}`;
        const s = e.valueFrom?.secretKeyRef;
        if (s) return `${e.name}<-${s.name}/${s.key}`;
        return `${e.name}<-field:${e.valueFrom?.fieldRef?.fieldPath}`;
      });
    }
  }
  return out;
}

const env = (objects: readonly KubeObject[], options?: EnvBindingsOptions) => render(envBindings(objects, options));

const REQUIRED = ['XDG_CONFIG_HOME=/tmp', 'HOME=/tmp', 'TOOLHIVE_RUNTIME=kubernetes', 'UNSTRUCTURED_LOGS=false'];
const GENERATION = 'THV_MCPSERVER_GENERATION<-field:metadata.annotations[\'toolhive.stacklok.dev/mcpserver-generation\']';
const ref = (name: string, key: string) => ({ name, key });

const PLATFORM: KubeObject[] = [
  secret('otel', { key: 'x' }), secret('te', { 'client-secret': 'x' }), secret('oidc', { secret: 'x' }), secret('redis', { password: 'x' }),
  secret('okta-client', { 'client-secret': 'x' }), secret('agent', { secret: 'x' }), secret('acl', { user: 'u', password: 'p' }),
  secret('github-token', { token: 'x' }), secret('hdr', { v: 'x' }), secret('dcr', { token: 'x' }), secret('hf', { token: 'x' }),
  secret('pg', { '.pgpass': 'x' }),
  th('MCPTelemetryConfig', 'otel', {
    openTelemetry: { endpoint: 'otel:4317', tracing: { enabled: true }, sensitiveHeaders: [{ name: 'x-api-key', secretKeyRef: ref('otel', 'key') }] },
  }),
  th('MCPExternalAuthConfig', 'te', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'a', clientId: 'c', clientSecretRef: ref('te', 'client-secret') } }),
  th('MCPExternalAuthConfig', 'bt', { type: 'bearerToken', bearerToken: { tokenSecretRef: ref('github-token', 'token') } }),
  th('MCPExternalAuthConfig', 'hi', { type: 'headerInjection', headerInjection: { headerName: 'X-Key', valueSecretRef: ref('hdr', 'v') } }),
  th('MCPOIDCConfig', 'idp', { type: 'inline', inline: { issuer: 'https://auth.example.com', clientId: 'c', clientSecretRef: ref('oidc', 'secret') } }),
  th('MCPExternalAuthConfig', 'as', {
    type: 'embeddedAuthServer',
    embeddedAuthServer: {
      issuer: 'https://auth.example.com',
      upstreamProviders: [{ name: 'okta-prod', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'c', clientSecretRef: ref('okta-client', 'client-secret') } }],
      delegateClients: [{ clientId: 'agent', clientSecretRef: ref('agent', 'secret'), scopes: ['openid'], audiences: ['http://fetch.default.svc.cluster.local:8080'] }],
      storage: { type: 'redis', redis: { addr: 'redis:6379', aclUserConfig: { usernameSecretRef: ref('acl', 'user'), passwordSecretRef: ref('acl', 'password') } } },
    },
  }),
  th('MCPServer', 'fetch', {
    image: 'ghcr.io/x/fetch:1',
    telemetryConfigRef: { name: 'otel' },
    externalAuthConfigRef: { name: 'te' },
    oidcConfigRef: { name: 'idp', audience: 'http://fetch.default.svc.cluster.local:8080' },
    authServerRef: { kind: 'MCPExternalAuthConfig', name: 'as' },
    resourceOverrides: { proxyDeployment: { env: [{ name: 'FOO', value: 'bar' }] } },
    sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: ref('redis', 'password') },
    secrets: [{ name: 'github-token', key: 'token', targetEnvName: 'GITHUB_TOKEN' }, { name: 'hdr', key: 'v' }],
  }),
  th('MCPRemoteProxy', 'rp', {
    remoteUrl: 'https://mcp.example.com',
    externalAuthConfigRef: { name: 'bt' },
    oidcConfigRef: { name: 'idp', audience: 'https://rp.example.com' },
    telemetryConfigRef: { name: 'otel' },
    headerForward: { addHeadersFromSecret: [{ headerName: 'X-Api-Key', valueSecretRef: ref('hdr', 'v') }], addPlaintextHeaders: { 'X-Team': 'a' } },
    resourceOverrides: { proxyDeployment: { env: [{ name: 'FOO', value: 'bar' }] } },
    sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: ref('redis', 'password') },
  }),
  th('MCPGroup', 'g', {}),
  th('MCPServerEntry', 'my-entry', {
    remoteUrl: 'https://e.example.com',
    transport: 'sse',
    groupRef: { name: 'g' },
    headerForward: { addHeadersFromSecret: [{ headerName: 'X-Api-Key', valueSecretRef: ref('hdr', 'v') }], addPlaintextHeaders: { 'X-Team': 'a' } },
  }),
  th('VirtualMCPServer', 'gw', {
    groupRef: { name: 'g' },
    incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'idp', audience: 'http://gw.default.svc.cluster.local:4483' } },
    telemetryConfigRef: { name: 'otel' },
    outgoingAuth: {
      source: 'inline',
      default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'te' } },
      backends: { a: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'hi' } } },
    },
    sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: ref('redis', 'password') },
    authServerConfig: {
      issuer: 'https://auth.example.com',
      upstreamProviders: [{
        name: 'corp',
        type: 'oauth2',
        oauth2Config: {
          authorizationEndpoint: 'https://corp.example.com/a',
          tokenEndpoint: 'https://corp.example.com/t',
          userInfo: { endpointUrl: 'https://corp.example.com/u' },
          dcrConfig: { discoveryUrl: 'https://corp.example.com/.well-known/openid-configuration', initialAccessTokenRef: ref('dcr', 'token') },
        },
      }],
    },
  }),
  th('EmbeddingServer', 'embed', { model: 'BAAI/bge-small-en-v1.5', hfTokenSecretRef: ref('hf', 'token'), env: [{ name: 'A', value: 'b' }], modelCache: { enabled: true } }),
  th('MCPRegistry', 'reg', { configYAML: 'sources: []\n', pgpassSecretRef: ref('pg', '.pgpass') }),
];

describe('env bindings on a platform that uses every source', () => {
  const got = env(PLATFORM);

  test('the platform itself is valid (only the MCPRegistry deprecation warning)', () => {
    expect(validateManifests(PLATFORM).map(v => `${v.severity} ${v.rule}`)).toEqual(['warning identity.deprecated-version']);
  });

  test('MCPServer proxy: OTel, token exchange (no suffix), OIDC, overrides, session Redis, generation, embedded AS, required defaults', () => {
    expect(got['MCPServer/fetch toolhive']).toEqual([
      'OTEL_RESOURCE_ATTRIBUTES=service.name=fetch,service.namespace=default',
      'TOOLHIVE_OTEL_HEADER_X_API_KEY<-otel/key',
      'TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET<-te/client-secret',
      'TOOLHIVE_OIDC_CLIENT_SECRET<-oidc/secret',
      'FOO=bar',
      'THV_SESSION_REDIS_PASSWORD<-redis/password',
      GENERATION,
      'TOOLHIVE_UPSTREAM_CLIENT_SECRET_OKTA_PROD<-okta-client/client-secret',
      'TOOLHIVE_DELEGATE_CLIENT_SECRET_0<-agent/secret',
      'TOOLHIVE_AUTH_SERVER_REDIS_USERNAME<-acl/user',
      'TOOLHIVE_AUTH_SERVER_REDIS_PASSWORD<-acl/password',
      ...REQUIRED,
    ]);
  });

  test('MCPServer backend: spec.secrets become env of container mcp, named targetEnvName or key', () => {
    expect(got['MCPServer/fetch mcp'].slice(0, 2)).toEqual(['GITHUB_TOKEN<-github-token/token', 'v<-hdr/v']);
  });

  test('MCPRemoteProxy: verbatim TOOLHIVE_SECRET_<name> for the bearer token, provider before header Secrets and again after the defaults, no OTel', () => {
    expect(got['MCPRemoteProxy/rp toolhive']).toEqual([
      'TOOLHIVE_OIDC_CLIENT_SECRET<-oidc/secret',
      'TOOLHIVE_SECRET_github-token<-github-token/token',
      'TOOLHIVE_SECRETS_PROVIDER=environment',
      'TOOLHIVE_SECRET_HEADER_FORWARD_X_API_KEY_RP<-hdr/v',
      'FOO=bar',
      'THV_SESSION_REDIS_PASSWORD<-redis/password',
      ...REQUIRED,
      'TOOLHIVE_SECRETS_PROVIDER=environment',
    ]);
  });

  test('VirtualMCPServer: identity, OIDC, outgoing secrets, entry header forwarding, HMAC, Redis, OTel, auth server, defaults', () => {
    expect(got['VirtualMCPServer/gw vmcp']).toEqual([
      'VMCP_NAME=gw',
      'VMCP_NAMESPACE=default',
      'VMCP_OIDC_CLIENT_SECRET<-oidc/secret',
      // backends first, then default (each source sorted by env name)
      'TOOLHIVE_HEADER_INJECTION_VALUE_HI<-hdr/v',
      'TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_TE<-te/client-secret',
      'TOOLHIVE_HEADER_FORWARD_MY_ENTRY={"addPlaintextHeaders":{"X-Team":"a"},"addHeadersFromSecret":{"X-Api-Key":"HEADER_FORWARD_X_API_KEY_MY_ENTRY"}}',
      'TOOLHIVE_SECRET_HEADER_FORWARD_X_API_KEY_MY_ENTRY<-hdr/v',
      'VMCP_SESSION_HMAC_SECRET<-gw-hmac-secret/hmac-secret',
      'THV_SESSION_REDIS_PASSWORD<-redis/password',
      'OTEL_RESOURCE_ATTRIBUTES=service.name=gw,service.namespace=default',
      'TOOLHIVE_OTEL_HEADER_X_API_KEY<-otel/key',
      'TOOLHIVE_UPSTREAM_DCR_INITIAL_ACCESS_TOKEN_CORP<-dcr/token',
      ...REQUIRED,
      'TOOLHIVE_SECRETS_PROVIDER=environment',
    ]);
  });

  test('EmbeddingServer and MCPRegistry', () => {
    expect(got['EmbeddingServer/embed embedding']).toEqual(['MODEL_ID=BAAI/bge-small-en-v1.5', 'HF_TOKEN<-hf/token', 'A=b', 'HF_HOME=/data']);
    expect(got['MCPRegistry/reg registry-api']).toEqual(['PGPASSFILE=/home/appuser/.pgpass']);
  });
});

describe('env bindings: the subtle cases of the Go derivation', () => {
  const proxy = (spec: Record<string, unknown>) => th('MCPServer', 's', { image: 'x', ...spec });

  test('OTEL_RESOURCE_ATTRIBUTES uses telemetryConfigRef.serviceName when given', () => {
    const got = env([th('MCPTelemetryConfig', 'otel', { openTelemetry: { endpoint: 'e:4317', tracing: { enabled: true } } }), proxy({ telemetryConfigRef: { name: 'otel', serviceName: 'svc' } })]);
    expect(got['MCPServer/s toolhive'][0]).toBe('OTEL_RESOURCE_ATTRIBUTES=service.name=svc,service.namespace=default');
  });

  test('OTel sensitive header names only change "-" to "_" and upper-case (dots stay)', () => {
    const got = env([secret('s', { k: 'v' }), proxy({ telemetryConfigRef: { name: 'otel' } }),
      th('MCPTelemetryConfig', 'otel', { openTelemetry: { endpoint: 'e:4317', tracing: { enabled: true }, sensitiveHeaders: [{ name: 'x-api.key', secretKeyRef: ref('s', 'k') }] } })]);
    expect(got['MCPServer/s toolhive'][1]).toBe('TOOLHIVE_OTEL_HEADER_X_API.KEY<-s/k');
  });

  test('the OIDC client secret is skipped when its Secret lacks the key', () => {
    const got = env([secret('sec', { other: 'x' }), proxy({ oidcConfigRef: { name: 'idp', audience: 'a' } }),
      th('MCPOIDCConfig', 'idp', { type: 'inline', inline: { issuer: 'https://a.example.com', clientSecretRef: ref('sec', 'k') } })]);
    expect(got['MCPServer/s toolhive']).toEqual([GENERATION, ...REQUIRED]);
  });

  test('a user TOOLHIVE_SECRET_* entry makes the operator append TOOLHIVE_SECRETS_PROVIDER=environment after the user\'s own', () => {
    const got = env([proxy({ resourceOverrides: { proxyDeployment: { env: [{ name: 'TOOLHIVE_SECRET_X', value: 'y' }, { name: 'TOOLHIVE_SECRETS_PROVIDER', value: 'none' }] } } })]);
    expect(got['MCPServer/s toolhive']).toEqual(['TOOLHIVE_SECRET_X=y', 'TOOLHIVE_SECRETS_PROVIDER=none', GENERATION, ...REQUIRED, 'TOOLHIVE_SECRETS_PROVIDER=environment']);
  });

  test('an MCPServer bearer token gets no TOOLHIVE_SECRET_ env var', () => {
    const got = env([secret('gh', { t: 'x' }), th('MCPExternalAuthConfig', 'bt', { type: 'bearerToken', bearerToken: { tokenSecretRef: ref('gh', 't') } }), proxy({ externalAuthConfigRef: { name: 'bt' } })]);
    expect(got['MCPServer/s toolhive']).toEqual([GENERATION, ...REQUIRED]);
  });

  const group = [th('MCPGroup', 'g', {}), secret('s', { k: 'v' }),
    th('MCPExternalAuthConfig', 'te', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://t.example.com', audience: 'a', clientSecretRef: ref('s', 'k') } }),
    th('MCPExternalAuthConfig', 'xaa', {
      type: 'xaa',
      xaa: { idpTokenUrl: 'https://i.example.com', targetTokenUrl: 'https://t.example.com', targetAudience: 'a', idpClientSecretRef: ref('s', 'k'), targetClientSecretRef: ref('s', 'k') },
    }),
    th('MCPServer', 'a', { image: 'x', groupRef: { name: 'g' }, externalAuthConfigRef: { name: 'te' } }),
    th('MCPRemoteProxy', 'b', { remoteUrl: 'https://r.example.com', groupRef: { name: 'g' }, externalAuthConfigRef: { name: 'te' } }),
    th('MCPServerEntry', 'c', { remoteUrl: 'https://r.example.com', transport: 'sse', groupRef: { name: 'g' }, externalAuthConfigRef: { name: 'xaa' } })];
  const vmcp = (spec: Record<string, unknown>) => th('VirtualMCPServer', 'gw', { groupRef: { name: 'g' }, incomingAuth: { type: 'anonymous' }, ...spec });

  test('discovered mode: members\' configs once each, sorted; the chart\'s default Redis Secret when sessionStorage is absent', () => {
    const got = env([...group, vmcp({ outgoingAuth: {} })], { defaultRedisSecret: { name: 'redis-default', key: 'password' } });
    expect(got['VirtualMCPServer/gw vmcp']).toEqual([
      'VMCP_NAME=gw', 'VMCP_NAMESPACE=default',
      'TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_TE<-s/k', 'TOOLHIVE_XAA_IDP_CLIENT_SECRET_XAA<-s/k', 'TOOLHIVE_XAA_TARGET_CLIENT_SECRET_XAA<-s/k',
      'VMCP_SESSION_HMAC_SECRET<-gw-hmac-secret/hmac-secret', 'THV_SESSION_REDIS_PASSWORD<-redis-default/password',
      ...REQUIRED,
    ]);
  });

  test('no outgoingAuth at all: no outgoing secrets; an explicit non-redis sessionStorage disables the chart default', () => {
    const got = env([...group, vmcp({ sessionStorage: { provider: 'memory' } })], { defaultRedisSecret: { name: 'redis-default', key: 'password' } });
    expect(got['VirtualMCPServer/gw vmcp']).toEqual(['VMCP_NAME=gw', 'VMCP_NAMESPACE=default', 'VMCP_SESSION_HMAC_SECRET<-gw-hmac-secret/hmac-secret', ...REQUIRED]);
  });

  test('sources are not deduplicated across discovered, backends and default (the operator appends each)', () => {
    const got = env([...group, vmcp({
      outgoingAuth: {
        source: 'discovered',
        backends: { x: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'te' } } },
        default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'te' } },
      },
    })]);
    expect(got['VirtualMCPServer/gw vmcp'].filter(e => e.startsWith('TOOLHIVE_'))).toEqual([
      'TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_TE<-s/k', 'TOOLHIVE_XAA_IDP_CLIENT_SECRET_XAA<-s/k', 'TOOLHIVE_XAA_TARGET_CLIENT_SECRET_XAA<-s/k',
      'TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_TE<-s/k',
      'TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_TE<-s/k',
      ...REQUIRED.filter(e => e.startsWith('TOOLHIVE_')),
    ]);
    // identical entries are harmless: the collision layer does not report them
    expect(validateManifests([...group, vmcp({ outgoingAuth: { source: 'discovered', default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'te' } } } })])
      .filter(v => v.severity === 'error')).toEqual([]);
  });
});
