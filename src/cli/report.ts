/** What a `validate` run produced, for every output format. */
import type { Violation } from '../validation';
import type { LoadProblem } from './load';

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
  /** Index-aligned with the loaded objects (JUnit lists every object, valid or not). */
  readonly objects: readonly unknown[];
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
