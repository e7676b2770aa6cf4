import { validateManifests } from '../../src/validation';
import { RULE_DOCS } from '../../src/validation/collisions';
import { secret, th, type Obj } from '../bindings/helpers';

/** Layer 7 violations only, as `rule kind/name path: message`. */
function collisions(manifests: readonly Obj[]): string[] {
  return validateManifests(manifests)
    .filter(v => v.rule.startsWith('collision.'))
    .map(v => `${v.rule} ${v.kind}/${v.name} ${v.path}: ${v.message}`);
}

const core = (kind: string, name: string, apiVersion = 'v1', extra: Obj = {}): Obj => ({ apiVersion, kind, metadata: { name }, ...extra });
const server = (name: string, spec: Obj = {}): Obj => th('MCPServer', name, { image: 'ghcr.io/example/server:1.0', ...spec });
const proxy = (name: string, spec: Obj = {}): Obj => th('MCPRemoteProxy', name, { remoteUrl: 'https://mcp.example.com/mcp', ...spec });
const vmcp = (name: string, spec: Obj = {}): Obj => th('VirtualMCPServer', name, { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' }, ...spec });
const exchange = (name: string, secretName: string): Obj => th('MCPExternalAuthConfig', name, {
  type: 'tokenExchange',
  tokenExchange: { tokenUrl: 'https://sts.example.com/token', clientId: 'c', clientSecretRef: { name: secretName, key: 'client-secret' }, audience: 'api' },
});
const entry = (name: string, spec: Obj = {}): Obj => th('MCPServerEntry', name, {
  remoteUrl: 'https://entry.example.com/mcp', transport: 'streamable-http', groupRef: { name: 'team' }, ...spec,
});

describe('collision.deployment', () => {
  test('passes for differently named workloads', () => {
    expect(collisions([server('fetch'), proxy('github'), vmcp('gateway')])).toEqual([]);
  });

  test('rejects an MCPServer and an MCPRemoteProxy of the same name (Deployment and RunConfig ConfigMap)', () => {
    expect(collisions([server('fetch'), proxy('fetch')])).toEqual([
      'collision.deployment MCPRemoteProxy/fetch metadata.name: generated Deployment "fetch" collides: MCPServer "fetch" and MCPRemoteProxy "fetch" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them',
      'collision.configmap MCPRemoteProxy/fetch metadata.name: generated ConfigMap "fetch-runconfig" collides: MCPServer "fetch" and MCPRemoteProxy "fetch" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them',
    ]);
  });

  test('rejects a VirtualMCPServer named like an MCPServer', () => {
    expect(collisions([server('tools'), vmcp('tools')])).toEqual([
      'collision.deployment VirtualMCPServer/tools metadata.name: generated Deployment "tools" collides: MCPServer "tools" and VirtualMCPServer "tools" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them',
    ]);
  });

  test('passes for same-named workloads in different namespaces', () => {
    expect(collisions([server('fetch'), th('MCPRemoteProxy', 'fetch', { remoteUrl: 'https://mcp.example.com/mcp' }, 'other')])).toEqual([]);
  });

  test('rejects a user Deployment that takes an MCPRegistry\'s generated name', () => {
    expect(collisions([th('MCPRegistry', 'catalog', { configYAML: 'sources: []' }), core('Deployment', 'catalog-api', 'apps/v1')])).toEqual([
      'collision.deployment Deployment/catalog-api metadata.name: name "catalog-api" is taken: the operator generates Deployment "catalog-api" for MCPRegistry "catalog" in namespace "default" and would overwrite this Deployment or fail on it: rename or remove it',
    ]);
  });
});

describe('collision.statefulset', () => {
  test('passes for an EmbeddingServer and an MCPRemoteProxy of the same name (no StatefulSet for proxies)', () => {
    expect(collisions([th('EmbeddingServer', 'search'), proxy('search')])).toEqual([]);
  });

  test('rejects an MCPServer and an EmbeddingServer of the same name', () => {
    expect(collisions([server('search'), th('EmbeddingServer', 'search')])).toEqual([
      'collision.statefulset EmbeddingServer/search metadata.name: generated StatefulSet "search" collides: MCPServer "search" and EmbeddingServer "search" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them',
    ]);
  });
});

describe('collision.service', () => {
  test('passes for a stdio MCPServer "a" next to an EmbeddingServer "mcp-a" (backend Services exist only for HTTP transports)', () => {
    expect(collisions([server('a'), th('EmbeddingServer', 'mcp-a')])).toEqual([]);
  });

  test('rejects an HTTP MCPServer "a" next to an EmbeddingServer "mcp-a" (the proxyrunner\'s Service mcp-a)', () => {
    expect(collisions([server('a', { transport: 'streamable-http' }), th('EmbeddingServer', 'mcp-a')])).toEqual([
      'collision.service EmbeddingServer/mcp-a metadata.name: generated Service "mcp-a" collides: MCPServer "a" and EmbeddingServer "mcp-a" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them',
    ]);
  });

  test('rejects MCPRemoteProxy "github" next to MCPServer "github-remote" (Service and proxy runner RBAC)', () => {
    expect(collisions([proxy('github'), server('github-remote')])).toEqual([
      'collision.service MCPServer/github-remote metadata.name: generated Service "mcp-github-remote-proxy" collides: MCPRemoteProxy "github" and MCPServer "github-remote" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them',
      'collision.serviceaccount MCPServer/github-remote metadata.name: generated ServiceAccount, Role and RoleBinding "github-remote-proxy-runner" collide: MCPRemoteProxy "github" and MCPServer "github-remote" in namespace "default" both get them from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them',
    ]);
  });

  test('rejects a user Service named vmcp-<name>', () => {
    expect(collisions([vmcp('gateway'), core('Service', 'vmcp-gateway')])).toEqual([
      'collision.service Service/vmcp-gateway metadata.name: name "vmcp-gateway" is taken: the operator generates Service "vmcp-gateway" for VirtualMCPServer "gateway" in namespace "default" and would overwrite this Service or fail on it: rename or remove it',
    ]);
  });
});

describe('collision.configmap', () => {
  test('passes for user ConfigMaps with other names', () => {
    expect(collisions([server('fetch'), core('ConfigMap', 'fetch-config'), proxy('p'), core('ConfigMap', 'p-authz-inline')])).toEqual([]);
  });

  test('rejects a user ConfigMap named <name>-runconfig', () => {
    expect(collisions([server('fetch'), core('ConfigMap', 'fetch-runconfig')])).toEqual([
      'collision.configmap ConfigMap/fetch-runconfig metadata.name: name "fetch-runconfig" is taken: the operator generates ConfigMap "fetch-runconfig" for MCPServer "fetch" in namespace "default" and would overwrite this ConfigMap or fail on it: rename or remove it',
    ]);
  });

  test('rejects a user ConfigMap named <name>-authz-inline when the proxy has inline authz', () => {
    const inline = { authzConfig: { type: 'inline', inline: { policies: ['permit(principal, action, resource);'] } } };
    expect(collisions([proxy('p', inline), core('ConfigMap', 'p-authz-inline')])).toEqual([
      'collision.configmap ConfigMap/p-authz-inline metadata.name: name "p-authz-inline" is taken: the operator generates ConfigMap "p-authz-inline" for MCPRemoteProxy "p" in namespace "default" and would overwrite this ConfigMap or fail on it: rename or remove it',
    ]);
  });

  test('rejects a user ConfigMap named <vmcp>-vmcp-config', () => {
    expect(collisions([vmcp('gw'), core('ConfigMap', 'gw-vmcp-config')])).toEqual([
      'collision.configmap ConfigMap/gw-vmcp-config metadata.name: name "gw-vmcp-config" is taken: the operator generates ConfigMap "gw-vmcp-config" for VirtualMCPServer "gw" in namespace "default" and would overwrite this ConfigMap or fail on it: rename or remove it',
    ]);
  });
});

describe('collision.secret', () => {
  test('passes when no Secret takes the HMAC Secret name', () => {
    expect(collisions([vmcp('gw'), secret('gw-hmac', ['hmac-secret'])])).toEqual([]);
  });

  test('rejects a pre-created <vmcp>-hmac-secret, quoting the operator\'s error', () => {
    expect(collisions([vmcp('gw'), secret('gw-hmac-secret', ['hmac-secret'])])).toEqual([
      'collision.secret Secret/gw-hmac-secret metadata.name: name "gw-hmac-secret" is reserved for the session HMAC Secret the operator creates and owns for VirtualMCPServer "gw"; it rejects a Secret it did not create with "existing HMAC secret validation failed: secret is not owned by VirtualMCPServer default/gw": remove this Secret from the manifests',
    ]);
  });
});

describe('collision.serviceaccount', () => {
  test('passes for a user ServiceAccount the MCPServer names in spec.serviceAccount (the operator then creates none)', () => {
    expect(collisions([server('fetch', { serviceAccount: 'fetch-sa' }), core('ServiceAccount', 'fetch-sa')])).toEqual([]);
  });

  test('rejects a user ServiceAccount named <name>-sa when the operator creates it', () => {
    expect(collisions([server('fetch'), core('ServiceAccount', 'fetch-sa')])).toEqual([
      'collision.serviceaccount ServiceAccount/fetch-sa metadata.name: name "fetch-sa" is taken: the operator generates ServiceAccount "fetch-sa" for MCPServer "fetch" in namespace "default" and would overwrite this ServiceAccount or fail on it: rename or remove it',
    ]);
  });

  test('rejects a user Role named like the vMCP\'s RBAC objects', () => {
    expect(collisions([vmcp('gw'), core('Role', 'gw-vmcp', 'rbac.authorization.k8s.io/v1')])).toEqual([
      'collision.serviceaccount Role/gw-vmcp metadata.name: name "gw-vmcp" is taken: the operator generates Role "gw-vmcp" for VirtualMCPServer "gw" in namespace "default" and would overwrite this Role or fail on it: rename or remove it',
    ]);
  });
});

describe('collision.env', () => {
  test('passes for outgoing-auth configs whose names stay distinct after normalisation', () => {
    expect(collisions([
      exchange('my-cfg', 's1'), exchange('my-cfg2', 's2'),
      vmcp('gw', {
        outgoingAuth: {
          source: 'inline',
          backends: {
            a: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'my-cfg' } },
            b: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'my-cfg2' } },
          },
        },
      }),
    ])).toEqual([]);
  });

  test('rejects MCPExternalAuthConfigs "my.cfg" and "my-cfg" used by one VirtualMCPServer', () => {
    expect(collisions([
      exchange('my.cfg', 's1'), exchange('my-cfg', 's2'),
      vmcp('gw', {
        outgoingAuth: {
          source: 'inline',
          backends: {
            a: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'my.cfg' } },
            b: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'my-cfg' } },
          },
        },
      }),
    ])).toEqual([
      'collision.env VirtualMCPServer/gw spec.outgoingAuth.backends[b].externalAuthConfigRef.name: env var TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_MY_CFG in container "vmcp" is derived from MCPExternalAuthConfig "my.cfg" spec.tokenExchange.clientSecretRef and MCPExternalAuthConfig "my-cfg" spec.tokenExchange.clientSecretRef: the operator normalises names (upper case, "-" and other characters to "_") without checking for clashes, so only one of them takes effect, and which one is not stable: the operator collects them in no fixed order, so the winner can change from one reconcile to the next: rename one of them so the env var names differ',
    ]);
  });

  test('rejects two MCPServerEntries in one vMCP group whose names normalise equally', () => {
    const hf = (key: string, tenant: string) => ({
      headerForward: {
        addPlaintextHeaders: { 'X-Tenant': tenant },
        addHeadersFromSecret: [{ headerName: 'X-Key', valueSecretRef: { name: 'keys', key } }],
      },
    });
    expect(collisions([th('MCPGroup', 'team'), entry('docs.api', hf('a', 'one')), entry('docs-api', hf('b', 'two')), vmcp('gw')])).toEqual([
      'collision.env VirtualMCPServer/gw spec.groupRef.name: env var TOOLHIVE_HEADER_FORWARD_DOCS_API in container "vmcp" is derived from MCPServerEntry "docs-api" spec.headerForward and MCPServerEntry "docs.api" spec.headerForward: the operator normalises names (upper case, "-" and other characters to "_") without checking for clashes, so only one of them takes effect, and which one is not stable: the operator collects them in no fixed order, so the winner can change from one reconcile to the next: rename one of them so the env var names differ',
      'collision.env VirtualMCPServer/gw spec.groupRef.name: env var TOOLHIVE_SECRET_HEADER_FORWARD_X_KEY_DOCS_API in container "vmcp" is derived from MCPServerEntry "docs-api" spec.headerForward.addHeadersFromSecret[0] and MCPServerEntry "docs.api" spec.headerForward.addHeadersFromSecret[0]: the operator normalises names (upper case, "-" and other characters to "_") without checking for clashes, so only one of them takes effect, and which one is not stable: the operator collects them in no fixed order, so the winner can change from one reconcile to the next: rename one of them so the env var names differ',
    ]);
  });

  test('passes for same-named MCPServerEntries in different groups', () => {
    const hf = (key: string) => ({ headerForward: { addHeadersFromSecret: [{ headerName: 'X-Key', valueSecretRef: { name: 'keys', key } }] } });
    expect(collisions([
      th('MCPGroup', 'team'), th('MCPGroup', 'other'), entry('docs.api', hf('a')), entry('docs-api', { ...hf('b'), groupRef: { name: 'other' } }), vmcp('gw'),
    ])).toEqual([]);
  });

  test('passes for the remote proxy\'s own duplicate TOOLHIVE_SECRETS_PROVIDER (header secrets plus EnsureRequiredEnvVars)', () => {
    expect(collisions([proxy('p', { headerForward: { addHeadersFromSecret: [{ headerName: 'X-Key', valueSecretRef: { name: 'keys', key: 'k' } }] } })])).toEqual([]);
  });
});

