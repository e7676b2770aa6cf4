/**
 * Synth-time validation of a whole cdk8s App with the same engine as the CLI (`validateManifests`).
 *
 * One `ToolHiveValidation` exists per construct tree (keyed by its root). It registers one validation on the
 * root, which cdk8s runs first in every validation pass: it collects `toJson()` of every ApiObject of the App
 * (ToolHive objects, cdk8s-plus Secrets and ConfigMaps, `Include`d objects, after JSON patches), runs the
 * engine once for that set of manifests, and maps each violation back to the construct that emitted the
 * object. Each ToolHive construct's own validation then reports its share, so a synth fails once, with every
 * error of the App as a `[construct path] spec.field: message (rule)` line.
 *
 * cdk8s validates the App once at the start of `app.synth()` / `app.synthYaml()` and once more inside every
 * `Chart.toJson()` that synth makes. Nothing the user writes runs between those passes, so while the App's own
 * `synth()` / `synthYaml()` runs (the App's public entry points, wrapped on the instance when the validation is
 * created) the later passes reuse the first pass's result as long as the App holds the same ApiObjects. Any other
 * pass (`Testing.synth(chart)`, a chart's `toJson()` called by the user) collects the manifests and reuses the
 * last result only when they did not change.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import type { IConstruct, IValidation } from 'constructs';
import type { KubeObject, Violation } from '../core/types';
import { resolveRelease } from '../schema/registry';
import { failures, validateManifests } from '../validation';
import { EXTERNALS_FILE, formatExternalsFile } from '../validation/externals-file';

const TOOLHIVE_OBJECT = Symbol.for('toolhive-constructs.ToolHiveObject');

/** Options of the synth-time validation of an App. */
export interface ToolHiveValidationOptions {
  /**
   * Treat every unresolved reference as a warning instead of an error.
   *
   * @default false - a reference must resolve to an object of the App or to an object declared external
   */
  readonly assumeExternal?: boolean;
  /**
   * The ToolHive operator release to validate for (`toolhive-constructs releases` lists the bundled ones). An
   * unknown name throws here, listing them.
   *
   * @default 'v0.44.0' - the newest bundled tagged release
   */
  readonly operatorRelease?: string;
  /**
   * Print warnings (`console.warn`) when synth finds some.
   *
   * @default true
   */
  readonly printWarnings?: boolean;
  /**
   * Warnings fail synth too (as `toolhive-constructs validate --strict`), reported like errors on their construct.
   *
   * @default false - warnings are printed and synth succeeds
   */
  readonly strict?: boolean;
  /**
   * Validate the App at synth. Switching it off makes synth emit whatever the constructs built, unchecked
   * (for a trusted, already-validated platform where synth time matters more; `npx toolhive-constructs validate`
   * can check the output later).
   *
   * @default true
   */
  readonly enabled?: boolean;
}

interface Mapped {
  readonly owner: IConstruct;
  readonly violation: Violation;
}

interface Result {
  /** The options the engine ran with, as JSON. */
  readonly settings: string;
  /** The manifests the engine validated: fresh `toJson()` copies that nothing writes to. */
  readonly manifests: readonly KubeObject[];
  /** The manifests as JSON, computed only when a later pass compares with them (most Apps synthesize once). */
  fingerprint?: string;
  readonly objects: readonly ApiObject[];
  readonly violations: readonly Violation[];
  readonly byOwner: ReadonlyMap<IConstruct, readonly Violation[]>;
  readonly unmapped: readonly Mapped[];
}

/** A running `app.synth()` / `app.synthYaml()` call and the result its first validation pass computed. */
interface SynthCall {
  result?: Result;
  /** The ApiObjects whose `toJson()` returns the validated manifest until the call ends (see `pin`). */
  pinned?: readonly ApiObject[];
}

/**
 * For the rest of a synth call, each ApiObject's `toJson()` returns the manifest the engine validated, so what is
 * written is what was validated, and cdk8s does not compute every object's JSON a second time. Only nothing the
 * user writes runs between the validation pass and the output (cdk8s resolves dependencies and runs the other
 * validations); the instance property is removed when the call ends. An object that has its own `toJson` property
 * already is left alone.
 */
