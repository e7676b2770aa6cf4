/** Same-namespace lookups over a manifest set, on defaulted objects, for the env derivation. */
import { applyDefaults } from '../schema/defaults';
import type { KubeObject, ManifestSet } from '../validation/types';
import { dict, isDict, str } from '../validation/util';

export const TOOLHIVE_GROUP = 'toolhive.stacklok.dev';

const TOOLHIVE_KINDS: ReadonlySet<string> = new Set([
  'MCPServer', 'MCPRemoteProxy', 'VirtualMCPServer', 'MCPGroup', 'MCPServerEntry', 'MCPExternalAuthConfig', 'MCPOIDCConfig',
  'MCPAuthzConfig', 'MCPToolConfig', 'MCPTelemetryConfig', 'MCPWebhookConfig', 'EmbeddingServer',
  'VirtualMCPCompositeToolDefinition', 'MCPRegistry',
]);

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
  const byKey = new Map<string, ResolvedObject>();
  const byKindNs = new Map<string, ResolvedObject[]>();
  for (const o of objects) {
    const isTh = o.group === TOOLHIVE_GROUP;
    const key = `${isTh ? 'th' : 'x'}\u0000${o.kind}\u0000${o.namespace}\u0000${o.name}`;
    if (!byKey.has(key)) byKey.set(key, o);
    if (isTh) {
      const k = `${o.kind}\u0000${o.namespace}`;
      let l = byKindNs.get(k);
      if (!l) byKindNs.set(k, l = []);
      l.push(o);
    }
  }
  return {
    objects,
    get: (kind, namespace, name) =>
      byKey.get(`${TOOLHIVE_KINDS.has(kind) ? 'th' : 'x'}\u0000${kind}\u0000${namespace}\u0000${name}`),
    toolhive: (kind, namespace) => byKindNs.get(`${kind}\u0000${namespace}`) ?? [],
  };
}