describe('collision.env-user', () => {
  test('passes when a user override sets a default the operator only adds when missing (collision.env-operator-default warns instead)', () => {
    const found = collisions([proxy('p', { resourceOverrides: { proxyDeployment: { env: [{ name: 'HOME', value: '/home/proxy' }] } } })]);
    expect(found.filter(f => f.startsWith('collision.env-user '))).toEqual([]);
    expect(found.map(f => f.split(' ')[0])).toEqual(['collision.env-operator-default']);
  });

  test('rejects a proxyDeployment env entry that shadows the OIDC client secret', () => {
    expect(collisions([
      th('MCPOIDCConfig', 'corp', { type: 'inline', inline: { issuer: 'https://idp.example.com', clientId: 'c', clientSecretRef: { name: 'oidc', key: 'cs' } } }),
      secret('oidc', ['cs']),
      proxy('p', {
        oidcConfigRef: { name: 'corp', audience: 'p' },
        resourceOverrides: { proxyDeployment: { env: [{ name: 'TOOLHIVE_OIDC_CLIENT_SECRET', value: 'x' }] } },
      }),
    ])).toEqual([
      'collision.env-user MCPRemoteProxy/p spec.resourceOverrides.proxyDeployment.env[0]: env var TOOLHIVE_OIDC_CLIENT_SECRET in container "toolhive" is set by spec.resourceOverrides.proxyDeployment.env[0] and by the operator from MCPOIDCConfig "corp" spec.inline.clientSecretRef; only the last entry (spec.resourceOverrides.proxyDeployment.env[0]) takes effect: rename or remove spec.resourceOverrides.proxyDeployment.env[0]',
    ]);
  });

  test('rejects a user TOOLHIVE_SECRETS_PROVIDER the operator overrides on a bearer-token proxy', () => {
    expect(collisions([
      th('MCPExternalAuthConfig', 'bearer', { type: 'bearerToken', bearerToken: { tokenSecretRef: { name: 'api-token', key: 'token' } } }),
      proxy('p', { externalAuthConfigRef: { name: 'bearer' }, resourceOverrides: { proxyDeployment: { env: [{ name: 'TOOLHIVE_SECRETS_PROVIDER', value: 'encrypted' }] } } }),
    ])).toEqual([
      'collision.env-user MCPRemoteProxy/p spec.resourceOverrides.proxyDeployment.env[0]: env var TOOLHIVE_SECRETS_PROVIDER in container "toolhive" is set by spec.resourceOverrides.proxyDeployment.env[0] and by the operator; only the last entry (the operator) takes effect: rename or remove spec.resourceOverrides.proxyDeployment.env[0]',
    ]);
  });

  test('rejects an MCPServer secret targetEnvName that equals a spec.env name', () => {
    expect(collisions([server('s', { secrets: [{ name: 'api', key: 'key', targetEnvName: 'API_KEY' }], env: [{ name: 'API_KEY', value: 'dummy' }] })])).toEqual([
      'collision.env-user MCPServer/s spec.env[0]: env var API_KEY in container "mcp" is set by spec.secrets[0] and spec.env[0]; the proxyrunner puts every entry into the backend container: give them different names',
    ]);
  });

  test('rejects a spec.env entry the proxyrunner overwrites with a transport variable', () => {
    expect(collisions([server('s', { transport: 'streamable-http', env: [{ name: 'MCP_PORT', value: '9000' }] })])).toEqual([
      'collision.env-user MCPServer/s spec.env[0]: env var MCP_PORT in container "mcp" is set by spec.env[0] but the proxyrunner overwrites it with its own value for transport "streamable-http": rename or remove spec.env[0]',
    ]);
  });

  test('rejects an EmbeddingServer env entry that repeats HF_HOME', () => {
    expect(collisions([th('EmbeddingServer', 'emb', { modelCache: {}, env: [{ name: 'HF_HOME', value: '/cache' }] })])).toEqual([
      'collision.env-user EmbeddingServer/emb spec.env[0]: env var HF_HOME in container "embedding" is set by spec.env[0] and by the operator from spec.modelCache.enabled; only the last entry (spec.modelCache.enabled) takes effect: rename or remove spec.env[0]',
    ]);
  });
});