function pin(call: SynthCall, result: Result): void {
  const pinned: ApiObject[] = [];
  result.objects.forEach((object, i) => {
    if (Object.prototype.hasOwnProperty.call(object, 'toJson')) return;
    const manifest = result.manifests[i];
    Object.defineProperty(object, 'toJson', { configurable: true, writable: true, value: () => manifest });
    pinned.push(object);
  });
  call.pinned = pinned;
}

function unpin(call: SynthCall): void {
  for (const object of call.pinned ?? []) delete (object as unknown as Record<string, unknown>).toJson;
  call.pinned = undefined;
}

/** The App entry points that validate the App once, then once per chart (cdk8s 2 `App`). */
const SYNTH_METHODS = ['synth', 'synthYaml'] as const;

const STATES = new WeakMap<IConstruct, ToolHiveValidation>();

/**
 * The synth-time validation of one construct tree. ToolHive constructs register themselves; use `of(scope)`
 * to declare more external objects or to read the last result.
 *
 * @example
 * ToolHiveValidation.of(app).addExternal('ConfigMap/tools/authz-policies');
 */
export class ToolHiveValidation {
  /** The validation of the tree `scope` belongs to (created on first use). */
  public static of(scope: IConstruct): ToolHiveValidation {
    const root = scope.node.root;
    let state = STATES.get(root);
    if (!state) {
      state = new ToolHiveValidation(root);
      STATES.set(root, state);
    }
    return state;
  }

  /** True when `x` is one of this library's ToolHive constructs (defined or imported). */
  public static isToolHiveConstruct(x: unknown): boolean {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[TOOLHIVE_OBJECT] === true;
  }

  /** @internal marks a construct (or the prototype of a construct class) as a ToolHive construct. */
  public static _mark(construct: object): void {
    Object.defineProperty(construct, TOOLHIVE_OBJECT, { value: true });
  }

  private readonly externals = new Set<string>();
  private readonly owners = new Set<IConstruct>();
  private readonly attached = new WeakSet<IConstruct>();
  private options: ToolHiveValidationOptions = {};
  private result?: Result;
  private readonly dependants: IConstruct[] = [];
  /** References between two L1 objects of one chart whose order is not settled by an edge (see `settleOrder`). */
  private readonly pendingOrder: Array<{ readonly referrer: ApiObject; readonly target: ApiObject }> = [];
  private crds?: IConstruct;
  private synthCall?: SynthCall;
  private engineRuns = 0;
  private collections = 0;
  private writtenExternals?: string;

  private constructor(private readonly root: IConstruct) {
    root.node.addValidation({ validate: () => this.validateRoot() });
    this.wrapSynth(root);
  }

  /** Changes the validation options. */
  public configure(options: ToolHiveValidationOptions): void {
    resolveRelease(options.operatorRelease);
    this.options = { ...this.options, ...options };
    this.result = undefined;
  }

  /**
   * Declares an object external: it lives outside the App, so references to it are not errors.
   * `Kind/namespace/name`, `Kind/name` (any namespace) or `Kind/*`, e.g. `ConfigMap/default/authz`.
   */
  public addExternal(spec: string): void {
    if (!/^[^/]+\/[^/]+(\/[^/]+)?$/.test(spec)) {
      throw new Error(`invalid external object ${JSON.stringify(spec)}: expected Kind/name or Kind/namespace/name`);
    }
    this.externals.add(spec);
    this.result = undefined;
  }

  /** Every object declared external so far, sorted. */
  public get external(): string[] {
    return [...this.externals].sort();
  }

  /** @internal how many times the engine ran (tests check it runs once per synth). */
  public get _engineRuns(): number {
    return this.engineRuns;
  }

  /** @internal how many times every object's JSON was collected (tests check it happens once per synth). */
  public get _collections(): number {
    return this.collections;
  }

