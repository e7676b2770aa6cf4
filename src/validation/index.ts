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
import { admitObject } from './admission';
import { collisionsLayer } from './collisions';
import { buildManifestSet, resolveOptions } from './manifest-set';
import { OPERATOR_LAYERS } from './operator';
import { redactViolations, redactor, secretValuesOf } from './redact';
import { referencesLayer } from './references';
import { pathNeedsNewerRelease } from './release-fields';
import { internalError } from './safety';
import type { FailurePolicy, ObjectEntry, SetLayer, ValidateOptions, Violation } from '../core/types';
import { describeInput } from '../core/util';

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
  const resolved = resolveOptions(options);
  const tagged: { index: number; v: Violation }[] = [];
  const entries: ObjectEntry[] = [];
  manifests.forEach((manifest, index) => {
    const source = options.sources?.[index];
    let admission: ReturnType<typeof admitObject>;
    try {
      admission = admitObject(manifest, index, resolved, source);
    } catch (e) {
      // a bug of ours on odd data: fail this object loudly, never the whole call, never a silent pass
      admission = { violations: [internalError('admission', e, manifest, resolved, source)] };
    }
    for (const v of admission.violations) tagged.push({ index, v });
    if (admission.entry) entries.push(admission.entry);
  });

  const set = buildManifestSet(entries, resolved);
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
      tagged.push({ index: entry?.index ?? manifests.length, v });
    }
  }
  // Stable: input order first, then the order the layers reported in.
  const result = tagged
    .map((t, seq) => ({ ...t, seq }))
    .sort((a, b) => a.index - b.index || a.seq - b.seq)
    .map(t => t.v);
  if (result.length === 0) return result;
  // the one redaction policy, so every front end prints redacted text (see redact.ts)
  const secrets = [...secretValuesOf(manifests), ...(options.redact ?? [])];
  return secrets.length === 0 ? result : redactViolations(result, redactor(secrets));
}

/**
 * The violations that fail a run: every error, and under `strict` every warning too. The one definition of
 * `--strict` shared by the CLI, the cdk8s validation, the Pulumi components and the policy pack.
 */
export function failures(violations: readonly Violation[], policy: FailurePolicy = {}): Violation[] {
  return violations.filter(v => v.severity === 'error' || (policy.strict === true && v.severity === 'warning'));
}
