/**
 * cdk8s L2 constructs for every ToolHive kind: the public API of the constructs layer. Each kind file is
 * exported whole; the files that also hold internal helpers (argument checks, message formatting, namespace
 * lookups) list their public names. test/architecture/public-api.test.ts fails when a name appears here by accident.
 */
export { ToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
export * from './configmap-key';
export * from './crds';
export * from './embedding-server';
export * from './mcp-authz-config';
export * from './mcp-external-auth-config';
export * from './mcp-group';
export * from './mcp-oidc-config';
export { McpRemoteProxy, type IMcpRemoteProxy, type McpRemoteProxyProps } from './mcp-remote-proxy';
export * from './mcp-server-entry';
export * from './mcp-server';
export * from './mcp-telemetry-config';
export * from './mcp-tool-config';
export * from './mcp-webhook-config';
export * from './proxy-workload';
export * from './secret-key';
export {
  UpstreamProvider,
  type EmbeddedAuthServerConfig,
  type UpstreamOAuth2Config,
  type UpstreamOidcConfig,
  type UpstreamProviderConfig,
} from './upstream-provider';
export { ToolHiveValidation, type ToolHiveValidationOptions } from './validation';
export * from './virtual-mcp-composite-tool-definition';
export * from './virtual-mcp-server';
export * from './workload';