  /** @internal registers a ToolHive construct: it reports its violations and is ordered after the CRDs. */
  public _register(owner: IConstruct): void {
    this.owners.add(owner);
    owner.node.addValidation(new OwnerValidation(this, owner));
    this.dependants.push(owner);
    if (this.crds) owner.node.addDependency(this.crds);
  }

  /**
   * @internal `referrer`'s manifest must be written after `target`'s, both in one chart: settled at synth, with an
   * ordering edge only when cdk8s would not write them in that order anyway (see `settleOrder`).
   */
  public _orderAfter(referrer: ApiObject, target: ApiObject): void {
    this.pendingOrder.push({ referrer, target });
  }

  /** @internal registers the CRDs every ToolHive object depends on. */
  public _registerCrds(crds: IConstruct): void {
    if (this.crds && this.crds !== crds) {
      throw new Error(`the App already includes the ToolHive CRDs at ${this.crds.node.path}: include them once`);
    }
    this.crds = crds;
    for (const d of this.dependants) d.node.addDependency(crds);
    // ToolHive ApiObjects written with the L1 classes or plain ApiObjects.
    for (const c of this.root.node.findAll()) {
      if (ApiObject.isApiObject(c) && c.apiGroup === 'toolhive.stacklok.dev' && !this.insideOwner(c)) c.node.addDependency(crds);
    }
  }

  /** The App's manifests as synth emits them (every ApiObject's `toJson()`, JSON patches applied). */
  public manifests(): KubeObject[] {
    return this.collect().manifests;
  }

  /** Every violation of the last validation (computed now when nothing changed since). */
  public violations(): readonly Violation[] {
    return this.run().violations;
  }

  /** Violations reported on one construct. */
  public violationsOf(construct: IConstruct): readonly Violation[] {
    return this.run().byOwner.get(construct) ?? [];
  }

  private insideOwner(c: IConstruct): boolean {
    for (let s: IConstruct | undefined = c.node.scope; s; s = s.node.scope) if (this.owners.has(s)) return true;
    return false;
  }

  private collect(): { objects: ApiObject[]; manifests: KubeObject[] } {
    this.collections++;
    const objects = this.apiObjects();
    return { objects, manifests: objects.map(o => o.toJson() as KubeObject) };
  }

  private apiObjects(): ApiObject[] {
    return this.root.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
  }

  /** The construct a violation of `object` is reported on: the ToolHive construct or the cdk8s-plus resource. */
  private ownerOf(object: ApiObject): IConstruct {
    for (let s: IConstruct | undefined = object.node.scope; s; s = s.node.scope) {
      if (this.owners.has(s)) return s;
    }
    const scope = object.node.scope;
    if (object.node.id === 'Resource' && scope && !Chart.isChart(scope)) return scope;
    return object;
  }

  private run(): Result {
    const { objects, manifests } = this.collect();
    const external = this.external;
    const settings = JSON.stringify([external, this.options.assumeExternal ?? false, this.options.operatorRelease ?? '']);
    // the same content from the same ApiObjects (a construct replaced by an equal one must get its violations)
    const prior = this.result;
    if (prior && prior.settings === settings && sameItems(prior.objects, objects)
      && (prior.fingerprint ??= JSON.stringify(prior.manifests)) === JSON.stringify(manifests)) return prior;

    this.engineRuns++;
    const violations = validateManifests(manifests, {
      external,
      assumeExternal: this.options.assumeExternal ?? false,
      operatorRelease: this.options.operatorRelease,
    });
    // the construct each violation is reported on: the first object of its kind, namespace and name
    const owners = new Map<string, IConstruct>();
    if (violations.length > 0) {
      objects.forEach((object, i) => {
        const m = manifests[i];
        const key = `${m.kind}/${m.metadata?.namespace ?? 'default'}/${m.metadata?.name ?? ''}`;
        if (!owners.has(key)) owners.set(key, this.ownerOf(object));
      });
    }
    const byOwner = new Map<IConstruct, Violation[]>();
    const unmapped: Mapped[] = [];
    for (const v of violations) {
      const owner = owners.get(`${v.kind}/${v.namespace}/${v.name}`);
      if (!owner) {
        unmapped.push({ owner: this.root, violation: v });
        continue;
      }
      let list = byOwner.get(owner);
      if (!list) byOwner.set(owner, list = []);
      list.push(v);
    }
    this.result = { settings, manifests, objects, violations, byOwner, unmapped };
    if (this.options.printWarnings ?? true) {
      for (const v of violations) {
        if (v.severity !== 'warning' || this.options.strict === true) continue;
        const owner = owners.get(`${v.kind}/${v.namespace}/${v.name}`) ?? this.root;
        console.warn(`[${owner.node.path}] warning: ${format(v)}`);
      }
    }
    return this.result;
  }

