/**
 * The validation plugin under the real cdk8s CLI (`cdk8s synth`, cdk8s-cli's own plugin loader and report), in a
 * fresh project that loads the compiled library by a `./` path, offline. The App uses no ToolHive construct: an
 * `Include`d upstream file and hand-written `ApiObject`s.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const CDK8S = path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const UPSTREAM = `apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPRemoteProxy
metadata:
  name: docs
spec:
  remoteUrl: https://mcp.docs.example.com/mcp
  proxyPort: \${PORT}
`;

/** An App of raw objects; INVALID makes two of them invalid, REPLICAS sets the replicas of a stdio server (a warning above 1). */
const MAIN = `const { App, Chart, ApiObject, Include } = require('cdk8s');
const fs = require('fs');
const invalid = process.env.INVALID === '1';
fs.writeFileSync('upstream.yaml', fs.readFileSync('upstream.tpl', 'utf8').replace('\${PORT}', invalid ? '0' : '8080'));
const app = new App();
const chart = new Chart(app, 'platform', { namespace: 'toolhive' });
new Include(chart, 'upstream', { url: 'upstream.yaml' });
// an MCPGroup and an MCPServer share the name "fetch"
new ApiObject(chart, 'group', { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPGroup', metadata: { name: 'fetch' }, spec: {} });
new ApiObject(chart, 'fetch', { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPServer', metadata: { name: 'fetch' },
  spec: { image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport: invalid ? 'websocket' : 'streamable-http', groupRef: { name: 'fetch' } } });
new ApiObject(chart, 'stdio', { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPServer', metadata: { name: 'stdio' },
  spec: { image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport: 'stdio', replicas: Number(process.env.REPLICAS || '1'),
    secrets: [{ name: 'github-token', key: 'token' }] } });
app.synth();
`;

let project: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'plugin', 'index.js'))) throw new Error('compile first: npx tsc --build');
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'toolhive-cdk8s-plugin-'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
  // the library as a local package: its package.json and the compiled lib
  fs.mkdirSync(path.join(project, 'toolhive-constructs'));
  fs.writeFileSync(path.join(project, 'toolhive-constructs', 'package.json'), JSON.stringify({ name: 'toolhive-constructs', version: VERSION, main: 'lib/index.js' }));
  fs.symlinkSync(path.join(ROOT, 'lib'), path.join(project, 'toolhive-constructs', 'lib'));
  fs.writeFileSync(path.join(project, 'upstream.tpl'), UPSTREAM);
  fs.writeFileSync(path.join(project, 'main.js'), MAIN);
});

interface Report {
  readonly violations: readonly {
    ruleName: string;
    recommendation: string;
    violatingConstructs: readonly { resourceName: string; constructPath?: string; manifestPath: string; locations: string[] }[];
  }[];
  readonly summary: { status: string; metadata: Record<string, string> };
}

function synth(env: Record<string, string>, properties: Record<string, unknown>, pkg = './toolhive-constructs'): { status: number | null; report: Report; stdout: string } {
  fs.writeFileSync(path.join(project, 'cdk8s.yaml'), [
    'app: node main.js',
    'validations:',
    `  - package: ${pkg}`,
    `    version: ${VERSION}`,
    '    class: ToolHiveValidationPlugin',
    `    properties: ${JSON.stringify(properties)}`,
    '',
  ].join('\n'));
  const reportFile = path.join(project, 'report.json');
  fs.rmSync(reportFile, { force: true });
  const result = spawnSync(process.execPath, [CDK8S, 'synth', '--no-check-upgrade', '--validation-reports-output-file', reportFile], {
    cwd: project, encoding: 'utf8', env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false', ...env },
  });
  if (!fs.existsSync(reportFile)) throw new Error(`no report: ${result.stdout}\n${result.stderr}`);
  const { reports } = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { reports: Report[] };
  return { status: result.status, report: reports[0], stdout: result.stdout };
}

const rules = (r: Report): string[] => r.violations.map(v => v.ruleName);

describe('cdk8s synth with the ToolHive validation plugin', () => {
  test('fails an invalid App (exit 2) with the engine\'s rule ids, pointing at each object', () => {
    const { status, report } = synth({ INVALID: '1' }, { external: ['Secret/github-token'] });
    expect(status).toBe(2);
    expect(report.summary.status).toBe('failure');
    expect(rules(report)).toEqual(['schema.minimum', 'schema.enum', 'cel.not-checked']);
    const [proxy, server] = report.violations;
    // a unique name: the CLI finds the construct (here inside the Include)
    expect(proxy.violatingConstructs).toEqual([{
      resourceName: 'docs',
      constructPath: 'platform/upstream/docs-mcpremoteproxy',
      manifestPath: 'dist/platform.k8s.yaml',
      locations: ['MCPRemoteProxy toolhive/docs spec.proxyPort (document 1, line 1)'],
    }]);
    // "fetch" names two objects: the resource name says which, and no wrong construct path is shown
    expect(server.violatingConstructs).toEqual([{
      resourceName: 'MCPServer/toolhive/fetch',
      manifestPath: 'dist/platform.k8s.yaml',
      locations: ['MCPServer toolhive/fetch spec.transport (document 3, line 17)'],
    }]);
    expect(server.recommendation).toBe('error: MCPServer toolhive/fetch spec.transport: Unsupported value: "websocket": supported values: "stdio", "streamable-http", "sse"');
  });

  test('passes a valid App (exit 0), reporting its warnings', () => {
    const { status, report } = synth({ REPLICAS: '2' }, { external: ['Secret/github-token'] });
    expect(status).toBe(0);
    expect(report.summary.status).toBe('success');
    expect(rules(report)).toEqual(['operator.mcpserver.stdio-replicas', 'operator.session-storage.replicas']);
    expect(report.summary.metadata).toEqual({ errors: '0', warnings: '2', strict: 'false' });
  });

  test('fails the same App\'s warnings under strict: true', () => {
    const { status, report } = synth({ REPLICAS: '2' }, { strict: true, external: ['Secret/github-token'] });
    expect(status).toBe(2);
    expect(report.summary.status).toBe('failure');
  });

  test('fails a reference to an object outside the App unless it is declared external', () => {
    const { status, report } = synth({}, {});
    expect(status).toBe(2);
    expect(rules(report)).toEqual(['ref.missing']);
  });
});

test('loads the plugin module itself by path (the engine only, without the package\'s cdk8s entry point)', () => {
  const { status, report } = synth({ INVALID: '1' }, { external: ['Secret/github-token'] }, './toolhive-constructs/lib/plugin/index.js');
  expect(status).toBe(2);
  expect(rules(report)).toEqual(['schema.minimum', 'schema.enum', 'cel.not-checked']);
});
