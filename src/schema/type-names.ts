/**
 * The ToolHive kinds, spelled as in the CRD (`MCPServer`), each with its TypeScript name: the PascalCase the
 * constructs, the Pulumi components and the generated spec types use (`McpServer`, `McpServerSpec`). The one
 * hand-kept list of kind names: a test checks it against the generated schema registry (`KINDS`), and the
 * versions each kind is emitted at come from that registry (`apiVersionOf`).
 */
export const KIND_TYPE_NAMES = {
  MCPServer: 'McpServer',
  MCPRemoteProxy: 'McpRemoteProxy',
  VirtualMCPServer: 'VirtualMcpServer',
  MCPGroup: 'McpGroup',
  MCPServerEntry: 'McpServerEntry',
  MCPExternalAuthConfig: 'McpExternalAuthConfig',
  MCPOIDCConfig: 'McpOidcConfig',
  MCPAuthzConfig: 'McpAuthzConfig',
  MCPToolConfig: 'McpToolConfig',
  MCPTelemetryConfig: 'McpTelemetryConfig',
  MCPWebhookConfig: 'McpWebhookConfig',
  EmbeddingServer: 'EmbeddingServer',
  VirtualMCPCompositeToolDefinition: 'VirtualMcpCompositeToolDefinition',
  MCPRegistry: 'McpRegistry',
} as const;

/** A ToolHive kind, spelled as in the CRD (`MCPServer`, `MCPOIDCConfig`, ...). */
export type ToolHiveKind = keyof typeof KIND_TYPE_NAMES;

/** Every ToolHive kind, in the order of `KIND_TYPE_NAMES`. */
export const TOOLHIVE_KINDS = Object.keys(KIND_TYPE_NAMES) as readonly ToolHiveKind[];