describe('collision.header-env', () => {
  test('passes for header names that stay distinct', () => {
    expect(collisions([proxy('github', {
      headerForward: {
        addHeadersFromSecret: [
          { headerName: 'X-Api-Key', valueSecretRef: { name: 'k', key: 'a' } },
          { headerName: 'X-Api-Token', valueSecretRef: { name: 'k', key: 'b' } },
        ],
      },
    })])).toEqual([]);
  });

  test('rejects MCPRemoteProxy header names that differ only in "." and "-"', () => {
    expect(collisions([proxy('github', {
      headerForward: {
        addHeadersFromSecret: [
          { headerName: 'X-Api.Key', valueSecretRef: { name: 'k', key: 'a' } },
          { headerName: 'X-Api-Key', valueSecretRef: { name: 'k', key: 'b' } },
        ],
      },
    })])).toEqual([
      'collision.header-env MCPRemoteProxy/github spec.headerForward.addHeadersFromSecret[1].headerName: header names "X-Api.Key" (spec.headerForward.addHeadersFromSecret[0]) and "X-Api-Key" (spec.headerForward.addHeadersFromSecret[1]) both become env var TOOLHIVE_SECRET_HEADER_FORWARD_X_API_KEY_GITHUB in the proxy pod; the operator does not detect this and both headers get the last Secret\'s value: forward only one of them from a Secret',
    ]);
  });

  test('rejects MCPServerEntry header names that differ only in case, once, even when a vMCP uses the entry', () => {
    expect(collisions([th('MCPGroup', 'team'), vmcp('gw'), entry('docs', {
      headerForward: {
        addHeadersFromSecret: [
          { headerName: 'x-tenant', valueSecretRef: { name: 'k', key: 'a' } },
          { headerName: 'X-Tenant', valueSecretRef: { name: 'k', key: 'b' } },
        ],
      },
    })])).toEqual([
      'collision.header-env MCPServerEntry/docs spec.headerForward.addHeadersFromSecret[1].headerName: header names "x-tenant" (spec.headerForward.addHeadersFromSecret[0]) and "X-Tenant" (spec.headerForward.addHeadersFromSecret[1]) both become env var TOOLHIVE_SECRET_HEADER_FORWARD_X_TENANT_DOCS in the pod of every VirtualMCPServer whose group holds this entry; the operator does not detect this and both headers get the last Secret\'s value: forward only one of them from a Secret',
    ]);
  });
});

