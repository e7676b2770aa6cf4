/** Shared test helpers for the construct tests (not a test file). */
import { Testing, type Chart } from 'cdk8s';

/** Synthesizes `chart` and returns the validation error text; fails the test when synth succeeds. */
export function synthError(chart: Chart): string {
  try {
    Testing.synth(chart);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synth to fail, but it succeeded');
}

/** The `[path] message` lines of a synth validation error. */
export function errorLines(chart: Chart): string[] {
  const text = synthError(chart);
  expect(text.startsWith('Validation failed with the following errors:\n')).toBe(true);
  return text.split('\n').slice(1).map(l => l.trim()).filter(l => l !== '');
}

/** Synthesizes with console.warn captured; returns the manifests and the warnings printed. */
export function synthWithWarnings(chart: Chart): { manifests: any[]; warnings: string[] } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => { warnings.push(args.map(String).join(' ')); };
  try {
    return { manifests: Testing.synth(chart), warnings };
  } finally {
    console.warn = original;
  }
}
