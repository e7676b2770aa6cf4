/**
 * One schema-valid referring object per row of the reference table, each holding exactly one reference to
 * `target` (key `k` for keyed references) in namespace `team-a`, with the message the operator (or we) print
 * when that target is missing.
 */
import type { KubeObject } from '../../src/validation';

export const NS = 'team-a';
export const OTHER_NS = 'team-b';
export const TARGET = 'target';
export const KEY = 'k';
/** A value that must never show up in any message. */
export const SECRET_VALUE = 'TOP-SECRET-VALUE-9f2c';

export type Target =
  | 'MCPGroup' | 'MCPOIDCConfig' | 'MCPAuthzConfig' | 'MCPExternalAuthConfig' | 'MCPToolConfig' | 'MCPTelemetryConfig'
  | 'MCPWebhookConfig' | 'EmbeddingServer' | 'VirtualMCPCompositeToolDefinition' | 'Secret' | 'ConfigMap';

export interface Row {
  /** Referring kind and path pattern, exactly as in REF_SPECS. */
  readonly source: string;
  readonly path: string;
  readonly target: Target;
  readonly keyed: boolean;
  readonly referrer: KubeObject;
  /** Other objects the referrer needs to be otherwise resolvable (its group, a second Secret). */
  readonly context?: readonly KubeObject[];
  /** Expected message for a missing target, before the layer's hint. */
  readonly missing: string;
  /** Expected message for a missing key, before the list of present keys. */
  readonly keyMissing?: string;
}

const V1B1 = 'toolhive.stacklok.dev/v1beta1';

export function thv(kind: string, name: string, spec: Record<string, unknown>, namespace = NS): KubeObject {
  return { apiVersion: kind === 'MCPWebhookConfig' ? 'toolhive.stacklok.dev/v1alpha1' : V1B1, kind, metadata: { name, namespace }, spec };
}

export function secret(name: string, keys: readonly string[], namespace = NS): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type: 'Opaque', stringData: Object.fromEntries(keys.map(k => [k, SECRET_VALUE])) };
}

export function configMap(name: string, keys: readonly string[], namespace = NS): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: Object.fromEntries(keys.map(k => [k, '{"version":"1.0","type":"cedarv1","cedar":{"policies":["permit(principal, action, resource);"]}}'])) };
}

/** A schema-valid object of the target kind named `name`, holding key `k` where keyed. */
export function targetObject(kind: Target, name: string, namespace = NS, keys: readonly string[] = [KEY]): KubeObject {
  switch (kind) {
    case 'Secret': return secret(name, keys, namespace);
    case 'ConfigMap': return configMap(name, keys, namespace);
    case 'MCPGroup': return thv(kind, name, {}, namespace);
    case 'MCPOIDCConfig': return thv(kind, name, { type: 'kubernetesServiceAccount', kubernetesServiceAccount: {} }, namespace);
    case 'MCPAuthzConfig': return thv(kind, name, { type: 'cedarv1', config: { policies: ['permit(principal, action, resource);'] } }, namespace);
    case 'MCPExternalAuthConfig': return thv(kind, name, { type: 'unauthenticated' }, namespace);
    case 'MCPToolConfig': return thv(kind, name, { toolsFilter: ['search'] }, namespace);
    case 'MCPTelemetryConfig': return thv(kind, name, { prometheus: { enabled: true } }, namespace);
    case 'MCPWebhookConfig': return thv(kind, name, { validating: [{ name: 'policy', url: 'https://webhook.example.com/validate' }] }, namespace);
    case 'EmbeddingServer': return thv(kind, name, {}, namespace);
    case 'VirtualMCPCompositeToolDefinition':
      return thv(kind, name, { name: 'triage', steps: [{ id: 'fetch', tool: 'github.get_issue' }] }, namespace);
  }
}

