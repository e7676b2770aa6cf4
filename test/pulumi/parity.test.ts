/**
 * Parity with the cdk8s front end: the platform of examples/cdk8s (every kind of the full system), written with
 * the Pulumi components, gives custom resources equal to what `cdk8s synth` emits, the same Secrets (by key), the
 * same validation result and the same env bindings.
 */
import * as pulumi from '@pulumi/pulumi';
import { Testing } from 'cdk8s';
import { customResources, mockProgram, settle, valueOf, type Registration } from './harness';
import { PlatformChart } from '../../examples/cdk8s/main';
import { envBindings } from '../../src/bindings';
import type { KubeObject } from '../../src/core/types';
import * as toolhive from '../../src/pulumi';
import { validateManifests } from '../../src/validation';

const VALUES = { oidcClientSecret: 'a1', githubToken: 'b2', jiraApiToken: 'c3', oktaClientSecret: 'd4', githubOAuthClientSecret: 'e5' };
const NAMESPACE = 'platform';
const ISSUER = 'https://mcp.platform.example.com';

/** examples/cdk8s/main.ts's PlatformChart, with the Pulumi components. */
function pulumiPlatform(): { github: toolhive.McpServer; jira: toolhive.McpRemoteProxy; gateway: toolhive.VirtualMcpServer } {
  const metadata = { namespace: NAMESPACE };
  const engineering = new toolhive.McpGroup('engineering', { metadata, description: 'Tools for the engineering organisation' });
  const oidcClient = new toolhive.ToolHiveSecret('platform-oidc-client', { metadata, stringData: { 'client-secret': VALUES.oidcClientSecret } });
  const oidc = new toolhive.McpOidcConfig('platform-oidc', {
    metadata,
    type: 'inline',
    inline: { issuer: ISSUER, clientId: 'toolhive', clientSecretRef: oidcClient.key('client-secret') },
  });
  const authz = new toolhive.McpAuthzConfig('engineering-cedar', {
    metadata,
    type: 'cedarv1',
    config: {
      policies: [
        'permit(principal, action == Action::"call_tool", resource) when { principal.claim_groups.contains("engineering") };',
        'permit(principal, action == Action::"list_tools", resource);',
      ],
      group_claim_name: 'groups',
    },
  });
  const otel = new toolhive.McpTelemetryConfig('platform-otel', {
    metadata,
    openTelemetry: {
      enabled: true,
      endpoint: 'otel-collector.observability.svc.cluster.local:4318',
      insecure: true,
      tracing: { enabled: true, samplingRate: '0.1' },
      metrics: { enabled: true },
    },
    prometheus: { enabled: true },
  });
  const githubToken = new toolhive.ToolHiveSecret('github-token', { metadata, stringData: { token: VALUES.githubToken } });
  const readOnly = new toolhive.McpToolConfig('github-read-only', {
    metadata,
    toolsFilter: ['get_issue', 'list_issues', 'get_pull_request', 'list_pull_requests', 'search_code'],
  });
  const github = new toolhive.McpServer('github', {
    metadata,
    image: 'ghcr.io/github/github-mcp-server:v0.20.0',
    transport: 'stdio',
    groupRef: engineering,
    secrets: [{ name: githubToken, key: 'token', targetEnvName: 'GITHUB_PERSONAL_ACCESS_TOKEN' }],
    env: [{ name: 'GITHUB_TOOLSETS', value: 'repos,issues,pull_requests' }],
    oidcConfigRef: { name: oidc, audience: 'github-mcp' },
    authzConfigRef: authz,
    toolConfigRef: readOnly,
    telemetryConfigRef: { name: otel, serviceName: 'github-mcp' },
    resources: { limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
  });
  const jiraToken = new toolhive.ToolHiveSecret('jira-api-token', { metadata, stringData: { token: VALUES.jiraApiToken } });
  const jiraBearer = new toolhive.McpExternalAuthConfig('jira-bearer', { metadata, type: 'bearerToken', bearerToken: { tokenSecretRef: jiraToken.key('token') } });
  const jira = new toolhive.McpRemoteProxy('jira', {
    metadata,
    remoteUrl: 'https://mcp.atlassian.example.com/v1/mcp',
    transport: 'streamable-http',
    externalAuthConfigRef: jiraBearer,
    oidcConfigRef: { name: oidc, audience: 'jira-mcp' },
    authzConfigRef: authz,
    telemetryConfigRef: { name: otel, serviceName: 'jira-mcp' },
  });
  new toolhive.McpServerEntry('context7', { metadata, remoteUrl: 'https://mcp.context7.example.com/mcp', transport: 'streamable-http', groupRef: engineering });
  const okta = new toolhive.ToolHiveSecret('okta-client', { metadata, stringData: { 'client-secret': VALUES.oktaClientSecret } });
  const githubOAuth = new toolhive.ToolHiveSecret('github-oauth-client', { metadata, stringData: { 'client-secret': VALUES.githubOAuthClientSecret } });
  const gatewayUrl = `http://gateway.${NAMESPACE}.svc.cluster.local:4483`;
  const gateway = new toolhive.VirtualMcpServer('gateway', {
    metadata,
    groupRef: engineering,
    incomingAuth: { type: 'oidc', oidcConfigRef: { name: oidc, audience: gatewayUrl }, authzConfigRef: authz },
    outgoingAuth: { source: 'inline' },
    authServerConfig: {
      issuer: ISSUER,
      primaryUpstreamProvider: 'okta',
      signingKeySecretRefs: [toolhive.SecretKey.external('gateway-signing-key', 'private.pem')],
      hmacSecretRefs: [{ name: 'gateway-auth-hmac', key: 'hmac' }],
      upstreamProviders: [
        {
          name: 'okta',
          type: 'oidc',
          oidcConfig: { issuerUrl: 'https://corp.okta.example.com', clientId: 'toolhive-gateway', clientSecretRef: okta.key('client-secret') },
        },
        {
          name: 'github',
          type: 'oauth2',
          oauth2Config: {
            authorizationEndpoint: 'https://github.com/login/oauth/authorize',
            tokenEndpoint: 'https://github.com/login/oauth/access_token',
            clientId: 'toolhive-gateway',
            clientSecretRef: githubOAuth.key('client-secret'),
            scopes: ['read:user'],
            userInfo: { endpointUrl: 'https://api.github.com/user' },
          },
        },
      ],
    },
    telemetryConfigRef: { name: otel, serviceName: 'gateway' },
  });
  return { github, jira, gateway };
}

const identity = (o: KubeObject): string => `${o.kind}/${o.metadata?.namespace}/${o.metadata?.name}`;
const byIdentity = (objects: readonly KubeObject[]): Record<string, KubeObject> => Object.fromEntries(objects.map(o => [identity(o), o]));
const keysOf = (o: KubeObject): string[] => Object.keys({ ...(o.data as object), ...(o.stringData as object) }).sort();

describe('parity with cdk8s (examples/cdk8s platform)', () => {
  let cdk8s: KubeObject[];
  let regs: Registration[];
  let workloads: ReturnType<typeof pulumiPlatform>;
  let warnings: readonly toolhive.Violation[];

  beforeAll(async () => {
    cdk8s = Testing.synth(new PlatformChart(Testing.app(), 'platform', { secrets: VALUES })) as KubeObject[];
    regs = await mockProgram();
    workloads = pulumiPlatform();
    warnings = await valueOf(toolhive.validate());
    await settle(workloads.gateway.resource.urn, workloads.github.resource.urn, workloads.jira.resource.urn);
    await settle();
  });

  test('the custom resources equal the ToolHive objects cdk8s synthesizes', () => {
    const fromCdk8s = cdk8s.filter(o => o.apiVersion?.startsWith('toolhive.stacklok.dev/'));
    expect(fromCdk8s).toHaveLength(10);
    expect(byIdentity(customResources(regs).map(r => r.inputs as KubeObject))).toEqual(byIdentity(fromCdk8s));
  });

  test('the Secrets have the same names and keys', () => {
    const fromCdk8s = cdk8s.filter(o => o.kind === 'Secret');
    const fromPulumi = regs.filter(r => r.type === 'kubernetes:core/v1:Secret').map(r => ({
      ...(r.inputs as KubeObject),
      stringData: (r.inputs.stringData as { value: Record<string, string> }).value,
    }));
    const shape = (objects: readonly KubeObject[]): Record<string, string[]> => Object.fromEntries(objects.map(o => [identity(o), keysOf(o)]));
    expect(shape(fromPulumi)).toEqual(shape(fromCdk8s));
  });

  test('validation gives the same result (the warnings validate() returns are the engine\'s on the cdk8s output)', () => {
    const errors = validateManifests(cdk8s, { external: ['Secret/platform/gateway-signing-key', 'Secret/platform/gateway-auth-hmac'] });
    expect(warnings).toEqual(errors.filter(v => v.severity === 'warning'));
    expect(errors.filter(v => v.severity === 'error')).toEqual([]);
  });

  test('the env bindings equal those derived from the cdk8s output', async () => {
    const fromCdk8s = envBindings(cdk8s);
    for (const w of [workloads.github, workloads.jira, workloads.gateway]) {
      const env = await valueOf(w.envBindings as pulumi.Output<toolhive.WorkloadEnv>);
      expect(env).toEqual(fromCdk8s.find(x => x.kind === env.kind && x.name === env.name));
      expect(env.containers.length).toBeGreaterThan(0);
    }
  });
});
