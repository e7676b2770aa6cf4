/**
 * Which MCPExternalAuthConfigs a workload in the set consumes. The MCPExternalAuthConfig controller never reads
 * the Secrets its spec names (controllers/mcpexternalauthconfig_controller.go Reconcile runs Validate() only);
 * they are read, mounted or injected only by a consumer: MCPServer and MCPRemoteProxy (externalAuthConfigRef,
 * authServerRef), MCPServerEntry (externalAuthConfigRef, applied by the vMCP) and VirtualMCPServer outgoing
 * auth (default and per-backend externalAuthConfigRef). Group members reach a vMCP through their own reference.
 */
import type { ManifestSet } from '../../core/types';
import { dict, str } from '../../core/util';

const cache = new WeakMap<ManifestSet, Set<string>>();

function key(namespace: string, name: string): string {
  return `${namespace}\u0000${name}`;
}

function collect(set: ManifestSet): Set<string> {
  const out = new Set<string>();
  const add = (namespace: string, ref: unknown) => {
    const name = str(dict(ref)?.name);
    if (name) out.add(key(namespace, name));
  };
  for (const kind of ['MCPServer', 'MCPRemoteProxy', 'MCPServerEntry']) {
    for (const e of set.ofKind(kind)) {
      const spec = dict(e.defaulted.spec);
      add(e.namespace, spec?.externalAuthConfigRef);
      add(e.namespace, spec?.authServerRef);
    }
  }
  for (const e of set.ofKind('VirtualMCPServer')) {
    const outgoing = dict(dict(e.defaulted.spec)?.outgoingAuth);
    // a backend of type discovered never reads its externalAuthConfigRef (converter.go convertBackendAuthConfig)
    const addBackend = (b: unknown) => {
      if (str(dict(b)?.type) === 'externalAuthConfigRef') add(e.namespace, dict(b)?.externalAuthConfigRef);
    };
    addBackend(outgoing?.default);
    const backends = dict(outgoing?.backends) ?? {};
    for (const name of Object.keys(backends)) addBackend(backends[name]);
  }
  return out;
}

/** True when some workload in the set references MCPExternalAuthConfig `namespace/name`. */
export function externalAuthConfigConsumed(set: ManifestSet, namespace: string, name: string): boolean {
  let refs = cache.get(set);
  if (!refs) cache.set(set, refs = collect(set));
  return refs.has(key(namespace, name));
}
