/** Access to the generated schema tables: kinds, versions and root schemas, loaded lazily per kind. */
import { KINDS, LOADERS, RELEASE } from './generated';
import { STATUS_SUBRESOURCE } from './generated/status-subresources';
import type { KindInfo, KindTable, SchemaNode, VersionInfo } from './types';

export { RELEASE };
export const GROUP = 'toolhive.stacklok.dev';

const byKind = new Map<string, KindInfo>(KINDS.map(k => [k.kind, k]));
const tables = new Map<string, KindTable>();

/** Every ToolHive kind of the targeted release. */
export function toolhiveKinds(): readonly KindInfo[] {
  return KINDS;
}

export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

/** Loads (once) the schema table of a kind. */
export function kindTable(kind: string): KindTable | undefined {
  let t = tables.get(kind);
  if (!t) {
    const load = LOADERS[kind];
    if (!load) return undefined;
    t = load();
    tables.set(kind, t);
  }
  return t;
}

export function versionInfo(kind: string, version: string): VersionInfo | undefined {
  return byKind.get(kind)?.versions.find(v => v.name === version);
}

/** The root OpenAPI schema of a kind at a version, or undefined when either is unknown. */
export function rootSchema(kind: string, version: string): SchemaNode | undefined {
  const t = kindTable(kind);
  const v = t?.versions.find(x => x.name === version);
  return v ? t!.schemas[v.schema] : undefined;
}

/** Splits `group/version` (core objects have no group). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** The root schema for an apiVersion + kind pair of group toolhive.stacklok.dev, if known. */
export function rootSchemaFor(apiVersion: unknown, kind: unknown): SchemaNode | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const { group, version } = splitApiVersion(apiVersion);
  return group === GROUP ? rootSchema(kind, version) : undefined;
}

/** The version a kind should be emitted at: v1beta1 where served, else the storage version (MCPWebhookConfig: v1alpha1). */
export function preferredVersion(kind: string): string | undefined {
  const info = byKind.get(kind);
  if (!info) return undefined;
  return (info.versions.find(v => v.name === 'v1beta1' && v.served) ?? info.versions.find(v => v.storage))?.name;
}

/**
 * Whether the CRD declares the status subresource at this version: the API server then drops `status` on create
 * and on update of the main resource (apiextensions-apiserver registry/customresource strategy.go PrepareForCreate,
 * PrepareForUpdate), so it is neither validated nor stored.
 */
export function hasStatusSubresource(kind: string, version: string): boolean {
  const versions = Object.prototype.hasOwnProperty.call(STATUS_SUBRESOURCE, kind) ? STATUS_SUBRESOURCE[kind] : undefined;
  return versions?.includes(version) ?? false;
}
