/**
 * A complete ToolHive platform as one cdk8s app: the namespace, a group, shared OIDC / authz / telemetry
 * configs, an MCPServer, an MCPRemoteProxy, an MCPServerEntry and a VirtualMCPServer with an embedded
 * authorization server. Synth validates the whole set with the same engine as `toolhive-constructs validate`.
 *
 * Inside this repository the constructs are imported from `../../src`; in your project write
 * `from 'toolhive-constructs'`.
 */
import { App, Chart, type ChartProps } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import {
  McpAuthzConfig,
  McpExternalAuthConfig,
  McpGroup,
  McpOidcConfig,
  McpRemoteProxy,
  McpServer,
  McpServerEntry,
  McpTelemetryConfig,
  McpToolConfig,
  SecretKey,
  UpstreamProvider,
  VirtualMcpServer,
} from '../../src';

/** The values of the Secrets the app defines. Secret values never appear in validation messages or env bindings. */
export interface PlatformSecretValues {
  /** Client secret of the `toolhive` client at the platform's OIDC issuer. */
  readonly oidcClientSecret: string;
  /** GitHub personal access token of the GitHub MCP server. */
  readonly githubToken: string;
  /** API token the Jira proxy sends to the remote Jira MCP server. */
  readonly jiraApiToken: string;
  /** Client secret of the gateway's client at Okta (first upstream of the embedded auth server). */
  readonly oktaClientSecret: string;
  /** Client secret of the gateway's GitHub OAuth app (second upstream). */
  readonly githubOAuthClientSecret: string;
}

/**
 * Reads the Secret values from `PLATFORM_*` environment variables (prefixed, so that a `GITHUB_TOKEN` already set
 * in a shell is not written into the manifests); a placeholder when a variable is unset (a demo, not a deployment).
 */
export function secretValuesFromEnv(env: NodeJS.ProcessEnv = process.env): PlatformSecretValues {
  const read = (name: string) => env[name] ?? `replace-me-${name.toLowerCase().replace(/_/g, '-')}`;
  return {
    oidcClientSecret: read('PLATFORM_OIDC_CLIENT_SECRET'),
    githubToken: read('PLATFORM_GITHUB_TOKEN'),
    jiraApiToken: read('PLATFORM_JIRA_API_TOKEN'),
    oktaClientSecret: read('PLATFORM_OKTA_CLIENT_SECRET'),
    githubOAuthClientSecret: read('PLATFORM_GITHUB_OAUTH_CLIENT_SECRET'),
  };
}

export interface PlatformChartProps extends ChartProps {
  /** The Secret values. */
  readonly secrets: PlatformSecretValues;
}

/** The namespace every object of the platform lives in (ToolHive references are same-namespace only). */
export const NAMESPACE = 'platform';
/**
 * The issuer of the gateway's embedded authorization server. The shared MCPOIDCConfig validates tokens of the
 * same issuer: the operator requires both to be equal.
 */
export const ISSUER = 'https://mcp.platform.example.com';

/**
 * The Namespace, in a Chart of its own: a Chart's namespace is written on every object of the Chart, and a
 * Namespace is cluster-scoped.
 */
export class NamespaceChart extends Chart {
  public constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    new kplus.Namespace(this, 'namespace', { metadata: { name: NAMESPACE } });
  }
}

/** The platform: every object in namespace `platform`. */
export class PlatformChart extends Chart {
  public readonly github: McpServer;
  public readonly jira: McpRemoteProxy;
  public readonly gateway: VirtualMcpServer;

