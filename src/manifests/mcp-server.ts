/** Builder for `MCPServer` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { McpServerSpec } from './generated/specs';

export type { McpServerSpec };

/**
 * Builds a plain `MCPServer` manifest from resolved props (references by name).
 *
 * @example
 * mcpServerManifest({ metadata: { name: 'example' }, spec: { image: 'ghcr.io/stackloklabs/osv-mcp/server', transport: 'streamable-http', groupRef: { name: 'platform' } } })
 */
export function mcpServerManifest(props: ManifestProps<McpServerSpec>): ToolHiveManifest<McpServerSpec> {
  return toolhiveManifest('MCPServer', props);
}