describe('collision.otel-header-env', () => {
  const otel = (names: readonly string[]) => th('MCPTelemetryConfig', 'otel', {
    openTelemetry: {
      endpoint: 'otel-collector:4318',
      tracing: { enabled: true },
      sensitiveHeaders: names.map((name, i) => ({ name, secretKeyRef: { name: 'otel', key: `k${i}` } })),
    },
  });

  test('passes for distinct sensitive header names', () => {
    expect(collisions([otel(['X-Api-Key', 'X-Org']), server('s', { telemetryConfigRef: { name: 'otel' } })])).toEqual([]);
  });

  test('rejects sensitive header names that differ only in "-" and "_", once, even when a server uses the config', () => {
    expect(collisions([otel(['X-Api-Key', 'x_api_key']), server('s', { telemetryConfigRef: { name: 'otel' } })])).toEqual([
      'collision.otel-header-env MCPTelemetryConfig/otel spec.openTelemetry.sensitiveHeaders[1].name: sensitive header names "X-Api-Key" (spec.openTelemetry.sensitiveHeaders[0]) and "x_api_key" (spec.openTelemetry.sensitiveHeaders[1]) both become env var TOOLHIVE_OTEL_HEADER_X_API_KEY in the pods that use this config; the operator does not detect this and only the last Secret takes effect: keep only one of them',
    ]);
  });
});

