/** What a `validate` run produced, for every output format. */
import type { Violation } from '../validation';

/** Rule ids of input problems, so machine-readable reports (JSON, SARIF, JUnit) carry them like violations. */
export const INPUT_SYNTAX = 'input.syntax';
export const INPUT_LIMIT = 'input.limit';

/** A problem that stopped the run before validation, split into file, position and message. */
export interface LoadProblem {
  readonly file: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  readonly rule: string;
  /** Never quotes the document text (load.ts words every message without it). */
  readonly message: string;
}

/** `FILE[:LINE[:COLUMN]]: MESSAGE`, as load.ts writes it. */
export function formatProblem(p: LoadProblem): string {
  const at = p.line === undefined ? '' : p.column === undefined ? `:${p.line}` : `:${p.line}:${p.column}`;
  return `${p.file}${at}: ${p.message}`;
}

/** Reads a load.ts problem line (`FILE:LINE:COL: MESSAGE`, `FILE:LINE: MESSAGE` or `FILE: MESSAGE`) back into parts. */
export function problemFromText(text: string): LoadProblem {
  const rule = /exceeds the limit/.test(text) ? INPUT_LIMIT : INPUT_SYNTAX;
  const m = /^(.*?):(\d+)(?::(\d+))?: (.*)$/s.exec(text);
  if (m) return { file: m[1], line: Number(m[2]), ...(m[3] !== undefined ? { column: Number(m[3]) } : {}), rule, message: m[4] };
  const i = text.indexOf(': ');
  return i > 0 ? { file: text.slice(0, i), rule, message: text.slice(i + 2) } : { file: '-', rule, message: text };
}

/** An input problem as JSON (validate and env `--format json`), with a fixed key order. */
export function problemJson(p: LoadProblem) {
  return {
    severity: 'error',
    rule: p.rule,
    message: p.message,
    file: p.file,
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
  };
}

export interface ValidateSummary {
  readonly documents: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface ValidateReport {
  readonly violations: readonly Violation[];
  /** Unreadable files and syntax errors; when there are any, nothing was validated. */
  readonly problems: readonly LoadProblem[];
  /** `Kind/namespace/name` of each loaded object, index-aligned with `sources` (JUnit lists every object). */
  readonly identities: readonly string[];
  readonly sources: readonly { readonly file: string; readonly document: number; readonly line?: number }[];
  readonly summary: ValidateSummary;
  /** Whether warnings fail the run (`--strict`). */
  readonly strict: boolean;
  /** The violations that fail the run (`failures(violations, { strict })`). */
  readonly failing: ReadonlySet<Violation>;
}

/** `FILE#DOC`: the document number of a file, in the `file.yaml#3` form (not `FILE:DOC`, which reads as a line). */
export function documentRef(v: { file?: string; document?: number }): string {
  return v.file === undefined ? '-' : `${v.file}#${v.document ?? '-'}`;
}

/** `Kind/namespace/name`, `-` for what is missing. */
export function objectRef(v: Pick<Violation, 'kind' | 'namespace' | 'name'>): string {
  return `${v.kind || '-'}/${v.namespace || '-'}/${v.name || '-'}`;
}

/** `Kind/namespace/name PATH: MESSAGE [RULE]`. */
export function violationText(v: Violation): string {
  return `${objectRef(v)}${v.path ? ` ${v.path}` : ''}: ${v.message} [${v.rule}]`;
}

/**
 * `Kind/namespace/name` of a loaded document, `-` for what is missing and `default` for no namespace. Only own
 * string properties are read: the document is hostile.
 */
export function identityOf(o: unknown): string {
  const own = (x: unknown, k: string): unknown =>
    typeof x === 'object' && x !== null && !Array.isArray(x) && Object.prototype.hasOwnProperty.call(x, k) ? (x as Record<string, unknown>)[k] : undefined;
  const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : undefined);
  const metadata = own(o, 'metadata');
  return `${str(own(o, 'kind')) ?? '-'}/${str(own(metadata, 'namespace')) ?? 'default'}/${str(own(metadata, 'name')) ?? '-'}`;
}