const ref = { name: TARGET };
const sref = { name: TARGET, key: KEY };
const GROUP = thv('MCPGroup', 'grp', {});
const REDIS_PASSWORD = secret('redis-password', ['password']);
const nsName = `${NS}/${TARGET}`;

const SERVER = { image: 'ghcr.io/example/mcp:1.0' };
const PROXY = { remoteUrl: 'https://mcp.example.com/mcp' };
const ENTRY = { remoteUrl: 'https://mcp.example.com/mcp', transport: 'streamable-http', groupRef: { name: 'grp' } };
const VMCP = { groupRef: { name: 'grp' }, incomingAuth: { type: 'anonymous' } };

const defaultMissing = (kind: Target) => `${kind} "${TARGET}" not found in namespace "${NS}"`;
const defaultKeyMissing = (kind: Target) => `${kind} "${TARGET}" in namespace "${NS}" has no key "${KEY}"`;

function secretRow(source: string, path: string, referrer: KubeObject, extra: Partial<Row> = {}): Row {
  return { source, path, target: 'Secret', keyed: true, referrer, missing: defaultMissing('Secret'), keyMissing: defaultKeyMissing('Secret'), ...extra };
}
function configMapRow(source: string, path: string, referrer: KubeObject, extra: Partial<Row> = {}): Row {
  return { source, path, target: 'ConfigMap', keyed: true, referrer, missing: defaultMissing('ConfigMap'), keyMissing: defaultKeyMissing('ConfigMap'), ...extra };
}
function pullSecretRow(source: string, path: string, referrer: KubeObject, context?: readonly KubeObject[]): Row {
  return { source, path, target: 'Secret', keyed: false, referrer, missing: defaultMissing('Secret'), context };
}

const OIDC_UPSTREAM = { name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'toolhive' } };
const OAUTH2 = { authorizationEndpoint: 'https://github.com/login/oauth/authorize', tokenEndpoint: 'https://github.com/login/oauth/access_token' };
const REDIS_ACL = { passwordSecretRef: { name: 'redis-password', key: 'password' } };

/** An embedded auth server config holding the one Secret reference at `rel`, plus what it needs to be valid. */
function embeddedAs(rel: string): { config: Record<string, unknown>; context: KubeObject[] } {
  const base = { issuer: 'https://auth.example.com', upstreamProviders: [OIDC_UPSTREAM] };
  switch (rel) {
    case 'signingKeySecretRefs[*]': return { config: { ...base, signingKeySecretRefs: [sref] }, context: [] };
    case 'hmacSecretRefs[*]': return { config: { ...base, hmacSecretRefs: [sref] }, context: [] };
    case 'upstreamProviders[*].oidcConfig.clientSecretRef':
      return {
        config: { ...base, upstreamProviders: [{ ...OIDC_UPSTREAM, oidcConfig: { ...OIDC_UPSTREAM.oidcConfig, clientSecretRef: sref } }] },
        context: [],
      };
    case 'upstreamProviders[*].oauth2Config.clientSecretRef':
      return { config: { ...base, upstreamProviders: [{ name: 'github', type: 'oauth2', oauth2Config: { ...OAUTH2, clientId: 'gh-app', clientSecretRef: sref } }] }, context: [] };
    case 'upstreamProviders[*].oauth2Config.dcrConfig.initialAccessTokenRef':
      return {
        config: {
          ...base,
          upstreamProviders: [{ name: 'corp', type: 'oauth2', oauth2Config: { ...OAUTH2, dcrConfig: { discoveryUrl: 'https://idp.example.com/.well-known/oauth-authorization-server', initialAccessTokenRef: sref } } }],
        },
        context: [],
      };
    case 'delegateClients[*].clientSecretRef':
      return { config: { ...base, delegateClients: [{ clientId: 'agent', audiences: ['https://mcp.example.com'], scopes: ['openid'], clientSecretRef: sref }] }, context: [] };
    case 'storage.redis.aclUserConfig.usernameSecretRef':
      return { config: { ...base, storage: { type: 'redis', redis: { addr: 'redis:6379', aclUserConfig: { ...REDIS_ACL, usernameSecretRef: sref } } } }, context: [REDIS_PASSWORD] };
    case 'storage.redis.aclUserConfig.passwordSecretRef':
      return { config: { ...base, storage: { type: 'redis', redis: { addr: 'redis:6379', aclUserConfig: { passwordSecretRef: sref } } } }, context: [] };
    case 'storage.redis.tls.caCertSecretRef':
      return { config: { ...base, storage: { type: 'redis', redis: { addr: 'redis:6379', aclUserConfig: REDIS_ACL, tls: { caCertSecretRef: sref } } } }, context: [REDIS_PASSWORD] };
    case 'storage.redis.sentinelTls.caCertSecretRef':
      return {
        config: {
          ...base,
          storage: { type: 'redis', redis: { sentinelConfig: { masterName: 'mymaster', sentinelAddrs: ['sentinel:26379'] }, aclUserConfig: REDIS_ACL, sentinelTls: { caCertSecretRef: sref } } },
        },
        context: [REDIS_PASSWORD],
      };
    default: throw new Error(`no fixture for embedded auth server ref ${rel}`);
  }
}

