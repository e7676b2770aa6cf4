import { DEFAULTS, GENERATION, OAUTH2_UPSTREAM, OIDC_UPSTREAM, sec, secret, SECRETS_PROVIDER, th, val, type Obj } from './helpers';
import { envBindings, type EnvBinding, type EnvBindingsOptions } from '../../src/bindings';

/** The env of every container of one workload, by container name. */
function envOf(manifests: readonly Obj[], kind: string, name: string, options?: EnvBindingsOptions): Record<string, readonly EnvBinding[]> {
  const w = envBindings(manifests, options).find(x => x.kind === kind && x.name === name);
  if (!w) throw new Error(`no workload ${kind}/${name}`);
  return Object.fromEntries(w.containers.map(c => [c.name, c.env]));
}

const embeddedAs = (name: string, extra: Obj = {}): Obj => th('MCPExternalAuthConfig', name, {
  type: 'embeddedAuthServer',
  embeddedAuthServer: {
    issuer: 'https://auth.example.com',
    upstreamProviders: [OIDC_UPSTREAM('corp', { name: 'corp-idp', key: 'client-secret' })],
    ...extra,
  },
});

interface Case {
  readonly title: string;
  readonly manifests: readonly Obj[];
  readonly kind: string;
  readonly name: string;
  readonly expected: Record<string, readonly EnvBinding[]>;
  readonly options?: EnvBindingsOptions;
}

