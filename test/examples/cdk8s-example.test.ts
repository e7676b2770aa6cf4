import { parseAllDocuments } from 'yaml';
import { buildApp, PlatformChart, secretValuesFromEnv, type PlatformSecretValues } from '../../examples/cdk8s/main';
import { envBindings, ToolHiveValidation, validateManifests } from '../../src';

/** Fake Secret values: distinctive, so that a leak into any output is found by a plain substring search. */
const FAKE: PlatformSecretValues = {
  oidcClientSecret: 'fake-value-oidc-client-7c1e',
  githubToken: 'fake-value-github-token-9a4b',
  jiraApiToken: 'fake-value-jira-token-3d8f',
  oktaClientSecret: 'fake-value-okta-client-51e0',
  githubOAuthClientSecret: 'fake-value-github-oauth-2b6d',
};
const FAKE_VALUES = Object.values(FAKE);

/** The external Secrets the example declares (SecretKey.external), as scripts/synth-example.sh passes them to the CLI. */
const EXTERNAL = ['Secret/platform/gateway-auth-hmac', 'Secret/platform/gateway-signing-key'];

function synth(): { yaml: string; manifests: any[]; app: ReturnType<typeof buildApp> } {
  const app = buildApp(FAKE);
  const yaml = app.synthYaml();
  return { yaml, manifests: parseAllDocuments(yaml).map(d => d.toJSON()), app };
}

/** A copy of the manifests with every Secret value replaced, for the snapshot. */
function redactSecrets(manifests: any[]): any[] {
  return manifests.map(m => {
    if (m.kind !== 'Secret') return m;
    const out = { ...m };
    for (const field of ['data', 'stringData']) {
      if (m[field]) out[field] = Object.fromEntries(Object.keys(m[field]).map(k => [k, '<redacted>']));
    }
    return out;
  });
}

function platformOf(app: ReturnType<typeof buildApp>): PlatformChart {
  return app.node.findChild('platform') as PlatformChart;
}

const secretEnv = (name: string, secret: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });

describe('examples/cdk8s: the complete platform app', () => {
  const { yaml, manifests, app } = synth();

  test('synthesizes every kind the example promises, the Namespace first', () => {
    expect(manifests.map(m => `${m.kind}/${m.metadata.name}`)).toEqual([
      'Namespace/platform',
      'Secret/platform-oidc-client',
      'Secret/github-token',
      'MCPGroup/engineering',
      'MCPOIDCConfig/platform-oidc',
      'MCPAuthzConfig/engineering-cedar',
      'MCPToolConfig/github-read-only',
      'MCPTelemetryConfig/platform-otel',
      'MCPServer/github',
      'Secret/jira-api-token',
      'MCPExternalAuthConfig/jira-bearer',
      'MCPRemoteProxy/jira',
      'MCPServerEntry/context7',
      'Secret/okta-client',
      'Secret/github-oauth-client',
      'VirtualMCPServer/gateway',
    ]);
    // A Namespace is cluster-scoped: its Chart sets no namespace.
    expect(manifests[0].metadata).toEqual({ name: 'platform' });
    expect(manifests.slice(1).every(m => m.metadata.namespace === 'platform')).toBe(true);
  });

  test('synth-time validation finds no violation, not even a warning', () => {
    expect(ToolHiveValidation.of(app).violations()).toEqual([]);
    expect(ToolHiveValidation.of(app).external).toEqual(EXTERNAL);
  });

  test('the YAML as written validates cleanly with the CLI engine (given the external Secrets)', () => {
    expect(validateManifests(manifests, { external: EXTERNAL })).toEqual([]);
  });

  test('fails validation of the written YAML without the external Secrets declared', () => {
    expect(validateManifests(manifests).map(v => `${v.path}: ${v.message}`)).toEqual([
      'spec.authServerConfig.signingKeySecretRefs[0].name: Secret "gateway-signing-key" not found in namespace "platform"; add Secret "gateway-signing-key" to namespace "platform" or declare it external (Secret/platform/gateway-signing-key)',
      'spec.authServerConfig.hmacSecretRefs[0].name: Secret "gateway-auth-hmac" not found in namespace "platform"; add Secret "gateway-auth-hmac" to namespace "platform" or declare it external (Secret/platform/gateway-auth-hmac)',
    ]);
  });

  test('the gateway audience equals its resource URL and its issuer the MCPOIDCConfig issuer', () => {
    const gateway = manifests.find(m => m.kind === 'VirtualMCPServer');
    const oidc = manifests.find(m => m.kind === 'MCPOIDCConfig');
    expect(gateway.spec.incomingAuth.oidcConfigRef.audience).toBe('http://gateway.platform.svc.cluster.local:4483');
    expect(gateway.spec.authServerConfig.issuer).toBe(oidc.spec.inline.issuer);
    expect(gateway.spec.authServerConfig.upstreamProviders.map((p: any) => `${p.name}:${p.type}`)).toEqual(['okta:oidc', 'github:oauth2']);
  });

  test('manifests match the committed snapshot (Secret values redacted)', () => {
    expect(redactSecrets(manifests)).toMatchSnapshot();
  });

  test('the redaction removes every Secret value, and only Secret values', () => {
    for (const v of FAKE_VALUES) expect(yaml).toContain(v); // the Secrets really carry them
    const redacted = JSON.stringify(redactSecrets(manifests));
    for (const v of FAKE_VALUES) expect(redacted).not.toContain(v);
    const nonSecrets = (ms: any[]) => ms.filter(m => m.kind !== 'Secret');
    expect(nonSecrets(redactSecrets(manifests))).toEqual(nonSecrets(manifests));
  });

  test('synth is deterministic: two apps give identical YAML', () => {
    expect(synth().yaml).toBe(yaml);
  });

  test('the remote proxy exposes its bearer token as TOOLHIVE_SECRET_<Secret name>', () => {
    const env = platformOf(app).jira.envVars.toolhive;
    expect(env).toContainEqual(secretEnv('TOOLHIVE_SECRET_jira-api-token', 'jira-api-token', 'token'));
    expect(env).toContainEqual({ name: 'TOOLHIVE_SECRETS_PROVIDER', value: 'environment' });
    expect(env).toContainEqual(secretEnv('TOOLHIVE_OIDC_CLIENT_SECRET', 'platform-oidc-client', 'client-secret'));
  });

  test('the vMCP exposes each upstream client secret as TOOLHIVE_UPSTREAM_CLIENT_SECRET_<PROVIDER>', () => {
    const env = platformOf(app).gateway.envVars.vmcp;
    expect(env).toContainEqual(secretEnv('TOOLHIVE_UPSTREAM_CLIENT_SECRET_OKTA', 'okta-client', 'client-secret'));
    expect(env).toContainEqual(secretEnv('TOOLHIVE_UPSTREAM_CLIENT_SECRET_GITHUB', 'github-oauth-client', 'client-secret'));
    expect(env).toContainEqual(secretEnv('VMCP_OIDC_CLIENT_SECRET', 'platform-oidc-client', 'client-secret'));
  });

  test('the MCP server container gets spec.secrets under their target names', () => {
    const server = platformOf(app).github;
    expect(server.envVars.mcp).toContainEqual(secretEnv('GITHUB_PERSONAL_ACCESS_TOKEN', 'github-token', 'token'));
    expect(server.envVars.toolhive).toContainEqual({ name: 'OTEL_RESOURCE_ATTRIBUTES', value: 'service.name=github-mcp,service.namespace=platform' });
  });

  test('env bindings of every workload match the snapshot and carry no Secret value', () => {
    const bindings = envBindings(manifests);
    expect(bindings.map(w => `${w.kind}/${w.name}`)).toEqual(['MCPServer/github', 'MCPRemoteProxy/jira', 'VirtualMCPServer/gateway']);
    const text = JSON.stringify(bindings);
    for (const v of FAKE_VALUES) expect(text).not.toContain(v);
    expect(bindings).toMatchSnapshot();
  });
});

describe('examples/cdk8s: Secret values from the environment', () => {
  test('reads each value from its variable', () => {
    const values = secretValuesFromEnv({
      PLATFORM_OIDC_CLIENT_SECRET: 'a',
      PLATFORM_GITHUB_TOKEN: 'b',
      PLATFORM_JIRA_API_TOKEN: 'c',
      PLATFORM_OKTA_CLIENT_SECRET: 'd',
      PLATFORM_GITHUB_OAUTH_CLIENT_SECRET: 'e',
    });
    expect(values).toEqual({ oidcClientSecret: 'a', githubToken: 'b', jiraApiToken: 'c', oktaClientSecret: 'd', githubOAuthClientSecret: 'e' });
  });

  test('falls back to a placeholder naming the variable', () => {
    expect(secretValuesFromEnv({}).jiraApiToken).toBe('replace-me-platform-jira-api-token');
  });

  test('ignores unprefixed variables such as a GITHUB_TOKEN already set in the shell', () => {
    expect(secretValuesFromEnv({ GITHUB_TOKEN: 'b' }).githubToken).toBe('replace-me-platform-github-token');
  });
});