export const EMBEDDED_AS_RELS = [
  'signingKeySecretRefs[*]',
  'hmacSecretRefs[*]',
  'upstreamProviders[*].oidcConfig.clientSecretRef',
  'upstreamProviders[*].oauth2Config.clientSecretRef',
  'upstreamProviders[*].oauth2Config.dcrConfig.initialAccessTokenRef',
  'delegateClients[*].clientSecretRef',
  'storage.redis.aclUserConfig.usernameSecretRef',
  'storage.redis.aclUserConfig.passwordSecretRef',
  'storage.redis.tls.caCertSecretRef',
  'storage.redis.sentinelTls.caCertSecretRef',
];

const WEBHOOK_RELS = ['hmacSecretRef', 'tlsConfig.caSecretRef', 'tlsConfig.clientCertSecretRef', 'tlsConfig.clientKeySecretRef'];

function webhookItem(rel: string): Record<string, unknown> {
  const item = { name: 'policy', url: 'https://webhook.example.com/validate' };
  if (rel === 'hmacSecretRef') return { ...item, hmacSecretRef: sref };
  return { ...item, tlsConfig: { [rel.split('.')[1]]: sref } };
}

const src = 'ref-src';

/**
 * A workload that consumes MCPExternalAuthConfig `ref-src`: the config's Secrets are read only then, so without it
 * their problems are latent warnings (see behaviour.test.ts).
 */
export const EXTERNAL_AUTH_CONSUMER = thv('VirtualMCPServer', 'consumer', {
  ...VMCP, outgoingAuth: { source: 'inline', default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'ref-src' } } },
});

const withConsumer = (row: Row): Row => row.source === 'MCPExternalAuthConfig' && row.target === 'Secret'
  ? { ...row, context: [...(row.context ?? []), GROUP, EXTERNAL_AUTH_CONSUMER] }
  : row;

