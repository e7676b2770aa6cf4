/** The ToolHive kinds and the apiVersion each is emitted with. Shared by the builders, the constructs and the schema tools. */

/** The API group of every ToolHive kind. */
export const TOOLHIVE_GROUP = 'toolhive.stacklok.dev';

/**
 * The apiVersion each ToolHive kind is emitted with: `v1beta1` (the storage version) for every kind except
 * `MCPWebhookConfig`, which only exists as `v1alpha1`.
 */
export const API_VERSIONS = {
  MCPServer: `${TOOLHIVE_GROUP}/v1beta1`,
  MCPRemoteProxy: `${TOOLHIVE_GROUP}/v1beta1`,
  VirtualMCPServer: `${TOOLHIVE_GROUP}/v1beta1`,
  MCPGroup: `${TOOLHIVE_GROUP}/v1beta1`,
  MCPServerEntry: `${TOOLHIVE_GROUP}/v1beta1`,
  MCPExternalAuthConfig: `${TOOLHIVE_GROUP}/v1beta1`,
  MCPOIDCConfig: `${TOOLHIVE_GROUP}/v1beta1`,
  MCPAuthzConfig: `${TOOLHIVE_GROUP}/v1beta1`,
  MCPToolConfig: `${TOOLHIVE_GROUP}/v1beta1`,
  MCPTelemetryConfig: `${TOOLHIVE_GROUP}/v1beta1`,
  MCPWebhookConfig: `${TOOLHIVE_GROUP}/v1alpha1`,
  EmbeddingServer: `${TOOLHIVE_GROUP}/v1beta1`,
  VirtualMCPCompositeToolDefinition: `${TOOLHIVE_GROUP}/v1beta1`,
  MCPRegistry: `${TOOLHIVE_GROUP}/v1beta1`,
} as const;

/** A ToolHive kind, spelled as in the CRD (`MCPServer`, `MCPOIDCConfig`, ...). */
export type ToolHiveKind = keyof typeof API_VERSIONS;
