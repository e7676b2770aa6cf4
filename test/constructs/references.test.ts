import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { errorLines } from './helpers';
import {
  McpRemoteProxy,
  EmbeddingServer, McpAuthzConfig, McpExternalAuthConfig, McpGroup, McpOidcConfig, McpServer, McpTelemetryConfig, McpToolConfig,
  McpWebhookConfig, SecretKey, ToolHiveValidation, UpstreamProvider, VirtualMcpCompositeToolDefinition, VirtualMcpServer,
} from '../../src';

const IMAGE = 'ghcr.io/stackloklabs/osv-mcp/server:0.1.0';

/**
 * Every reference kind: a target built in another App is missing from this one (synth fails at the referencing
 * construct), and the same target imported with `fromName` is declared external (synth passes).
 */
interface Case {
  readonly kind: string;
  /** Builds the target in `scope` (another App for the failing case). */
  readonly define: (scope: Chart) => any;
  /** Imports the target by name. */
  readonly imported: (scope: Chart, name: string) => any;
  /** Builds the referencing construct `consumer`. */
  readonly consume: (chart: Chart, target: any) => void;
  /** The expected error line, `NAME` standing for the target's name. */
  readonly error: string;
}

const embeddedAuthServer = (scope: Chart) => McpExternalAuthConfig.embeddedAuthServer(scope, 'as', {
  issuer: 'https://auth.example.com',
  upstreamProviders: [UpstreamProvider.oidc('okta', { issuerUrl: 'https://corp.okta.com', clientId: 'mcp' })],
});

