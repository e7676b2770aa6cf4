/** Builder for `MCPServerEntry` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { McpServerEntrySpec } from './generated/specs';

export type { McpServerEntrySpec };

/**
 * Builds a plain `MCPServerEntry` manifest from resolved props (references by name).
 *
 * @example
 * mcpServerEntryManifest({ metadata: { name: 'example' }, spec: { remoteUrl: 'https://mcp.example.com/mcp', transport: 'streamable-http', groupRef: { name: 'platform' } } })
 */
export function mcpServerEntryManifest(props: ManifestProps<McpServerEntrySpec>): ToolHiveManifest<McpServerEntrySpec> {
  return toolhiveManifest('MCPServerEntry', props);
}