  /**
   * Marks the calls of the App's `synth()` / `synthYaml()`: the passes of one call share one result. Wraps the
   * instance's own methods (public API), so an App subclass that overrides them is wrapped too; a root that is
   * not an App (no such methods) is never marked and every pass collects.
   */
  private wrapSynth(root: IConstruct): void {
    const app = root as unknown as Record<string, unknown>;
    for (const method of SYNTH_METHODS) {
      const original = app[method];
      if (typeof original !== 'function') continue;
      const validation = this;
      Object.defineProperty(root, method, {
        configurable: true,
        writable: true,
        value: function synthWithOneValidation(this: unknown, ...args: unknown[]): unknown {
          const outer = validation.synthCall;
          const call: SynthCall = {};
          validation.synthCall = call;
          try {
            return original.apply(this, args);
          } finally {
            unpin(call);
            validation.synthCall = outer;
          }
        },
      });
    }
  }

  /**
   * The result for this pass. Inside a synth call, a later pass reuses the result of the call's first pass when
   * the App still holds the same ApiObjects (a `Chart` subclass whose `toJson()` adds objects is caught). Any
   * other pass collects and compares.
   */
  private resultForPass(): Result {
    const call = this.synthCall;
    const prior = call?.result;
    if (prior && prior === this.result && sameItems(prior.objects, this.apiObjects())) return prior;
    const result = this.run();
    if (call) {
      unpin(call);
      call.result = result;
      pin(call, result);
    }
    return result;
  }

  /**
   * Writes the externals file next to the manifests: the objects this App assumed to exist outside it, for
   * `toolhive-constructs validate --externals` and the cdk8s validation plugin. Only when the App's output
   * directory exists (`app.synth()` creates it before validating; `synthYaml()` alone writes nothing new).
   * In a Helm chart (`cdk8s synth --format helm` writes to `<chart>/templates`) it goes to the chart's root,
   * where Helm does not render it.
   */
  private writeExternals(): void {
    if (!(this.root instanceof App)) return;
    let dir = this.root.outdir;
    if (!fs.existsSync(dir)) return;
    if (path.basename(dir) === 'templates' && fs.existsSync(path.join(dir, '..', 'Chart.yaml'))) dir = path.dirname(dir);
    const file = path.join(dir, EXTERNALS_FILE);
    const text = formatExternalsFile(this.external);
    if (this.writtenExternals === `${file}\0${text}` && fs.existsSync(file)) return;
    fs.writeFileSync(file, text);
    this.writtenExternals = `${file}\0${text}`;
  }

