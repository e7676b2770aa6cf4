/** A chart using every prop of every construct (not a test file): shared by the coverage and snapshot tests. */
import type { Chart } from 'cdk8s';
import {
  EmbeddingServer, McpAuthzConfig, McpExternalAuthConfig, McpGroup, McpOidcConfig, McpRemoteProxy, McpServer, McpServerEntry,
  McpTelemetryConfig, McpToolConfig, McpWebhookConfig, SecretKey, UpstreamProvider, VirtualMcpCompositeToolDefinition, VirtualMcpServer,
  type ToolHiveObject,
} from '../../src';

const IMAGE = 'ghcr.io/stackloklabs/osv-mcp/server:0.1.0';
const secret = (name: string, key: string) => SecretKey.external(name, key);

/** Builds one or more objects of every kind, together setting every top-level spec field. */
export function everyProp(chart: Chart): ToolHiveObject<any>[] {
  const group = new McpGroup(chart, 'group', { metadata: { name: 'platform' }, description: 'Tools of the platform team' });
  const oidc = McpOidcConfig.inline(chart, 'oidc', {
    metadata: { name: 'corp-oidc' },
    issuer: 'https://login.example.com',
    clientId: 'mcp',
    clientSecretRef: secret('oidc-client', 'secret'),
    jwksUrl: 'https://login.example.com/keys',
  });
  const k8sOidc = McpOidcConfig.kubernetesServiceAccount(chart, 'k8s-oidc', { metadata: { name: 'k8s-oidc' }, serviceAccount: 'mcp-client' });
  const cedar = McpAuthzConfig.cedar(chart, 'cedar', {
    metadata: { name: 'readers' },
    policies: ['permit(principal, action == Action::"call_tool", resource);'],
    entitiesJson: '[]',
    groupClaimName: 'groups',
  });
  const http = McpAuthzConfig.http(chart, 'pdp', { metadata: { name: 'pdp' }, url: 'https://pdp.example.com', claimMapping: 'standard', timeoutSeconds: 5 });
  const tools = new McpToolConfig(chart, 'tools', {
    metadata: { name: 'osv-tools' },
    toolsFilter: ['query_vulnerability'],
    toolsOverride: { query_vulnerability: { name: 'osv_query', description: 'Query OSV' } },
  });
  const telemetry = new McpTelemetryConfig(chart, 'otel', {
    metadata: { name: 'otel' },
    openTelemetry: {
      enabled: true,
      endpoint: 'otel-collector.monitoring:4317',
      tracing: { enabled: true, samplingRate: '0.1' },
      sensitiveHeaders: [{ name: 'x-api-key', secretKeyRef: secret('otel-key', 'key') }],
    },
    prometheus: { enabled: true },
  });
  const webhooks = new McpWebhookConfig(chart, 'webhooks', {
    metadata: { name: 'policy' },
    validating: [{ name: 'opa', url: 'https://opa.policy.example.com/v1/mcp', timeout: '5s', hmacSecretRef: secret('opa-hmac', 'key') }],
    mutating: [{ name: 'redact', url: 'https://redact.policy.example.com/v1/mcp', failurePolicy: 'ignore' }],
  });
  const embeddedAs = McpExternalAuthConfig.embeddedAuthServer(chart, 'as', {
    metadata: { name: 'corp-as' },
    issuer: 'https://osv.example.com',
    signingKeySecretRefs: [secret('as-signing', 'key.pem')],
    hmacSecretRefs: [secret('as-hmac', 'hmac')],
    upstreamProviders: [UpstreamProvider.oidc('okta', { issuerUrl: 'https://corp.okta.com', clientId: 'mcp', clientSecretRef: secret('okta', 'secret') })],
  });
  const exchange = McpExternalAuthConfig.tokenExchange(chart, 'exchange', {
    metadata: { name: 'github-exchange' },
    tokenUrl: 'https://sts.example.com/token',
    audience: 'github',
    clientId: 'mcp',
    clientSecretRef: secret('sts-client', 'secret'),
  });
  const others = [
    McpExternalAuthConfig.headerInjection(chart, 'header', { metadata: { name: 'api-key' }, headerName: 'X-API-Key', valueSecretRef: secret('api-key', 'key') }),
    McpExternalAuthConfig.bearerToken(chart, 'bearer', { metadata: { name: 'bearer' }, tokenSecretRef: secret('api-token', 'token') }),
    McpExternalAuthConfig.awsSts(chart, 'aws', {
      metadata: { name: 'aws' },
      region: 'us-east-1',
      fallbackRoleArn: 'arn:aws:iam::123456789012:role/mcp',
    }),
    McpExternalAuthConfig.upstreamInject(chart, 'inject', { metadata: { name: 'inject' }, providerName: 'okta' }),
    McpExternalAuthConfig.xaa(chart, 'xaa', {
      metadata: { name: 'xaa' },
      idpTokenUrl: 'https://idp.example.com/token',
      targetTokenUrl: 'https://target.example.com/token',
      targetAudience: 'target',
    }),
    McpExternalAuthConfig.obo(chart, 'obo', { metadata: { name: 'obo' }, tenantId: 'example.com' }),
    McpExternalAuthConfig.unauthenticated(chart, 'none', { metadata: { name: 'none' } }),
  ];
  const server = new McpServer(chart, 'osv', {
    metadata: { name: 'osv', labels: { team: 'platform' } },
    image: IMAGE,
    transport: 'stdio',
    proxyMode: 'streamable-http',
    proxyPort: 8080,
    mcpPort: 8081,
    args: ['--verbose'],
    env: [{ name: 'LOG_LEVEL', value: 'info' }],
    secrets: [{ secretKey: secret('osv-api', 'token'), targetEnvName: 'OSV_TOKEN' }],
    volumes: [{ name: 'cache', hostPath: '/var/cache/osv', mountPath: '/cache', readOnly: true }],
    permissionProfile: { type: 'builtin', name: 'network' },
    podTemplateSpec: { spec: { containers: [{ name: 'mcp', resources: { limits: { memory: '256Mi' } } }] } },
    replicas: 1,
    backendReplicas: 1,
    resources: { requests: { cpu: '100m', memory: '128Mi' } },
    resourceOverrides: { proxyDeployment: { labels: { tier: 'proxy' } } },
    serviceAccount: 'osv',
    sessionAffinity: 'ClientIP',
    sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: secret('redis', 'password') },
    rateLimiting: { shared: { maxTokens: 100, refillPeriod: '1m' } },
    trustProxyHeaders: true,
    endpointPrefix: '/osv',
    audit: { enabled: true },
    group,
    oidcConfig: { config: oidc, audience: 'http://osv.default.svc.cluster.local:8080', scopes: ['openid'] },
    authz: cedar,
    externalAuth: exchange,
    authServer: embeddedAs,
    toolConfig: tools,
    telemetry: { config: telemetry, serviceName: 'osv' },
    webhooks,
  });
  const inlineAuthz = new McpServer(chart, 'fetch', {
    metadata: { name: 'fetch' },
    image: 'ghcr.io/stackloklabs/gofetch/server:1.0.0',
    transport: 'streamable-http',
    authzConfig: { type: 'inline', inline: { policies: ['permit(principal, action, resource);'] } },
  });
  const proxy = new McpRemoteProxy(chart, 'notion', {
    metadata: { name: 'notion' },
    remoteUrl: 'https://mcp.notion.com/mcp',
    transport: 'streamable-http',
    allowPrivateEndpoint: false,
    headerForward: { addPlaintextHeaders: { 'X-Tenant': 'acme' }, addHeadersFromSecret: [{ headerName: 'X-API-Key', valueSecretRef: secret('notion', 'key') }] },
    proxyPort: 8080,
    podTemplateSpec: { metadata: { annotations: { team: 'platform' } } },
    replicas: 2,
    resources: { limits: { cpu: '500m' } },
    resourceOverrides: { proxyService: { annotations: { 'example.com/lb': 'internal' } } },
    serviceAccount: 'notion',
    sessionAffinity: 'None',
    sessionStorage: { provider: 'redis', address: 'redis:6379' },
    trustProxyHeaders: true,
    endpointPrefix: '/notion',
    audit: { enabled: true },
    group,
    oidcConfig: { config: oidc, audience: 'notion' },
    authz: http,
    externalAuth: others[1] as McpExternalAuthConfig,
    toolConfig: tools,
    telemetry: { config: telemetry },
  });
  const proxyInline = new McpRemoteProxy(chart, 'linear', {
    metadata: { name: 'linear' },
    remoteUrl: 'https://mcp.linear.app/mcp',
    authzConfig: { type: 'configMap', configMap: { name: 'linear-authz' } },
    authServer: embeddedAs,
    oidcConfig: { config: k8sOidc, audience: 'http://linear.default.svc.cluster.local:8080' },
  });
  const entry = new McpServerEntry(chart, 'context7', {
    metadata: { name: 'context7' },
    remoteUrl: 'https://mcp.context7.com/mcp',
    transport: 'streamable-http',
    group,
    allowPrivateEndpoint: false,
    caBundleRef: { configMapRef: { name: 'corp-ca', key: 'ca.crt' } },
    externalAuth: others[0] as McpExternalAuthConfig,
    headerForward: { addPlaintextHeaders: { 'X-Client': 'toolhive' } },
  });
  const embeddings = new EmbeddingServer(chart, 'embeddings', {
    metadata: { name: 'embeddings' },
    model: 'BAAI/bge-small-en-v1.5',
    image: 'ghcr.io/huggingface/text-embeddings-inference:cpu-1.8',
    imagePullPolicy: 'IfNotPresent',
    args: ['--max-batch-tokens', '16384'],
    env: [{ name: 'RUST_LOG', value: 'info' }],
    hfTokenSecretRef: secret('hf', 'token'),
    modelCache: { enabled: true, size: '5Gi', accessMode: 'ReadWriteOnce' },
    podTemplateSpec: { spec: { nodeSelector: { pool: 'cpu' } } },
    port: 8080,
    replicas: 1,
    resourceOverrides: { statefulSet: { labels: { tier: 'ai' } } },
    resources: { limits: { cpu: '2', memory: '2Gi' } },
  });
  const composite = new VirtualMcpCompositeToolDefinition(chart, 'triage', {
    metadata: { name: 'triage' },
    name: 'triage_vulnerability',
    description: 'Look a package up in OSV and summarise',
    parameters: { type: 'object', properties: { package: { type: 'string' } }, required: ['package'] },
    steps: [{ id: 'query', type: 'tool', tool: 'osv.query_vulnerability', arguments: { package: '{{.params.package}}' } }],
    output: { properties: { findings: { type: 'string', description: 'Findings', value: '{{.steps.query.output.text}}' } } },
    timeout: '2m',
    annotations: { readOnlyHint: true, title: 'Triage' },
  });
  const vmcp = new VirtualMcpServer(chart, 'gateway', {
    metadata: { name: 'gateway' },
    group,
    incomingAuth: { oidcConfig: { config: oidc, audience: 'http://gateway.default.svc.cluster.local:4483' }, authz: cedar },
    outgoingAuth: { source: 'inline', default: {}, backends: { notion: { externalAuth: exchange } } },
    authServerConfig: {
      issuer: 'https://login.example.com',
      upstreamProviders: [UpstreamProvider.oidc('okta', { issuerUrl: 'https://corp.okta.com', clientId: 'gateway' })],
    },
    config: { aggregation: { conflictResolution: 'prefix', tools: [{ workload: 'osv', toolConfigRef: tools }] }, optimizer: {} },
    compositeToolDefinitions: [composite],
    embeddingServer: embeddings,
    telemetry: { config: telemetry, serviceName: 'gateway' },
    imagePullSecrets: [{ name: 'ghcr-pull' }],
    passthroughHeaders: ['X-Tenant'],
    podTemplateSpec: { spec: { priorityClassName: 'high' } },
    replicas: 2,
    serviceAccount: 'gateway',
    serviceType: 'ClusterIP',
    sessionAffinity: 'ClientIP',
    sessionStorage: { provider: 'redis', address: 'redis:6379', passwordRef: secret('redis', 'password') },
  });
  return [group, oidc, k8sOidc, cedar, http, tools, telemetry, webhooks, embeddedAs, exchange, ...others,
    server, inlineAuthz, proxy, proxyInline, entry, embeddings, composite, vmcp];
}
