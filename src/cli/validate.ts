/** `toolhive-constructs validate`: runs the engine over the loaded manifests and prints the report. */
import { failures, ManifestValidator } from '../validation';
import type { SourceLocation, Violation } from '../validation';
import type { CommandArgs } from './args';
import type { CliIo } from './io';
import { EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS } from './io';
import { problemJson, type LoadProblem, type ValidateReport, type ValidateSummary } from './report';
import { escapeText } from './terminal';
import { redactViolations, type Redactor } from '../validation/redact';

export type { ValidateSummary } from './report';

/** The output formats of `validate`; the first is the default. */
export const VALIDATE_FORMATS = ['text', 'json', 'sarif', 'junit'] as const;

export interface ToolIdentity {
  readonly name: string;
  readonly version: string;
  readonly informationUri?: string;
}

/** The engine for `validate`: objects are added as they are read (load.ts hands them over file by file). */
export function validatorFor(args: CommandArgs): ManifestValidator {
  return new ManifestValidator({
    external: args.external,
    assumeExternal: args.assumeExternal,
    operatorRelease: args.operatorRelease,
    kubernetesVersion: args.kubernetesVersion,
  });
}

/**
 * Finishes the run of `validator` (every object added) and writes the report to stdout. Returns the exit code: 1
 * when a violation fails the run (an error, or with `--strict` also a warning), else 0.
 * @param identities `Kind/namespace/name` of each object added, index-aligned with `sources`
 */
export async function runValidate(
  args: CommandArgs,
  validator: ManifestValidator,
  identities: readonly string[],
  sources: readonly SourceLocation[],
  redact: Redactor,
  io: CliIo,
  tool: ToolIdentity,
): Promise<number> {
  // Non-objects, missing kinds and unknown ToolHive kinds are reported by the engine's identity layer.
  const violations = validator.finish();
  // already redacted by the engine; again here so nothing the CLI prints depends on that
  const report = buildReport(redactViolations(violations, redact), [], identities, sources, args.strict);
  io.stdout.write(await render(args.format, report, tool));
  return report.failing.size > 0 ? EXIT_VIOLATIONS : EXIT_OK;
}

/**
 * For unreadable or unparsable input: the machine-readable formats still print a report (with the problems and no
 * violations), so a CI step that reads it sees why the run failed. Text output has the problems on stderr only.
 */
export async function reportProblems(args: CommandArgs, problems: readonly LoadProblem[], io: CliIo, tool: ToolIdentity): Promise<number> {
  if (args.format !== undefined && args.format !== 'text') {
    io.stdout.write(await render(args.format, buildReport([], problems, [], [], args.strict), tool));
  }
  return EXIT_USAGE;
}

function buildReport(
  violations: readonly Violation[],
  problems: readonly LoadProblem[],
  identities: readonly string[],
  sources: readonly SourceLocation[],
  strict: boolean,
): ValidateReport {
  return {
    violations,
    problems,
    identities,
    sources,
    strict,
    failing: new Set(failures(violations, { strict })),
    summary: {
      documents: identities.length,
      errors: violations.filter(v => v.severity === 'error').length,
      warnings: violations.filter(v => v.severity === 'warning').length,
    },
  };
}

async function render(format: string | undefined, report: ValidateReport, tool: ToolIdentity): Promise<string> {
  switch (format) {
    case 'json': return formatJson(report);
    // Loaded on demand: the common text run does not pay for the builders.
    case 'sarif': return (await import('./sarif')).formatSarif(report, tool);
    case 'junit': return (await import('./junit')).formatJunit(report, `${tool.name} validate`);
    default: return formatText(report.violations, report.summary);
  }
}

/** `FILE#DOC Kind/namespace/name PATH: MESSAGE [RULE]`, warnings prefixed `warning: `. */
export function formatText(violations: readonly Violation[], summary: ValidateSummary): string {
  // every column can come from the manifests (or a file name): escaped, so no line can be forged
  const lines = violations.map(v => {
    const where = v.file !== undefined ? `${escapeText(v.file)}#${v.document ?? '-'}` : '-';
    const object = `${escapeText(v.kind) || '-'}/${escapeText(v.namespace) || '-'}/${escapeText(v.name) || '-'}`;
    const field = v.path ? ` ${escapeText(v.path)}` : '';
    const prefix = v.severity === 'warning' ? 'warning: ' : '';
    return `${prefix}${where} ${object}${field}: ${escapeText(v.message)} [${escapeText(v.rule)}]`;
  });
  lines.push(`${plural(summary.documents, 'document')}, ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`);
  return lines.join('\n') + '\n';
}

/** `{"violations":[...],"problems":[...],"summary":{...}}` with a fixed key order. */
export function formatJson(report: Pick<ValidateReport, 'violations' | 'problems' | 'summary'>): string {
  const out = {
    violations: report.violations.map(v => ({
      severity: v.severity,
      kind: v.kind,
      namespace: v.namespace,
      name: v.name,
      path: v.path,
      rule: v.rule,
      message: v.message,
      ...(v.file !== undefined ? { file: v.file } : {}),
      ...(v.document !== undefined ? { document: v.document } : {}),
      ...(v.line !== undefined ? { line: v.line } : {}),
    })),
    problems: report.problems.map(problemJson),
    summary: {
      documents: report.summary.documents,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      problems: report.problems.length,
    },
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