export const ROWS: readonly Row[] = ([] as Row[]).concat([
  // MCPServer
  { source: 'MCPServer', path: 'spec.groupRef', target: 'MCPGroup', keyed: false, referrer: thv('MCPServer', src, { ...SERVER, groupRef: ref }), missing: `MCPGroup '${TARGET}' not found in namespace '${NS}'` },
  { source: 'MCPServer', path: 'spec.oidcConfigRef', target: 'MCPOIDCConfig', keyed: false, referrer: thv('MCPServer', src, { ...SERVER, oidcConfigRef: { ...ref, audience: 'mcp' } }), missing: `MCPOIDCConfig ${TARGET} not found` },
  { source: 'MCPServer', path: 'spec.authzConfigRef', target: 'MCPAuthzConfig', keyed: false, referrer: thv('MCPServer', src, { ...SERVER, authzConfigRef: ref }), missing: `MCPAuthzConfig ${TARGET} not found` },
  configMapRow('MCPServer', 'spec.authzConfig.configMap', thv('MCPServer', src, { ...SERVER, authzConfig: { type: 'configMap', configMap: sref } }), {
    missing: `failed to get Authz ConfigMap ${nsName}: configmaps "${TARGET}" not found`,
    keyMissing: `authz ConfigMap ${nsName} is missing key "${KEY}"`,
  }),
  { source: 'MCPServer', path: 'spec.toolConfigRef', target: 'MCPToolConfig', keyed: false, referrer: thv('MCPServer', src, { ...SERVER, toolConfigRef: ref }), missing: `MCPToolConfig ${TARGET} not found in namespace ${NS}` },
  { source: 'MCPServer', path: 'spec.externalAuthConfigRef', target: 'MCPExternalAuthConfig', keyed: false, referrer: thv('MCPServer', src, { ...SERVER, externalAuthConfigRef: ref }), missing: `MCPExternalAuthConfig ${TARGET} not found in namespace ${NS}` },
  { source: 'MCPServer', path: 'spec.authServerRef', target: 'MCPExternalAuthConfig', keyed: false, referrer: thv('MCPServer', src, { ...SERVER, authServerRef: { kind: 'MCPExternalAuthConfig', name: TARGET } }), missing: `MCPExternalAuthConfig '${TARGET}' not found in namespace '${NS}'` },
  { source: 'MCPServer', path: 'spec.telemetryConfigRef', target: 'MCPTelemetryConfig', keyed: false, referrer: thv('MCPServer', src, { ...SERVER, telemetryConfigRef: ref }), missing: `MCPTelemetryConfig ${TARGET} not found` },
  { source: 'MCPServer', path: 'spec.webhookConfigRef', target: 'MCPWebhookConfig', keyed: false, referrer: thv('MCPServer', src, { ...SERVER, webhookConfigRef: ref }), missing: `mcpwebhookconfigs.toolhive.stacklok.dev "${TARGET}" not found` },
  secretRow('MCPServer', 'spec.secrets[*]', thv('MCPServer', src, { ...SERVER, secrets: [{ ...sref, targetEnvName: 'GITHUB_TOKEN' }] })),
  secretRow('MCPServer', 'spec.sessionStorage.passwordRef', thv('MCPServer', src, { ...SERVER, sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: sref } })),
  configMapRow('MCPServer', 'spec.permissionProfile', thv('MCPServer', src, { ...SERVER, permissionProfile: { type: 'configmap', ...sref } })),
  pullSecretRow('MCPServer', 'spec.resourceOverrides.proxyDeployment.imagePullSecrets[*]', thv('MCPServer', src, { ...SERVER, resourceOverrides: { proxyDeployment: { imagePullSecrets: [ref] } } })),

  // MCPRemoteProxy
  { source: 'MCPRemoteProxy', path: 'spec.groupRef', target: 'MCPGroup', keyed: false, referrer: thv('MCPRemoteProxy', src, { ...PROXY, groupRef: ref }), missing: `MCPGroup '${TARGET}' not found in namespace '${NS}'` },
  { source: 'MCPRemoteProxy', path: 'spec.oidcConfigRef', target: 'MCPOIDCConfig', keyed: false, referrer: thv('MCPRemoteProxy', src, { ...PROXY, oidcConfigRef: { ...ref, audience: 'mcp' } }), missing: `MCPOIDCConfig ${TARGET} not found` },
  { source: 'MCPRemoteProxy', path: 'spec.authzConfigRef', target: 'MCPAuthzConfig', keyed: false, referrer: thv('MCPRemoteProxy', src, { ...PROXY, authzConfigRef: ref }), missing: `MCPAuthzConfig ${TARGET} not found` },
  configMapRow('MCPRemoteProxy', 'spec.authzConfig.configMap', thv('MCPRemoteProxy', src, { ...PROXY, authzConfig: { type: 'configMap', configMap: sref } }), {
    missing: `authorization ConfigMap "${TARGET}" not found in namespace "${NS}"`,
    keyMissing: `authorization ConfigMap "${TARGET}" is invalid: authz ConfigMap ${nsName} is missing key "${KEY}"`,
  }),
  { source: 'MCPRemoteProxy', path: 'spec.toolConfigRef', target: 'MCPToolConfig', keyed: false, referrer: thv('MCPRemoteProxy', src, { ...PROXY, toolConfigRef: ref }), missing: `MCPToolConfig '${TARGET}' not found in namespace '${NS}'` },
  {
    source: 'MCPRemoteProxy',
    path: 'spec.externalAuthConfigRef',
    target: 'MCPExternalAuthConfig',
    keyed: false,
    referrer: thv('MCPRemoteProxy', src, { ...PROXY, externalAuthConfigRef: ref }),
    missing: `failed to validate external auth config: failed to get MCPExternalAuthConfig ${TARGET}: mcpexternalauthconfigs.toolhive.stacklok.dev "${TARGET}" not found`,
  },
  { source: 'MCPRemoteProxy', path: 'spec.authServerRef', target: 'MCPExternalAuthConfig', keyed: false, referrer: thv('MCPRemoteProxy', src, { ...PROXY, authServerRef: { name: TARGET } }), missing: `MCPExternalAuthConfig '${TARGET}' not found in namespace '${NS}'` },
  { source: 'MCPRemoteProxy', path: 'spec.telemetryConfigRef', target: 'MCPTelemetryConfig', keyed: false, referrer: thv('MCPRemoteProxy', src, { ...PROXY, telemetryConfigRef: ref }), missing: `MCPTelemetryConfig ${TARGET} not found` },
  secretRow('MCPRemoteProxy', 'spec.sessionStorage.passwordRef', thv('MCPRemoteProxy', src, { ...PROXY, sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: sref } })),
  secretRow('MCPRemoteProxy', 'spec.headerForward.addHeadersFromSecret[*].valueSecretRef', thv('MCPRemoteProxy', src, { ...PROXY, headerForward: { addHeadersFromSecret: [{ headerName: 'X-Api-Key', valueSecretRef: sref }] } }), {
    missing: `secret "${TARGET}" referenced for header "X-Api-Key" not found in namespace "${NS}"`,
    keyMissing: `Secret "${TARGET}" has no key "${KEY}" referenced for header "X-Api-Key"`,
  }),
  pullSecretRow('MCPRemoteProxy', 'spec.resourceOverrides.proxyDeployment.imagePullSecrets[*]', thv('MCPRemoteProxy', src, { ...PROXY, resourceOverrides: { proxyDeployment: { imagePullSecrets: [ref] } } })),

  // MCPServerEntry
  { source: 'MCPServerEntry', path: 'spec.groupRef', target: 'MCPGroup', keyed: false, referrer: thv('MCPServerEntry', src, { ...ENTRY, groupRef: ref }), missing: `MCPGroup '${TARGET}' not found in namespace '${NS}'` },
  { source: 'MCPServerEntry', path: 'spec.externalAuthConfigRef', target: 'MCPExternalAuthConfig', keyed: false, referrer: thv('MCPServerEntry', src, { ...ENTRY, externalAuthConfigRef: ref }), context: [GROUP], missing: 'Referenced MCPExternalAuthConfig not found' },
  secretRow('MCPServerEntry', 'spec.headerForward.addHeadersFromSecret[*].valueSecretRef', thv('MCPServerEntry', src, { ...ENTRY, headerForward: { addHeadersFromSecret: [{ headerName: 'X-Api-Key', valueSecretRef: sref }] } }), {
    context: [GROUP],
    missing: `Secret "${TARGET}" referenced for header "X-Api-Key" not found`,
    keyMissing: `Secret "${TARGET}" has no key "${KEY}" referenced for header "X-Api-Key"`,
  }),
  configMapRow('MCPServerEntry', 'spec.caBundleRef.configMapRef', thv('MCPServerEntry', src, { ...ENTRY, caBundleRef: { configMapRef: sref } }), {
    context: [GROUP],
    missing: 'Referenced CA bundle ConfigMap not found',
  }),

  // VirtualMCPServer
  { source: 'VirtualMCPServer', path: 'spec.groupRef', target: 'MCPGroup', keyed: false, referrer: thv('VirtualMCPServer', src, { ...VMCP, groupRef: ref }), missing: `Referenced MCPGroup ${TARGET} not found` },
  {
    source: 'VirtualMCPServer',
    path: 'spec.incomingAuth.oidcConfigRef',
    target: 'MCPOIDCConfig',
    keyed: false,
    context: [GROUP],
    referrer: thv('VirtualMCPServer', src, { ...VMCP, incomingAuth: { type: 'oidc', oidcConfigRef: { ...ref, audience: 'vmcp' } } }),
    missing: `MCPOIDCConfig ${TARGET} not found`,
  },
  {
    source: 'VirtualMCPServer',
    path: 'spec.incomingAuth.authzConfigRef',
    target: 'MCPAuthzConfig',
    keyed: false,
    context: [GROUP],
    referrer: thv('VirtualMCPServer', src, { ...VMCP, incomingAuth: { type: 'anonymous', authzConfigRef: ref } }),
    missing: `MCPAuthzConfig ${TARGET} not found`,
  },
  configMapRow('VirtualMCPServer', 'spec.incomingAuth.authzConfig.configMap', thv('VirtualMCPServer', src, { ...VMCP, incomingAuth: { type: 'anonymous', authzConfig: { type: 'configMap', configMap: sref } } }), {
    context: [GROUP],
    missing: `Authorization ConfigMap is invalid: failed to get Authz ConfigMap ${nsName}: configmaps "${TARGET}" not found`,
    keyMissing: `Authorization ConfigMap is invalid: authz ConfigMap ${nsName} is missing key "${KEY}"`,
  }),
  {
    source: 'VirtualMCPServer',
    path: 'spec.outgoingAuth.default.externalAuthConfigRef',
    target: 'MCPExternalAuthConfig',
    keyed: false,
    context: [GROUP],
    referrer: thv('VirtualMCPServer', src, { ...VMCP, outgoingAuth: { source: 'inline', default: { type: 'externalAuthConfigRef', externalAuthConfigRef: ref } } }),
    missing: `failed to get MCPExternalAuthConfig ${nsName}: mcpexternalauthconfigs.toolhive.stacklok.dev "${TARGET}" not found`,
  },
  {
    source: 'VirtualMCPServer',
    path: 'spec.outgoingAuth.backends{*}.externalAuthConfigRef',
    target: 'MCPExternalAuthConfig',
    keyed: false,
    context: [GROUP],
    referrer: thv('VirtualMCPServer', src, { ...VMCP, outgoingAuth: { source: 'inline', backends: { github: { type: 'externalAuthConfigRef', externalAuthConfigRef: ref } } } }),
    missing: `failed to get MCPExternalAuthConfig ${nsName}: mcpexternalauthconfigs.toolhive.stacklok.dev "${TARGET}" not found`,
  },
  {
    source: 'VirtualMCPServer',
    path: 'spec.config.aggregation.tools[*].toolConfigRef',
    target: 'MCPToolConfig',
    keyed: false,
    context: [GROUP],
    referrer: thv('VirtualMCPServer', src, { ...VMCP, config: { aggregation: { tools: [{ workload: 'github', toolConfigRef: ref }] } } }),
    missing: `MCPToolConfig resolution failed for "${TARGET}": failed to get MCPToolConfig ${nsName}: mcptoolconfigs.toolhive.stacklok.dev "${TARGET}" not found`,
  },
  {
    source: 'VirtualMCPServer',
    path: 'spec.config.compositeToolRefs[*]',
    target: 'VirtualMCPCompositeToolDefinition',
    keyed: false,
    context: [GROUP],
    referrer: thv('VirtualMCPServer', src, { ...VMCP, config: { compositeToolRefs: [ref] } }),
    missing: `Referenced VirtualMCPCompositeToolDefinition ${TARGET} not found`,
  },
  { source: 'VirtualMCPServer', path: 'spec.telemetryConfigRef', target: 'MCPTelemetryConfig', keyed: false, context: [GROUP], referrer: thv('VirtualMCPServer', src, { ...VMCP, telemetryConfigRef: ref }), missing: `MCPTelemetryConfig ${TARGET} not found` },
  { source: 'VirtualMCPServer', path: 'spec.embeddingServerRef', target: 'EmbeddingServer', keyed: false, context: [GROUP], referrer: thv('VirtualMCPServer', src, { ...VMCP, embeddingServerRef: ref }), missing: `Referenced EmbeddingServer ${TARGET} not found` },
  secretRow('VirtualMCPServer', 'spec.sessionStorage.passwordRef', thv('VirtualMCPServer', src, { ...VMCP, sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: sref } }), { context: [GROUP] }),
  ...EMBEDDED_AS_RELS.map(rel => {
    const { config, context } = embeddedAs(rel);
    const delegate = rel === 'delegateClients[*].clientSecretRef';
    return secretRow('VirtualMCPServer', `spec.authServerConfig.${rel}`, thv('VirtualMCPServer', src, { ...VMCP, authServerConfig: config }), {
      context: [GROUP, ...context],
      ...(delegate ? {
        missing: `Authentication configuration is invalid: failed to get delegate client "agent" secret ${nsName}: secrets "${TARGET}" not found`,
        keyMissing: `Authentication configuration is invalid: delegate client "agent" secret ${nsName} is missing key "${KEY}"`,
      } : {}),
    });
  }),
  pullSecretRow('VirtualMCPServer', 'spec.imagePullSecrets[*]', thv('VirtualMCPServer', src, { ...VMCP, imagePullSecrets: [ref] }), [GROUP]),

  // MCPExternalAuthConfig
  secretRow('MCPExternalAuthConfig', 'spec.tokenExchange.clientSecretRef', thv('MCPExternalAuthConfig', src, {
    type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'backend', clientId: 'toolhive', clientSecretRef: sref },
  }), {
    missing: `failed to get client secret ${nsName}: secrets "${TARGET}" not found`,
    keyMissing: `client secret ${nsName} is missing key "${KEY}"`,
  }),
  secretRow('MCPExternalAuthConfig', 'spec.headerInjection.valueSecretRef', thv('MCPExternalAuthConfig', src, { type: 'headerInjection', headerInjection: { headerName: 'X-Api-Key', valueSecretRef: sref } })),
  secretRow('MCPExternalAuthConfig', 'spec.bearerToken.tokenSecretRef', thv('MCPExternalAuthConfig', src, { type: 'bearerToken', bearerToken: { tokenSecretRef: sref } }), {
    missing: `failed to get bearer token secret ${nsName}: secrets "${TARGET}" not found`,
    keyMissing: `bearer token secret ${nsName} is missing key "${KEY}"`,
  }),
  secretRow('MCPExternalAuthConfig', 'spec.obo.clientSecretRef', thv('MCPExternalAuthConfig', src, { type: 'obo', obo: { clientId: 'toolhive', clientSecretRef: sref } })),
  secretRow('MCPExternalAuthConfig', 'spec.xaa.idpClientSecretRef', thv('MCPExternalAuthConfig', src, {
    type: 'xaa', xaa: { idpTokenUrl: 'https://idp.example.com/token', targetTokenUrl: 'https://as.example.com/token', targetAudience: 'backend', idpClientSecretRef: sref },
  })),
  secretRow('MCPExternalAuthConfig', 'spec.xaa.targetClientSecretRef', thv('MCPExternalAuthConfig', src, {
    type: 'xaa', xaa: { idpTokenUrl: 'https://idp.example.com/token', targetTokenUrl: 'https://as.example.com/token', targetAudience: 'backend', targetClientSecretRef: sref },
  })),
  ...EMBEDDED_AS_RELS.map(rel => {
    const { config, context } = embeddedAs(rel);
    return secretRow('MCPExternalAuthConfig', `spec.embeddedAuthServer.${rel}`, thv('MCPExternalAuthConfig', src, { type: 'embeddedAuthServer', embeddedAuthServer: config }), { context });
  }),

  // MCPOIDCConfig
  secretRow('MCPOIDCConfig', 'spec.inline.clientSecretRef', thv('MCPOIDCConfig', src, { type: 'inline', inline: { issuer: 'https://issuer.example.com', clientId: 'toolhive', clientSecretRef: sref } }), {
    missing: `failed to get MCPOIDCConfig OIDC client secret secret ${nsName}: secrets "${TARGET}" not found`,
    keyMissing: `MCPOIDCConfig OIDC client secret secret ${nsName} is missing key "${KEY}"`,
  }),
  configMapRow('MCPOIDCConfig', 'spec.inline.caBundleRef.configMapRef', thv('MCPOIDCConfig', src, { type: 'inline', inline: { issuer: 'https://issuer.example.com', caBundleRef: { configMapRef: sref } } }), {
    missing: `CA bundle ConfigMap '${TARGET}' not found in namespace '${NS}'`,
    keyMissing: `Key '${KEY}' not found in ConfigMap '${TARGET}'`,
  }),

  // MCPTelemetryConfig
  secretRow('MCPTelemetryConfig', 'spec.openTelemetry.sensitiveHeaders[*].secretKeyRef', thv('MCPTelemetryConfig', src, {
    openTelemetry: { endpoint: 'otel-collector:4317', tracing: { enabled: true }, sensitiveHeaders: [{ name: 'Authorization', secretKeyRef: sref }] },
  })),
  configMapRow('MCPTelemetryConfig', 'spec.openTelemetry.caBundleRef.configMapRef', thv('MCPTelemetryConfig', src, {
    openTelemetry: { endpoint: 'otel-collector:4317', tracing: { enabled: true }, caBundleRef: { configMapRef: sref } },
  })),

  // MCPWebhookConfig (v1alpha1)
  ...['validating', 'mutating'].flatMap(list => WEBHOOK_RELS.map(rel =>
    secretRow('MCPWebhookConfig', `spec.${list}[*].${rel}`, thv('MCPWebhookConfig', src, { [list]: [webhookItem(rel)] })))),

  // EmbeddingServer
  secretRow('EmbeddingServer', 'spec.hfTokenSecretRef', thv('EmbeddingServer', src, { hfTokenSecretRef: sref })),

  // MCPRegistry
  secretRow('MCPRegistry', 'spec.pgpassSecretRef', thv('MCPRegistry', src, { configYAML: 'sources: []\n', pgpassSecretRef: sref })),
  pullSecretRow('MCPRegistry', 'spec.imagePullSecrets[*]', thv('MCPRegistry', src, { configYAML: 'sources: []\n', imagePullSecrets: [ref] })),
]).map(withConsumer);

/** `spec.a[*].b{*}.c` → the concrete path of the fixture's single reference, `spec.a[0].b[github].c`. */
export function concretePath(pattern: string): string {
  return pattern.replace(/\[\*\]/g, '[0]').replace(/\{\*\}/g, '[github]');
}
