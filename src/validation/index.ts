/**
 * The validation engine: `validateManifests(objects) → Violation[]`.
 *
 * Layers, in order:
 *  1. identity   (admission.ts)  kind, served version, metadata.name
 *  2. schema     (structural.ts) the CRD's OpenAPI schema after defaulting, strict unknown fields
 *  3. CEL        (cel.ts)        every x-kubernetes-validations rule, CRD messages verbatim
 *  4. hygiene    (hygiene.ts)    what the API server admits but the operator cannot survive
 *  5. operator   (operator/)     the operator's reconcile-time checks
 *  6. references (references.ts) by-name references, Secret and ConfigMap keys
 *  7. collisions (collisions.ts) generated-object names and env var names
 */
import { createHash } from 'node:crypto';
import { admitObject } from './admission';
import { collisionsLayer } from './collisions';
import { buildManifestSet, resolveOptions } from './manifest-set';
import { OPERATOR_LAYERS } from './operator';
import { redactViolations, redactor, secretValuesInto } from './redact';
import { referencesLayer } from './references';
import { pathNeedsNewerRelease } from './release-fields';
import { internalError } from './safety';
import type { FailurePolicy, KubeObject, ObjectEntry, SetLayer, SourceLocation, ValidateOptions, Violation } from '../core/types';
import { describeInput } from '../core/util';
import { TOOLHIVE_KINDS } from '../schema/type-names';

// The public API of `toolhive-constructs/validation` (test/architecture/public-api.test.ts lists it): the
// engine, the env derivation, and the types of their inputs and results. Nothing here loads cdk8s or Pulumi.
export type { FailurePolicy, KubeObject, Severity, SourceLocation, ValidateOptions, Violation } from '../core/types';
export { envBindings, envBindingSources } from '../bindings';
export { applyDefaults } from '../schema/defaults';
export { NEWEST_KUBERNETES_VERSION } from '../core/kube-version';
export type {
  ConfigMapKeyRef,
  ContainerEnv,
  EnvBinding,
  EnvBindingsOptions,
  EnvSource,
  FieldRef,
  OverwrittenEnvBinding,
  ResourceFieldRef,
  SecretKeyRef,
  SourcedContainerEnv,
  SourcedEnvBinding,
  SourcedWorkloadEnv,
  WorkloadEnv,
} from '../bindings/types';

const SET_LAYERS: readonly SetLayer[] = [...OPERATOR_LAYERS, referencesLayer, collisionsLayer];

/**
 * Validates a set of Kubernetes objects the way the API server and the ToolHive operator would,
 * offline. Objects of other kinds (Secrets, ConfigMaps, ...) are context for the reference checks.
 *
 * @returns every violation, errors and warnings, in input order (deterministic).
 * @example
 * const violations = validateManifests(yamlDocs);
 * if (violations.some(v => v.severity === 'error')) process.exit(1);
 */
export function validateManifests(manifests: readonly unknown[], options: ValidateOptions = {}): Violation[] {
  if (!Array.isArray(manifests)) {
    throw new TypeError(`validateManifests expects an array of Kubernetes objects, got ${describeInput(manifests)}`);
  }
  // the caller holds every object anyway: nothing is gained by keeping less
  const run = new ManifestValidator(options);
  run.keepEveryObject();
  for (let i = 0; i < manifests.length; i++) run.add(manifests[i], options.sources?.[i]);
  return run.finish();
}

/** Options of a {@link ManifestValidator}: those of `validateManifests`, without `sources` (given per object). */
export type ManifestValidatorOptions = Omit<ValidateOptions, 'sources'>;

/**
 * Kinds whose content a cross-object layer reads, kept whole: Secrets and ConfigMaps (keys, values), and every kind
 * named like a ToolHive kind, whatever its group (the set layers select by kind name: a `example.com/v1` MCPServer is
 * read as one). Other kinds by identity only.
 */
const READ_KINDS: ReadonlySet<string> = new Set(['Secret', 'ConfigMap', ...TOOLHIVE_KINDS]);

/**
 * The engine over a stream: `add` each object as it is read, then `finish` once. It gives the same violations, in
 * the same order, as `validateManifests` over the same objects, and holds less: each object is checked on its own
 * when it is added (identity, schema, CEL, hygiene), and for the cross-object layers it keeps the ToolHive objects,
 * Secrets and ConfigMaps, but of every other kind only its identity and a digest of its content (for the duplicate
 * check). The caller may drop an object once it is added.
 *
 * @example
 * const run = new ManifestValidator({ operatorRelease: 'v0.44.0' });
 * for await (const doc of documents) run.add(doc, { file: 'all.yaml', document: ++n });
 * const violations = run.finish();
 */
export class ManifestValidator {
  private readonly options: ValidateOptions;
  private readonly resolved: ReturnType<typeof resolveOptions>;
  private readonly tagged: { index: number; v: Violation }[] = [];
  private readonly entries: ObjectEntry[] = [];
  private readonly secrets: string[] = [];
  private keepAll = false;
  /** With `keepEveryObject`: the objects as added, whose secret values are read only when a violation is found. */
  private held: unknown[] | undefined;
  private readonly marks: Array<[number, number, number, number]> = [];
  private count = 0;
  private finished = false;

  /**
   * @param options as for `validateManifests`
   * @throws TypeError when an option has the wrong type (options are code, not data).
   */
  public constructor(options: ManifestValidatorOptions = {}) {
    this.options = options;
    this.resolved = resolveOptions(options);
  }

