/**
 * The package as a user gets it: `npm pack`, installed from the registry into a fresh stock cdk8s project and a
 * fresh stock Pulumi project, type-checked with their own tsconfig, then run for real (`cdk8s synth` with the real
 * cdk8s CLI; the Pulumi program under Pulumi's mock runtime) on a valid and an invalid app.
 *
 * The same fresh projects run the cdk8s CLI validation plugin (`validations:` in the project's cdk8s.yaml, then
 * `cdk8s synth` of an App of raw ApiObjects) and the Pulumi policy pack's stack policies on a raw CustomResource.
 */
import * as fs from 'fs';
import * as path from 'path';
import { freshCdk8sProject, freshDir, freshPulumiProject, packTarball, PULUMI_MOCKS_HARNESS, run, runOk } from './projects';

const SETUP_TIMEOUT = 10 * 60_000;
const STEP_TIMEOUT = 5 * 60_000;

/** README's first example, inside the chart class `cdk8s init` generates. */
const CDK8S_IMPORTS = "import { McpOidcConfig, McpServer } from 'toolhive-constructs';\n";
const CDK8S_RESOURCES = `
    const oidc = McpOidcConfig.inline(this, 'oidc', { issuer: 'https://idp.example.com', clientId: 'toolhive' });
    new McpServer(this, 'fetch', {
      image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1',
      transport: 'streamable-http',
      oidcConfig: { config: oidc, audience: 'https://fetch.example.com' },
    });
`;

/** Two schema errors the API server would reject. */
export const INVALID_CDK8S_APP = `import { App, Chart } from 'cdk8s';
import { McpServer } from 'toolhive-constructs';

const app = new App();
const chart = new Chart(app, 'mcp', { namespace: 'toolhive' });
new McpServer(chart, 'fetch', { image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport: 'grpc' as 'stdio', proxyPort: 70000 });
app.synth();
`;

const INVALID_YAML = `apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPServer
metadata:
  name: fetch
  namespace: toolhive
spec:
  image: ghcr.io/stackloklabs/gofetch/server:1.0.1
  transport: grpc
  proxyPort: 70000
`;

/** README's Pulumi example. */
const PULUMI_PROGRAM = `import * as pulumi from '@pulumi/pulumi';
import * as toolhive from 'toolhive-constructs/pulumi';

const config = new pulumi.Config();
const metadata = { namespace: 'toolhive' };
const group = new toolhive.McpGroup('tools', { metadata });
const apiKey = new toolhive.ToolHiveSecret('fetch-api-key', { metadata, stringData: { 'api-key': config.requireSecret('fetchApiKey') } });
new toolhive.McpServer('fetch', {
  metadata,
  image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1',
  transport: 'streamable-http',
  groupRef: group,
  secrets: [{ name: apiKey, key: 'api-key', targetEnvName: 'FETCH_API_KEY' }],
});
toolhive.validate();
`;

export const INVALID_PULUMI_PROGRAM = `import * as toolhive from 'toolhive-constructs/pulumi';

new toolhive.McpServer('fetch', { image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport: 'grpc' as 'stdio', proxyPort: 70000 });
toolhive.validate();
`;

const RULES = ['schema.enum', 'schema.maximum'];

/** An App of raw ApiObjects (no ToolHive construct): what the cdk8s validation plugin exists for. */
const RAW_CDK8S_APP = `import { ApiObject, App, Chart } from 'cdk8s';

const app = new App();
const chart = new Chart(app, 'raw', { namespace: 'toolhive' });
new ApiObject(chart, 'fetch', {
  apiVersion: 'toolhive.stacklok.dev/v1beta1',
  kind: 'MCPServer',
  metadata: { name: 'fetch' },
  spec: { image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport: 'grpc', proxyPort: 70000 },
});
app.synth();
`;

