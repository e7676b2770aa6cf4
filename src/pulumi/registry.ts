/**
 * The per-program set of ToolHive objects and the two validation passes:
 *
 * 1. **Per object, at construction**: the object with everything it references (transitively), through the
 *    same engine as the CLI. References can only name objects created earlier (or declared external), so
 *    reference, Secret-key and referenced-object rules are complete at this point.
 * 2. **Whole program, in `validate()`**: every object at once (name collisions, group membership, anything
 *    that involves objects created later). It also computes the env bindings of every workload.
 */
import * as pulumi from '@pulumi/pulumi';
import { envBindings as deriveEnvBindings } from '../bindings';
import type { WorkloadEnv } from '../bindings/types';
import { failures, validateManifests } from '../validation';
import { objectMessage, programMessage, ToolHiveValidationError, formatViolation } from './errors';
import { allKnown, mapKnown, promptly, type Known } from './known';
import type { KubeObject, Violation } from '../core/types';

/** One object of the program's set. */
export interface Entry {
  readonly kind: string;
  /** The resource violations of this object are reported on. */
  readonly resource: pulumi.Resource;
  /**
   * What a referencing custom resource depends on: the Kubernetes object itself (a component's child), so the
   * engine creates it first and deletes it last. Set once the child exists.
   */
  dependency?: pulumi.Resource;
  /** `metadata.name`, as given. */
  readonly name: pulumi.Input<string>;
  /** The object as validated. Secrets carry their keys only, never their values. */
  readonly manifest: Known<KubeObject>;
  /** Objects this one references (its validation closure). */
  readonly refs: readonly Entry[];
  /** `Kind/namespace/name` of the objects it references by plain name (declared external). */
  readonly externals: Known<string[]>;
  /** Values no message may show: its secret inputs, or a Secret's values (see `ValidateOptions.redact`). */
  readonly secrets?: Known<string[]>;
  /** True when the object was checked with its references at construction (ToolHive components). */
  checked?: boolean;
}

/** Program-wide settings (see `configure`). */
export interface ToolHiveOptions {
  /**
   * Objects managed outside the program, as `Kind/name`, `Kind/namespace/name` or `Kind/*`
   * (e.g. `Secret/github-token`), in addition to the plain names used in references.
   *
   * @default - only plain names used in references
   */
  readonly external?: readonly string[];
  /**
   * Namespace of objects that name none (the namespace of your Kubernetes provider).
   *
   * @default 'default'
   */
  readonly defaultNamespace?: string;
  /**
   * The ToolHive operator release to validate for (`toolhive-constructs releases` lists the bundled ones):
   * its CRD schemas and CEL rules, and the operator rules as it applies them. Not to be confused with
   * `operator`, the Helm release resource custom resources depend on.
   *
   * @default 'v0.44.0' - the newest bundled tagged release
   */
  readonly operatorRelease?: string;
  /**
   * What every ToolHive custom resource depends on: the operator's Helm release or the CRDs, so no custom
   * resource races its CustomResourceDefinition. A component's own `operator` arg takes precedence.
   *
   * @default - no dependency
   */
  readonly operator?: pulumi.Input<pulumi.Resource> | pulumi.Input<pulumi.Input<pulumi.Resource>[]>;
  /**
   * Warnings fail too (the `--strict` of the CLI): a component with a warning fails like one with an error.
   *
   * @default false - warnings are logged on their resource and never fail the program
   */
  readonly strict?: boolean;
}

export class ProgramRegistry {
  public readonly entries: Entry[] = [];
  /** Entries of Kubernetes Secrets and ConfigMaps adopted because a component references them. */
  public readonly adopted = new Map<pulumi.Resource, Entry>();
  public options: ToolHiveOptions = {};
  public validated = false;
  /** Set by `collectViolations()`: violations are collected, never thrown. */
  public collecting = false;
  /** Every violation of the whole-program pass (errors and warnings), once it ran. */
  public allViolations?: Known<Violation[]>;
  /** Resolves when `validate()` runs, with the env bindings of every workload. */
  public readonly bindings: Promise<pulumi.Output<WorkloadEnv[]>>;
  private readonly loggedWarnings = new Set<string>();
  private resolveBindings!: (bindings: pulumi.Output<WorkloadEnv[]>) => void;