const CASES: Case[] = [
  {
    kind: 'MCPGroup',
    define: s => new McpGroup(s, 'target'),
    imported: (s, n) => McpGroup.fromName(s, 'target', n),
    consume: (c, t) => new McpServer(c, 'consumer', { image: IMAGE, group: t }),
    error: "[test/consumer] spec.groupRef.name: MCPGroup 'NAME' not found in namespace 'default'; add MCPGroup \"NAME\" to namespace \"default\" or declare it external (MCPGroup/default/NAME) (ref.missing)",
  },
  {
    kind: 'MCPOIDCConfig',
    define: s => McpOidcConfig.kubernetesServiceAccount(s, 'target'),
    imported: (s, n) => McpOidcConfig.fromName(s, 'target', n),
    consume: (c, t) => new McpServer(c, 'consumer', { image: IMAGE, oidcConfig: { config: t, audience: 'osv' } }),
    error: '[test/consumer] spec.oidcConfigRef.name: MCPOIDCConfig NAME not found; add MCPOIDCConfig "NAME" to namespace "default" or declare it external (MCPOIDCConfig/default/NAME) (ref.missing)',
  },
  {
    kind: 'MCPAuthzConfig',
    define: s => McpAuthzConfig.cedar(s, 'target', { policies: ['permit(principal, action, resource);'] }),
    imported: (s, n) => McpAuthzConfig.fromName(s, 'target', n),
    consume: (c, t) => new McpServer(c, 'consumer', { image: IMAGE, authz: t }),
    error: '[test/consumer] spec.authzConfigRef.name: MCPAuthzConfig NAME not found; add MCPAuthzConfig "NAME" to namespace "default" or declare it external (MCPAuthzConfig/default/NAME) (ref.missing)',
  },
  {
    kind: 'MCPExternalAuthConfig',
    define: s => McpExternalAuthConfig.unauthenticated(s, 'target'),
    imported: (s, n) => McpExternalAuthConfig.fromName(s, 'target', n),
    consume: (c, t) => new McpServer(c, 'consumer', { image: IMAGE, externalAuth: t }),
    error: '[test/consumer] spec.externalAuthConfigRef.name: MCPExternalAuthConfig NAME not found in namespace default; add MCPExternalAuthConfig "NAME" to namespace "default" or declare it external (MCPExternalAuthConfig/default/NAME) (ref.missing)',
  },
  {
    kind: 'MCPExternalAuthConfig (authServerRef)',
    define: embeddedAuthServer,
    imported: (s, n) => McpExternalAuthConfig.fromName(s, 'target', n),
    consume: (c, t) => new McpServer(c, 'consumer', {
      image: IMAGE,
      metadata: { name: 'osv' },
      authServer: t,
      oidcConfig: { config: McpOidcConfig.fromName(c, 'oidc', 'corp'), audience: 'http://osv.default.svc.cluster.local:8080' },
    }),
    error: "[test/consumer] spec.authServerRef.name: MCPExternalAuthConfig 'NAME' not found in namespace 'default'; add MCPExternalAuthConfig \"NAME\" to namespace \"default\" or declare it external (MCPExternalAuthConfig/default/NAME) (ref.missing)",
  },
  {
    kind: 'MCPToolConfig',
    define: s => new McpToolConfig(s, 'target', { toolsFilter: ['query'] }),
    imported: (s, n) => McpToolConfig.fromName(s, 'target', n),
    consume: (c, t) => new McpServer(c, 'consumer', { image: IMAGE, toolConfig: t }),
    error: '[test/consumer] spec.toolConfigRef.name: MCPToolConfig NAME not found in namespace default; add MCPToolConfig "NAME" to namespace "default" or declare it external (MCPToolConfig/default/NAME) (ref.missing)',
  },
  {
    kind: 'MCPTelemetryConfig',
    define: s => new McpTelemetryConfig(s, 'target', { prometheus: { enabled: true } }),
    imported: (s, n) => McpTelemetryConfig.fromName(s, 'target', n),
    consume: (c, t) => new McpServer(c, 'consumer', { image: IMAGE, telemetry: { config: t } }),
    error: '[test/consumer] spec.telemetryConfigRef.name: MCPTelemetryConfig NAME not found; add MCPTelemetryConfig "NAME" to namespace "default" or declare it external (MCPTelemetryConfig/default/NAME) (ref.missing)',
  },
  {
    kind: 'MCPWebhookConfig',
    define: s => new McpWebhookConfig(s, 'target', { validating: [{ name: 'opa', url: 'https://opa.example.com/v1/mcp' }] }),
    imported: (s, n) => McpWebhookConfig.fromName(s, 'target', n),
    consume: (c, t) => new McpServer(c, 'consumer', { image: IMAGE, webhooks: t }),
    error: '[test/consumer] spec.webhookConfigRef.name: mcpwebhookconfigs.toolhive.stacklok.dev "NAME" not found; add MCPWebhookConfig "NAME" to namespace "default" or declare it external (MCPWebhookConfig/default/NAME) (ref.missing)',
  },
  {
    kind: 'EmbeddingServer',
    define: s => new EmbeddingServer(s, 'target'),
    imported: (s, n) => EmbeddingServer.fromName(s, 'target', n),
    consume: (c, t) => new VirtualMcpServer(c, 'consumer', { group: McpGroup.fromName(c, 'g', 'platform'), incomingAuth: {}, embeddingServer: t }),
    error: '[test/consumer] spec.embeddingServerRef.name: Referenced EmbeddingServer NAME not found; add EmbeddingServer "NAME" to namespace "default" or declare it external (EmbeddingServer/default/NAME) (ref.missing)',
  },
  {
    kind: 'VirtualMCPCompositeToolDefinition',
    define: s => new VirtualMcpCompositeToolDefinition(s, 'target', { name: 'triage', description: 'Triage', steps: [{ id: 'a', tool: 'get_issue' }] }),
    imported: (s, n) => VirtualMcpCompositeToolDefinition.fromName(s, 'target', n),
    consume: (c, t) => new VirtualMcpServer(c, 'consumer', { group: McpGroup.fromName(c, 'g', 'platform'), incomingAuth: {}, compositeToolDefinitions: [t] }),
    error: '[test/consumer] spec.config.compositeToolRefs[0].name: Referenced VirtualMCPCompositeToolDefinition NAME not found; add VirtualMCPCompositeToolDefinition "NAME" to namespace "default" or declare it external (VirtualMCPCompositeToolDefinition/default/NAME) (ref.missing)',
  },
];

