/**
 * Fields the selected operator release lacks but a newer bundled release has: the API server of the selected
 * release rejects them as unknown, and the fix is an operator upgrade (or dropping the field), so the message
 * names the first release that has the field.
 */
import type { Where } from './structural';
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
