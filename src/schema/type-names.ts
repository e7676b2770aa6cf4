import type { ToolHiveKind } from './kinds';

/**
 * The TypeScript name of each ToolHive kind: the PascalCase the constructs, the Pulumi components and the
 * generated spec types use (`McpServer`, `McpServerSpec`), not the CRD spelling (`MCPServer`).
 */
export const KIND_TYPE_NAMES: Readonly<Record<ToolHiveKind, string>> = {
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
};
