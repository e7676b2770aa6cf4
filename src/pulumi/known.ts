/**
 * A value that is either known when the program runs (prompt) or only later (a Pulumi Output).
 * Prompt values are validated synchronously, before any child is registered; Outputs inside `apply`.
 */
import * as pulumi from '@pulumi/pulumi';

export type Known<T> =
  | { readonly prompt: true; readonly value: T }
  | { readonly prompt: false; readonly output: pulumi.Output<T> };

export function promptly<T>(value: T): Known<T> {
  return { prompt: true, value };
}

/** True when `value` holds no Output or Promise at any depth (so it can be used synchronously). */
export function isPromptValue(value: unknown, ancestors: Set<object> = new Set()): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return false;
  if (pulumi.Resource.isInstance(value)) return true;
  // a cycle: prompt as far as this walk goes (the manifest builder names the cycle in its error)
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  const prompt = (Array.isArray(value) ? value : Object.values(value)).every(v => isPromptValue(v, ancestors));
  ancestors.delete(value);
  return prompt;
}

/** Wraps an input tree: prompt when it holds no Output or Promise, else its deep-unwrapped Output. */
export function knownFrom<T>(input: pulumi.Input<T> | T): Known<pulumi.Unwrap<T>> {
  if (isPromptValue(input)) return { prompt: true, value: input as pulumi.Unwrap<T> };
  return { prompt: false, output: pulumi.output(input) as pulumi.Output<pulumi.Unwrap<T>> };
}

export function mapKnown<T, U>(k: Known<T>, f: (value: T) => U): Known<U> {
  return k.prompt ? { prompt: true, value: f(k.value) } : { prompt: false, output: k.output.apply(f) };
}

/** Combines a list: prompt when every member is, else one Output of the whole list. */
export function allKnown<T>(items: readonly Known<T>[]): Known<T[]> {
  if (items.every(i => i.prompt)) return { prompt: true, value: items.map(i => (i as { value: T }).value) };
  const outputs = items.map(i => (i.prompt ? pulumi.output(i.value) : i.output) as pulumi.Output<unknown>);
  return { prompt: false, output: pulumi.all(outputs) as unknown as pulumi.Output<T[]> };
}

/** The value as a Pulumi Output. */
export function toOutput<T>(k: Known<T>): pulumi.Output<T> {
  return k.prompt ? (pulumi.output(k.value) as unknown as pulumi.Output<T>) : k.output;
}

/** Every string, number and boolean under `v` as text. */
function textsOf(v: unknown, out: string[], depth = 0): void {
  if (typeof v === 'string') {out.push(v);} else if (typeof v === 'number' || typeof v === 'boolean') {out.push(String(v));} else if (depth < 32 && v !== null && typeof v === 'object' && !pulumi.Resource.isInstance(v)) {
    for (const x of Array.isArray(v) ? v : Object.values(v)) textsOf(x, out, depth + 1);
  }
}

/**
 * The values of the secret Outputs (`pulumi.secret`, `config.requireSecret`) inside an input tree, resolved: the
 * engine redacts them from every message (`ValidateOptions.redact`), so an error never unwraps a secret.
 * Prompt trees hold no Output, hence no secret.
 */
export function secretValues(input: unknown): Known<string[]> {
  const leaves: pulumi.Output<unknown>[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object' || depth > 32 || pulumi.Resource.isInstance(v)) return;
    if (pulumi.Output.isInstance(v)) {
      leaves.push(v);
      return;
    }
    if (v instanceof Promise) return; // a plain Promise cannot be marked secret
    for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x, depth + 1);
  };
  walk(input, 0);
  if (leaves.length === 0) return promptly([]);
  const each = leaves.map(o => pulumi.output(pulumi.isSecret(o)).apply(secret => (secret ? pulumi.unsecret(o) : undefined)));
  return {
    prompt: false,
    output: pulumi.all(each).apply(values => {
      const out: string[] = [];
      textsOf(values, out);
      return out;
    }),
  };
}

/** Every value of a Secret's data, whether marked secret or not: all of it is secret. */
export function allValues(input: unknown): Known<string[]> {
  if (isPromptValue(input)) {
    const out: string[] = [];
    textsOf(input, out);
    return promptly(out);
  }
  return {
    prompt: false,
    output: pulumi.unsecret(pulumi.output(input)).apply(v => {
      const out: string[] = [];
      textsOf(v, out);
      return out;
    }),
  };
}
