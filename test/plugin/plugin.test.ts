/**
 * The plugin in-process, with the cdk8s CLI's own `ValidationContext` and report (cdk8s-cli
 * lib/plugins/validation): properties, the externals file, unreadable manifests, secrets, what it loads.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ToolHiveValidationPlugin, type Cdk8sValidationContext } from '../../src/plugin';

const ROOT = path.join(__dirname, '..', '..');

interface ReportJson {
  readonly violations: readonly { ruleName: string; recommendation: string; violatingConstructs: readonly { manifestPath: string }[] }[];
  readonly summary: { status: string; plugin: string; version: string; metadata?: Record<string, string> };
}
// the CLI's own classes (its package exports no subpaths)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ValidationContext } = require(path.join(ROOT, 'node_modules', 'cdk8s-cli', 'lib', 'plugins', 'validation.js')) as {
  ValidationContext: new (manifests: string[], pkg: string, version: string, metadata: object, stdout: boolean) =>
  Cdk8sValidationContext & { report: { toJson(): ReportJson } };
};

const SERVER = (spec: string) => `apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPServer
metadata: { name: fetch, namespace: tools }
spec: { image: ghcr.io/stackloklabs/gofetch/server:1.0.1, ${spec} }
`;

function dist(files: Record<string, string>): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolhive-plugin-'));
  return Object.entries(files).map(([name, text]) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  }).filter(f => f.endsWith('.yaml'));
}

async function run(manifests: string[], properties?: Record<string, unknown>) {
  const context = new ValidationContext(manifests, 'toolhive-constructs', '0.0.0', {}, false);
  await new ToolHiveValidationPlugin(properties as never).validate(context);
  return context.report.toJson();
}

describe('ToolHiveValidationPlugin', () => {
  test('passes a valid object and submits success', async () => {
    const report = await run(dist({ 'a.k8s.yaml': SERVER('transport: stdio') }));
    expect(report.summary).toEqual({ status: 'success', plugin: 'toolhive-constructs', version: '0.0.0', metadata: { errors: '0', warnings: '0', strict: 'false' } });
    expect(report.violations).toEqual([]);
  });

  test('reads toolhive-externals.json next to the manifests (written by synth)', async () => {
    const files = { 'a.k8s.yaml': SERVER('groupRef: { name: shared }') };
    expect((await run(dist(files))).violations.map(v => v.ruleName)).toEqual(['ref.missing']);
    const withFile = dist({ ...files, 'toolhive-externals.json': JSON.stringify({ version: 1, external: ['MCPGroup/tools/shared'] }) });
    expect((await run(withFile)).summary.status).toBe('success');
  });

  test('reads the externalsFile property', async () => {
    const [manifest] = dist({ 'a.k8s.yaml': SERVER('groupRef: { name: shared }') });
    const file = path.join(path.dirname(manifest), 'elsewhere.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, external: ['MCPGroup/shared'] }));
    expect((await run([manifest], { externalsFile: file })).summary.status).toBe('success');
  });

  test('fails an unreadable externals file with a violation that says why', async () => {
    const report = await run(dist({ 'a.k8s.yaml': SERVER('transport: stdio') }), { externalsFile: '/nonexistent/x.json' });
    expect(report.summary.status).toBe('failure');
    expect(report.violations.map(v => [v.ruleName, v.recommendation])).toEqual([['externals.unreadable', 'error: /nonexistent/x.json: no such externals file']]);
  });

  test('fails a manifest with a YAML syntax error, naming the file', async () => {
    const [file] = dist({ 'a.k8s.yaml': 'kind: [' });
    const report = await run([file]);
    expect(report.summary.status).toBe('failure');
    expect(report.violations.map(v => v.ruleName)).toEqual(['manifest.unreadable']);
    expect(report.violations[0].violatingConstructs[0].manifestPath).toBe(file);
  });

  test('never reports a Secret\'s value', async () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata: { name: creds, namespace: tools }\nstringData: { token: hunter2-super-secret }\n';
    const report = await run(dist({ 'a.k8s.yaml': `${secret}---\n${SERVER('secrets: [{ name: creds, key: hunter2-super-secret }]')}` }));
    expect(report.violations.map(v => v.ruleName)).toEqual(['ref.secret-key-missing']);
    expect(JSON.stringify(report)).not.toContain('hunter2-super-secret');
  });

  test('accepts operatorRelease and passes it on', async () => {
    expect((await run(dist({ 'a.k8s.yaml': SERVER('transport: stdio') }), { operatorRelease: 'v0.44.0' })).summary.status).toBe('success');
  });

  test.each([
    [{ strict: 'yes' }, 'ToolHiveValidationPlugin: property strict must be a boolean'],
    [{ external: 'Secret/x' }, 'ToolHiveValidationPlugin: property external must be a list of strings'],
    [{ external: ['Secret'] }, 'ToolHiveValidationPlugin: external "Secret" is not Kind/name, Kind/namespace/name or Kind/*'],
    [{ strictt: true }, 'ToolHiveValidationPlugin: unknown property "strictt": expected one of strict, external, externalsFile, assumeExternal, defaultNamespace, operatorRelease'],
  ])('rejects bad properties %j', (properties, message) => {
    expect(() => new ToolHiveValidationPlugin(properties as never)).toThrow(message);
  });

  test('loads neither Pulumi nor cdk8s', () => {
    const script = `require(${JSON.stringify(path.join(ROOT, 'lib', 'plugin', 'index.js'))});
      const loaded = Object.keys(require.cache).filter(f => /node_modules[\\\\/](@pulumi|cdk8s|constructs)[\\\\/]/.test(f));
      process.stdout.write(JSON.stringify(loaded));`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
