/**
 * The package as a user gets it: `npm pack`, installed from the registry into a fresh stock cdk8s project and a
 * fresh stock Pulumi project, type-checked with their own tsconfig, then run for real (`cdk8s synth` with the real
 * cdk8s CLI; the Pulumi program under Pulumi's mock runtime) on a valid and an invalid app.
 *
 * Extension points (marked `test.todo` below) take the same fresh projects: the cdk8s CLI validation plugin
 * (`validations:` in the project's cdk8s.yaml, then `cdk8s synth` of INVALID_CDK8S_APP) and the Pulumi policy
 * pack (its stack policy fed with the resources of INVALID_PULUMI_PROGRAM run under mocks).
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

  // Extension point (i14-plugins): add the validation plugin to cdk8s.yaml (`validations:` with `package` a
  // `./` path into node_modules/toolhive-constructs, `version`, `class`), synth an app of raw ApiObjects and
  // assert the rule ids the CLI reports.
  test.todo('the cdk8s validation plugin reports the rule ids of an invalid app');
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

  // Extension point (i14-plugins): the policy pack's stack policy fed with the resources INVALID_PULUMI_PROGRAM
  // (or a program of raw CustomResources) registers under mocks, asserting the rule ids it reports.
  test.todo('the policy pack reports the rule ids of an invalid program');
});
