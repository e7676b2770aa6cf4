import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { errorLines, synthWithWarnings } from './helpers';
import {
  McpExternalAuthConfig, McpGroup, McpRemoteProxy, McpServer, ToolHiveValidation, VirtualMcpCompositeToolDefinition, VirtualMcpServer,
} from '../../src';

describe('synth-time validation runs the engine over the whole App', () => {
  test('a valid chart synthesizes', () => {
    const chart = Testing.chart();
    new McpServer(chart, 'osv', { image: 'ghcr.io/stackloklabs/osv-mcp/server:0.1.0', transport: 'streamable-http' });
    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('fails on a schema violation, reported at the construct path', () => {
    const chart = Testing.chart();
    new McpServer(chart, 'srv', { image: 'ghcr.io/x/y:1', proxyPort: 70000 });
    expect(errorLines(chart)).toEqual([
      '[test/srv] spec.proxyPort: Invalid value: 70000: spec.proxyPort in body should be less than or equal to 65535 (schema.maximum)',
    ]);
  });

  test('fails on a CRD CEL rule with the CRD message verbatim', () => {
    const chart = Testing.chart();
    new McpServer(chart, 'srv', { image: 'ghcr.io/x/y:1', rateLimiting: { shared: { maxTokens: 10, refillPeriod: '1m' } } });
    expect(errorLines(chart)).toEqual([
      '[test/srv] spec: Invalid value: "object": rateLimiting requires sessionStorage with provider \'redis\' (cel.MCPServer.spec#89db076d)',
    ]);
  });

  test('fails on an operator rule (SSRF check of MCPRemoteProxy remoteUrl)', () => {
    const chart = Testing.chart();
    new McpRemoteProxy(chart, 'rp', { remoteUrl: 'http://localhost:8080/mcp' });
    expect(errorLines(chart)).toEqual([
      '[test/rp] spec.remoteUrl: remote URL host is not allowed: hostname "localhost" matches blocked internal hostname "localhost" (operator.remote-url.blocked-host)',
    ]);
  });

  test('fails on an operator rule (awsSts without roles)', () => {
    const chart = Testing.chart();
    McpExternalAuthConfig.awsSts(chart, 'aws', { region: 'us-east-1' });
    expect(errorLines(chart)).toEqual([
      '[test/aws] spec.awsSts: awsSts: at least one of fallbackRoleArn or roleMappings must be configured (operator.external-auth.aws-sts-role)',
    ]);
  });

  test('fails on an operator rule of composite tools (description required by Go)', () => {
    const chart = Testing.chart();
    new VirtualMcpCompositeToolDefinition(chart, 'triage', { name: 'triage', steps: [{ id: 'fetch', tool: 'github_get_issue' }] });
    expect(errorLines(chart)).toEqual(['[test/triage] spec.description: spec.description is required (operator.composite-tool.fields)']);
  });

  test('fails on a name collision, on the second construct', () => {
    const chart = Testing.chart();
    new McpServer(chart, 'a', { image: 'ghcr.io/x/y:1', metadata: { name: 'dup' } });
    new McpRemoteProxy(chart, 'b', { remoteUrl: 'https://mcp.example.com/mcp', metadata: { name: 'dup' } });
    const lines = errorLines(chart);
    expect(lines).toContain('[test/b] metadata.name: generated Deployment "dup" collides: MCPServer "dup" and MCPRemoteProxy "dup" in namespace "default" '
      + 'both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them (collision.deployment)');
    expect(lines.every(l => l.startsWith('[test/b] '))).toBe(true);
  });

  test('fails on a cdk8s-plus Secret that collides with an operator-owned Secret, reported at the Secret', () => {
    const chart = Testing.chart();
    new VirtualMcpServer(chart, 'gw', { group: new McpGroup(chart, 'g'), incomingAuth: {}, metadata: { name: 'gw' } });
    new kplus.Secret(chart, 'hmac', { metadata: { name: 'gw-hmac-secret' } });
    const lines = errorLines(chart);
    expect(lines).toHaveLength(1);
    // The construct path and rule are ours; the wording is the collision layer's (matched on its stable parts).
    expect(lines[0]).toMatch(/^\[test\/hmac\] metadata\.name: .*"gw-hmac-secret".*the session HMAC Secret the operator creates and owns for VirtualMCPServer "gw"; .*\(collision\.secret\)$/);
  });

  test('fails once listing every error of every construct', () => {
    const chart = Testing.chart();
    new McpServer(chart, 'srv', { image: 'ghcr.io/x/y:1', proxyPort: 70000 });
    new McpRemoteProxy(chart, 'rp', { remoteUrl: 'http://localhost:8080/mcp' });
    expect(errorLines(chart).map(l => l.split(' ')[0])).toEqual(['[test/srv]', '[test/rp]']);
  });

  test('fails on objects of other charts of the same App and on plain L1 ApiObjects', () => {
    const app = Testing.app();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    new McpGroup(a, 'g');
    new ApiObject(b, 'raw', { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPServer', metadata: { name: 'raw' }, spec: { image: 'x', proxyPort: 0 } });
    expect(errorLines(a)).toEqual(['[b/raw] spec.proxyPort: Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1 (schema.minimum)']);
  });

  test('validates what synth emits: JSON patches are applied first', () => {
    const chart = Testing.chart();
    const srv = new McpServer(chart, 'srv', { image: 'ghcr.io/x/y:1' });
    expect(Testing.synth(chart)).toHaveLength(1);
    srv.apiObject.addJsonPatch(JsonPatch.add('/spec/transport', 'grpc'));
    expect(errorLines(chart)).toEqual([
      '[test/srv] spec.transport: Unsupported value: "grpc": supported values: "stdio", "streamable-http", "sse" (schema.enum)',
      '[test/srv] <root>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation (cel.not-checked)',
    ]);
  });

  test('an App with only L1 objects is validated once ToolHiveValidation.of(app) is called', () => {
    const chart = Testing.chart();
    ToolHiveValidation.of(chart);
    new ApiObject(chart, 'raw', { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPServer', metadata: { name: 'raw' }, spec: { image: 'x', proxyPort: 0 } });
    expect(errorLines(chart)).toEqual(['[test/raw] spec.proxyPort: Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1 (schema.minimum)']);
  });

  test('warnings are printed, not fatal', () => {
    const chart = Testing.chart();
    new McpServer(chart, 'srv', { image: 'ghcr.io/x/y:1', replicas: 3 });
    const { manifests, warnings } = synthWithWarnings(chart);
    expect(manifests).toHaveLength(1);
    expect(warnings).toEqual([
      '[test/srv] warning: spec.replicas: stdio transport requires exactly 1 replica; deployment will use 1 regardless of spec.replicas (operator.mcpserver.stdio-replicas)',
      '[test/srv] warning: spec.replicas: replicas > 1 but sessionStorage.provider is not redis; sessions are not shared across replicas (operator.session-storage.replicas)',
    ]);
  });

  test('assumeExternal turns unresolved references into warnings', () => {
    const chart = Testing.chart();
    ToolHiveValidation.of(chart).configure({ assumeExternal: true, printWarnings: false });
    McpExternalAuthConfig.bearerToken(chart, 'bt', { tokenSecretRef: { name: 'api-token', key: 'token' } });
    expect(Testing.synth(chart)).toHaveLength(1);
    expect(ToolHiveValidation.of(chart).violations().map(v => `${v.severity} ${v.rule}`)).toEqual(['warning ref.missing']);
  });

  test('the engine runs once per synth, not once per construct or chart', () => {
    const app = new App({ outdir: Testing.app().outdir });
    for (const id of ['a', 'b', 'c']) {
      const chart = new Chart(app, id);
      const group = new McpGroup(chart, 'g');
      for (let i = 0; i < 5; i++) new McpServer(chart, `srv${i}`, { image: 'ghcr.io/x/y:1', group });
    }
    const validation = ToolHiveValidation.of(app) as unknown as { _engineRuns: number };
    app.synth(); // validates the App once, then once more per chart
    expect(validation._engineRuns).toBe(1);
    app.synthYaml();
    expect(validation._engineRuns).toBe(1);
  });

  test('the engine runs again after the App changed', () => {
    const chart = Testing.chart();
    new McpServer(chart, 'srv', { image: 'ghcr.io/x/y:1' });
    const validation = ToolHiveValidation.of(chart) as unknown as { _engineRuns: number };
    Testing.synth(chart);
    new McpServer(chart, 'srv2', { image: 'ghcr.io/x/y:1', proxyPort: 0 });
    expect(errorLines(chart)).toEqual(['[test/srv2] spec.proxyPort: Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1 (schema.minimum)']);
    expect(validation._engineRuns).toBe(2);
  });
});