/** The policy pack's stack policies called as the Pulumi engine calls them, on a raw MCPServer CustomResource. */
const POLICY_CHECK = `const { toolhivePolicies } = require('toolhive-constructs/policy');
const type = 'kubernetes:toolhive.stacklok.dev/v1beta1:MCPServer';
const resources = [{
  type, name: 'fetch', urn: 'urn:pulumi:dev::app::' + type + '::fetch',
  props: {
    apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPServer', metadata: { name: 'fetch', namespace: 'demo' },
    spec: { image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport: 'grpc', proxyPort: 70000 },
  },
}];
(async () => {
  const out = [];
  for (const p of toolhivePolicies()) {
    await p.validateStack({ resources, getConfig: () => ({}), stackTags: new Map() }, m => out.push(p.name + ': ' + m));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

let work: string;
let cdk8sDir: string;
let pulumiDir: string;

beforeAll(async () => {
  work = freshDir('pack');
  const tarball = await packTarball(work);
  [cdk8sDir, pulumiDir] = await Promise.all([freshCdk8sProject(tarball), freshPulumiProject(tarball)]);
}, SETUP_TIMEOUT);

afterAll(() => {
  for (const dir of [work, cdk8sDir, pulumiDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a fresh `cdk8s init typescript-app` project', () => {
  test('type-checks the README example in the generated chart with the template tsconfig', async () => {
    const main = path.join(cdk8sDir, 'main.ts');
    const template = fs.readFileSync(main, 'utf8');
    expect(template).toContain('// define resources here');
    fs.writeFileSync(main, CDK8S_IMPORTS + template.replace('// define resources here', CDK8S_RESOURCES));
    fs.writeFileSync(path.join(cdk8sDir, 'invalid.ts'), INVALID_CDK8S_APP);
    await runOk(cdk8sDir, 'npx', ['tsc', '--noEmit', '-p', '.']);
  }, STEP_TIMEOUT);

  test('cdk8s synth (the real cdk8s CLI) writes the ToolHive objects', async () => {
    await runOk(cdk8sDir, 'npx', ['cdk8s', 'synth', '--no-check-upgrade']);
    const out = fs.readdirSync(path.join(cdk8sDir, 'dist')).map(f => fs.readFileSync(path.join(cdk8sDir, 'dist', f), 'utf8')).join('\n');
    expect(out).toMatch(/^kind: MCPOIDCConfig$/m);
    expect(out).toMatch(/^kind: MCPServer$/m);
  }, STEP_TIMEOUT);

  test('the installed command prints its version and passes the synthesized YAML', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(cdk8sDir, 'node_modules', 'toolhive-constructs', 'package.json'), 'utf8'));
    const version = await runOk(cdk8sDir, 'npx', ['toolhive-constructs', '--version']);
    expect(version.stdout).toMatch(new RegExp(`^toolhive-constructs ${pkg.version.replace(/\./g, '\\.')} \\(ToolHive operator v\\d+\\.\\d+\\.\\d+\\)\\n$`));
    const r = await run(cdk8sDir, 'npx', ['toolhive-constructs', 'validate', 'dist']);
    expect(r).toEqual({ code: 0, stdout: '2 documents, 0 errors, 0 warnings\n', stderr: '' });
  }, STEP_TIMEOUT);

  test('the installed command rejects invalid YAML with the rule ids', async () => {
    fs.writeFileSync(path.join(cdk8sDir, 'invalid.yaml'), INVALID_YAML);
    const r = await run(cdk8sDir, 'npx', ['toolhive-constructs', 'validate', 'invalid.yaml']);
    expect(r.code).toBe(1);
    for (const rule of RULES) expect(r.stdout).toContain(`[${rule}]`);
  }, STEP_TIMEOUT);

  test('cdk8s synth of an invalid app fails with the rule ids', async () => {
    const r = await run(cdk8sDir, 'npx', ['cdk8s', 'synth', '--no-check-upgrade', '--app', 'npx ts-node invalid.ts']);
    expect(r.code).not.toBe(0);
    for (const rule of RULES) expect(r.stderr).toContain(`(${rule})`);
  }, STEP_TIMEOUT);

  test('the cdk8s validation plugin (cdk8s.yaml validations:) reports the rule ids of an app of raw ApiObjects', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(cdk8sDir, 'node_modules', 'toolhive-constructs', 'package.json'), 'utf8'));
    fs.writeFileSync(path.join(cdk8sDir, 'raw.ts'), RAW_CDK8S_APP);
    const config = path.join(cdk8sDir, 'cdk8s.yaml');
    const original = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, [
      'app: npx ts-node raw.ts',
      'validations:',
      '  - package: ./node_modules/toolhive-constructs',
      `    version: ${pkg.version}`,
      '    class: ToolHiveValidationPlugin',
      '',
    ].join('\n'));
    try {
      const report = path.join(cdk8sDir, 'validation-report.json');
      const r = await run(cdk8sDir, 'npx', ['cdk8s', 'synth', '--no-check-upgrade', '--validation-reports-output-file', report]);
      expect(r.code).not.toBe(0);
      const { reports } = JSON.parse(fs.readFileSync(report, 'utf8')) as { reports: { violations: { ruleName: string }[] }[] };
      const reported = reports.flatMap(x => x.violations.map(v => v.ruleName));
      for (const rule of RULES) expect(reported).toContain(rule);
    } finally {
      fs.writeFileSync(config, original);
    }
  }, STEP_TIMEOUT);
});

describe('a fresh `pulumi new typescript` project', () => {
  test('has no cdk8s installed: the Pulumi route does not pull it in', () => {
    expect(fs.existsSync(path.join(pulumiDir, 'node_modules', 'cdk8s'))).toBe(false);
    expect(fs.existsSync(path.join(pulumiDir, 'node_modules', 'toolhive-constructs', 'lib', 'pulumi', 'index.js'))).toBe(true);
  });

  test('type-checks the README example and an invalid program under the template tsconfig of today and of 2024-2026', async () => {
    fs.writeFileSync(path.join(pulumiDir, 'index.ts'), PULUMI_PROGRAM);
    fs.writeFileSync(path.join(pulumiDir, 'invalid.ts'), INVALID_PULUMI_PROGRAM);
    const files = ['index.ts', 'invalid.ts'];
    // The stock tsconfigs list only index.ts; the same options with both programs:
    for (const config of ['tsconfig.json', 'tsconfig.node10.json']) {
      const stock = JSON.parse(fs.readFileSync(path.join(pulumiDir, config), 'utf8'));
      fs.writeFileSync(path.join(pulumiDir, `smoke.${config}`), JSON.stringify({ ...stock, files }));
      await runOk(pulumiDir, 'npx', ['tsc', '-p', `smoke.${config}`]);
    }
    expect(fs.existsSync(path.join(pulumiDir, 'bin', 'index.js'))).toBe(true);
  }, STEP_TIMEOUT);

  test('the README example runs under mocks and registers the components and their custom resources', async () => {
    fs.writeFileSync(path.join(pulumiDir, 'mocks.js'), PULUMI_MOCKS_HARNESS);
    const project = JSON.parse(fs.readFileSync(path.join(pulumiDir, 'package.json'), 'utf8')).name;
    const r = await runOk(pulumiDir, 'node', ['mocks.js', 'bin/index.js', project, JSON.stringify({ [`${project}:fetchApiKey`]: 'not-a-real-key' })]);
    const { registered, errors } = JSON.parse(r.stdout);
    expect(errors).toEqual([]);
    expect(r.stdout).not.toContain('not-a-real-key');
    expect(registered).toEqual(expect.arrayContaining([
      'kubernetes:toolhive.stacklok.dev/v1beta1:MCPGroup::tools',
      'kubernetes:core/v1:Secret::fetch-api-key',
      'kubernetes:toolhive.stacklok.dev/v1beta1:MCPServer::fetch',
    ]));
  }, STEP_TIMEOUT);

  test('an invalid program fails under mocks with the rule ids', async () => {
    const r = await runOk(pulumiDir, 'node', ['mocks.js', 'bin/invalid.js', 'smoke']);
    const { errors } = JSON.parse(r.stdout) as { errors: string[] };
    expect(errors.length).toBeGreaterThan(0);
    for (const rule of RULES) expect(errors.join('\n')).toContain(`(${rule})`);
  }, STEP_TIMEOUT);

  test('the policy pack (toolhive-constructs/policy) reports the rule ids of a raw CustomResource', async () => {
    fs.writeFileSync(path.join(pulumiDir, 'policy-check.js'), POLICY_CHECK);
    const r = await runOk(pulumiDir, process.execPath, ['policy-check.js']);
    const reported = JSON.parse(r.stdout) as string[];
    for (const rule of RULES) expect(reported.some(m => m.startsWith('toolhive-validation: ') && m.endsWith(`(${rule})`))).toBe(true);
  }, STEP_TIMEOUT);
});
