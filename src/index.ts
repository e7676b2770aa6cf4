/**
 * `toolhive-constructs`: cdk8s constructs for every ToolHive kind, plus what a cdk8s user reaches for next to
 * them: the validation engine and the env derivation (the whole `toolhive-constructs/validation` API), and the
 * typed manifest builders with each kind's spec type.
 *
 * The other entry points: `toolhive-constructs/validation` (engine only; loads neither cdk8s nor Pulumi),
 * `toolhive-constructs/pulumi` (Pulumi components) and `toolhive-constructs/l1` (the classes of `cdk8s import`).
 */
export * from './constructs';
export * from './validation';
export {
  embeddingServerManifest,
  mcpAuthzConfigManifest,
  mcpExternalAuthConfigManifest,
  mcpGroupManifest,
  mcpOidcConfigManifest,
  mcpRegistryManifest,
  mcpRemoteProxyManifest,
  mcpServerEntryManifest,
  mcpServerManifest,
  mcpTelemetryConfigManifest,
  mcpToolConfigManifest,
  mcpWebhookConfigManifest,
  virtualMcpCompositeToolDefinitionManifest,
  virtualMcpServerManifest,
  type EmbeddingServerSpec,
  type ManifestProps,
  type McpAuthzConfigSpec,
  type McpExternalAuthConfigSpec,
  type McpGroupSpec,
  type McpOidcConfigSpec,
  type McpRegistrySpec,
  type McpRemoteProxySpec,
  type McpServerEntrySpec,
  type McpServerSpec,
  type McpTelemetryConfigSpec,
  type McpToolConfigSpec,
  type McpWebhookConfigSpec,
  type ObjectMeta,
  type ToolHiveKind,
  type ToolHiveManifest,
  type VirtualMcpCompositeToolDefinitionSpec,
  type VirtualMcpServerSpec,
} from './manifests';
export { ToolHiveValidationPlugin, type ToolHiveValidationPluginProperties } from './plugin';
