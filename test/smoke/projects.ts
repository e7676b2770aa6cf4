/**
 * Fresh user projects for the smoke suite: the packed tarball installed from the npm registry into a stock
 * `cdk8s init typescript-app` project and a stock `pulumi new typescript` project, outside this repository so
 * nothing resolves from its node_modules. `npm install --prefer-offline` uses the local npm cache when it can.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cdk8sTemplateDir, PULUMI_NEW_TSCONFIG, PULUMI_NEW_2024_TSCONFIG } from '../stock-tsconfigs';

export const ROOT = path.join(__dirname, '..', '..');

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command (no shell) and never rejects: the exit code is part of the result. */
export function run(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise(resolve => {
    execFile(command, args, { cwd, env: { ...process.env, ...OFFLINE_ENV, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 8 * 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

/** No update checks, no telemetry, no audit: a smoke run talks to the registry only to install. */
const OFFLINE_ENV = {
  CDK8S_CHECK_UPGRADE: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  PULUMI_SKIP_UPDATE_CHECK: 'true',
  // jest sets CI-like variables; keep npm's output plain.
  FORCE_COLOR: '0',
};

/** Fails with the command's output, so a broken step says why. */
export async function runOk(cwd: string, command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<RunResult> {
  const r = await run(cwd, command, args, env);
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** `npm pack` of this checkout (lib/ must be built) into `dir`; returns the tarball's path. */
export async function packTarball(dir: string): Promise<string> {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) throw new Error('lib/index.js is missing: run "npx tsc --build" first');
  const r = await runOk(ROOT, 'npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir]);
  const [{ filename }] = JSON.parse(r.stdout) as { filename: string }[];
  return path.join(dir, filename);
}

export function freshDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `thv-smoke-${name}-`));
}

/**
 * What `cdk8s init typescript-app` writes: the installed cdk8s-cli's template rendered with the versions it would
 * pick (its own cdk8s, cdk8s-plus-33 and constructs), without the post-init hook (it runs `cdk8s import k8s`,
 * which downloads from GitHub, then compiles, tests and synthesizes the empty chart). Then
 * `npm install <tarball>`, as a user runs `npm install toolhive-constructs`.
 */
export async function freshCdk8sProject(tarball: string): Promise<string> {
  const dir = freshDir('cdk8s');
  const cli = path.dirname(require.resolve('cdk8s-cli/package.json'));
  const versionOf = (m: string) => JSON.parse(fs.readFileSync(require.resolve(`${m}/package.json`, { paths: [cli] }), 'utf8')).version as string;
  const cliPkg = JSON.parse(fs.readFileSync(path.join(cli, 'package.json'), 'utf8'));
  const template = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-smoke-template-'));
  fs.cpSync(cdk8sTemplateDir(), template, { recursive: true });
  fs.rmSync(path.join(template, '.hooks.sscaff.js'));
  // sscaff is what cdk8s-cli renders its templates with.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { sscaff } = require(require.resolve('sscaff', { paths: [cli] })) as { sscaff(src: string, dst: string, vars: Record<string, string>): Promise<void> };
  try {
    // `$base` (the project name) is the target directory's name, as for `cdk8s init`.
    await sscaff(template, dir, {
      cdk8s_core_version: versionOf('cdk8s'),
      cdk8s_plus_version: versionOf('cdk8s-plus-33'),
      constructs_version: String(cliPkg.dependencies.constructs).replace('^', ''),
      cdk8s_cli_spec: `^${cliPkg.version}`,
    });
  } finally {
    fs.rmSync(template, { recursive: true, force: true });
  }
  await runOk(dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball]);
  return dir;
}

/**
 * What `pulumi new typescript` writes (github.com/pulumi/templates, typescript/: package.json, Pulumi.yaml and
 * tsconfig.json; see test/stock-tsconfigs.ts), then `npm install <tarball> @pulumi/pulumi @pulumi/kubernetes`.
 * The Pulumi SDKs are pinned to this repository's dev versions: later @pulumi/pulumi releases need Node 22.
 * `tsconfig.node10.json` is the same project with the template's tsconfig before 2026 (`moduleResolution: node`).
 */
export async function freshPulumiProject(tarball: string): Promise<string> {
  const dir = freshDir('pulumi');
  const repo = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const name = path.basename(dir).toLowerCase();
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name,
    main: 'index.ts',
    devDependencies: { '@types/node': '^18', 'typescript': '^5.0.0' },
    dependencies: { '@pulumi/pulumi': '^3.113.0' },
  }, null, 4) + '\n');
  fs.writeFileSync(path.join(dir, 'Pulumi.yaml'), `name: ${name}\ndescription: smoke test\nruntime: nodejs\n`);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(PULUMI_NEW_TSCONFIG, null, 4) + '\n');
  fs.writeFileSync(path.join(dir, 'tsconfig.node10.json'), JSON.stringify(PULUMI_NEW_2024_TSCONFIG, null, 4) + '\n');
  await runOk(dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball,
    `@pulumi/pulumi@${repo.devDependencies['@pulumi/pulumi']}`, `@pulumi/kubernetes@${repo.devDependencies['@pulumi/kubernetes']}`]);
  return dir;
}

/**
 * A harness that runs a compiled Pulumi program under Pulumi's mock runtime (the sanctioned stand-in for the
 * engine) and prints `{ registered: ["type::name"], errors: [message] }`: errors thrown while the program runs
 * and rejections the language host would report.
 */
export const PULUMI_MOCKS_HARNESS = `
const path = require('path');
const pulumi = require('@pulumi/pulumi');
const errors = [];
const record = e => errors.push(e instanceof Error ? e.message : String(e));
process.on('unhandledRejection', record);
process.on('uncaughtException', record);
const registered = [];
const [program, project, config] = process.argv.slice(2);
for (const [k, v] of Object.entries(JSON.parse(config || '{}'))) pulumi.runtime.setConfig(k, v);
pulumi.runtime.setMocks({
  newResource: args => { registered.push(args.type + '::' + args.name); return { id: args.name + '-id', state: args.inputs }; },
  call: args => args.inputs,
}, project, 'dev', false).then(async () => {
  try {
    require(path.resolve(program));
  } catch (e) {
    record(e);
  }
  const rpcs = pulumi.runtime.waitForRPCs;
  if (typeof rpcs === 'function') await rpcs().catch(record);
  await new Promise(r => setTimeout(r, 200));
  process.stdout.write(JSON.stringify({ registered, errors }) + '\\n');
});
`;
