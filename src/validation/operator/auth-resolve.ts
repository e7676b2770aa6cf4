/**
 * Resolution helpers for the auth rules: referenced MCPExternalAuthConfigs, the embedded auth server in
 * effect for a workload, the workload's resourceUrl, and which external auth types each consumer supports.
 */
import { KeyedMap2 } from '../../core/keyed-map';
import type { ManifestSet, ObjectEntry } from '../../core/types';
import { dict, list, num, str, type Dict } from '../../core/util';

/** A referenced MCPExternalAuthConfig present in the set. */
export interface ExtAuthTarget {
  readonly entry: ObjectEntry;
  readonly name: string;
  readonly type: string;
  readonly spec: Dict;
}

export function getExternalAuth(set: ManifestSet, namespace: string, name: string | undefined): ExtAuthTarget | undefined {
  if (!name) return undefined;
  const entry = set.get('MCPExternalAuthConfig', namespace, name);
  const spec = dict(entry?.defaulted.spec);
  if (!entry || !spec) return undefined;
  return { entry, name, type: str(spec.type) ?? '', spec };
}

/** The embedded auth server a workload runs, and where it comes from. */
export interface EffectiveAuthServer {
  readonly target: ExtAuthTarget;
  readonly config: Dict;
  readonly refPath: 'spec.authServerRef.name' | 'spec.externalAuthConfigRef.name';
}

/** The embedded auth server config of an MCPExternalAuthConfig, when it is of that type. */
export function embeddedOf(target: ExtAuthTarget | undefined): Dict | undefined {
  return target && target.type === 'embeddedAuthServer' ? dict(target.spec.embeddedAuthServer) : undefined;
}

/**
 * The embedded auth server in effect for an MCPServer or MCPRemoteProxy: authServerRef takes precedence
 * (ctrlutil EmbeddedAuthServerConfigName); externalAuthConfigRef counts only when authServerRef is unset.
 */
export function effectiveAuthServer(set: ManifestSet, entry: ObjectEntry): EffectiveAuthServer | undefined {
  const spec = dict(entry.defaulted.spec);
  if (!spec) return undefined;
  const authServerRef = dict(spec.authServerRef);
  if (authServerRef) {
    const target = getExternalAuth(set, entry.namespace, str(authServerRef.name));
    const config = embeddedOf(target);
    return target && config ? { target, config, refPath: 'spec.authServerRef.name' } : undefined;
  }
  const target = getExternalAuth(set, entry.namespace, str(dict(spec.externalAuthConfigRef)?.name));
  const config = embeddedOf(target);
  return target && config ? { target, config, refPath: 'spec.externalAuthConfigRef.name' } : undefined;
}

/** The proxy port the operator uses in the default resourceUrl (MCPServer/MCPRemoteProxy `proxyPort`, vMCP 4483). */
export function proxyPort(entry: ObjectEntry): number {
  if (entry.kind === 'VirtualMCPServer') return 4483;
  return num(dict(entry.defaulted.spec)?.proxyPort) ?? 8080;
}

/** `oidcConfigRef.resourceUrl`, else `http://<name>.<namespace>.svc.cluster.local:<port>` (oidc resolver createServiceURL). */
export function resourceUrl(entry: ObjectEntry, oidcRef: Dict): string {
  const explicit = str(oidcRef.resourceUrl);
  if (explicit) return explicit;
  return `http://${entry.name}.${entry.namespace}.svc.cluster.local:${proxyPort(entry)}`;
}

/** `oidcConfigRef.scopes` as strings. */
export function refScopes(oidcRef: Dict): string[] {
  return list(oidcRef.scopes).map(s => str(s)).filter((s): s is string => s !== undefined);
}

/** The external auth types the vMCP converter registry knows (pkg/vmcp/auth/converters NewRegistry). */
export const VMCP_AUTH_TYPES: readonly string[] = ['tokenExchange', 'headerInjection', 'unauthenticated', 'upstreamInject', 'awsSts', 'obo', 'xaa'];

/** Workloads that are members of a group (MCPServer, MCPRemoteProxy, MCPServerEntry with `spec.groupRef.name`). */
export function groupMembers(set: ManifestSet, namespace: string, group: string): readonly ObjectEntry[] {
  return membersIndex(set).get(namespace, group) ?? [];
}

/** Members by namespace and group, built once per set: every vMCP of a group would scan every workload. */
const MEMBERS = new WeakMap<ManifestSet, KeyedMap2<ObjectEntry[]>>();

function membersIndex(set: ManifestSet): KeyedMap2<ObjectEntry[]> {
  let index = MEMBERS.get(set);
  if (index) return index;
  index = new KeyedMap2<ObjectEntry[]>();
  for (const kind of ['MCPServer', 'MCPRemoteProxy', 'MCPServerEntry']) {
    for (const e of set.ofKind(kind)) {
      const group = str(dict(dict(e.defaulted.spec)?.groupRef)?.name);
      if (group === undefined) continue;
      let l = index.get(e.namespace, group);
      if (!l) index.set(e.namespace, group, l = []);
      l.push(e);
    }
  }
  MEMBERS.set(set, index);
  return index;
}