  /** Keeps every object whole, for `validateManifests`, whose caller holds them anyway. @internal */
  public keepEveryObject(): void {
    this.keepAll = true;
    if (this.count === 0) this.held = [];
  }

  /** The number of objects added so far. */
  public get size(): number {
    return this.count;
  }

  /**
   * Checks one object on its own and keeps what the cross-object layers need. Never throws on data.
   * @param manifest a Kubernetes object (any value: a non-object is reported)
   * @param source where it was read, copied into its violations
   * @throws TypeError after `finish` (misuse)
   */
  public add(manifest: unknown, source?: SourceLocation): void {
    if (this.finished) throw new TypeError('ManifestValidator.add called after finish');
    const index = this.count++;
    let admission: ReturnType<typeof admitObject>;
    try {
      admission = admitObject(manifest, index, this.resolved, source);
    } catch (e) {
      // a bug of ours on odd data: fail this object loudly, never the whole call, never a silent pass
      admission = { violations: [internalError('admission', e, manifest, this.resolved, source)] };
    }
    for (const v of admission.violations) this.tagged.push({ index, v });
    const entry = admission.entry;
    if (entry) this.entries.push(this.keepAll || entry.isToolHive || READ_KINDS.has(entry.kind) ? entry : identityOnly(entry));
    // the values to redact: read now from an object the caller may drop; from the held objects only when needed
    if (this.held) this.held.push(manifest);
    else secretValuesInto(manifest, this.secrets);
  }

  /**
   * Runs the cross-object layers and returns every violation, in input order (deterministic), redacted.
   * @throws TypeError when called twice (misuse)
   */
  public finish(): Violation[] {
    if (this.finished) throw new TypeError('ManifestValidator.finish called twice');
    this.finished = true;
    const { tagged, resolved } = this;
    const set = buildManifestSet(this.entries, resolved);
    for (const layer of SET_LAYERS) {
      let found: Violation[];
      try {
        found = layer(set);
      } catch (e) {
        found = [internalError(layer.name || 'set', e, undefined, resolved, undefined)];
      }
      for (const v of found) {
        const entry = set.get(v.kind, v.namespace, v.name);
        // a field of a newer release: schema.needs-release reports it; the targeted operator's Go types drop it
        if (entry?.isToolHive && v.rule.startsWith('operator.') && pathNeedsNewerRelease(entry.kind, entry.version, resolved.operatorRelease, v.path)) continue;
        // the position of the (first) object the violation is about
        tagged.push({ index: entry?.index ?? this.count, v });
      }
    }
    // Stable: input order first, then the order the layers reported in.
    const result = tagged
      .map((t, seq) => ({ ...t, seq }))
      .sort((a, b) => a.index - b.index || a.seq - b.seq)
      .map(t => t.v);
    if (result.length === 0) return result;
    // the one redaction policy, so every front end prints redacted text (see redact.ts)
    const secrets = this.secretValues();
    return secrets.length === 0 ? result : redactViolations(result, redactor(secrets));
  }

  /**
   * A point to go back to with `rollback`: a reader that handed over part of a file and then reads the file another
   * way takes the part back (the CLI's fast YAML path, load.ts). @internal
   */
  public mark(): number {
    this.marks.push([this.count, this.entries.length, this.tagged.length, this.secrets.length]);
    return this.marks.length - 1;
  }

  /** Forgets every object added since `mark` gave `at` (and the marks made after it). @internal */
  public rollback(at: number): void {
    if (this.finished) throw new TypeError('ManifestValidator.rollback called after finish');
    const m = this.marks[at];
    if (m === undefined) throw new TypeError(`ManifestValidator.rollback: no mark ${at}`);
    this.marks.length = at;
    [this.count, this.entries.length, this.tagged.length, this.secrets.length] = m;
    if (this.held) this.held.length = this.count;
  }

  /** The values `finish` redacts (Secret data, credential fields), for a front end that prints more. @internal */
  public secretValues(): readonly string[] {
    if (this.held) {
      for (const o of this.held) secretValuesInto(o, this.secrets);
      this.held = [];
    }
    return [...this.secrets, ...(this.options.redact ?? [])];
  }
}

/**
 * An entry of a kind no cross-object layer reads: its identity, and in place of the object a stand-in holding
 * only that, with the digest of the object's JSON for the duplicate check (collisions.ts duplicateObjects).
 */
function identityOnly(entry: ObjectEntry): ObjectEntry {
  const metadata: Record<string, unknown> = { name: entry.name };
  if (entry.namespace !== undefined) metadata.namespace = entry.namespace;
  const stub: KubeObject = { apiVersion: entry.apiVersion, kind: entry.kind, metadata } as KubeObject;
  // a literal, not a spread with overrides: V8 gives each such spread copy a map of its own (400 bytes an object)
  return {
    index: entry.index,
    object: stub,
    defaulted: stub,
    kind: entry.kind,
    apiVersion: entry.apiVersion,
    group: entry.group,
    version: entry.version,
    name: entry.name,
    namespace: entry.namespace,
    isToolHive: entry.isToolHive,
    admitted: entry.admitted,
    source: entry.source,
    content: createHash('sha256').update(JSON.stringify(entry.object)).digest('base64'),
  };
}

/**
 * The violations that fail a run: every error, and under `strict` every warning too. The one definition of
 * `--strict` shared by the CLI, the cdk8s validation, the Pulumi components and the policy pack.
 */
export function failures(violations: readonly Violation[], policy: FailurePolicy = {}): Violation[] {
  return violations.filter(v => v.severity === 'error' || (policy.strict === true && v.severity === 'warning'));
}
