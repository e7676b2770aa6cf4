/** Message pieces shared by the reference table and the resolver. Names and keys only, never values. */
import type { TargetKind } from './types';
import { kindInfo } from '../../schema/registry';
import { goQuote as q } from '../operator/go/quote';

/** The API resource of a core target kind; ToolHive kinds take theirs from the schema registry (`plural.group`). */
const CORE_RESOURCE: Readonly<Record<string, string>> = { Secret: 'secrets', ConfigMap: 'configmaps' };

function resource(kind: TargetKind): string {
  const info = kindInfo(kind);
  return info ? `${info.plural}.${info.group}` : CORE_RESOURCE[kind];
}

/** The Kubernetes API's NotFound error text, which the operator wraps with `%w`: `secrets "x" not found`. */
export function apiNotFound(kind: TargetKind, name: string): string {
  return `${resource(kind)} ${q(name)} not found`;
}

/** Our text for a missing target when the operator has none. */
export function defaultMissing(kind: TargetKind, name: string, namespace: string): string {
  return `${kind} ${q(name)} not found in namespace ${q(namespace)}`;
}

/** Our text for a missing key when the operator has none. */
export function defaultKeyMissing(kind: TargetKind, name: string, namespace: string, key: string): string {
  return `${kind} ${q(name)} in namespace ${q(namespace)} has no key ${q(key)}`;
}

/** Our text for an empty value when the operator has none. */
export function defaultKeyEmpty(kind: TargetKind, name: string, namespace: string, key: string): string {
  return `${kind} ${q(name)} in namespace ${q(namespace)} has an empty value for key ${q(key)}`;
}

/** `"a", "b"` */
export function quoteList(items: readonly string[]): string {
  return items.map(q).join(', ');
}
