/** The program-wide entry points: `configure()` first, `validate()` last. */
import * as pulumi from '@pulumi/pulumi';
import { toOutput } from './known';
import { programRegistry, type ToolHiveOptions } from './registry';
import type { Violation } from '../core/types';
import { resolveRelease } from '../schema/registry';

/**
 * Program-wide settings: objects managed elsewhere, the provider's namespace, the operator release to validate
 * for, the operator dependency. Call it before creating ToolHive components. An unknown `operatorRelease`
 * throws, listing the bundled releases.
 *
 * @example
 * toolhive.configure({ operator: operatorHelmRelease, operatorRelease: 'v0.44.0', defaultNamespace: 'toolhive' });
 */
export function configure(options: ToolHiveOptions): void {
  resolveRelease(options.operatorRelease);
  const reg = programRegistry();
  if (reg.entries.length > 0 || reg.validated) {
    throw new Error('toolhive configure() must run before any ToolHive object is created');
  }
  reg.options = { ...reg.options, ...options };
}

/** Options of `validate()`. */
export interface ValidateProgramOptions {
  /**
   * Name of the `toolhive:index:Validation` component that carries the result.
   *
   * @default 'toolhive-validation'
   */
  readonly name?: string;
}

/**
 * Validates every ToolHive object of the program together, through the same engine as the CLI and cdk8s:
 * name collisions, group membership and every rule that involves objects created after the one it is about.
 * Then resolves every workload's `envBindings`. Call it last, once.
 *
 * When every value is known as the program runs it throws now; otherwise the returned Output (and the
 * `toolhive:index:Validation` component, which the engine waits for) fails with the violations. Either way
 * the error is a `ToolHiveValidationError` on the first offending resource, listing every error.
 *
 * @returns the warnings (errors fail the program)
 */
export function validate(options: ValidateProgramOptions = {}): pulumi.Output<readonly Violation[]> {
  const reg = programRegistry();
  if (reg.validated) throw new Error('toolhive validate() was already called in this program: call it once, last');
  const warnings = toOutput(reg.checkProgram());
  const component = new ValidationResult(options.name ?? 'toolhive-validation', warnings);
  return component.warnings;
}

/**
 * Runs `program` (the code that creates the ToolHive objects) and resolves with every violation of the whole
 * program, errors and warnings, in the engine's order, instead of failing it: no constructor throws, no Output
 * fails, no `unhandledRejection`. For tests under `pulumi.runtime.setMocks` (with `preview` false, the default:
 * during a preview, values the engine has not computed yet cannot be checked). Call it in a fresh program (after
 * `setMocks`), before any ToolHive object exists; the program may call `validate()` itself or not.
 *
 * @example
 * const violations = await toolhive.collectViolations(() => {
 *   new toolhive.McpServer('fetch', { image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport: 'websocket' as 'stdio' });
 * });
 * expect(violations.map(v => v.rule)).toEqual(['schema.enum']);
 */
export async function collectViolations(program: () => unknown): Promise<Violation[]> {
  const reg = programRegistry();
  if (reg.entries.length > 0 || reg.validated) {
    throw new Error('toolhive collectViolations() must run before any ToolHive object is created: call pulumi.runtime.setMocks first, then collectViolations(program)');
  }
  reg.collecting = true;
  await program();
  if (!reg.validated) validate();
  const all = reg.allViolations!;
  if (all.prompt) return all.value;
  const value = await (all.output as unknown as { promise(): Promise<Violation[] | undefined> }).promise();
  if (value === undefined) {
    throw new Error('toolhive collectViolations(): some values are unknown (a preview): run the mocks with preview false');
  }
  return value;
}

/** The whole-program validation as a component, so the Pulumi engine waits for (and reports) its result. */
export class ValidationResult extends pulumi.ComponentResource {
  /** The warnings of the whole-program validation. */
  public readonly warnings: pulumi.Output<readonly Violation[]>;

  constructor(name: string, warnings: pulumi.Output<readonly Violation[]>, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:Validation', name, {}, opts);
    this.warnings = warnings;
    this.registerOutputs({ warnings: warnings.apply(w => w.map(v => `${v.kind} ${v.namespace}/${v.name} ${v.path}: ${v.message}`)) });
  }
}
