/**
 * Which cdk8s validation pass is running, read from the call stack: cdk8s hands a validation no context.
 *
 * cdk8s 2 (lib/app.js) validates the whole App once at the start of `App.synth()` / `App.synthYaml()`, and then
 * again inside every `Chart.toJson()` that synth makes (`App._synthChart` calls `validate(app)`). Between the
 * first pass and the per-chart passes of one synth call no user code changes the App, so a per-chart pass can
 * reuse the first pass's result. Every other call (e.g. `Testing.synth(chart)`, a chart's `toJson()` called by
 * the user, a stack this code does not recognise) is an `other` pass: the caller validates fully.
 */

/** The kind of validation pass and, for synth passes, which outer synth call it belongs to. */
export interface SynthPass {
  /**
   * `synth`: the first pass of `App.synth()` / `App.synthYaml()`; `chart`: the pass inside a `Chart.toJson()`
   * that `App.synth()` / `App.synthYaml()` itself called; `other`: anything else.
   */
  readonly kind: 'synth' | 'chart' | 'other';
  /** The synth call's callers (file, line, column, function of each frame): equal for passes of one synth call. */
  readonly outer?: string;
}

const OTHER: SynthPass = { kind: 'other' };
const APP_JS = /[\\/]cdk8s[\\/]lib[\\/]app\.js$/;
const CHART_JS = /[\\/]cdk8s[\\/]lib[\\/]chart\.js$/;

/** The pass the current validation runs in. Fails safe: `other` whenever the stack is not the expected one. */
export function currentSynthPass(): SynthPass {
  const frames = callSites();
  if (!frames) return OTHER;
  // cdk8s's module-level validate(app), which calls each construct's validations
  const v = frames.findIndex(f => is(f, 'validate', APP_JS));
  if (v < 0) return OTHER;
  if (isSynth(frames[v + 1])) return { kind: 'synth', outer: callers(frames, v + 1) };
  // validate(app) ← App._synthChart(chart) ← Chart.toJson() ← App.synth()/synthYaml(): the chart is one of the
  // App's own charts, so the App being synthesized is the one being validated
  if (is(frames[v + 1], '_synthChart', APP_JS) && is(frames[v + 2], 'toJson', CHART_JS) && isSynth(frames[v + 3])) {
    return { kind: 'chart', outer: callers(frames, v + 3) };
  }
  return OTHER;
}

function isSynth(f: NodeJS.CallSite | undefined): boolean {
  return is(f, 'synth', APP_JS) || is(f, 'synthYaml', APP_JS);
}

function is(f: NodeJS.CallSite | undefined, fn: string, file: RegExp): boolean {
  if (!f) return false;
  const name = f.getFunctionName();
  const path = f.getFileName();
  return name === fn && typeof path === 'string' && file.test(path);
}

/** The frames below the synth frame (its callers, suspended at their call): they identify one synth call. */
function callers(frames: readonly NodeJS.CallSite[], synth: number): string {
  const out = [frames[synth].getFunctionName() ?? ''];
  for (let i = synth + 1; i < frames.length; i++) {
    const f = frames[i];
    out.push(`${f.getFileName() ?? ''}:${f.getLineNumber() ?? ''}:${f.getColumnNumber() ?? ''}:${f.getFunctionName() ?? ''}`);
  }
  return out.join('\n');
}

/** The structured V8 call sites of the caller's stack (no string formatting, no source-map lookups). */
function callSites(): NodeJS.CallSite[] | undefined {
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  try {
    Error.prepareStackTrace = (_error, sites) => sites;
    Error.stackTraceLimit = Infinity;
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, callSites);
    const sites = holder.stack;
    return Array.isArray(sites) && sites.every(s => typeof s?.getFunctionName === 'function' && typeof s.getFileName === 'function')
      ? sites as NodeJS.CallSite[]
      : undefined;
  } catch {
    return undefined;
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}
