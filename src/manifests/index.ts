/**
 * Manifest builders: resolved props (references by name) → plain ToolHive manifest objects.
 * Shared by the cdk8s constructs and the Pulumi components; imports neither.
 */
export * from './common';
export * from './embedding-server';
export * from './mcp-authz-config';
export * from './mcp-external-auth-config';
export * from './mcp-group';
export * from './mcp-oidc-config';
export * from './mcp-registry';
export * from './mcp-remote-proxy';
export * from './mcp-server-entry';
export * from './mcp-server';
export * from './mcp-telemetry-config';
export * from './mcp-tool-config';
export * from './mcp-webhook-config';
export * from './virtual-mcp-composite-tool-definition';
export * from './virtual-mcp-server';
