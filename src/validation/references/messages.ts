/** Message pieces shared by the reference table and the resolver. Names and keys only, never values. */
import type { TargetKind } from './types';
import { goQuote as q } from '../operator/go/quote';

const RESOURCE: Readonly<Record<TargetKind, string>> = {
  MCPGroup: 'mcpgroups.toolhive.stacklok.dev',
  MCPOIDCConfig: 'mcpoidcconfigs.toolhive.stacklok.dev',
  MCPAuthzConfig: 'mcpauthzconfigs.toolhive.stacklok.dev',
  MCPExternalAuthConfig: 'mcpexternalauthconfigs.toolhive.stacklok.dev',
  MCPToolConfig: 'mcptoolconfigs.toolhive.stacklok.dev',
  MCPTelemetryConfig: 'mcptelemetryconfigs.toolhive.stacklok.dev',
  MCPWebhookConfig: 'mcpwebhookconfigs.toolhive.stacklok.dev',
  EmbeddingServer: 'embeddingservers.toolhive.stacklok.dev',
  VirtualMCPCompositeToolDefinition: 'virtualmcpcompositetooldefinitions.toolhive.stacklok.dev',
  Secret: 'secrets',
  ConfigMap: 'configmaps',
};

/** The Kubernetes API's NotFound error text, which the operator wraps with `%w`: `secrets "x" not found`. */
export function apiNotFound(kind: TargetKind, name: string): string {
  return `${RESOURCE[kind]} ${q(name)} not found`;
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
