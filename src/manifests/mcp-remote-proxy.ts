/** Builder for `MCPRemoteProxy` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { McpRemoteProxySpec } from './generated/specs';

export type { McpRemoteProxySpec };

/**
 * Builds a plain `MCPRemoteProxy` manifest from resolved props (references by name).
 *
 * @example
 * mcpRemoteProxyManifest({ metadata: { name: 'example' }, spec: { remoteUrl: 'https://mcp.example.com/mcp', oidcConfigRef: { name: 'corp-oidc', audience: 'remote-proxy' } } })
 */
export function mcpRemoteProxyManifest(props: ManifestProps<McpRemoteProxySpec>): ToolHiveManifest<McpRemoteProxySpec> {
  return toolhiveManifest('MCPRemoteProxy', props);
}