const CASES: readonly Case[] = [
  {
    title: 'MCPServer minimal: generation fieldRef, required defaults, stdio transport for the backend',
    manifests: [th('MCPServer', 'fetch', { image: 'ghcr.io/x/fetch' })],
    kind: 'MCPServer',
    name: 'fetch',
    expected: { toolhive: [GENERATION, ...DEFAULTS], mcp: [val('MCP_TRANSPORT', 'stdio')] },
  },
  {
    title: 'MCPServer backend: podTemplateSpec env, then spec.secrets (targetEnvName or key), then spec.env and transport vars sorted',
    manifests: [th('MCPServer', 'github', {
      image: 'ghcr.io/x/github',
      transport: 'streamable-http',
      mcpPort: 9090,
      podTemplateSpec: { spec: { containers: [{ name: 'mcp', env: [{ name: 'FROM_TEMPLATE', value: 'yes' }] }] } },
      secrets: [{ name: 'github-token', key: 'token', targetEnvName: 'GITHUB_PERSONAL_ACCESS_TOKEN' }, { name: 'other', key: 'API_KEY' }],
      env: [{ name: 'ZED', value: 'z' }, { name: 'ALPHA', value: 'a' }],
    })],
    kind: 'MCPServer',
    name: 'github',
    expected: {
      toolhive: [GENERATION, ...DEFAULTS],
      mcp: [
        val('FROM_TEMPLATE', 'yes'),
        sec('GITHUB_PERSONAL_ACCESS_TOKEN', 'github-token', 'token'),
        sec('API_KEY', 'other', 'API_KEY'),
        val('ALPHA', 'a'), val('FASTMCP_PORT', '9090'), val('MCP_HOST', ''), val('MCP_PORT', '9090'),
        val('MCP_TRANSPORT', 'streamable-http'), val('ZED', 'z'),
      ],
    },
  },
  {
    title: 'MCPServer telemetry: OTEL_RESOURCE_ATTRIBUTES with serviceName, sensitive headers normalised (only "-" mapped)',
    manifests: [
      th('MCPTelemetryConfig', 'otel', {
        openTelemetry: {
          endpoint: 'otel-collector:4318',
          tracing: { enabled: true },
          sensitiveHeaders: [{ name: 'x-api-key', secretKeyRef: { name: 'otel', key: 'key' } }, { name: 'X-Org.Id', secretKeyRef: { name: 'otel', key: 'org' } }],
        },
      }),
      th('MCPServer', 'fetch', { image: 'x', telemetryConfigRef: { name: 'otel', serviceName: 'fetch-svc' } }, 'tools'),
      th('MCPTelemetryConfig', 'otel', { openTelemetry: { sensitiveHeaders: [{ name: 'a', secretKeyRef: { name: 'b', key: 'c' } }] } }, 'tools'),
    ],
    kind: 'MCPServer',
    name: 'fetch',
    expected: {
      toolhive: [
        val('OTEL_RESOURCE_ATTRIBUTES', 'service.name=fetch-svc,service.namespace=tools'),
        sec('TOOLHIVE_OTEL_HEADER_A', 'b', 'c'),
        GENERATION, ...DEFAULTS,
      ],
      mcp: [val('MCP_TRANSPORT', 'stdio')],
    },
  },
  {
    title: 'MCPServer telemetry config not in the set: only OTEL_RESOURCE_ATTRIBUTES, service name defaults to the CR name',
    manifests: [th('MCPServer', 'fetch', { image: 'x', telemetryConfigRef: { name: 'missing' } })],
    kind: 'MCPServer',
    name: 'fetch',
    expected: {
      toolhive: [val('OTEL_RESOURCE_ATTRIBUTES', 'service.name=fetch,service.namespace=default'), GENERATION, ...DEFAULTS],
      mcp: [val('MCP_TRANSPORT', 'stdio')],
    },
  },
  {
    title: 'MCPServer full proxy order: OTel, token exchange, OIDC, overrides, Redis, generation, embedded AS, defaults',
    manifests: [
      th('MCPExternalAuthConfig', 'exchange', {
        type: 'tokenExchange',
        tokenExchange: { tokenUrl: 'https://sts.example.com/token', clientId: 'c', clientSecretRef: { name: 'sts', key: 'secret' }, audience: 'api' },
      }),
      th('MCPOIDCConfig', 'corp', { type: 'inline', inline: { issuer: 'https://idp.example.com', clientId: 'mcp', clientSecretRef: { name: 'oidc', key: 'client-secret' } } }),
      secret('oidc', ['client-secret']),
      th('MCPTelemetryConfig', 'otel', { openTelemetry: { endpoint: 'c:4318', tracing: { enabled: true } } }),
      embeddedAs('as', {
        delegateClients: [{ clientId: 'cli', clientSecretRef: { name: 'delegates', key: 'cli' } }],
        storage: {
          type: 'redis',
          redis: {
            addr: 'redis:6379',
            aclUserConfig: { usernameSecretRef: { name: 'redis-acl', key: 'user' }, passwordSecretRef: { name: 'redis-acl', key: 'password' } },
          },
        },
      }),
      th('MCPServer', 'full', {
        image: 'x',
        telemetryConfigRef: { name: 'otel' },
        externalAuthConfigRef: { name: 'exchange' },
        authServerRef: { name: 'as' },
        oidcConfigRef: { name: 'corp', audience: 'http://full.default.svc.cluster.local:8080' },
        resourceOverrides: { proxyDeployment: { env: [{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'HOME', value: '/home/proxy' }] } },
        sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: { name: 'session-redis', key: 'password' } },
      }),
    ],
    kind: 'MCPServer',
    name: 'full',
    expected: {
      toolhive: [
        val('OTEL_RESOURCE_ATTRIBUTES', 'service.name=full,service.namespace=default'),
        sec('TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET', 'sts', 'secret'),
        sec('TOOLHIVE_OIDC_CLIENT_SECRET', 'oidc', 'client-secret'),
        val('LOG_LEVEL', 'debug'),
        val('HOME', '/home/proxy'),
        sec('THV_SESSION_REDIS_PASSWORD', 'session-redis', 'password'),
        GENERATION,
        sec('TOOLHIVE_UPSTREAM_CLIENT_SECRET_CORP', 'corp-idp', 'client-secret'),
        sec('TOOLHIVE_DELEGATE_CLIENT_SECRET_0', 'delegates', 'cli'),
        sec('TOOLHIVE_AUTH_SERVER_REDIS_USERNAME', 'redis-acl', 'user'),
        sec('TOOLHIVE_AUTH_SERVER_REDIS_PASSWORD', 'redis-acl', 'password'),
        // HOME is already set by the user, so EnsureRequiredEnvVars skips it
        val('XDG_CONFIG_HOME', '/tmp'), val('TOOLHIVE_RUNTIME', 'kubernetes'), val('UNSTRUCTURED_LOGS', 'false'),
      ],
      mcp: [val('MCP_TRANSPORT', 'stdio')],
    },
  },
  {
    title: 'MCPServer OIDC client secret is skipped when its Secret is in the set without the key (the operator checks)',
    manifests: [
      th('MCPOIDCConfig', 'corp', { type: 'inline', inline: { issuer: 'https://idp', clientId: 'c', clientSecretRef: { name: 'oidc', key: 'client-secret' } } }),
      secret('oidc', ['other-key']),
      th('MCPServer', 'a', { image: 'x', oidcConfigRef: { name: 'corp', audience: 'a' } }),
    ],
    kind: 'MCPServer',
    name: 'a',
    expected: { toolhive: [GENERATION, ...DEFAULTS], mcp: [val('MCP_TRANSPORT', 'stdio')] },
  },
  {
    title: 'MCPServer OIDC client secret whose Secret is not in the set is derived (the Secret is assumed to exist)',
    manifests: [
      th('MCPOIDCConfig', 'corp', { type: 'inline', inline: { issuer: 'https://idp', clientId: 'c', clientSecretRef: { name: 'oidc', key: 'client-secret' } } }),
      th('MCPServer', 'a', { image: 'x', oidcConfigRef: { name: 'corp', audience: 'a' } }),
    ],
    kind: 'MCPServer',
    name: 'a',
    expected: { toolhive: [sec('TOOLHIVE_OIDC_CLIENT_SECRET', 'oidc', 'client-secret'), GENERATION, ...DEFAULTS], mcp: [val('MCP_TRANSPORT', 'stdio')] },
  },
  {
    title: 'MCPServer never emits TOOLHIVE_SECRET_<name> for a bearer token (so no TOOLHIVE_SECRETS_PROVIDER either)',
    manifests: [
      th('MCPExternalAuthConfig', 'bearer', { type: 'bearerToken', bearerToken: { tokenSecretRef: { name: 'api-token', key: 'token' } } }),
      th('MCPServer', 'a', { image: 'x', externalAuthConfigRef: { name: 'bearer' } }),
    ],
    kind: 'MCPServer',
    name: 'a',
    expected: { toolhive: [GENERATION, ...DEFAULTS], mcp: [val('MCP_TRANSPORT', 'stdio')] },
  },
  {
    title: 'MCPServer embedded AS through the legacy externalAuthConfigRef path',
    manifests: [embeddedAs('as'), th('MCPServer', 'a', { image: 'x', externalAuthConfigRef: { name: 'as' } })],
    kind: 'MCPServer',
    name: 'a',
    expected: {
      toolhive: [GENERATION, sec('TOOLHIVE_UPSTREAM_CLIENT_SECRET_CORP', 'corp-idp', 'client-secret'), ...DEFAULTS],
      mcp: [val('MCP_TRANSPORT', 'stdio')],
    },
  },
  {
    title: 'MCPServer resolves references in its own namespace only',
    manifests: [
      th('MCPExternalAuthConfig', 'exchange', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'u', clientSecretRef: { name: 's', key: 'k' } } }, 'other'),
      th('MCPServer', 'a', { image: 'x', externalAuthConfigRef: { name: 'exchange' } }),
    ],
    kind: 'MCPServer',
    name: 'a',
    expected: { toolhive: [GENERATION, ...DEFAULTS], mcp: [val('MCP_TRANSPORT', 'stdio')] },
  },
  {
    title: 'MCPRemoteProxy bearer token: TOOLHIVE_SECRET_<Secret name verbatim>, then TOOLHIVE_SECRETS_PROVIDER',
    manifests: [
      th('MCPExternalAuthConfig', 'bearer', { type: 'bearerToken', bearerToken: { tokenSecretRef: { name: 'github-api.token', key: 'token' } } }),
      th('MCPRemoteProxy', 'github', { remoteUrl: 'https://api.githubcopilot.com/mcp', externalAuthConfigRef: { name: 'bearer' } }),
    ],
    kind: 'MCPRemoteProxy',
    name: 'github',
    expected: { toolhive: [sec('TOOLHIVE_SECRET_github-api.token', 'github-api.token', 'token'), ...DEFAULTS, SECRETS_PROVIDER] },
  },
  {
    title: 'MCPRemoteProxy header forward: explicit provider, per-header env, overrides, Redis, defaults, provider again',
    manifests: [th('MCPRemoteProxy', 'my-proxy', {
      remoteUrl: 'https://mcp.example.com',
      headerForward: {
        addPlaintextHeaders: { 'X-Tenant': 'acme' },
        addHeadersFromSecret: [{ headerName: 'X-Api-Key', valueSecretRef: { name: 'keys', key: 'api' } }, { headerName: 'x.trace', valueSecretRef: { name: 'keys', key: 'trace' } }],
      },
      resourceOverrides: { proxyDeployment: { env: [{ name: 'EXTRA', value: '1' }] } },
      sessionStorage: { provider: 'redis', address: 'r:6379', passwordRef: { name: 'r', key: 'p' } },
    })],
    kind: 'MCPRemoteProxy',
    name: 'my-proxy',
    expected: {
      toolhive: [
        SECRETS_PROVIDER,
        sec('TOOLHIVE_SECRET_HEADER_FORWARD_X_API_KEY_MY_PROXY', 'keys', 'api'),
        sec('TOOLHIVE_SECRET_HEADER_FORWARD_X_TRACE_MY_PROXY', 'keys', 'trace'),
        val('EXTRA', '1'),
        sec('THV_SESSION_REDIS_PASSWORD', 'r', 'p'),
        ...DEFAULTS,
        SECRETS_PROVIDER,
      ],
    },
  },
  {
    title: 'MCPRemoteProxy: OIDC and token exchange first, embedded AS after the defaults, no OTel env',
    manifests: [
      th('MCPOIDCConfig', 'corp', { type: 'inline', inline: { issuer: 'https://idp', clientId: 'c', clientSecretRef: { name: 'oidc', key: 'cs' } } }),
      secret('oidc', ['cs']),
      embeddedAs('as'),
      th('MCPTelemetryConfig', 'otel', { openTelemetry: { sensitiveHeaders: [{ name: 'a', secretKeyRef: { name: 'b', key: 'c' } }] } }),
      th('MCPRemoteProxy', 'p', {
        remoteUrl: 'https://mcp.example.com', oidcConfigRef: { name: 'corp', audience: 'x' }, authServerRef: { name: 'as' }, telemetryConfigRef: { name: 'otel' },
      }),
    ],
    kind: 'MCPRemoteProxy',
    name: 'p',
    expected: {
      toolhive: [sec('TOOLHIVE_OIDC_CLIENT_SECRET', 'oidc', 'cs'), ...DEFAULTS, sec('TOOLHIVE_UPSTREAM_CLIENT_SECRET_CORP', 'corp-idp', 'client-secret')],
    },
  },
  {
    title: 'VirtualMCPServer minimal: name, namespace, HMAC secret, defaults',
    manifests: [th('VirtualMCPServer', 'gw', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' } }, 'prod')],
    kind: 'VirtualMCPServer',
    name: 'gw',
    expected: { vmcp: [val('VMCP_NAME', 'gw'), val('VMCP_NAMESPACE', 'prod'), sec('VMCP_SESSION_HMAC_SECRET', 'gw-hmac-secret', 'hmac-secret'), ...DEFAULTS] },
  },
  {
    title: 'VirtualMCPServer discovered outgoing auth: group members\' configs, deduplicated by config name, sorted by env name',
    manifests: [
      th('MCPGroup', 'team'),
      th('MCPExternalAuthConfig', 'zeta-exchange', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'u', clientSecretRef: { name: 'zs', key: 'k' } } }),
      th('MCPExternalAuthConfig', 'api.inject', { type: 'headerInjection', headerInjection: { headerName: 'X-Key', valueSecretRef: { name: 'inj', key: 'v' } } }),
      th('MCPExternalAuthConfig', 'xaa-cfg', { type: 'xaa', xaa: { idpClientSecretRef: { name: 'xs', key: 'idp' }, targetClientSecretRef: { name: 'xs', key: 'target' } } }),
      th('MCPExternalAuthConfig', 'sts', { type: 'awsSts', awsSts: { region: 'eu-west-1' } }),
      th('MCPServer', 'b-server', { image: 'x', groupRef: { name: 'team' }, externalAuthConfigRef: { name: 'zeta-exchange' } }),
      th('MCPServer', 'a-server', { image: 'x', groupRef: { name: 'team' }, externalAuthConfigRef: { name: 'zeta-exchange' } }),
      th('MCPRemoteProxy', 'proxy', { remoteUrl: 'https://r.example.com', groupRef: { name: 'team' }, externalAuthConfigRef: { name: 'api.inject' } }),
      th('MCPServerEntry', 'entry', { remoteUrl: 'https://e.example.com', transport: 'streamable-http', groupRef: { name: 'team' }, externalAuthConfigRef: { name: 'xaa-cfg' } }),
      th('MCPServerEntry', 'aws', { remoteUrl: 'https://aws.example.com', transport: 'streamable-http', groupRef: { name: 'team' }, externalAuthConfigRef: { name: 'sts' } }),
      th('MCPServer', 'outsider', { image: 'x', groupRef: { name: 'other' }, externalAuthConfigRef: { name: 'api.inject' } }),
      th('VirtualMCPServer', 'gw', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' }, outgoingAuth: {} }),
    ],
    kind: 'VirtualMCPServer',
    name: 'gw',
    expected: {
      vmcp: [
        val('VMCP_NAME', 'gw'), val('VMCP_NAMESPACE', 'default'),
        sec('TOOLHIVE_HEADER_INJECTION_VALUE_API_INJECT', 'inj', 'v'),
        sec('TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_ZETA_EXCHANGE', 'zs', 'k'),
        sec('TOOLHIVE_XAA_IDP_CLIENT_SECRET_XAA_CFG', 'xs', 'idp'),
        sec('TOOLHIVE_XAA_TARGET_CLIENT_SECRET_XAA_CFG', 'xs', 'target'),
        sec('VMCP_SESSION_HMAC_SECRET', 'gw-hmac-secret', 'hmac-secret'),
        ...DEFAULTS,
      ],
    },
  },
  {
    title: 'VirtualMCPServer inline outgoing auth: backends deduplicated and sorted, then default; no discovery',
    manifests: [
      th('MCPExternalAuthConfig', 'b-cfg', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'u', clientSecretRef: { name: 'b', key: 'k' } } }),
      th('MCPExternalAuthConfig', 'a-cfg', { type: 'headerInjection', headerInjection: { headerName: 'X', valueSecretRef: { name: 'a', key: 'k' } } }),
      th('MCPExternalAuthConfig', 'default-cfg', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'u', clientSecretRef: { name: 'd', key: 'k' } } }),
      th('MCPExternalAuthConfig', 'member-cfg', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'u', clientSecretRef: { name: 'm', key: 'k' } } }),
      th('MCPServer', 'member', { image: 'x', groupRef: { name: 'team' }, externalAuthConfigRef: { name: 'member-cfg' } }),
      th('VirtualMCPServer', 'gw', {
        groupRef: { name: 'team' },
        incomingAuth: { type: 'anonymous' },
        outgoingAuth: {
          source: 'inline',
          default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'default-cfg' } },
          backends: {
            zz: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'a-cfg' } },
            aa: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'b-cfg' } },
            mm: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'b-cfg' } },
            missing: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'not-in-set' } },
            plain: { type: 'discovered' },
          },
        },
      }),
    ],
    kind: 'VirtualMCPServer',
    name: 'gw',
    expected: {
      vmcp: [
        val('VMCP_NAME', 'gw'), val('VMCP_NAMESPACE', 'default'),
        sec('TOOLHIVE_HEADER_INJECTION_VALUE_A_CFG', 'a', 'k'),
        sec('TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_B_CFG', 'b', 'k'),
        sec('TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_DEFAULT_CFG', 'd', 'k'),
        sec('VMCP_SESSION_HMAC_SECRET', 'gw-hmac-secret', 'hmac-secret'),
        ...DEFAULTS,
      ],
    },
  },
  {
    title: 'VirtualMCPServer: a config both discovered and named in backends appears twice, as the operator emits it',
    manifests: [
      th('MCPExternalAuthConfig', 'cfg', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'u', clientSecretRef: { name: 's', key: 'k' } } }),
      th('MCPServer', 'member', { image: 'x', groupRef: { name: 'team' }, externalAuthConfigRef: { name: 'cfg' } }),
      th('VirtualMCPServer', 'gw', {
        groupRef: { name: 'team' },
        incomingAuth: { type: 'anonymous' },
        outgoingAuth: { backends: { member: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'cfg' } } } },
      }),
    ],
    kind: 'VirtualMCPServer',
    name: 'gw',
    expected: {
      vmcp: [
        val('VMCP_NAME', 'gw'), val('VMCP_NAMESPACE', 'default'),
        sec('TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_CFG', 's', 'k'),
        sec('TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_CFG', 's', 'k'),
        sec('VMCP_SESSION_HMAC_SECRET', 'gw-hmac-secret', 'hmac-secret'),
        ...DEFAULTS,
      ],
    },
  },
  {
    title: 'VirtualMCPServer header forward from MCPServerEntries: JSON manifest (sorted keys, Go HTML escaping), secret env, sorted',
    manifests: [
      th('MCPServerEntry', 'docs.site', {
        remoteUrl: 'https://docs.example.com',
        transport: 'sse',
        groupRef: { name: 'team' },
        headerForward: {
          addPlaintextHeaders: { 'X-Tenant': 'a&b', 'Accept-Language': '<en>' },
          addHeadersFromSecret: [{ headerName: 'X-Api-Key', valueSecretRef: { name: 'docs', key: 'key' } }, { headerName: 'Authorization', valueSecretRef: { name: 'docs', key: 'auth' } }],
        },
      }),
      th('MCPServerEntry', 'plain-only', { remoteUrl: 'https://p.example.com', transport: 'sse', groupRef: { name: 'team' }, headerForward: { addPlaintextHeaders: { 'X-A': '1' } } }),
      th('MCPServerEntry', 'no-headers', { remoteUrl: 'https://n.example.com', transport: 'sse', groupRef: { name: 'team' } }),
      th('MCPServerEntry', 'elsewhere', { remoteUrl: 'https://o.example.com', transport: 'sse', groupRef: { name: 'other' }, headerForward: { addPlaintextHeaders: { 'X-B': '2' } } }),
      th('VirtualMCPServer', 'gw', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' } }),
    ],
    kind: 'VirtualMCPServer',
    name: 'gw',
    expected: {
      vmcp: [
        val('VMCP_NAME', 'gw'), val('VMCP_NAMESPACE', 'default'),
        val('TOOLHIVE_HEADER_FORWARD_DOCS_SITE',
          '{"addPlaintextHeaders":{"Accept-Language":"\\u003cen\\u003e","X-Tenant":"a\\u0026b"},' +
          '"addHeadersFromSecret":{"Authorization":"HEADER_FORWARD_AUTHORIZATION_DOCS_SITE","X-Api-Key":"HEADER_FORWARD_X_API_KEY_DOCS_SITE"}}'),
        val('TOOLHIVE_HEADER_FORWARD_PLAIN_ONLY', '{"addPlaintextHeaders":{"X-A":"1"}}'),
        sec('TOOLHIVE_SECRET_HEADER_FORWARD_AUTHORIZATION_DOCS_SITE', 'docs', 'auth'),
        sec('TOOLHIVE_SECRET_HEADER_FORWARD_X_API_KEY_DOCS_SITE', 'docs', 'key'),
        sec('VMCP_SESSION_HMAC_SECRET', 'gw-hmac-secret', 'hmac-secret'),
        ...DEFAULTS,
        SECRETS_PROVIDER,
      ],
    },
  },
  {
    title: 'VirtualMCPServer OIDC client secret (no Secret check), Redis password, OTel, two-upstream auth server, in order',
    manifests: [
      th('MCPOIDCConfig', 'corp', { type: 'inline', inline: { issuer: 'https://auth.example.com', clientId: 'vmcp', clientSecretRef: { name: 'oidc', key: 'cs' } } }),
      secret('oidc', ['unrelated']),
      th('MCPTelemetryConfig', 'otel', { openTelemetry: { sensitiveHeaders: [{ name: 'x-honeycomb-team', secretKeyRef: { name: 'hc', key: 'team' } }] } }),
      th('VirtualMCPServer', 'gw', {
        groupRef: { name: 'team' },
        incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'corp', audience: 'http://gw.default.svc.cluster.local:4483' } },
        sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: { name: 'session', key: 'pw' } },
        telemetryConfigRef: { name: 'otel' },
        authServerConfig: {
          issuer: 'https://auth.example.com',
          upstreamProviders: [
            OIDC_UPSTREAM('okta-corp', { name: 'okta', key: 'secret' }),
            OAUTH2_UPSTREAM('github', { name: 'gh', key: 'secret' }),
            OAUTH2_UPSTREAM('git-lab', undefined, { name: 'gl', key: 'dcr' }),
          ],
          delegateClients: [{ clientId: 'one', clientSecretRef: { name: 'dc', key: 'one' } }, { clientId: 'two', clientSecretRef: { name: 'dc', key: 'two' } }],
        },
      }),
    ],
    kind: 'VirtualMCPServer',
    name: 'gw',
    expected: {
      vmcp: [
        val('VMCP_NAME', 'gw'), val('VMCP_NAMESPACE', 'default'),
        sec('VMCP_OIDC_CLIENT_SECRET', 'oidc', 'cs'),
        sec('VMCP_SESSION_HMAC_SECRET', 'gw-hmac-secret', 'hmac-secret'),
        sec('THV_SESSION_REDIS_PASSWORD', 'session', 'pw'),
        val('OTEL_RESOURCE_ATTRIBUTES', 'service.name=gw,service.namespace=default'),
        sec('TOOLHIVE_OTEL_HEADER_X_HONEYCOMB_TEAM', 'hc', 'team'),
        sec('TOOLHIVE_UPSTREAM_CLIENT_SECRET_OKTA_CORP', 'okta', 'secret'),
        sec('TOOLHIVE_UPSTREAM_CLIENT_SECRET_GITHUB', 'gh', 'secret'),
        sec('TOOLHIVE_UPSTREAM_DCR_INITIAL_ACCESS_TOKEN_GIT_LAB', 'gl', 'dcr'),
        sec('TOOLHIVE_DELEGATE_CLIENT_SECRET_0', 'dc', 'one'),
        sec('TOOLHIVE_DELEGATE_CLIENT_SECRET_1', 'dc', 'two'),
        ...DEFAULTS,
      ],
    },
  },
  {
    title: 'VirtualMCPServer without sessionStorage uses the chart default Redis Secret when given (key defaults to redis-password)',
    manifests: [th('VirtualMCPServer', 'gw', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' } })],
    options: { defaultRedisSecret: { name: 'chart-redis' } },
    kind: 'VirtualMCPServer',
    name: 'gw',
    expected: {
      vmcp: [
        val('VMCP_NAME', 'gw'), val('VMCP_NAMESPACE', 'default'), sec('VMCP_SESSION_HMAC_SECRET', 'gw-hmac-secret', 'hmac-secret'),
        sec('THV_SESSION_REDIS_PASSWORD', 'chart-redis', 'redis-password'), ...DEFAULTS,
      ],
    },
  },
  {
    title: 'VirtualMCPServer with an explicit non-redis sessionStorage ignores the chart default',
    manifests: [th('VirtualMCPServer', 'gw', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' }, sessionStorage: { provider: 'memory' } })],
    options: { defaultRedisSecret: { name: 'chart-redis', key: 'pw' } },
    kind: 'VirtualMCPServer',
    name: 'gw',
    expected: { vmcp: [val('VMCP_NAME', 'gw'), val('VMCP_NAMESPACE', 'default'), sec('VMCP_SESSION_HMAC_SECRET', 'gw-hmac-secret', 'hmac-secret'), ...DEFAULTS] },
  },
  {
    title: 'EmbeddingServer defaults: MODEL_ID from the defaulted model, HF_TOKEN, spec.env, HF_HOME with a model cache',
    manifests: [th('EmbeddingServer', 'emb', { hfTokenSecretRef: { name: 'hf', key: 'token' }, env: [{ name: 'MAX_BATCH', value: '8' }], modelCache: {} })],
    kind: 'EmbeddingServer',
    name: 'emb',
    expected: {
      embedding: [val('MODEL_ID', 'BAAI/bge-small-en-v1.5'), sec('HF_TOKEN', 'hf', 'token'), val('MAX_BATCH', '8'), val('HF_HOME', '/data')],
    },
  },
  {
    title: 'EmbeddingServer without modelCache or with it disabled: no HF_HOME',
    manifests: [th('EmbeddingServer', 'emb', { model: 'intfloat/e5-small', modelCache: { enabled: false } })],
    kind: 'EmbeddingServer',
    name: 'emb',
    expected: { embedding: [val('MODEL_ID', 'intfloat/e5-small')] },
  },
  {
    title: 'MCPRegistry with pgpassSecretRef: PGPASSFILE',
    manifests: [th('MCPRegistry', 'reg', { configYAML: 'x: 1', pgpassSecretRef: { name: 'pg', key: '.pgpass' } })],
    kind: 'MCPRegistry',
    name: 'reg',
    expected: { 'registry-api': [val('PGPASSFILE', '/home/appuser/.pgpass')] },
  },
];

describe('envBindings', () => {
  test.each(CASES.map(c => [c.title, c] as const))('%s', (_title, c) => {
    expect(envOf(c.manifests, c.kind, c.name, c.options)).toEqual(c.expected);
  });

  test('upstream provider names stay bound to the same Secret when providers are reordered; delegate indexes follow the list', () => {
    const providers = [
      OIDC_UPSTREAM('okta-corp', { name: 'okta', key: 'secret' }),
      OAUTH2_UPSTREAM('github', { name: 'gh', key: 'secret' }),
      OAUTH2_UPSTREAM('gitlab', undefined, { name: 'gl', key: 'dcr' }),
    ];
    const delegates = [{ clientId: 'one', clientSecretRef: { name: 'dc', key: 'one' } }, { clientId: 'two', clientSecretRef: { name: 'dc', key: 'two' } }];
    const gw = (ps: readonly Obj[], ds: readonly Obj[]) => th('VirtualMCPServer', 'gw', {
      groupRef: { name: 'team' },
      incomingAuth: { type: 'anonymous' },
      authServerConfig: { issuer: 'https://auth.example.com', upstreamProviders: ps, delegateClients: ds },
    });
    const asMap = (env: readonly EnvBinding[]) => Object.fromEntries(env.map(e => [e.name, e.valueFrom?.secretKeyRef]));
    const before = asMap(envOf([gw(providers, delegates)], 'VirtualMCPServer', 'gw').vmcp);
    const after = asMap(envOf([gw([...providers].reverse(), [...delegates].reverse())], 'VirtualMCPServer', 'gw').vmcp);
    expect(before.TOOLHIVE_UPSTREAM_CLIENT_SECRET_OKTA_CORP).toEqual({ name: 'okta', key: 'secret' });
    expect(before.TOOLHIVE_UPSTREAM_CLIENT_SECRET_GITHUB).toEqual({ name: 'gh', key: 'secret' });
    expect(before.TOOLHIVE_UPSTREAM_DCR_INITIAL_ACCESS_TOKEN_GITLAB).toEqual({ name: 'gl', key: 'dcr' });
    for (const name of ['TOOLHIVE_UPSTREAM_CLIENT_SECRET_OKTA_CORP', 'TOOLHIVE_UPSTREAM_CLIENT_SECRET_GITHUB', 'TOOLHIVE_UPSTREAM_DCR_INITIAL_ACCESS_TOKEN_GITLAB']) {
      expect(after[name]).toEqual(before[name]);
    }
    expect(before.TOOLHIVE_DELEGATE_CLIENT_SECRET_0).toEqual({ name: 'dc', key: 'one' });
    expect(after.TOOLHIVE_DELEGATE_CLIENT_SECRET_0).toEqual({ name: 'dc', key: 'two' });
  });

  test('workloads come out in input order; other kinds and non-ToolHive groups are skipped', () => {
    const out = envBindings([
      th('VirtualMCPServer', 'v', { groupRef: { name: 'g' }, incomingAuth: { type: 'anonymous' } }),
      secret('s', ['k']),
      th('MCPGroup', 'g'),
      { apiVersion: 'example.com/v1', kind: 'MCPServer', metadata: { name: 'foreign' }, spec: {} },
      th('EmbeddingServer', 'e'),
      th('MCPServer', 'm', { image: 'x' }, 'ns1'),
    ]);
    expect(out.map(w => `${w.kind}/${w.namespace}/${w.name}`)).toEqual(['VirtualMCPServer/default/v', 'EmbeddingServer/default/e', 'MCPServer/ns1/m']);
  });

  test('objects without a namespace take defaultNamespace', () => {
    const out = envBindings([th('VirtualMCPServer', 'v', { groupRef: { name: 'g' }, incomingAuth: { type: 'anonymous' } })], { defaultNamespace: 'tools' });
    expect(out[0].namespace).toBe('tools');
    expect(out[0].containers[0].env[1]).toEqual(val('VMCP_NAMESPACE', 'tools'));
  });

  test('never puts a Secret value in the output', () => {
    const manifests = [
      secret('oidc', ['cs']),
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'gh' }, data: { secret: Buffer.from('DO-NOT-LEAK-B64').toString('base64') } },
      th('MCPOIDCConfig', 'corp', { type: 'inline', inline: { issuer: 'https://i', clientId: 'c', clientSecretRef: { name: 'oidc', key: 'cs' } } }),
      th('MCPServer', 'a', { image: 'x', oidcConfigRef: { name: 'corp', audience: 'a' }, secrets: [{ name: 'gh', key: 'secret' }] }),
    ];
    const text = JSON.stringify(envBindings(manifests));
    expect(text).toContain('TOOLHIVE_OIDC_CLIENT_SECRET');
    expect(text).not.toContain('DO-NOT-LEAK');
    expect(text).not.toContain(Buffer.from('DO-NOT-LEAK-B64').toString('base64'));
  });

  test('does not throw on malformed input', () => {
    const odd: unknown[] = [
      null, 42, 'text', [], { kind: 'MCPServer' },
      { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPServer', metadata: { name: 'x' }, spec: { secrets: 'nope', env: [null, 3], resourceOverrides: { proxyDeployment: { env: {} } } } },
      { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'VirtualMCPServer', metadata: { name: 'v' }, spec: { outgoingAuth: { backends: [1, 2] }, authServerConfig: { upstreamProviders: [null, { type: 'oidc' }] } } },
      { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPRemoteProxy', metadata: { name: 'p' }, spec: { headerForward: { addHeadersFromSecret: [null, { headerName: 5 }] } } },
      { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'constructor', metadata: { name: 'c' } },
    ];
    expect(() => envBindings(odd)).not.toThrow();
    expect(envBindings(odd).map(w => w.name)).toEqual(['x', 'v', 'p']);
  });
});