  /**
   * Settles the order of the pending same-chart references, in every validation pass: cdk8s runs one before it
   * writes each chart (`app.synth()` and `synthYaml()` run one more first). cdk8s writes a chart in the
   * `topology()` of its `DependencyGraph`: depth first from the constructs nothing depends on, the roots taken in
   * the order of the construct tree. When no construct of the App has a dependency and no chart is nested in
   * another, nothing cdk8s does before writing adds one (it derives edges only from dependencies and nesting), and
   * it writes each chart's objects in the tree's order (`test/constructs/order.test.ts` pins this on the cdk8s we
   * build with); when every target comes before its referrer in that order, no edge is needed. Otherwise every
   * pending reference gets its edge: any edge can change which constructs are roots and so the order of the others.
   * Not seen: a dependency that another construct's validation adds after the root's, in the last pass before a
   * chart is written (the only pass of `Testing.synth(chart)` and `chart.toJson()`); validations are for checks.
   * The edges are between the two L1 objects, added after cdk8s has derived object edges from construct edges in
   * `synthYaml()`, so an ApiObject a user nests under a ToolHive L1 object is not ordered by them.
   */
  private settleOrder(): void {
    const pending = this.pendingOrder;
    if (pending.length === 0 || this.treeOrderSuffices()) return;
    for (const { referrer, target } of pending) referrer.node.addDependency(target);
    pending.length = 0;
  }

  /** Whether cdk8s, with no edge added, writes every pending target before its referrer (see `settleOrder`). */
  private treeOrderSuffices(): boolean {
    const position = new Map<IConstruct, number>();
    const all = this.root.node.findAll();
    for (let i = 0; i < all.length; i++) {
      const c = all[i];
      if (c.node.dependencies.length > 0) return false;
      if (ApiObject.isApiObject(c)) position.set(c, i);
      else if (Chart.isChart(c)) for (let s = c.node.scope; s; s = s.node.scope) if (Chart.isChart(s)) return false;
    }
    return this.pendingOrder.every(({ referrer, target }) => {
      const t = position.get(target);
      const r = position.get(referrer);
      return t !== undefined && r !== undefined && t < r;
    });
  }

  /** Runs first in each validation pass (the root is visited first): computes and distributes. */
  private validateRoot(): string[] {
    // the order is cdk8s's concern, not the engine's: settled even when validation is off
    this.settleOrder();
    // the externals are declared by the constructs, not found by the engine: written even when validation is off
    this.writeExternals();
    if (this.options.enabled === false) return [];
    const result = this.resultForPass();
    for (const owner of result.byOwner.keys()) {
      // Objects that are not ToolHive constructs (Secrets, ConfigMaps, Includes) report through a validation
      // attached on demand; cdk8s visits them after the root in this same pass.
      if (!this.owners.has(owner) && !this.attached.has(owner)) {
        this.attached.add(owner);
        owner.node.addValidation(new OwnerValidation(this, owner));
      }
    }
    return failures(result.unmapped.map(m => m.violation), this.options)
      .map(v => `${v.kind}/${v.namespace}/${v.name}: ${format(v)}`);
  }

  /** @internal whether synth validates (`configure({ enabled })`); the constructs' own checks follow it too. */
  public get _enabled(): boolean {
    return this.options.enabled !== false;
  }

  /**
   * @internal a construct's violations in the current validation pass: the result the root computed earlier in
   * this pass (no re-collection); none when validation is switched off.
   */
  public _currentViolationsOf(owner: IConstruct): readonly Violation[] {
    if (this.options.enabled === false) return [];
    return (this.result ?? this.run()).byOwner.get(owner) ?? [];
  }

  /** @internal a construct's errors. Reads the result the root computed earlier in this pass (no re-collection). */
  public _messagesFor(owner: IConstruct): string[] {
    if (this.options.enabled === false) return [];
    const result = this.result ?? this.run();
    const violations = result.byOwner.get(owner);
    // most constructs have none: no lists to build for them (cdk8s copies what a validation returns)
    return violations ? failures(violations, this.options).map(format) : [];
  }
}

/** The validation cdk8s runs on one construct: its share of the App's result (one small object per construct). */
class OwnerValidation implements IValidation {
  public constructor(private readonly validation: ToolHiveValidation, private readonly owner: IConstruct) {}

  public validate(): string[] {
    return this.validation._messagesFor(this.owner);
  }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `spec.path: message (rule)`: the cdk8s validation error line after `[construct path] `. */
export function format(v: Violation): string {
  return `${v.path ? `${v.path}: ` : ''}${v.message} (${v.rule})`;
}
