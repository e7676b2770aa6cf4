#!/usr/bin/env node
/**
 * The `toolhive-constructs` command line: `validate` and `env` over YAML manifests.
 * Loads only the engine and the bindings (never cdk8s or Pulumi). Never prints a stack trace.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { parseCommandArgs, type CommandArgs, type CommandSpec } from './args';
import { reportEnvProblems, runEnv } from './env';
import { readExternalsFile } from './externals';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { loadManifests } from './load';
import { progressOn } from './progress';
import { runReleases } from './releases';
import { identityOf, problemFromText } from './report';
import { escapeText } from './terminal';
import { MAIN_USAGE, PROGRAM, usageOf } from './usage';
import { reportProblems, runValidate, VALIDATE_FORMATS, validatorFor, type ToolIdentity } from './validate';
import { DEFAULT_RELEASE } from '../schema/registry';
import type { SourceLocation } from '../validation';
import { redactor, secretValuesOf } from '../validation/redact';

export type { CliIo, TextSink } from './io';

/** The subcommands, the formats and the options each accepts (see OPTIONS in args.ts). `releases` has its own. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  validate: {
    name: 'validate',
    formats: VALIDATE_FORMATS,
    options: ['format', 'external', 'externals', 'assume-external', 'strict', 'operator-release', 'kubernetes-version', 'max-file-bytes', 'max-total-bytes', 'allow-empty'],
  },
  env: { name: 'env', formats: ['yaml', 'json'], options: ['format', 'external', 'externals', 'assume-external', 'max-file-bytes', 'max-total-bytes', 'allow-empty'] },
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
      io.stderr.write(`${PROGRAM}: ${escapeText(e.message)}\n\n${usageOf(e.command)}`);
      return EXIT_USAGE;
    }
    // A bug of ours: say so in one line, without a stack trace.
    // the error's name and system code only: its message could quote input
    const code = (e as { code?: unknown } | undefined)?.code;
    io.stderr.write(`${PROGRAM}: internal error: ${e instanceof Error ? e.name : typeof e}${typeof code === 'string' ? ` (${escapeText(code)})` : ''}; please report it\n`);
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

  const parsed = parseCommandArgs(spec, rest);
  if (parsed.help) {
    io.stdout.write(usageOf(spec.name));
    return EXIT_OK;
  }
  let args: CommandArgs;
  try {
    args = { ...parsed, external: [...parsed.external, ...parsed.externalsFiles.flatMap(readExternalsFile)] };
  } catch (e) {
    io.stderr.write(`${PROGRAM}: ${escapeText(e instanceof Error ? e.message : String(e))}\n`);
    return EXIT_USAGE;
  }
  const progress = progressOn(io.stderr, PROGRAM);
  // validate streams: each file's objects go to the engine once read, and only their identities are kept here;
  // env needs every object at once (a workload's env depends on the objects it references)
  const validator = spec.name === 'validate' ? validatorFor(args) : undefined;
  const identities: string[] = [];
  const sources: SourceLocation[] = [];
  const marks: number[] = [];
  const loaded = await loadManifests(args.paths, io.stdin, args.limits, progress.read, validator && {
    add(object, source) {
      validator.add(object, source);
      identities.push(identityOf(object));
      sources.push(source);
    },
    mark() {
      marks.push(identities.length);
      return validator.mark();
    },
    rollback(at) {
      validator.rollback(at);
      identities.length = sources.length = marks[at];
      marks.length = at;
    },
  });
  progress.done();
  // every line naming a path goes through escapeText: a file name can hold newlines and escape sequences
  for (const dir of loaded.emptyDirectories) io.stderr.write(`${PROGRAM}: note: no .yaml, .yml or .json file under ${escapeText(dir)}\n`);
  for (const n of loaded.notes ?? []) io.stderr.write(`${PROGRAM}: note: ${escapeText(n)}\n`);
  for (const s of loaded.skipped ?? []) io.stderr.write(`${PROGRAM}: ${escapeText(s)}\n`);
  if (loaded.problems.length > 0) {
    for (const p of loaded.problems) io.stderr.write(`${PROGRAM}: ${escapeText(p)}\n`);
    // json, sarif and junit carry the problems too, so a CI step that reads the report sees why the run failed
    const problems = loaded.problems.map(problemFromText);
    return spec.name === 'validate' ? reportProblems(args, problems, io, toolIdentity()) : reportEnvProblems(args, problems, io);
  }
  const incomplete = (loaded.skipped ?? []).length > 0;
  if (loaded.documents === 0 && !args.allowEmpty) {
    // empty input is a usage error: a pipeline whose generator printed nothing must not pass
    if (!incomplete) io.stderr.write(`${PROGRAM}: no documents in the input; pass --allow-empty if empty input is expected\n`);
    return EXIT_USAGE;
  }
  // the engine's redaction policy, for what the CLI prints besides violations (env values)
  const redact = redactor(validator ? validator.secretValues() : secretValuesOf(loaded.objects));
  progress.validating(loaded.documents);
  // the progress line goes before the first byte of the report (stdout and stderr can share the terminal)
  const out: CliIo = { ...io, stdout: { write: (chunk: string) => (progress.done(), io.stdout.write(chunk)) } };
  const code = validator
    ? await runValidate(args, validator, identities, sources, redact, out, toolIdentity())
    : runEnv(args, loaded.objects, redact, out);
  progress.done();
  // an unreadable path is a usage error for that path: the rest was checked, the run still fails
  return incomplete ? EXIT_USAGE : code;
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
  // Node prints process warnings with their message, which may quote input: show their name and code only
  process.removeAllListeners('warning');
  process.on('warning', w => {
    const code = (w as { code?: unknown }).code;
    process.stderr.write(`${PROGRAM}: node warning: ${escapeText(w.name)}${typeof code === 'string' ? ` (${escapeText(code)})` : ''}\n`);
  });
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
