/** Command-line parsing for one subcommand. Small on purpose: no dependency for four flags. */
import { UsageError } from './io';
import { DEFAULT_LIMITS, type InputLimits } from './limits';
import { parseKubernetesVersion } from '../core/kube-version';
import { isRelease, releaseList } from '../schema/registry';
import { parseExternal } from '../validation/manifest-set';

export interface CommandArgs {
  readonly format?: string;
  readonly external: readonly string[];
  /** Externals files (`--externals FILE`, repeatable), read after parsing. */
  readonly externalsFiles: readonly string[];
  readonly assumeExternal: boolean;
  /** `--operator-release`: a bundled release name (checked), or undefined for the default. */
  readonly operatorRelease?: string;
  /** `--kubernetes-version`, e.g. `1.35`. @default - the newest Kubernetes release */
  readonly kubernetesVersion?: string;
  readonly help: boolean;
  /** Size limits of the input (`--max-file-bytes`, `--max-total-bytes`). */
  readonly limits: InputLimits;
  /** Accept input without any document (`--allow-empty`); otherwise it is a usage error. */
  readonly allowEmpty: boolean;
  /** Files, directories and `-` (standard input), in the order given. */
  readonly paths: readonly string[];
}

export interface CommandSpec {
  readonly name: string;
  readonly formats: readonly string[];
  /** The command takes `--operator-release`. */
  readonly release?: boolean;
}

/**
 * Parses `[--format F] [--external K/N]... [--externals FILE]... [--assume-external] [--operator-release R]
 * [--kubernetes-version V] [-h] PATH...`.
 * Accepts `--flag value` and `--flag=value`; `--` ends the options.
 * @throws UsageError for an unknown option, a missing value, a bad format or a bad --external.
 */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): CommandArgs {
  let format: string | undefined;
  const external: string[] = [];
  const externalsFiles: string[] = [];
  let assumeExternal = false;
  let operatorRelease: string | undefined;
  let kubernetesVersion: string | undefined;
  let help = false;
  let allowEmpty = false;
  let maxFileBytes = DEFAULT_LIMITS.maxFileBytes;
  let maxTotalBytes = DEFAULT_LIMITS.maxTotalBytes;
  const paths: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = flag === arg ? undefined : arg.slice(eq + 1);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`option ${flag} needs a value`, spec.name);
      i++;
      return next;
    };
    switch (flag) {
      case '--format':
        format = value();
        break;
      case '--external':
        external.push(value());
        break;
      case '--externals':
        externalsFiles.push(value());
        break;
      case '--assume-external':
        if (inline !== undefined) throw new UsageError(`option --assume-external takes no value, got ${JSON.stringify(arg)}`, spec.name);
        assumeExternal = true;
        break;
      case '--allow-empty':
        if (inline !== undefined) throw new UsageError(`option --allow-empty takes no value, got ${JSON.stringify(arg)}`, spec.name);
        allowEmpty = true;
        break;
      case '--max-file-bytes':
        maxFileBytes = byteCount(flag, value(), spec.name);
        break;
      case '--max-total-bytes':
        maxTotalBytes = byteCount(flag, value(), spec.name);
        break;
      case '--operator-release':
        if (!spec.release) throw new UsageError(`unknown option ${JSON.stringify(flag)}`, spec.name);
        operatorRelease = value();
        break;
      case '--kubernetes-version':
        kubernetesVersion = value();
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      default:
        throw new UsageError(`unknown option ${JSON.stringify(flag)}`, spec.name);
    }
  }

  if (format !== undefined && !spec.formats.includes(format)) {
    throw new UsageError(`invalid --format ${JSON.stringify(format)}: expected ${spec.formats.join(' or ')}`, spec.name);
  }
  for (const x of external) {
    try {
      parseExternal(x);
    } catch {
      throw new UsageError(`invalid --external ${JSON.stringify(x)}: expected Kind/name, Kind/namespace/name or Kind/*`, spec.name);
    }
  }
  if (operatorRelease !== undefined && !isRelease(operatorRelease)) {
    throw new UsageError(`invalid --operator-release ${JSON.stringify(operatorRelease)}: bundled releases are ${releaseList()}`, spec.name);
  }
  if (kubernetesVersion !== undefined) {
    try {
      parseKubernetesVersion(kubernetesVersion);
    } catch (e) {
      throw new UsageError(`invalid --kubernetes-version: ${(e as Error).message}`, spec.name);
    }
  }
  if (!help) {
    if (paths.length === 0) throw new UsageError('no PATH given: name files or directories, or - for standard input', spec.name);
    if (paths.filter(p => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once', spec.name);
  }
  return {
    format,
    external,
    externalsFiles,
    assumeExternal,
    operatorRelease,
    ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}),
    help,
    paths,
    allowEmpty,
    limits: { maxFileBytes, maxTotalBytes },
  };
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
