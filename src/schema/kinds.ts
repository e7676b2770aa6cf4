/**
 * The ToolHive kinds and the apiVersion each is emitted with. Kind names are kept once, in `KIND_TYPE_NAMES`
 * (type-names.ts); versions come from the generated schema registry. Shared by the builders, the constructs and
 * the schema tools.
 */
import { GROUP, preferredVersion } from './registry';
import type { ToolHiveKind } from './type-names';

export type { ToolHiveKind };

/** The API group of every ToolHive kind. */
export const TOOLHIVE_GROUP = GROUP;

/**
 * The apiVersion a ToolHive kind is emitted with, from the generated schema registry: `v1beta1` where it is
 * served, else the storage version (`MCPWebhookConfig` only exists as `v1alpha1`).
 */
export function apiVersionOf(kind: ToolHiveKind): string {
  const version = preferredVersion(kind);
  if (version === undefined) throw new Error(`${kind} is not a kind of the targeted ToolHive release`); // a bug of this library
  return `${GROUP}/${version}`;
}
