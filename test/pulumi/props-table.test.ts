/**
 * docs/pulumi.md maps the cdk8s props to the Pulumi args: every cdk8s prop whose name is not a field of its
 * kind's CRD spec (the Pulumi arg names) has a row there, for its kind. Props and spec fields are read from the
 * source with the TypeScript compiler, so a new prop without a row fails here.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');

/** Props interface → kind and the spec type its Pulumi args are generated from. */
const KINDS: Record<string, { kind: string; spec: string }> = {
  McpServerProps: { kind: 'MCPServer', spec: 'McpServerSpec' },
  McpRemoteProxyProps: { kind: 'MCPRemoteProxy', spec: 'McpRemoteProxySpec' },
  McpServerEntryProps: { kind: 'MCPServerEntry', spec: 'McpServerEntrySpec' },
  VirtualMcpServerProps: { kind: 'VirtualMCPServer', spec: 'VirtualMcpServerSpec' },
  EmbeddingServerProps: { kind: 'EmbeddingServer', spec: 'EmbeddingServerSpec' },
  McpGroupProps: { kind: 'MCPGroup', spec: 'McpGroupSpec' },
  McpOidcConfigProps: { kind: 'MCPOIDCConfig', spec: 'McpOidcConfigSpec' },
  McpAuthzConfigProps: { kind: 'MCPAuthzConfig', spec: 'McpAuthzConfigSpec' },
  McpExternalAuthConfigProps: { kind: 'MCPExternalAuthConfig', spec: 'McpExternalAuthConfigSpec' },
  McpToolConfigProps: { kind: 'MCPToolConfig', spec: 'McpToolConfigSpec' },
  McpTelemetryConfigProps: { kind: 'MCPTelemetryConfig', spec: 'McpTelemetryConfigSpec' },
  McpWebhookConfigProps: { kind: 'MCPWebhookConfig', spec: 'McpWebhookConfigSpec' },
  VirtualMcpCompositeToolDefinitionProps: { kind: 'VirtualMCPCompositeToolDefinition', spec: 'VirtualMcpCompositeToolDefinitionSpec' },
};

/* eslint-disable no-bitwise */ // symbol flags are bit sets
function exportedProperties(file: string, program: ts.Program): Map<string, string[]> {
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  const out = new Map<string, string[]>();
  for (const exp of checker.getExportsOfModule(module)) {
    const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
    out.set(exp.name, checker.getDeclaredTypeOfSymbol(symbol).getProperties().map(p => p.name));
  }
  return out;
}
/* eslint-enable no-bitwise */

/** The table's rows: kinds (first cell) and the prop (first backticked name of the second cell). */
function tableRows(): { kinds: string; prop: string }[] {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'pulumi.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## cdk8s props and Pulumi args'), doc.indexOf('## References'));
  return section.split('\n').filter(l => l.startsWith('| ') && !l.startsWith('| Kind') && !l.startsWith('|---')).map(l => {
    const cells = l.split(' | ');
    return { kinds: cells[0].slice(2), prop: /`([A-Za-z.]+)/.exec(cells[1])?.[1] ?? '' };
  });
}

test('every cdk8s prop named unlike its CRD field has a row in the docs/pulumi.md table', () => {
  const files = ['src/constructs/index.ts', 'src/manifests/index.ts'].map(f => path.join(ROOT, f));
  const program = ts.createProgram(files, { skipLibCheck: true, strict: true, target: ts.ScriptTarget.ES2022 });
  const props = exportedProperties(files[0], program);
  const specs = exportedProperties(files[1], program);
  const rows = tableRows();
  const missing: string[] = [];
  let checked = 0;
  for (const [iface, { kind, spec }] of Object.entries(KINDS)) {
    const fields = new Set(specs.get(spec));
    expect(fields.size).toBeGreaterThan(0);
    for (const prop of props.get(iface) ?? []) {
      if (prop === 'metadata' || fields.has(prop)) continue;
      checked++;
      const row = rows.find(r => r.prop === prop && r.kinds.split(', ').includes(kind));
      if (!row) missing.push(`${kind} ${prop}`);
    }
  }
  expect(missing).toEqual([]);
  // the check ran over the renamed props (group, oidcConfig, authz, ... of the workloads)
  expect(checked).toBeGreaterThanOrEqual(20);
});