describe('collision.env-operator-default', () => {
  test('accepts proxy env overrides that do not touch the operator defaults', () => {
    expect(collisions([server('fetch', { resourceOverrides: { proxyDeployment: { env: [{ name: 'LOG_LEVEL', value: 'debug' }] } } })])).toEqual([]);
  });

  test('warns when a proxy env override replaces a default the operator appends only when absent', () => {
    const objects = [
      server('fetch', { resourceOverrides: { proxyDeployment: { env: [{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'HOME', value: '/home/app' }] } } }),
      proxy('docs', { resourceOverrides: { proxyDeployment: { env: [{ name: 'UNSTRUCTURED_LOGS', value: 'true' }] } } }),
    ];
    expect(collisions(objects)).toEqual([
      'collision.env-operator-default MCPServer/fetch spec.resourceOverrides.proxyDeployment.env[1].name: env var HOME in container "toolhive" replaces the operator\'s default HOME=/tmp: the operator appends it only when the name is absent, so the proxy runs with your value instead; remove the entry unless that is intended',
      'collision.env-operator-default MCPRemoteProxy/docs spec.resourceOverrides.proxyDeployment.env[0].name: env var UNSTRUCTURED_LOGS in container "toolhive" replaces the operator\'s default UNSTRUCTURED_LOGS=false: the operator appends it only when the name is absent, so the proxy runs with your value instead; remove the entry unless that is intended',
    ]);
    expect(validateManifests(objects).filter(v => v.rule === 'collision.env-operator-default').every(v => v.severity === 'warning')).toBe(true);
  });
});

describe('RULE_DOCS', () => {
  test('documents every rule the layer reports, with unique ids', () => {
    const ids = RULE_DOCS.map(d => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([
      'collision.configmap', 'collision.deployment', 'collision.duplicate-object', 'collision.env', 'collision.env-operator-default',
      'collision.env-user', 'collision.header-env',
      'collision.otel-header-env', 'collision.secret', 'collision.service', 'collision.serviceaccount', 'collision.statefulset',
    ]);
  });
});
