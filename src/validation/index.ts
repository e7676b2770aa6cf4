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
import { OPERATOR_LAYERS } from './operator';
import { referencesLayer } from './references';
import { pathNeedsNewerRelease } from './release-fields';
import { KeyedMap3 } from '../core/keyed-map';
import { NEWEST_KUBERNETES_VERSION, parseKubernetesVersion } from '../core/kube-version';
import type { FailurePolicy, ManifestSet, ObjectEntry, ResolvedOptions, SetLayer, ValidateOptions, Violation } from '../core/types';
import { describeInput } from '../core/util';
import { resolveRelease } from '../schema/registry';

export * from '../core/types';
export { NEWEST_KUBERNETES_VERSION } from '../core/kube-version';

const SET_LAYERS: readonly SetLayer[] = [...OPERATOR_LAYERS, referencesLayer, collisionsLayer];

export function resolveOptions(options: ValidateOptions = {}): ResolvedOptions {
  return {
    external: [...(options.external ?? [])],
    assumeExternal: options.assumeExternal ?? false,
    defaultNamespace: options.defaultNamespace ?? 'default',
    operatorRelease: resolveRelease(options.operatorRelease),
    kubernetesVersion: parseKubernetesVersion(options.kubernetesVersion ?? NEWEST_KUBERNETES_VERSION),
  };
}

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
    const { entry, violations } = admitObject(manifest, index, resolved, options.sources?.[index]);
    for (const v of violations) tagged.push({ index, v });
    if (entry) entries.push(entry);
  });

  const set = buildManifestSet(entries, resolved);
  for (const layer of SET_LAYERS) {
    for (const v of layer(set)) {
      const entry = set.get(v.kind, v.namespace, v.name);
      // a field of a newer release: schema.needs-release reports it; the targeted operator's Go types drop it
      if (entry?.isToolHive && v.rule.startsWith('operator.') && pathNeedsNewerRelease(entry.kind, entry.version, resolved.operatorRelease, v.path)) continue;
      // the position of the (first) object the violation is about
      tagged.push({ index: entry?.index ?? manifests.length, v });
    }
  }
  // Stable: input order first, then the order the layers reported in.
  return tagged
    .map((t, seq) => ({ ...t, seq }))
    .sort((a, b) => a.index - b.index || a.seq - b.seq)
    .map(t => t.v);
}

/**
 * The violations that fail a run: every error, and under `strict` every warning too. The one definition of
 * `--strict` shared by the CLI, the cdk8s validation, the Pulumi components and the policy pack.
 */
export function failures(violations: readonly Violation[], policy: FailurePolicy = {}): Violation[] {
  return violations.filter(v => v.severity === 'error' || (policy.strict === true && v.severity === 'warning'));
}

/** Builds the indexed set the cross-object layers work on. */
export function buildManifestSet(entries: readonly ObjectEntry[], options: ResolvedOptions): ManifestSet {
  const byKey = new KeyedMap3<ObjectEntry>();
  const byKind = new Map<string, ObjectEntry[]>();
  for (const e of entries) {
    byKey.setIfAbsent(e.kind, e.namespace, e.name, e);
    let l = byKind.get(e.kind);
    if (!l) byKind.set(e.kind, l = []);
    l.push(e);
  }
  const externals = options.external.map(parseExternal);
  return {
    entries,
    options,
    get: (kind, namespace, name) => byKey.get(kind, namespace, name),
    ofKind: kind => byKind.get(kind) ?? [],
    isExternal: (kind, namespace, name) => externals.some(x =>
      x.kind === kind && (x.namespace === undefined || x.namespace === namespace) && (x.name === '*' || x.name === name)),
  };
}

interface ExternalRef { kind: string; namespace?: string; name: string }

/** Parses `Kind/name`, `Kind/namespace/name` or `Kind/*`. */
export function parseExternal(spec: string): ExternalRef {
  const parts = spec.split('/');
  if (parts.length === 2 && parts[0] && parts[1]) return { kind: parts[0], name: parts[1] };
  if (parts.length === 3 && parts[0] && parts[1] && parts[2]) return { kind: parts[0], namespace: parts[1], name: parts[2] };
  throw new Error(`invalid external object ${JSON.stringify(spec)}: expected Kind/name or Kind/namespace/name`);
}
