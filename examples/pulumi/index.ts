/**
 * A complete ToolHive platform as a Pulumi program: the operator, a namespace, an MCPGroup behind a Virtual
 * MCP gateway with an embedded authorization server (two upstream identity providers), shared OIDC, Cedar
 * and telemetry configuration, a containerised MCP server, a remote proxy and a catalog entry.
 *
 *   pulumi config set --secret oidcClientSecret ...      (and the others below)
 *   pulumi up
 *
 * Every ToolHive object is validated (CRD schema, CEL, the operator's reconcile-time checks, references,
 * Secret keys, name collisions) before its custom resource is registered; `toolhive.validate()` at the end
 * checks the whole program and resolves the env bindings.
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
// resolved by this folder's package.json (and, in the repository, by tsconfig.json's paths)
// eslint-disable-next-line import/no-unresolved
import * as toolhive from 'toolhive-constructs/pulumi';

const config = new pulumi.Config();

// ---- The operator: every ToolHive custom resource depends on it, so none races its CRD ----
const crds = new k8s.helm.v3.Release('toolhive-operator-crds', {
  chart: 'oci://ghcr.io/stacklok/toolhive/toolhive-operator-crds',
  version: '0.44.0',
  namespace: 'toolhive-system',
  createNamespace: true,
});
const operator = new k8s.helm.v3.Release('toolhive-operator', {
  chart: 'oci://ghcr.io/stacklok/toolhive/toolhive-operator',
  version: '0.44.0',
  namespace: 'toolhive-system',
  values: { fullnameOverride: 'toolhive-operator' },
}, { dependsOn: [crds] });
toolhive.configure({ operator: [crds, operator] });

const ns = new k8s.core.v1.Namespace('toolhive-demo', { metadata: { name: 'toolhive-demo' } });
const metadata = { namespace: ns };

// ---- The group the gateway aggregates ----
const group = new toolhive.McpGroup('demo-tools', { metadata, description: 'Tools published through the demo gateway' });

// ---- Shared incoming auth: the gateway's embedded authorization server issues the tokens ----
const issuer = 'https://auth.demo.example.com';
const oidcClient = new toolhive.ToolHiveSecret('demo-oidc-client', {
  metadata,
  stringData: { 'client-secret': config.requireSecret('oidcClientSecret') },
});
const oidc = new toolhive.McpOidcConfig('demo-oidc', {
  metadata,
  type: 'inline',
  inline: { issuer, clientId: 'toolhive-demo', clientSecretRef: oidcClient.key('client-secret') },
});

const cedar = new toolhive.McpAuthzConfig('demo-authz', {
  metadata,
  type: 'cedarv1',
  config: {
    policies: [
      'permit(principal, action == Action::"call_tool", resource == Tool::"fetch_page");',
      'permit(principal, action == Action::"list_tools", resource);',
    ],
    entities_json: '[]',
  },
});

// ---- Telemetry, shared by the MCP server and the gateway ----
const otelKey = new toolhive.ToolHiveSecret('otel-api-key', {
  metadata,
  stringData: { 'api-key': config.requireSecret('otelApiKey') },
});
const telemetry = new toolhive.McpTelemetryConfig('demo-otel', {
  metadata,
  openTelemetry: {
    enabled: true,
    endpoint: 'otel-collector.monitoring.svc.cluster.local:4318',
    insecure: true,
    tracing: { enabled: true, samplingRate: '0.1' },
    metrics: { enabled: true },
    sensitiveHeaders: [{ name: 'x-otel-api-key', secretKeyRef: otelKey.key('api-key') }],
  },
  prometheus: { enabled: true },
});

// ---- A containerised MCP server with an API key and a filtered, renamed tool ----
const fetchKey = new toolhive.ToolHiveSecret('fetch-api-key', {
  metadata,
  stringData: { 'api-key': config.requireSecret('fetchApiKey') },
});
const fetchTools = new toolhive.McpToolConfig('fetch-tools', {
  metadata,
  toolsFilter: ['fetch'],
  toolsOverride: { fetch: { name: 'fetch_page', description: 'Fetch a web page and return it as Markdown' } },
});
const fetchServer = new toolhive.McpServer('fetch', {
  metadata,
  image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1',
  transport: 'streamable-http',
  mcpPort: 8080,
  proxyPort: 8080,
  groupRef: group,
  toolConfigRef: fetchTools,
  telemetryConfigRef: telemetry,
  secrets: [{ name: fetchKey, key: 'api-key', targetEnvName: 'FETCH_API_KEY' }],
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
});

// ---- A remote MCP server behind a proxy that adds a static bearer token ----
const docsToken = new toolhive.ToolHiveSecret('docs-api-token', {
  metadata,
  stringData: { token: config.requireSecret('docsApiToken') },
});
const docsBearer = new toolhive.McpExternalAuthConfig('docs-bearer', {
  metadata,
  type: 'bearerToken',
  bearerToken: { tokenSecretRef: docsToken.key('token') },
});
const docsProxy = new toolhive.McpRemoteProxy('docs', {
  metadata,
  remoteUrl: 'https://mcp.docs.example.com/mcp',
  transport: 'streamable-http',
  proxyPort: 8080,
  oidcConfigRef: { name: oidc, audience: 'docs-proxy' },
  authzConfigRef: cedar,
  externalAuthConfigRef: docsBearer,
});

// ---- A remote MCP endpoint the gateway calls directly ----
new toolhive.McpServerEntry('search', {
  metadata,
  remoteUrl: 'https://mcp.search.example.com/mcp',
  transport: 'streamable-http',
  groupRef: group,
});

// ---- The gateway, with an embedded authorization server federating two identity providers ----
const upstreams = new toolhive.ToolHiveSecret('gateway-upstreams', {
  metadata,
  stringData: {
    'corp-client-secret': config.requireSecret('corpClientSecret'),
    'github-client-secret': config.requireSecret('githubClientSecret'),
  },
});
const gatewayUrl = 'http://demo-gateway.toolhive-demo.svc.cluster.local:4483';
const gateway = new toolhive.VirtualMcpServer('demo-gateway', {
  metadata,
  groupRef: group,
  incomingAuth: {
    type: 'oidc',
    oidcConfigRef: { name: oidc, audience: gatewayUrl, resourceUrl: gatewayUrl, scopes: ['openid'] },
    authzConfigRef: cedar,
  },
  outgoingAuth: { source: 'discovered' },
  authServerConfig: {
    issuer,
    // Cedar policies evaluate the claims of this upstream's token
    primaryUpstreamProvider: 'corp',
    upstreamProviders: [
      {
        name: 'corp',
        type: 'oidc',
        oidcConfig: {
          issuerUrl: 'https://login.corp.example.com/realms/demo',
          clientId: 'toolhive-gateway',
          clientSecretRef: upstreams.key('corp-client-secret'),
          scopes: ['openid', 'profile', 'email'],
        },
      },
      {
        name: 'github',
        type: 'oauth2',
        oauth2Config: {
          authorizationEndpoint: 'https://github.com/login/oauth/authorize',
          tokenEndpoint: 'https://github.com/login/oauth/access_token',
          clientId: 'toolhive-gateway',
          clientSecretRef: upstreams.key('github-client-secret'),
          scopes: ['read:user'],
          userInfo: { endpointUrl: 'https://api.github.com/user' },
        },
      },
    ],
  },
  telemetryConfigRef: { name: telemetry, serviceName: 'demo-gateway' },
});

// ---- Last: validate the whole program (collisions, group membership) and derive the env bindings ----
export const warnings = toolhive.validate();
export const gatewayEnv = gateway.envBindings;
export const fetchEnv = fetchServer.envBindings;
export const docsEnv = docsProxy.envBindings;
