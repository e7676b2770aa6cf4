/**
 * Command-line parsing for one subcommand, on `node:util` `parseArgs`.
 *
 * To add a flag: declare it once in OPTIONS (its parseArgs type, and `multiple` when repeatable), list it in the
 * `options` of the commands that accept it (main.ts COMMANDS), read it in `parseCommandArgs` into CommandArgs, and
 * document it in usage.ts and docs/cli.md. Unknown options, missing values and values given to a boolean flag are
 * reported here for every flag alike.
 */
import { parseArgs, type ParseArgsConfig } from 'util';
import { UsageError } from './io';
import { DEFAULT_LIMITS, type InputLimits } from './limits';
import { parseKubernetesVersion } from '../core/kube-version';
import { isRelease, releaseList } from '../schema/registry';
import { parseExternal } from '../validation/manifest-set';

type OptionConfig = NonNullable<ParseArgsConfig['options']>[string];

/** Every option of every command, by long name. */
export const OPTIONS = {
  'format': { type: 'string' },
  'external': { type: 'string', multiple: true },
  'externals': { type: 'string', multiple: true },
  'assume-external': { type: 'boolean' },
  'strict': { type: 'boolean' },
  'allow-empty': { type: 'boolean' },
  'max-file-bytes': { type: 'string' },
  'max-total-bytes': { type: 'string' },
  'operator-release': { type: 'string' },
  'kubernetes-version': { type: 'string' },
  'help': { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionConfig>;

export type OptionName = keyof typeof OPTIONS;

export interface CommandArgs {
  readonly format?: string;
  readonly external: readonly string[];
  /** Externals files (`--externals FILE`, repeatable; written by cdk8s synth), read after parsing. */
  readonly externalsFiles: readonly string[];
  readonly assumeExternal: boolean;
  /** Warnings fail the run too (`failures(violations, { strict })`). */
  readonly strict: boolean;
  /** Size limits of the input (`--max-file-bytes`, `--max-total-bytes`). */
  readonly limits: InputLimits;
  /** Accept input without any document (`--allow-empty`); otherwise it is a usage error. */
  readonly allowEmpty: boolean;
  /** `--operator-release`: a bundled release name (checked), or undefined for the default. */
  readonly operatorRelease?: string;
  /** `--kubernetes-version`, e.g. `1.35`. @default - the newest Kubernetes release */
  readonly kubernetesVersion?: string;
  readonly help: boolean;
  /** Files, directories and `-` (standard input), in the order given. */
  readonly paths: readonly string[];
}

export interface CommandSpec {
  readonly name: string;
  readonly formats: readonly string[];
  /** The options this command accepts (`help` is always accepted). */
  readonly options: readonly OptionName[];
}

/**
 * Parses `[--format F] [--external K/N]... [--externals FILE]... [--assume-external] [--strict] [--operator-release R]
 * [--kubernetes-version V] [-h] PATH...`
 * (the options of `spec`).
 * Accepts `--flag value` and `--flag=value`; `--` ends the options; `-` alone is standard input.
 * @throws UsageError for an unknown option, a missing value, a value given to a flag, a bad format or a bad --external.
 */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): CommandArgs {
  const accepted = new Set<string>([...spec.options, 'help']);
  const options: Record<string, OptionConfig> = {};
  for (const name of accepted) options[name] = OPTIONS[name as OptionName];
  // Not strict: parseArgs then reports every token, and the checks below give our own messages.
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });

  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (!accepted.has(t.name)) throw new UsageError(`unknown option ${JSON.stringify(t.rawName)}`, spec.name);
    const type = options[t.name].type;
    if (type === 'string' && t.value === undefined) throw new UsageError(`option ${t.rawName} needs a value`, spec.name);
    if (type === 'boolean' && t.inlineValue) throw new UsageError(`option ${t.rawName} takes no value, got ${JSON.stringify(`${t.rawName}=${t.value}`)}`, spec.name);
  }

  const format = lastString(values.format);
  const external = strings(values.external);
  if (format !== undefined && !spec.formats.includes(format)) {
    throw new UsageError(`invalid --format ${JSON.stringify(format)}: expected ${orList(spec.formats)}`, spec.name);
  }
  for (const x of external) {
    try {
      parseExternal(x);
    } catch {
      throw new UsageError(`invalid --external ${JSON.stringify(x)}: expected Kind/name, Kind/namespace/name or Kind/*`, spec.name);
    }
  }
  const maxFile = lastString(values['max-file-bytes']);
  const maxTotal = lastString(values['max-total-bytes']);
  const limits: InputLimits = {
    maxFileBytes: maxFile === undefined ? DEFAULT_LIMITS.maxFileBytes : byteCount('--max-file-bytes', maxFile, spec.name),
    maxTotalBytes: maxTotal === undefined ? DEFAULT_LIMITS.maxTotalBytes : byteCount('--max-total-bytes', maxTotal, spec.name),
  };
  const operatorRelease = lastString(values['operator-release']);
  if (operatorRelease !== undefined && !isRelease(operatorRelease)) {
    throw new UsageError(`invalid --operator-release ${JSON.stringify(operatorRelease)}: bundled releases are ${releaseList()}`, spec.name);
  }
  const kubernetesVersion = lastString(values['kubernetes-version']);
  if (kubernetesVersion !== undefined) {
    try {
      parseKubernetesVersion(kubernetesVersion);
    } catch (e) {
      throw new UsageError(`invalid --kubernetes-version: ${(e as Error).message}`, spec.name);
    }
  }
  const help = values.help === true;
  if (!help) {
    if (positionals.length === 0) throw new UsageError('no PATH given: name files or directories, or - for standard input', spec.name);
    if (positionals.filter(p => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once', spec.name);
  }
  return {
    format,
    external,
    externalsFiles: strings(values.externals),
    assumeExternal: values['assume-external'] === true,
    strict: values.strict === true,
    allowEmpty: values['allow-empty'] === true,
    limits,
    operatorRelease,
    ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}),
    help,
    paths: positionals,
  };
}

/** A string option given more than once: the last one wins (as with most CLIs). */
function lastString(v: unknown): string | undefined {
  const all = strings(v);
  return all.length > 0 ? all[all.length - 1] : undefined;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const UNITS: Readonly<Record<string, number>> = { '': 1, 'K': 1024, 'M': 1024 ** 2, 'G': 1024 ** 3 };

/** `1048576`, `512K`, `64M`, `2G` (binary units) → bytes; at least 1. */
function byteCount(flag: string, text: string, command: string): number {
  let i = 0;
  while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
  const unit = text.slice(i).toUpperCase();
  const n = Number(text.slice(0, i)) * (Object.prototype.hasOwnProperty.call(UNITS, unit) ? UNITS[unit] : NaN);
  if (i === 0 || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`invalid ${flag} ${JSON.stringify(text)}: expected a number of bytes, optionally with K, M or G (e.g. 64M)`, command);
  }
  return n;
}
