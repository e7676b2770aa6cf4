/** `toolhive-constructs validate`: runs the engine over the loaded manifests and prints violations. */
import { validateManifests } from '../validation';
import type { SourceLocation, Violation } from '../validation';
import type { CommandArgs } from './args';
import type { CliIo } from './io';
import { EXIT_OK, EXIT_VIOLATIONS } from './io';
import { escapeText } from './terminal';
import { redactViolations, type Redactor } from '../validation/redact';

export interface ValidateSummary {
  readonly documents: number;
  readonly errors: number;
  readonly warnings: number;
}

/** Validates `objects` and writes the report to stdout. Returns the exit code (0 or 1). */
export function runValidate(
  args: CommandArgs,
  objects: readonly unknown[],
  sources: readonly SourceLocation[],
  redact: Redactor,
  io: CliIo,
): number {
  // Non-objects, missing kinds and unknown ToolHive kinds are reported by the engine's identity layer.
  const violations = validateManifests(objects, {
    external: args.external,
    assumeExternal: args.assumeExternal,
    operatorRelease: args.operatorRelease,
    kubernetesVersion: args.kubernetesVersion,
    sources,
  });
  // already redacted by the engine; again here so nothing the CLI prints depends on that
  const shown = redactViolations(violations, redact);
  const summary: ValidateSummary = {
    documents: objects.length,
    errors: violations.filter(v => v.severity === 'error').length,
    warnings: violations.filter(v => v.severity === 'warning').length,
  };
  io.stdout.write(args.format === 'json' ? formatJson(shown, summary) : formatText(shown, summary));
  return summary.errors > 0 ? EXIT_VIOLATIONS : EXIT_OK;
}

/** `FILE:DOC Kind/namespace/name PATH: MESSAGE [RULE]`, warnings prefixed `warning: `. */
export function formatText(violations: readonly Violation[], summary: ValidateSummary): string {
  // every column can come from the manifests (or a file name): escaped, so no line can be forged
  const lines = violations.map(v => {
    const where = v.file !== undefined ? `${escapeText(v.file)}:${v.document ?? '-'}` : '-';
    const object = `${escapeText(v.kind) || '-'}/${escapeText(v.namespace) || '-'}/${escapeText(v.name) || '-'}`;
    const field = v.path ? ` ${escapeText(v.path)}` : '';
    const prefix = v.severity === 'warning' ? 'warning: ' : '';
    return `${prefix}${where} ${object}${field}: ${escapeText(v.message)} [${escapeText(v.rule)}]`;
  });
  lines.push(`${plural(summary.documents, 'document')}, ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`);
  return lines.join('\n') + '\n';
}

/** `{"violations":[...],"summary":{...}}` with a fixed key order. */
export function formatJson(violations: readonly Violation[], summary: ValidateSummary): string {
  const out = {
    violations: violations.map(v => ({
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
    summary: { documents: summary.documents, errors: summary.errors, warnings: summary.warnings },
  };
  return JSON.stringify(out, null, 2) + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
