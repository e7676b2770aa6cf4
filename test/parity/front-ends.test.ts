/**
 * One rule, one place: for invalid props of every kind that has a construct and a component, the cdk8s
 * constructs (at synth) and the Pulumi components (at construction) report exactly what `validateManifests` reports
 * on the same manifest: the same rule ids, field paths and messages. The rule ids are the engine's own (RULE_DOCS).
 */
import { Chart, Testing } from 'cdk8s';
import { collectRuleDocs } from '../../scripts/gen-rules-doc';
import * as cdk8s from '../../src';
import * as toolhive from '../../src/pulumi';
import { TOOLHIVE_KINDS, type ToolHiveKind } from '../../src/schema/type-names';
import { validateManifests } from '../../src/validation';
import { errorLines } from '../constructs/helpers';
import { mockProgram } from '../pulumi/harness';

const NS = 'parity';
const metadata = { name: 'x' };
const pmeta = { namespace: NS };

interface Case {
  readonly kind: ToolHiveKind;
  /** What the props get wrong. */
  readonly what: string;
  /** Builds construct `x` in `chart` (namespace `parity`). */
  readonly cdk8s: (chart: Chart) => unknown;
  /** Builds component `x` (namespace `parity`) with the same manifest. */
  readonly pulumi: () => unknown;
  /** The rule ids the engine reports, in order (a CEL rule by its kind and location: the suffix that tells the rules of one location apart is the engine's). */
  readonly rules: readonly string[];
}

const okta = { name: 'okta', type: 'oidc' as const, oidcConfig: { issuerUrl: 'https://corp.okta.example.com', clientId: 'mcp' } };

const CASES: readonly Case[] = [
  {
    kind: 'MCPServer',
    what: 'no image, port 0',
    cdk8s: c => new cdk8s.McpServer(c, 'x', { metadata, image: '', proxyPort: 0 }),
    pulumi: () => new toolhive.McpServer('x', { metadata: pmeta, image: '', proxyPort: 0 }),
    rules: ['schema.minimum', 'operator.mcpserver.image'],
  },
  {
    kind: 'MCPRemoteProxy',
    what: 'a remote URL without scheme',
    cdk8s: c => new cdk8s.McpRemoteProxy(c, 'x', { metadata, remoteUrl: 'mcp.example.com' }),
    pulumi: () => new toolhive.McpRemoteProxy('x', { metadata: pmeta, remoteUrl: 'mcp.example.com' }),
    rules: ['schema.pattern', 'operator.remote-url.invalid'],
  },
  {
    kind: 'VirtualMCPServer',
    what: 'oidc incoming auth without an MCPOIDCConfig',
    cdk8s: c => new cdk8s.VirtualMcpServer(c, 'x', { metadata, group: cdk8s.McpGroup.fromName(c, 'g', 'g'), incomingAuth: { type: 'oidc' } }),
    pulumi: () => new toolhive.VirtualMcpServer('x', { metadata: pmeta, groupRef: { name: 'g' }, incomingAuth: { type: 'oidc' } }),
    rules: ['cel.VirtualMCPServer.spec.incomingAuth'],
  },
  {
    kind: 'MCPGroup',
    what: 'a name that is not a DNS subdomain',
    cdk8s: c => new cdk8s.McpGroup(c, 'x', { metadata: { name: 'Bad_Name' } }),
    pulumi: () => new toolhive.McpGroup('x', { metadata: { ...pmeta, name: 'Bad_Name' } }),
    rules: ['metadata.name'],
  },
  {
    kind: 'MCPServerEntry',
    what: 'an ftp remote URL',
    cdk8s: c => new cdk8s.McpServerEntry(c, 'x', { metadata, remoteUrl: 'ftp://x.example.com', transport: 'sse', group: cdk8s.McpGroup.fromName(c, 'g', 'g') }),
    pulumi: () => new toolhive.McpServerEntry('x', { metadata: pmeta, remoteUrl: 'ftp://x.example.com', transport: 'sse', groupRef: { name: 'g' } }),
    rules: ['schema.pattern', 'operator.remote-url.invalid'],
  },
  {
    kind: 'MCPExternalAuthConfig',
    what: 'an embedded auth server whose upstream name is not a DNS label',
    cdk8s: c => cdk8s.McpExternalAuthConfig.embeddedAuthServer(c, 'x', {
      metadata, issuer: 'https://auth.example.com', upstreamProviders: [cdk8s.UpstreamProvider.oidc('Okta_Prod', okta.oidcConfig)],
    }),
    pulumi: () => new toolhive.McpExternalAuthConfig('x', {
      metadata: pmeta, type: 'embeddedAuthServer', embeddedAuthServer: { issuer: 'https://auth.example.com', upstreamProviders: [{ ...okta, name: 'Okta_Prod' }] },
    }),
    rules: ['schema.pattern'],
  },
  {
    kind: 'MCPOIDCConfig',
    what: 'a JWKS URL that is not http(s)',
    cdk8s: c => cdk8s.McpOidcConfig.inline(c, 'x', { metadata, issuer: 'https://login.example.com', clientId: 'mcp', jwksUrl: 'ftp://keys.example.com' }),
    pulumi: () => new toolhive.McpOidcConfig('x', {
      metadata: pmeta, type: 'inline', inline: { issuer: 'https://login.example.com', clientId: 'mcp', jwksUrl: 'ftp://keys.example.com' },
    }),
    rules: ['operator.oidc.jwks-url'],
  },
  {
    kind: 'MCPAuthzConfig',
    what: 'Cedar without policies',
    cdk8s: c => cdk8s.McpAuthzConfig.cedar(c, 'x', { metadata, policies: [] }),
    pulumi: () => new toolhive.McpAuthzConfig('x', { metadata: pmeta, type: 'cedarv1', config: { policies: [] } }),
    rules: ['operator.authz.config'],
  },
  {
    kind: 'MCPToolConfig',
    // the toolsFilter checks belong to the workload that reads the config (operator RunConfig validation), so the
    // MCPToolConfig's own object-level mistake here is in its metadata
    what: 'a label key that is not a qualified name',
    cdk8s: c => new cdk8s.McpToolConfig(c, 'x', { metadata: { ...metadata, labels: { 'team/a/b': 'x' } }, toolsFilter: ['fetch'] }),
    pulumi: () => new toolhive.McpToolConfig('x', { metadata: { ...pmeta, labels: { 'team/a/b': 'x' } }, toolsFilter: ['fetch'] }),
    rules: ['metadata.labels'],
  },
  {
    kind: 'MCPTelemetryConfig',
    what: 'a sampling rate above 1',
    cdk8s: c => new cdk8s.McpTelemetryConfig(c, 'x', { metadata, openTelemetry: { enabled: true, tracing: { enabled: true, samplingRate: '2' } } }),
    pulumi: () => new toolhive.McpTelemetryConfig('x', { metadata: pmeta, openTelemetry: { enabled: true, tracing: { enabled: true, samplingRate: '2' } } }),
    rules: ['schema.pattern'],
  },
  {
    kind: 'MCPWebhookConfig',
    what: 'no webhook',
    cdk8s: c => new cdk8s.McpWebhookConfig(c, 'x', { metadata, validating: [] }),
    pulumi: () => new toolhive.McpWebhookConfig('x', { metadata: pmeta, validating: [] }),
    rules: ['cel.MCPWebhookConfig.spec'],
  },
  {
    kind: 'EmbeddingServer',
    what: 'port 0',
    cdk8s: c => new cdk8s.EmbeddingServer(c, 'x', { metadata, port: 0 }),
    pulumi: () => new toolhive.EmbeddingServer('x', { metadata: pmeta, port: 0 }),
    rules: ['schema.minimum'],
  },
  {
    kind: 'VirtualMCPCompositeToolDefinition',
    what: 'no steps, no description',
    cdk8s: c => new cdk8s.VirtualMcpCompositeToolDefinition(c, 'x', { metadata, name: 'triage', steps: [] }),
    pulumi: () => new toolhive.VirtualMcpCompositeToolDefinition('x', { metadata: pmeta, name: 'triage', steps: [] }),
    rules: ['operator.composite-tool.fields', 'operator.composite-tool.fields'],
  },
];

