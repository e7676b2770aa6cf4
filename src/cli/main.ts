#!/usr/bin/env node
/**
 * The `toolhive-constructs` command line: `validate` and `env` over YAML manifests.
 * Loads only the engine and the bindings (never cdk8s or Pulumi). Never prints a stack trace.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseCommandArgs, type CommandSpec } from './args';
import { reportEnvProblems, runEnv } from './env';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { formatProblem, loadManifests } from './load';
import { secretRedactor } from './redact';
import { runReleases } from './releases';
import { MAIN_USAGE, PROGRAM, usageOf } from './usage';
import { reportProblems, runValidate, VALIDATE_FORMATS, type ToolIdentity } from './validate';
import { DEFAULT_RELEASE } from '../schema/registry';

export type { CliIo, TextSink } from './io';

/** The subcommands, the formats and the options each accepts (see OPTIONS in args.ts). `releases` has its own. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  validate: {
    name: 'validate',
    formats: VALIDATE_FORMATS,
    options: ['format', 'external', 'assume-external', 'strict', 'operator-release', 'kubernetes-version'],
  },
  env: { name: 'env', formats: ['yaml', 'json'], options: ['format', 'external', 'assume-external'] },
};

/**
 * Runs the command line and returns its exit code: 0 success, 1 violations found (validate),
 * 2 usage error, unreadable input or YAML syntax error.
 * @example
 * process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${PROGRAM}: ${e.message}\n\n${usageOf(e.command)}`);
      return EXIT_USAGE;
    }
    // A bug of ours: say so in one line, without a stack trace.
    io.stderr.write(`${PROGRAM}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('no command given');
  if (first === '-h' || first === '--help') {
    io.stdout.write(MAIN_USAGE);
    return EXIT_OK;
  }
  if (first === '-V' || first === '--version') {
    io.stdout.write(versionText());
    return EXIT_OK;
  }
  if (first === 'help') {
    if (rest.length > 1 || (rest[0] !== undefined && !COMMANDS[rest[0]] && rest[0] !== 'releases')) {
      throw new UsageError(`unknown command ${JSON.stringify(rest.join(' '))}`);
    }
    io.stdout.write(usageOf(rest[0]));
    return EXIT_OK;
  }
  if (first === 'releases') return runReleases(rest, io);
  const spec = Object.prototype.hasOwnProperty.call(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!spec) throw new UsageError(first.startsWith('-') ? `unknown option ${JSON.stringify(first)}` : `unknown command ${JSON.stringify(first)}`);

  const args = parseCommandArgs(spec, rest);
  if (args.help) {
    io.stdout.write(usageOf(spec.name));
    return EXIT_OK;
  }
  const loaded = await loadManifests(args.paths, io.stdin);
  for (const dir of loaded.emptyDirectories) io.stderr.write(`${PROGRAM}: note: no .yaml, .yml or .json file under ${dir}\n`);
  if (loaded.problems.length > 0) {
    for (const p of loaded.problems) io.stderr.write(`${PROGRAM}: ${formatProblem(p)}\n`);
    return spec.name === 'validate' ? reportProblems(args, loaded.problems, io, toolIdentity()) : reportEnvProblems(args, loaded.problems, io);
  }
  const redact = secretRedactor(loaded.objects);
  return spec.name === 'validate'
    ? runValidate(args, loaded.objects, loaded.sources, redact, io, toolIdentity())
    : runEnv(args, loaded.objects, redact, io);
}

/**
 * `--version`: the package version and the ToolHive operator release whose CRDs and rules it checks by default,
 * e.g. `toolhive-constructs 0.1.0 (ToolHive operator v0.44.0)`.
 */
export function versionText(): string {
  return `${PROGRAM} ${version()} (ToolHive operator ${DEFAULT_RELEASE})\n`;
}

/** The package version, from package.json next to lib/ (or src/ under ts-jest). */
export function version(): string {
  const v = packageJson().version;
  return typeof v === 'string' ? v : 'unknown';
}

/** Name, version and home page, as SARIF's tool driver. */
function toolIdentity(): ToolIdentity {
  const home = packageJson().homepage;
  return { name: PROGRAM, version: version(), ...(typeof home === 'string' ? { informationUri: home } : {}) };
}

function packageJson(): Record<string, unknown> {
  try {
    const pkg: unknown = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    return typeof pkg === 'object' && pkg !== null ? pkg as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

if (require.main === module) {
  // `toolhive-constructs validate x | head` closes the pipe early: that is not an error worth a trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`${PROGRAM}: cannot write output: ${e.code ?? e.message}\n`);
    process.exit(e.code === 'EPIPE' ? process.exitCode ?? 0 : EXIT_USAGE);
  });
  void run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
    .then(code => {
      process.exitCode = code;
    });
}