  public constructor(scope: Construct, id: string, props: PlatformChartProps) {
    super(scope, id, { ...props, namespace: NAMESPACE });
    const secretValues = props.secrets;

    const engineering = new McpGroup(this, 'engineering', {
      metadata: { name: 'engineering' },
      description: 'Tools for the engineering organisation',
    });

    // Shared configs, referenced by every workload below.
    const oidcClient = new kplus.Secret(this, 'oidc-client', {
      metadata: { name: 'platform-oidc-client' },
      stringData: { 'client-secret': secretValues.oidcClientSecret },
    });
    const oidc = McpOidcConfig.inline(this, 'oidc', {
      metadata: { name: 'platform-oidc' },
      issuer: ISSUER,
      clientId: 'toolhive',
      clientSecretRef: SecretKey.fromSecret(oidcClient, 'client-secret'),
    });
    const authz = McpAuthzConfig.cedar(this, 'authz', {
      metadata: { name: 'engineering-cedar' },
      policies: [
        'permit(principal, action == Action::"call_tool", resource) when { principal.claim_groups.contains("engineering") };',
        'permit(principal, action == Action::"list_tools", resource);',
      ],
      groupClaimName: 'groups',
    });
    const otel = new McpTelemetryConfig(this, 'otel', {
      metadata: { name: 'platform-otel' },
      openTelemetry: {
        enabled: true,
        endpoint: 'otel-collector.observability.svc.cluster.local:4318',
        insecure: true,
        tracing: { enabled: true, samplingRate: '0.1' },
        metrics: { enabled: true },
      },
      prometheus: { enabled: true },
    });

    // An MCPServer: the GitHub token reaches the MCP container through spec.secrets; tools are filtered.
    const githubToken = new kplus.Secret(this, 'github-token', {
      metadata: { name: 'github-token' },
      stringData: { token: secretValues.githubToken },
    });
    const readOnly = new McpToolConfig(this, 'github-read-only', {
      metadata: { name: 'github-read-only' },
      toolsFilter: ['get_issue', 'list_issues', 'get_pull_request', 'list_pull_requests', 'search_code'],
    });
    this.github = new McpServer(this, 'github', {
      metadata: { name: 'github' },
      image: 'ghcr.io/github/github-mcp-server:v0.20.0',
      transport: 'stdio',
      group: engineering,
      secrets: [{ secretKey: SecretKey.fromSecret(githubToken, 'token'), targetEnvName: 'GITHUB_PERSONAL_ACCESS_TOKEN' }],
      env: [{ name: 'GITHUB_TOOLSETS', value: 'repos,issues,pull_requests' }],
      oidcConfig: { config: oidc, audience: 'github-mcp' },
      authz,
      toolConfig: readOnly,
      telemetry: { config: otel, serviceName: 'github-mcp' },
      resources: { limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
    });

    // An MCPRemoteProxy sending a static bearer token to a remote MCP server. It stays out of the group: a
    // vMCP discovers its members' externalAuthConfigRef for its own outgoing auth and cannot use bearerToken.
    const jiraToken = new kplus.Secret(this, 'jira-api-token', {
      metadata: { name: 'jira-api-token' },
      stringData: { token: secretValues.jiraApiToken },
    });
    const jiraBearer = McpExternalAuthConfig.bearerToken(this, 'jira-bearer', {
      metadata: { name: 'jira-bearer' },
      tokenSecretRef: SecretKey.fromSecret(jiraToken, 'token'),
    });
    this.jira = new McpRemoteProxy(this, 'jira', {
      metadata: { name: 'jira' },
      remoteUrl: 'https://mcp.atlassian.example.com/v1/mcp',
      transport: 'streamable-http',
      externalAuth: jiraBearer,
      oidcConfig: { config: oidc, audience: 'jira-mcp' },
      authz,
      telemetry: { config: otel, serviceName: 'jira-mcp' },
    });

    // An MCPServerEntry: a remote MCP server the gateway connects to directly (no pods).
    new McpServerEntry(this, 'context7', {
      metadata: { name: 'context7' },
      remoteUrl: 'https://mcp.context7.example.com/mcp',
      transport: 'streamable-http',
      group: engineering,
    });

    // The gateway: aggregates the group behind an embedded authorization server with two upstream IdPs.
    const okta = new kplus.Secret(this, 'okta-client', {
      metadata: { name: 'okta-client' },
      stringData: { 'client-secret': secretValues.oktaClientSecret },
    });
    const githubOAuth = new kplus.Secret(this, 'github-oauth-client', {
      metadata: { name: 'github-oauth-client' },
      stringData: { 'client-secret': secretValues.githubOAuthClientSecret },
    });
    // The operator requires the audience to equal the resource URL, whose default is the vMCP's in-cluster URL.
    const gatewayUrl = `http://gateway.${NAMESPACE}.svc.cluster.local:4483`;
    this.gateway = new VirtualMcpServer(this, 'gateway', {
      metadata: { name: 'gateway' },
      group: engineering,
      incomingAuth: { oidcConfig: { config: oidc, audience: gatewayUrl }, authz },
      outgoingAuth: { source: 'inline' },
      authServerConfig: {
        issuer: ISSUER,
        primaryUpstreamProvider: 'okta',
        // Keys that outlive a restart, created outside the app (e.g. by a key-rotation job): declared external.
        signingKeySecretRefs: [SecretKey.external('gateway-signing-key', 'private.pem')],
        hmacSecretRefs: [SecretKey.external('gateway-auth-hmac', 'hmac')],
        upstreamProviders: [
          UpstreamProvider.oidc('okta', {
            issuerUrl: 'https://corp.okta.example.com',
            clientId: 'toolhive-gateway',
            clientSecretRef: SecretKey.fromSecret(okta, 'client-secret'),
          }),
          UpstreamProvider.oauth2('github', {
            authorizationEndpoint: 'https://github.com/login/oauth/authorize',
            tokenEndpoint: 'https://github.com/login/oauth/access_token',
            clientId: 'toolhive-gateway',
            clientSecretRef: SecretKey.fromSecret(githubOAuth, 'client-secret'),
            scopes: ['read:user'],
            userInfo: { endpointUrl: 'https://api.github.com/user' },
          }),
        ],
      },
      telemetry: { config: otel, serviceName: 'gateway' },
    });
  }
}

/** The app `cdk8s synth` runs: Secret values from the environment. */
export function buildApp(secrets: PlatformSecretValues = secretValuesFromEnv()): App {
  const app = new App();
  const namespace = new NamespaceChart(app, 'namespace');
  // Emitted after the Namespace (cdk8s writes 0000-namespace.k8s.yaml, then 0001-platform.k8s.yaml).
  new PlatformChart(app, 'platform', { secrets }).addDependency(namespace);
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