  constructor() {
    this.bindings = new Promise(resolve => (this.resolveBindings = resolve));
  }

  public get defaultNamespace(): string {
    return this.options.defaultNamespace ?? 'default';
  }

  public add(entry: Entry): void {
    if (this.validated) {
      throw new pulumi.ResourceError(
        `${entry.kind} was created after toolhive validate() ran: create every ToolHive object first, then call validate() last`,
        entry.resource);
    }
    this.entries.push(entry);
  }

  /**
   * Validates one object with its reference closure. Prompt inputs are checked now (throws on errors); Outputs
   * inside `apply`: the returned manifest Output fails with the violations.
   */
  public checkObject(entry: Entry): Known<KubeObject> {
    entry.checked = true;
    const closure = referenceClosure(entry);
    const manifests = allKnown([entry.manifest, ...closure.map(e => e.manifest)]);
    const externals = allKnown([entry.externals, ...closure.map(e => e.externals)]);
    const secrets = secretsOf([entry, ...closure]);
    const check = ([objs, exts, hidden]: [KubeObject[], string[][], string[][]]): KubeObject => {
      if (!this.collecting) this.report(this.ownViolations(objs, exts, hidden), entry.resource, objectMessage);
      return objs[0];
    };
    if (manifests.prompt && externals.prompt && secrets.prompt) {
      return { prompt: true, value: check([manifests.value, externals.value, secrets.value]) };
    }
    return mapKnown(allKnown<unknown>([manifests, externals, secrets]), v => check(v as [KubeObject[], string[][], string[][]]));
  }

  /** The whole-program pass: every object, then the env bindings. */
  public checkProgram(): Known<Violation[]> {
    this.validated = true;
    const entries = [...this.entries, ...this.adopted.values()];
    const manifests = allKnown(entries.map(e => e.manifest));
    const externals = allKnown(entries.map(e => e.externals));
    const secrets = secretsOf(entries);
    const check = ([objs, exts, hidden]: [KubeObject[], string[][], string[][]]): { all: Violation[]; passing: Violation[] } => {
      const owners = new Map<string, number>();
      objs.forEach((o, i) => {
        const id = objectIdentity(o, this.defaultNamespace);
        if (!owners.has(id)) owners.set(id, i);
      });
      const ownerOf = (v: Violation): number | undefined => owners.get(`${v.kind}/${v.namespace}/${v.name}`);
      const all = this.run(objs, exts.flat(), hidden.flat());
      if (this.collecting) return { all, passing: all };
      const failing = failures(all, this.options);
      // A violation the object's own check already failed with is not reported twice: one invalid object, one error.
      const reported = this.reportedByObjects(entries, objs, exts, hidden, failing.map(ownerOf));
      const errors = failing.filter(v => !reported.has(violationKey(v)));
      const first = errors.length > 0 ? ownerOf(errors[0]) : undefined;
      if (errors.length > 0) {
        throw new ToolHiveValidationError(programMessage(errors), first === undefined ? undefined : entries[first].resource, errors);
      }
      const passing = all.filter(v => !failing.includes(v));
      for (const w of passing) {
        const i = ownerOf(w);
        this.warn(w, i === undefined ? undefined : entries[i].resource);
      }
      return { all, passing };
    };
    const both = allKnown<unknown>([manifests, externals, secrets]);
    if (both.prompt) {
      const [objs, exts, hidden] = both.value as [KubeObject[], string[][], string[][]];
      const result = check([objs, exts, hidden]);
      this.allViolations = { prompt: true, value: result.all };
      this.resolveBindings(pulumi.output(deriveEnvBindings(objs, { defaultNamespace: this.defaultNamespace })));
      return { prompt: true, value: result.passing };
    }
    const checked = both.output.apply(v => {
      const [objs, exts, hidden] = v as [KubeObject[], string[][], string[][]];
      return { ...check([objs, exts, hidden]), objs };
    });
    this.allViolations = { prompt: false, output: checked.apply(c => c.all) };
    this.resolveBindings(checked.apply(c => deriveEnvBindings(c.objs, { defaultNamespace: this.defaultNamespace })));
    return { prompt: false, output: checked.apply(c => c.passing) };
  }

