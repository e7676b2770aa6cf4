/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`), built with node-sarif-builder.
 * One result per violation and per input problem, with the rule id, the file (a URI relative to the working
 * directory, as code scanning expects paths relative to the repository root) and the object's line.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import { STDIN_LABEL } from './load';
import { objectRef, type ValidateReport } from './report';

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri?: string;
}

export function formatSarif(report: ValidateReport, tool: ToolInfo, cwd: string = process.cwd()): string {
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: tool.name,
    toolDriverVersion: tool.version,
    ...(tool.informationUri ? { url: tool.informationUri } : {}),
  });
  const rules = [...new Set([...report.violations.map(v => v.rule), ...report.problems.map(p => p.rule)])].sort();
  for (const rule of rules) run.addRule(new SarifRuleBuilder().initSimple({ ruleId: rule, shortDescriptionText: rule }));

  for (const v of report.violations) {
    const result = new SarifResultBuilder().initSimple({
      level: v.severity === 'warning' ? 'warning' : 'error',
      messageText: `${objectRef(v)}${v.path ? ` ${v.path}` : ''}: ${v.message}`,
      ruleId: v.rule,
      ...location(v.file, v.line, undefined, cwd),
    });
    result.result.properties = {
      kind: v.kind,
      namespace: v.namespace,
      name: v.name,
      path: v.path,
      ...(v.document !== undefined ? { document: v.document } : {}),
    };
    run.addResult(result);
  }
  for (const p of report.problems) {
    run.addResult(new SarifResultBuilder().initSimple({ level: 'error', messageText: p.message, ruleId: p.rule, ...location(p.file, p.line, p.column, cwd) }));
  }
  const log = new SarifBuilder();
  log.addRun(run);
  return log.buildSarifJsonString({ indent: true }) + '\n';
}

/** Standard input has no location; other files are relative URIs under the working directory, else file: URIs. */
function location(file: string | undefined, line: number | undefined, column: number | undefined, cwd: string) {
  if (file === undefined || file === STDIN_LABEL) return {};
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  const fileUri = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
    ? rel.split(path.sep).map(encodeURIComponent).join('/')
    : pathToFileURL(abs).href;
  return { fileUri, ...(line !== undefined ? { startLine: line, ...(column !== undefined ? { startColumn: column } : {}) } : {}) };
}
