/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure), built with junit-report-builder, in
 * kubeconform's shape: one test suite per file, one test case per object. An object with failing violations has a
 * failure (type: the first rule id; body: every violation, one per line, with its rule id); warnings that do not
 * fail go to the case's system-out. An input problem is a test case with an error.
 */
import junit from 'junit-report-builder';
import type { Violation } from '../validation';
import { documentRef, formatProblem, violationText, type ValidateReport } from './report';

export function formatJunit(report: ValidateReport, name: string): string {
  const builder = junit.newBuilder().name(xmlSafe(name));
  const byObject = groupByObject(report);
  const suites = new Map<string, ReturnType<typeof builder.testSuite>>();
  const suite = (file: string) => {
    let s = suites.get(file);
    if (!s) suites.set(file, s = builder.testSuite().name(xmlSafe(file)));
    return s;
  };

  for (const p of report.problems) {
    suite(p.file).testCase().className(xmlSafe(p.file)).name(xmlSafe(p.file)).file(xmlSafe(p.file))
      .property('line', String(p.line ?? 1))
      .error(xmlSafe(formatProblem(p)), p.rule);
  }
  report.identities.forEach((identity, i) => {
    const source = report.sources[i];
    const file = source?.file ?? '-';
    const violations = byObject.get(i) ?? [];
    const tc = suite(file).testCase().className(xmlSafe(file)).name(xmlSafe(`${documentRef({ file, document: source?.document })} ${identity}`)).file(xmlSafe(file))
      .property('document', String(source?.document ?? '-'))
      .property('line', String(source?.line ?? 1));
    const failing = violations.filter(v => report.failing.has(v));
    if (failing.length > 0) {
      const first = failing[0];
      const more = failing.length > 1 ? ` (and ${failing.length - 1} more)` : '';
      tc.failure(xmlSafe(`${first.path ? `${first.path}: ` : ''}${first.message}${more}`), first.rule)
        .stacktrace(cdataSafe(failing.map(violationText).join('\n')));
    }
    const other = violations.filter(v => !report.failing.has(v));
    if (other.length > 0) tc.standardOutput(cdataSafe(other.map(v => `${v.severity}: ${violationText(v)}`).join('\n')));
  });
  return builder.build() + '\n';
}

/** Characters XML 1.0 cannot carry (NUL, most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

/** Also splits `]]>`, which would end a CDATA section. */
function cdataSafe(text: string): string {
  return xmlSafe(text).split(']]>').join(']] >');
}

/** Violations by the index of the object they came from (matched on file, document and line). */
function groupByObject(report: ValidateReport): Map<number, Violation[]> {
  const index = new Map<string, number>();
  report.sources.forEach((s, i) => {
    const key = `${s.file}\0${s.document}\0${s.line ?? ''}`;
    if (!index.has(key)) index.set(key, i);
  });
  const out = new Map<number, Violation[]>();
  for (const v of report.violations) {
    const i = index.get(`${v.file}\0${v.document}\0${v.line ?? ''}`);
    if (i === undefined) continue;
    let list = out.get(i);
    if (!list) out.set(i, list = []);
    list.push(v);
  }
  return out;
}