  /** The violations the first object of `objs` gets from a check with its reference closure (the rest of `objs`). */
  private ownViolations(objs: readonly KubeObject[], exts: readonly string[][], hidden: readonly string[][]): Violation[] {
    const own = objectIdentity(objs[0], this.defaultNamespace);
    return this.run(objs, exts.flat(), hidden.flat()).filter(v => `${v.kind}/${v.namespace}/${v.name}` === own);
  }

  /**
   * Keys of the failing violations the construction-time checks of the objects at `owners` reported (or will
   * report, for Outputs): the same check, rerun only for objects the whole-program pass found failing.
   */
  private reportedByObjects(entries: readonly Entry[], objs: readonly KubeObject[], exts: readonly string[][],
    hidden: readonly string[][], owners: readonly (number | undefined)[]): Set<string> {
    const reported = new Set<string>();
    const index = new Map(entries.map((e, i) => [e, i]));
    for (const i of new Set(owners)) {
      if (i === undefined || !entries[i].checked) continue;
      const closure = referenceClosure(entries[i]).map(e => index.get(e)).filter((j): j is number => j !== undefined);
      const own = this.ownViolations([objs[i], ...closure.map(j => objs[j])], [exts[i], ...closure.map(j => exts[j])],
        [hidden[i], ...closure.map(j => hidden[j])]);
      for (const v of failures(own, this.options)) reported.add(violationKey(v));
    }
    return reported;
  }

  private run(objs: readonly KubeObject[], externals: readonly string[], secrets: readonly string[]): Violation[] {
    return validateManifests(objs, {
      external: [...(this.options.external ?? []), ...externals],
      defaultNamespace: this.defaultNamespace,
      redact: secrets,
      operatorRelease: this.options.operatorRelease,
    });
  }

  /** Throws the failing violations as one error on `resource`; logs the others (once each) on it. */
  private report(violations: readonly Violation[], resource: pulumi.Resource, message: (v: readonly Violation[]) => string): void {
    const failing = failures(violations, this.options);
    if (failing.length > 0) throw new ToolHiveValidationError(message(failing), resource, failing);
    for (const w of violations) this.warn(w, resource);
  }

  private warn(v: Violation, resource: pulumi.Resource | undefined): void {
    const text = formatViolation(v, true);
    if (this.loggedWarnings.has(text)) return;
    this.loggedWarnings.add(text);
    void pulumi.log.warn(text, resource);
  }
}

/**
 * One registry per program run. A run is identified by its engine connection (the resource monitor): one per
 * `pulumi up`, per Automation API run (even of the same stack in the same process) and per `setMocks` call.
 */
const REGISTRIES = new WeakMap<object, ProgramRegistry>();
const WITHOUT_ENGINE = {};

/** The registry of the running program. */
export function programRegistry(): ProgramRegistry {
  const run: object = pulumi.runtime.getMonitor() ?? WITHOUT_ENGINE;
  let reg = REGISTRIES.get(run);
  if (!reg) REGISTRIES.set(run, reg = new ProgramRegistry());
  return reg;
}

/** The values no message about these entries may show. */
function secretsOf(entries: readonly Entry[]): Known<string[][]> {
  return allKnown(entries.map(e => e.secrets ?? promptly<string[]>([])));
}

/** `Kind/namespace/name` of a manifest, with the default namespace filled in. */
export function objectIdentity(obj: KubeObject | undefined, defaultNamespace: string): string {
  return `${obj?.kind ?? ''}/${obj?.metadata?.namespace ?? defaultNamespace}/${obj?.metadata?.name ?? ''}`;
}

/** Identity of one violation, to tell whether it was already reported. */
function violationKey(v: Violation): string {
  return JSON.stringify([v.kind, v.namespace, v.name, v.path, v.rule, v.message]);
}

/** Everything `entry` references, transitively, without itself; in discovery order. */
export function referenceClosure(entry: Entry): Entry[] {
  const seen = new Set<Entry>([entry]);
  const out: Entry[] = [];
  const queue = [...entry.refs];
  while (queue.length > 0) {
    const e = queue.shift()!;
    if (seen.has(e)) continue;
    seen.add(e);
    out.push(e);
    queue.push(...e.refs);
  }
  return out;
}
