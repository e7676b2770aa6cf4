/**
 * Fields the selected operator release lacks but a newer bundled release has: the API server of the selected
 * release rejects them as unknown, and the fix is an operator upgrade (or dropping the field), so the message
 * names the first release that has the field.
 */
import { Where } from './structural';
import { newerReleases, rootSchema } from '../schema/registry';
import type { SchemaNode } from '../schema/types';

/** The schema node at `where` (a chain of fields, list items and map entries), or undefined. */
function nodeAt(root: SchemaNode, where: Where | undefined): SchemaNode | undefined {
  if (!where) return root;
  const parent = nodeAt(root, where.parent);
  if (!parent) return undefined;
  const ap = typeof parent.additionalProperties === 'object' ? parent.additionalProperties : undefined;
  if (where.step === 'item') return parent.items;
  if (where.step === 'entry') return ap;
  return (Object.prototype.hasOwnProperty.call(parent.properties ?? {}, where.key) ? parent.properties![where.key as string] : undefined) ?? ap;
}

/** The first bundled release after `release` whose schema of kind/version has the field `key` at `where`. */
export function firstReleaseWithField(kind: string, version: string, release: string, where: Where | undefined, key: string): string | undefined {
  for (const newer of newerReleases(release)) {
    const root = rootSchema(kind, version, newer.name);
    const node = root && nodeAt(root, where);
    if (node?.properties && Object.prototype.hasOwnProperty.call(node.properties, key)) return newer.name;
  }
  return undefined;
}

/**
 * The first bundled release after `release` that has the field a concrete path (`spec.a[0].b`) of an object of
 * kind/version runs into where the targeted release's schema has no such field; undefined when the path stays in
 * the targeted schema or no newer release has the field either.
 */
export function newerReleaseForPath(kind: string, version: string, release: string, path: string): string | undefined {
  let node = rootSchema(kind, version, release);
  let where: Where | undefined;
  // `[^\][]`: a bracket step never spans another `[`, so a run of `[` is scanned once (linear; see redos.test.ts)
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\][]*)\]/g)) {
    if (!node) return undefined;
    if (m[1] !== undefined) {
      const key = m[1];
      const sub = node.properties && Object.prototype.hasOwnProperty.call(node.properties, key) ? node.properties[key] : undefined;
      if (sub) {
        node = sub;
        where = new Where(where, key, 'field');
        continue;
      }
      if (typeof node.additionalProperties === 'object') {
        node = node.additionalProperties;
        where = new Where(where, key, 'entry');
        continue;
      }
      return firstReleaseWithField(kind, version, release, where, key);
    }
    const isItem = node.items !== undefined;
    where = new Where(where, isItem ? Number(m[2]) : m[2], isItem ? 'item' : 'entry');
    node = node.items ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return undefined;
}

/**
 * True when the concrete path passes through a field that the targeted release lacks and a newer bundled release
 * has. The operator of the targeted release decodes the object into its own Go types, which drop such a field, so
 * no operator rule of that release can see it.
 */
export function pathNeedsNewerRelease(kind: string, version: string, release: string, path: string): boolean {
  return newerReleaseForPath(kind, version, release, path) !== undefined;
}

/** An unknown-field issue at a field a newer bundled release has becomes `schema.needs-release`. */
export function needsRelease<T extends { path: string; rule: string; message: string }>(issue: T, kind: string, version: string, release: string): T {
  if (issue.rule !== 'schema.unknown-field') return issue;
  const newer = newerReleaseForPath(kind, version, release, issue.path);
  return newer === undefined ? issue : { ...issue, rule: 'schema.needs-release', message: `field ${issue.path} needs operator release ${newer} or later; you target ${release}` };
}