/** The engine's rule ids; documented families (`cel.<Kind>.<location>#<n>`) as patterns. */
const RULES = collectRuleDocs().map(({ doc }) => doc.id);
const RULE_PATTERNS = RULES.map(id => new RegExp(`^${id.split(/<[^>]+>/).map(p => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`));

/** `rule path: message`, the comparable part of a violation. */
const line = (v: { rule: string; path: string; message: string }) => `${v.rule} ${v.path}: ${v.message}`;

/** Whether the reported rule ids are the expected ones (CEL ids by prefix). */
function sameRules(reported: readonly string[], expected: readonly string[]): boolean {
  return reported.length === expected.length
    && reported.every((r, i) => (expected[i].startsWith('cel.') ? r.startsWith(`${expected[i]}#`) || r.startsWith(`${expected[i]}.`) || r === expected[i] : r === expected[i]));
}

function pulumiViolations(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    if (toolhive.ToolHiveValidationError.isToolHiveValidationError(e)) return e.violations.map(line);
    throw e;
  }
  return [];
}

describe('the engine\'s rule ids', () => {
  test('are read from RULE_DOCS', () => {
    expect(RULES.length).toBeGreaterThan(50);
    expect(RULES).toContain('schema.pattern');
  });

  test('the cases cover every kind with a construct and a component (MCPRegistry has neither)', () => {
    expect(CASES.map(c => c.kind).sort()).toEqual(TOOLHIVE_KINDS.filter(k => k !== 'MCPRegistry').sort());
  });
});

describe.each(CASES)('$kind: $what', c => {
  let engine: string[];
  let manifests: unknown[];
  let chart: Chart;

  beforeAll(() => {
    chart = new Chart(Testing.app(), 'parity', { namespace: NS });
    c.cdk8s(chart);
    const validation = cdk8s.ToolHiveValidation.of(chart);
    manifests = validation.manifests();
    engine = validateManifests(manifests, { external: validation.external })
      .filter(v => v.severity === 'error' && v.kind === c.kind && v.name === (c.kind === 'MCPGroup' ? 'Bad_Name' : 'x'))
      .map(line);
  });

  test('the engine reports the expected rules, every one of them documented in RULE_DOCS', () => {
    const reported = engine.map(l => l.split(' ')[0]);
    expect({ reported, ok: sameRules(reported, c.rules) }).toEqual({ reported, ok: true });
    for (const rule of reported) expect(RULE_PATTERNS.some(p => p.test(rule))).toBe(true);
  });

  test('cdk8s reports the same, at synth, under the construct path', () => {
    const fromEngine = validateManifests(manifests, { external: cdk8s.ToolHiveValidation.of(chart).external })
      .filter(v => v.severity === 'error')
      .map(v => `[parity/x] ${v.path}: ${v.message} (${v.rule})`);
    expect(errorLines(chart)).toEqual(fromEngine);
    expect(sameRules(errorLines(chart).map(l => l.slice(l.lastIndexOf('(') + 1, -1)), c.rules)).toBe(true);
  });

  test('Pulumi reports the same, at construction, on the component', async () => {
    await mockProgram();
    expect(pulumiViolations(c.pulumi)).toEqual(engine);
  });
});