describe.each(CASES)('references to $kind', c => {
  test('fails when the referenced object is not in the App', () => {
    const elsewhere = c.define(Testing.chart());
    const chart = Testing.chart();
    c.consume(chart, elsewhere);
    expect(errorLines(chart)).toEqual([c.error.split('NAME').join(elsewhere.name)]);
  });

  test('passes when the object is imported with fromName (declared external)', () => {
    const chart = Testing.chart();
    c.consume(chart, c.imported(chart, 'managed-elsewhere'));
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('passes when the object is defined in the App', () => {
    const chart = Testing.chart();
    c.consume(chart, c.define(chart));
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});

describe('references to Secrets', () => {
  // a consumer, so the Secret is read: for an MCPExternalAuthConfig nothing uses, a missing Secret is only a warning
  const bearer = (chart: Chart, ref: { name: string; key: string }) => {
    const auth = McpExternalAuthConfig.bearerToken(chart, 'auth', { tokenSecretRef: ref });
    new McpRemoteProxy(chart, 'proxy', { remoteUrl: 'https://mcp.example.com/mcp', externalAuth: auth });
    return auth;
  };

  test('fails when a plain { name, key } names no Secret of the App', () => {
    const chart = Testing.chart();
    bearer(chart, { name: 'api-token', key: 'token' });
    expect(errorLines(chart)).toEqual([
      '[test/auth] spec.bearerToken.tokenSecretRef.name: failed to get bearer token secret default/api-token: secrets "api-token" not found; '
      + 'add Secret "api-token" to namespace "default" or declare it external (Secret/default/api-token) (ref.missing)',
    ]);
  });

  test('fails when a Secret of the App lacks the key', () => {
    const chart = Testing.chart();
    const secret = new kplus.Secret(chart, 'token', { metadata: { name: 'api-token' }, stringData: { other: 'redacted' } });
    bearer(chart, SecretKey.fromSecret(secret, 'token'));
    expect(errorLines(chart)).toEqual([
      '[test/auth] spec.bearerToken.tokenSecretRef.key: bearer token secret default/api-token is missing key "token"; its keys are "other" (ref.secret-key-missing)',
    ]);
  });

  test('passes for a Secret of the App holding the key, also added after the reference', () => {
    const chart = Testing.chart();
    const secret = new kplus.Secret(chart, 'token', { metadata: { name: 'api-token' } });
    bearer(chart, SecretKey.fromSecret(secret, 'token'));
    secret.addStringData('token', 'redacted');
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('passes for SecretKey.external (declares Secret/<namespace>/<name> external)', () => {
    const chart = new Chart(Testing.app(), 'tools', { namespace: 'tools' });
    bearer(chart, SecretKey.external('api-token', 'token'));
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(ToolHiveValidation.of(chart).external).toEqual(['Secret/tools/api-token']);
  });

  test('passes for a Secret imported with kplus.Secret.fromSecretName', () => {
    const chart = Testing.chart();
    bearer(chart, SecretKey.fromSecret(kplus.Secret.fromSecretName(chart, 'imported', 'api-token'), 'token'));
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(ToolHiveValidation.of(chart).external).toEqual(['Secret/default/api-token']);
  });

  test('passes for a plain { name, key } once the Secret is declared external by hand', () => {
    const chart = Testing.chart();
    bearer(chart, { name: 'api-token', key: 'token' });
    ToolHiveValidation.of(chart).addExternal('Secret/default/api-token');
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});

describe('references by object in deep structures', () => {
  test('an McpToolConfig in config.aggregation.tools[].toolConfigRef is referenced by name', () => {
    const chart = Testing.chart();
    const tools = new McpToolConfig(chart, 'tools', { toolsFilter: ['get_issue'], metadata: { name: 'github-tools' } });
    const vmcp = new VirtualMcpServer(chart, 'gw', {
      group: McpGroup.fromName(chart, 'g', 'platform'),
      incomingAuth: {},
      config: { aggregation: { tools: [{ workload: 'github', toolConfigRef: tools }] } },
    });
    expect(vmcp.spec.config?.aggregation?.tools?.[0]).toEqual({ workload: 'github', toolConfigRef: { name: 'github-tools' } });
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});
