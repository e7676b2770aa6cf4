/**
 * Access to the generated schema tables of the bundled operator releases: kinds, versions and root schemas,
 * loaded lazily per release and per kind. Every function takes the release to read (the default release when
 * omitted); callers resolve a user's choice with `resolveRelease` first.
 */
import { DEFAULT_RELEASE, RELEASE_LOADERS, RELEASES } from './generated';
import type { CelRuleFacts, KindInfo, KindTable, ReleaseInfo, ReleaseTables, SchemaNode, VersionInfo } from './types';

export { DEFAULT_RELEASE, RELEASES };
export const GROUP = 'toolhive.stacklok.dev';

interface Loaded {
  readonly tables: ReleaseTables;
  readonly byKind: Map<string, KindInfo>;
  readonly kindTables: Map<string, KindTable>;
  celFacts?: Map<string, CelRuleFacts>;
}
const loaded = new Map<string, Loaded>();

function release(name: string): Loaded {
  let l = loaded.get(name);
  if (!l) {
    const load = RELEASE_LOADERS[name];
    if (!load) throw new Error(unknownReleaseMessage(name));
    const tables = load();
    l = { tables, byKind: new Map(tables.KINDS.map(k => [k.kind, k])), kindTables: new Map() };
    loaded.set(name, l);
  }
  return l;
}

/** `unknown operator release "x"; bundled releases: v0.43.0, v0.44.0 (default), main@e25de16`. */
export function unknownReleaseMessage(name: string): string {
  return `unknown operator release ${JSON.stringify(name)}; bundled releases: ${releaseList()}`;
}

/** The bundled releases, oldest first, the default marked: `v0.43.0, v0.44.0 (default), main@e25de16`. */
export function releaseList(): string {
  return RELEASES.map(r => (r.name === DEFAULT_RELEASE ? `${r.name} (default)` : r.name)).join(', ');
}

export function isRelease(name: unknown): name is string {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(RELEASE_LOADERS, name);
}

/** The release to target: `name` when bundled, the default when undefined; throws (a usage error) otherwise. */
export function resolveRelease(name: string | undefined): string {
  if (name === undefined) return DEFAULT_RELEASE;
  if (!isRelease(name)) throw new Error(unknownReleaseMessage(String(name)));
  return name;
}

/** The bundled releases newer than `name`, oldest first. */
export function newerReleases(name: string): readonly ReleaseInfo[] {
  const i = RELEASES.findIndex(r => r.name === name);
  return i < 0 ? [] : RELEASES.slice(i + 1);
}

/** Every ToolHive kind of a release. */
export function toolhiveKinds(rel: string = DEFAULT_RELEASE): readonly KindInfo[] {
  return release(rel).tables.KINDS;
}

export function kindInfo(kind: string, rel: string = DEFAULT_RELEASE): KindInfo | undefined {
  return release(rel).byKind.get(kind);
}

/** Loads (once) the schema table of a kind in a release. */
export function kindTable(kind: string, rel: string = DEFAULT_RELEASE): KindTable | undefined {
  const l = release(rel);
  let t = l.kindTables.get(kind);
  if (!t) {
    if (!Object.prototype.hasOwnProperty.call(l.tables.LOADERS, kind)) return undefined;
    t = l.tables.LOADERS[kind]();
    l.kindTables.set(kind, t);
  }
  return t;
}

export function versionInfo(kind: string, version: string, rel: string = DEFAULT_RELEASE): VersionInfo | undefined {
  return kindInfo(kind, rel)?.versions.find(v => v.name === version);
}

/** The root OpenAPI schema of a kind at a version, or undefined when either is unknown. */
export function rootSchema(kind: string, version: string, rel: string = DEFAULT_RELEASE): SchemaNode | undefined {
  const t = kindTable(kind, rel);
  const v = t?.versions.find(x => x.name === version);
  return v ? t!.schemas[v.schema] : undefined;
}

/** Splits `group/version` (core objects have no group). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** The root schema for an apiVersion + kind pair of group toolhive.stacklok.dev, if known. */
export function rootSchemaFor(apiVersion: unknown, kind: unknown, rel: string = DEFAULT_RELEASE): SchemaNode | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const { group, version } = splitApiVersion(apiVersion);
  return group === GROUP ? rootSchema(kind, version, rel) : undefined;
}

/** The version a kind should be emitted at: v1beta1 where served, else the storage version (MCPWebhookConfig: v1alpha1). */
export function preferredVersion(kind: string, rel: string = DEFAULT_RELEASE): string | undefined {
  const info = kindInfo(kind, rel);
  if (!info) return undefined;
  return (info.versions.find(v => v.name === 'v1beta1' && v.served) ?? info.versions.find(v => v.storage))?.name;
}

/**
 * Whether the CRD declares the status subresource at this version: the API server then drops `status` on create
 * and on update of the main resource (apiextensions-apiserver registry/customresource strategy.go PrepareForCreate,
 * PrepareForUpdate), so it is neither validated nor stored.
 */
export function hasStatusSubresource(kind: string, version: string, rel: string = DEFAULT_RELEASE): boolean {
  const table = release(rel).tables.STATUS_SUBRESOURCE;
  const versions = Object.prototype.hasOwnProperty.call(table, kind) ? table[kind] : undefined;
  return versions?.includes(version) ?? false;
}

/**
 * The generated facts of a CEL rule (see CelRuleFacts), from the releases loaded so far: a rule's facts depend
 * on its text alone, and a rule is only met in a kind table of a loaded release. Undefined for any other text.
 */
export function celRuleFacts(rule: string): CelRuleFacts | undefined {
  for (const l of loaded.values()) {
    const facts = (l.celFacts ??= new Map(l.tables.CEL_FACTS)).get(rule);
    if (facts) return facts;
  }
  return undefined;
}
