/** The one error a ToolHive component (or `validate()`) fails with: every violation, tied to a resource. */
import { inspect } from 'util';
import * as pulumi from '@pulumi/pulumi';
import type { Violation } from '../core/types';

/** One failing field, shaped like Pulumi's `InputPropertyErrorDetails`. */
export interface PropertyError {
  /** Field path in the API server's style: `spec.oidcConfigRef.audience`. */
  readonly propertyPath: string;
  readonly reason: string;
}

/**
 * Raised when ToolHive objects would be rejected by the API server or the operator. A `pulumi.ResourceError`,
 * so the engine reports it on the offending resource; `violations` carries the engine's findings and `errors`
 * the same as `{propertyPath, reason}` pairs (the shape of `pulumi.InputPropertiesError`).
 */
export class ToolHiveValidationError extends pulumi.ResourceError {
  /** True for errors of this class, across copies of the library. */
  public static isToolHiveValidationError(x: unknown): x is ToolHiveValidationError {
    return x instanceof Error && (x as { __toolhiveValidation?: boolean }).__toolhiveValidation === true;
  }

  public readonly violations: readonly Violation[];
  public readonly errors: readonly PropertyError[];

  constructor(message: string, resource: pulumi.Resource | undefined, violations: readonly Violation[]) {
    super(message, resource, true);
    Object.defineProperty(this, '__toolhiveValidation', { value: true });
    // Pulumi's serializer prefixes `error serializing property "<p>": ` to the message of every input that fails,
    // once per awaiter of the same error; the message already names every field, so it stays as written.
    Object.defineProperty(this, 'message', { get: () => message, set: () => undefined, enumerable: false, configurable: true });
    this.name = 'ToolHiveValidationError';
    this.violations = violations;
    this.errors = violations.map(v => ({ propertyPath: v.path, reason: v.message }));
    // Printed by Node (an unhandled rejection outside the Pulumi CLI: `customInspect` is off there) or a test
    // runner, an enumerable `resource` dumps the whole resource graph: hundreds of lines around one message. The
    // fields stay readable, out of sight; `errors` (one line per field) is the one Node still shows.
    for (const key of ['name', 'resource', 'violations', 'hideStack', '__pulumResourceError']) {
      const value = (this as unknown as Record<string, unknown>)[key];
      Object.defineProperty(this, key, { value, enumerable: false, writable: false, configurable: true });
    }
    // Pulumi attaches the failed Output's promise to the error later: kept out of sight the same way.
    let promise: unknown;
    Object.defineProperty(this, 'promise', { get: () => promise, set: p => (promise = p), enumerable: false, configurable: true });
    // Like the Pulumi CLI, which prints a ResourceError without its stack: the message is the whole story.
    this.stack = `${this.name}: ${message}`;
  }

  /** Printed as its message, with no stack (as the Pulumi CLI prints a `ResourceError`). */
  public [inspect.custom](): string {
    return `${this.name}: ${this.message}`;
  }
}

/** `spec.transport: <message> (schema.enum)` */
export function formatViolation(v: Violation, withObject: boolean): string {
  const where = withObject ? `${v.kind} ${v.namespace}/${v.name} ` : '';
  return `${where}${v.path || '(object)'}: ${v.message} (${v.rule})`;
}

/** The message of one object's violations. */
export function objectMessage(violations: readonly Violation[]): string {
  const v = violations[0];
  const n = violations.length;
  const head = `${v.kind} ${v.namespace}/${v.name} is invalid (${n} ${n === 1 ? 'error' : 'errors'}):`;
  return [head, ...violations.map(x => `  - ${formatViolation(x, false)}`)].join('\n');
}

/** The message of a whole-program validation. */
export function programMessage(violations: readonly Violation[]): string {
  const n = violations.length;
  const head = `ToolHive validation failed (${n} ${n === 1 ? 'error' : 'errors'}):`;
  return [head, ...violations.map(x => `  - ${formatViolation(x, true)}`)].join('\n');
}
