/** `toolhive-constructs env`: prints the env vars the operator injects into each workload's containers. */
import { envBindings } from '../bindings';
import type { EnvBinding, WorkloadEnv } from '../bindings';
import type { CommandArgs } from './args';
import type { CliIo } from './io';
import { EXIT_OK, EXIT_USAGE } from './io';
import { problemJson, type LoadProblem } from './report';
import type { Redactor } from '../validation/redact';

/** Writes `{"workloads":[...]}` as YAML (default) or JSON. Returns the exit code. */
export function runEnv(args: CommandArgs, objects: readonly unknown[], redact: Redactor, io: CliIo): number {
  const data = { workloads: envBindings(objects).map(w => plainWorkload(w, redact)) };
  io.stdout.write(args.format === 'json'
    ? JSON.stringify(data, null, 2) + '\n'
    // YAML 1.1 quoting, so values such as "on" or "0755" stay strings when kubectl reads them back.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded for YAML output only
    : (require('yaml') as typeof import('yaml')).stringify(data, { version: '1.1', lineWidth: 0 }));
  return EXIT_OK;
}

/** Unreadable or unparsable input: `--format json` prints `{"workloads":[],"problems":[...]}` (exit 2). */
export function reportEnvProblems(args: CommandArgs, problems: readonly LoadProblem[], io: CliIo): number {
  if (args.format === 'json') io.stdout.write(JSON.stringify({ workloads: [], problems: problems.map(problemJson) }, null, 2) + '\n');
  return EXIT_USAGE;
}

/** A fixed key order, and only the documented fields. */
function plainWorkload(w: WorkloadEnv, redact: Redactor) {
  return {
    kind: redact(w.kind),
    namespace: redact(w.namespace),
    name: redact(w.name),
    containers: w.containers.map(c => ({ name: redact(c.name), env: c.env.map(e => plainEnv(e, redact)) })),
  };
}

function plainEnv(e: EnvBinding, redact: Redactor) {
  return {
    name: redact(e.name),
    // Plain values are the user's own text; a Secret's value can still only appear by accident.
    ...(e.value !== undefined ? { value: redact(e.value) } : {}),
    ...(e.valueFrom !== undefined ? { valueFrom: plainValueFrom(e.valueFrom, redact) } : {}),
  };
}

/** Only the documented reference fields, each redacted: nothing else under `valueFrom` is printed. */
function plainValueFrom(from: NonNullable<EnvBinding['valueFrom']>, redact: Redactor) {
  const f = from as Record<string, Record<string, unknown> | undefined>;
  const pick = (o: Record<string, unknown> | undefined, keys: readonly string[]) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const v = o !== undefined && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
      if (typeof v === 'string') out[k] = redact(v);
      else if (typeof v === 'boolean' || typeof v === 'number') out[k] = v;
    }
    return out;
  };
  return {
    ...(f.secretKeyRef ? { secretKeyRef: pick(f.secretKeyRef, ['name', 'key', 'optional']) } : {}),
    ...(f.configMapKeyRef ? { configMapKeyRef: pick(f.configMapKeyRef, ['name', 'key', 'optional']) } : {}),
    ...(f.fieldRef ? { fieldRef: pick(f.fieldRef, ['apiVersion', 'fieldPath']) } : {}),
    ...(f.resourceFieldRef ? { resourceFieldRef: pick(f.resourceFieldRef, ['containerName', 'resource', 'divisor']) } : {}),
  };
}
