#!/usr/bin/env node
/**
 * The `toolhive-constructs` command line: `validate` and `env` over YAML manifests.
 * Loads only the engine and the bindings (never cdk8s or Pulumi). Never prints a stack trace.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseCommandArgs, type CommandArgs, type CommandSpec } from './args';
import { runEnv } from './env';
import { readExternalsFile } from './externals';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { loadManifests } from './load';
import { secretRedactor } from './redact';
import { runReleases } from './releases';
import { MAIN_USAGE, PROGRAM, usageOf } from './usage';
import { runValidate } from './validate';

export type { CliIo, TextSink } from './io';

const COMMANDS: Record<string, CommandSpec> = {
  validate: { name: 'validate', formats: ['text', 'json'], release: true },
  env: { name: 'env', formats: ['yaml', 'json'] },
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
    io.stdout.write(`${version()}\n`);
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

  const parsed = parseCommandArgs(spec, rest);
  if (parsed.help) {
    io.stdout.write(usageOf(spec.name));
    return EXIT_OK;
  }
  let args: CommandArgs;
  try {
    args = { ...parsed, external: [...parsed.external, ...parsed.externalsFiles.flatMap(readExternalsFile)] };
  } catch (e) {
    io.stderr.write(`${PROGRAM}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
  const loaded = await loadManifests(args.paths, io.stdin);
  for (const dir of loaded.emptyDirectories) io.stderr.write(`${PROGRAM}: note: no .yaml or .yml file under ${dir}\n`);
  if (loaded.problems.length > 0) {
    for (const p of loaded.problems) io.stderr.write(`${PROGRAM}: ${p}\n`);
    return EXIT_USAGE;
  }
  const redact = secretRedactor(loaded.objects);
  return spec.name === 'validate'
    ? runValidate(args, loaded.objects, loaded.sources, redact, io)
    : runEnv(args, loaded.objects, redact, io);
}

/** The package version, from package.json next to lib/ (or src/ under ts-jest). */
export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
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
