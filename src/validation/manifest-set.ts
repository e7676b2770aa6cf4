/** The indexed manifest set the cross-object layers work on, and the options it carries. */
import { KeyedMap3 } from '../core/keyed-map';
import { NEWEST_KUBERNETES_VERSION, parseKubernetesVersion } from '../core/kube-version';
import type { ManifestSet, ObjectEntry, ResolvedOptions, ValidateOptions } from '../core/types';
import { describeInput } from '../core/util';
import { resolveRelease } from '../schema/registry';
import { TOOLHIVE_KINDS } from '../schema/type-names';

/**
 * Fills in the defaults of the options (`external: []`, `assumeExternal: false`, namespace `default`, the newest
 * operator release and Kubernetes version). Options are the caller's code, not data: a wrong type is misuse and
 * throws a TypeError naming the option (objects are data: nothing in them makes the engine throw).
 */
export function resolveOptions(options: ValidateOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError(`validateManifests options must be an object, got ${describeInput(options)}`);
  const external: unknown = options.external;
  if (external !== undefined && (!Array.isArray(external) || external.some(x => typeof x !== 'string'))) {
    throw new TypeError('validateManifests option external must be an array of strings such as \'Secret/github-token\'');
  }
  const redact: unknown = options.redact;
  if (redact !== undefined && (!Array.isArray(redact) || redact.some(x => typeof x !== 'string'))) {
    throw new TypeError('validateManifests option redact must be an array of strings');
  }
  for (const x of (external ?? []) as string[]) {
    if (!isExternalSpec(x)) throw new TypeError(`validateManifests option external has ${JSON.stringify(x)}: expected Kind/name, Kind/namespace/name or Kind/*`);
  }
  return {
    external: [...(options.external ?? [])],
    assumeExternal: options.assumeExternal ?? false,
    defaultNamespace: options.defaultNamespace ?? 'default',
    operatorRelease: resolveRelease(options.operatorRelease),
    kubernetesVersion: parseKubernetesVersion(options.kubernetesVersion ?? NEWEST_KUBERNETES_VERSION),
  };
}

/** Kinds the cross-object layers look up outside the ToolHive group: the core API group's (`v1`) only. */
const CORE_KINDS: ReadonlySet<string> = new Set(['Secret', 'ConfigMap']);
const TOOLHIVE_KIND_NAMES: ReadonlySet<string> = new Set(TOOLHIVE_KINDS);

/**
 * Whether `get` and `ofKind` see an entry under its kind name: a ToolHive kind name means the ToolHive group, and
 * `Secret`/`ConfigMap` the core group, as the operator's typed clients read them. An `example.com/v1` MCPServer or
 * Secret is another resource: it is still in `entries` (duplicates, generated-name collisions), never looked up
 * by kind.
 */
function lookedUpByKind(e: ObjectEntry): boolean {
  if (TOOLHIVE_KIND_NAMES.has(e.kind)) return e.isToolHive;
  if (CORE_KINDS.has(e.kind)) return e.group === '';
  return true;
}

/** Builds the indexed set the cross-object layers work on. */
export function buildManifestSet(entries: readonly ObjectEntry[], options: ResolvedOptions): ManifestSet {
  const byKey = new KeyedMap3<ObjectEntry>();
  const byKind = new Map<string, ObjectEntry[]>();
  for (const e of entries) {
    if (!lookedUpByKind(e)) continue;
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

function isExternalSpec(spec: string): boolean {
  const parts = spec.split('/');
  return (parts.length === 2 || parts.length === 3) && parts.every(p => p !== '');
}

interface ExternalRef { kind: string; namespace?: string; name: string }

/** Parses `Kind/name`, `Kind/namespace/name` or `Kind/*`. */
export function parseExternal(spec: string): ExternalRef {
  const parts = spec.split('/');
  if (parts.length === 2 && parts[0] && parts[1]) return { kind: parts[0], name: parts[1] };
  if (parts.length === 3 && parts[0] && parts[1] && parts[2]) return { kind: parts[0], namespace: parts[1], name: parts[2] };
  throw new Error(`invalid external object ${JSON.stringify(spec)}: expected Kind/name or Kind/namespace/name`);
}
