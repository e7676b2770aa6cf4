/** Same-namespace lookups over a manifest set, on defaulted objects, for the env derivation. */
import { KeyedMap2, KeyedMap3 } from '../core/keyed-map';
import type { KubeObject, ManifestSet } from '../core/types';
import { dict, isDict, str } from '../core/util';
import { applyDefaults } from '../schema/defaults';
import { GROUP } from '../schema/registry';
import { TOOLHIVE_KINDS as KINDS } from '../schema/type-names';

export const TOOLHIVE_GROUP = GROUP;

const TOOLHIVE_KINDS: ReadonlySet<string> = new Set(KINDS);

/** One object of the set, defaulted when it is a ToolHive kind. */
export interface ResolvedObject {
  readonly kind: string;
  /** API group, `''` for the core group. */
  readonly group: string;
  readonly namespace: string;
  readonly name: string;
  /** Position in the input list. */
  readonly index: number;
  /** Defaulted (ToolHive kinds) or as given (other kinds). */
  readonly object: KubeObject;
}

export interface Resolver {
  /** Every object, in input order. */
  readonly objects: readonly ResolvedObject[];
  /** ToolHive kinds are looked up in the ToolHive group, other kinds outside it. First match wins. */
  get(kind: string, namespace: string, name: string): ResolvedObject | undefined;
  /** Objects of a ToolHive kind in one namespace, in input order. */
  toolhive(kind: string, namespace: string): readonly ResolvedObject[];
}

export function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

/** Builds a resolver from raw manifests (anything that is not an object with kind and name is skipped). */
export function resolverFromManifests(manifests: readonly unknown[], defaultNamespace: string): Resolver {
  const objects: ResolvedObject[] = [];
  manifests.forEach((m, index) => {
    if (!isDict(m)) return;
    const kind = str(m.kind);
    const meta = dict(m.metadata);
    const name = str(meta?.name);
    if (!kind || !name) return;
    const group = groupOf(str(m.apiVersion) ?? '');
    const namespace = str(meta?.namespace) || defaultNamespace;
    const object = group === TOOLHIVE_GROUP ? safeDefaults(m as KubeObject) : (m as KubeObject);
    objects.push({ kind, group, namespace, name, index, object });
  });
  return makeResolver(objects);
}

/** Builds a resolver over the validation engine's set (uses the entries' defaulted objects). */
export function resolverFromSet(set: ManifestSet): Resolver {
  return makeResolver(set.entries.map(e => ({
    kind: e.kind, group: e.group, namespace: e.namespace, name: e.name, index: e.index, object: e.defaulted,
  })));
}

function safeDefaults(obj: KubeObject): KubeObject {
  try {
    return applyDefaults(obj);
  } catch {
    return obj;
  }
}

function makeResolver(objects: readonly ResolvedObject[]): Resolver {
  // nested maps: lookups build no key strings (tens of thousands per validation run)
  const toolhive = new KeyedMap3<ResolvedObject>();
  const other = new KeyedMap3<ResolvedObject>();
  const byKindNs = new KeyedMap2<ResolvedObject[]>();
  for (const o of objects) {
    const isTh = o.group === TOOLHIVE_GROUP;
    (isTh ? toolhive : other).setIfAbsent(o.kind, o.namespace, o.name, o);
    if (isTh) {
      let l = byKindNs.get(o.kind, o.namespace);
      if (!l) byKindNs.set(o.kind, o.namespace, l = []);
      l.push(o);
    }
  }
  return {
    objects,
    get: (kind, namespace, name) => (TOOLHIVE_KINDS.has(kind) ? toolhive : other).get(kind, namespace, name),
    toolhive: (kind, namespace) => byKindNs.get(kind, namespace) ?? [],
  };
}
