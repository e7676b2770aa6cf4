/** Builder for `MCPToolConfig` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { McpToolConfigSpec } from './generated/specs';

export type { McpToolConfigSpec };

/**
 * Builds a plain `MCPToolConfig` manifest from resolved props (references by name).
 *
 * @example
 * mcpToolConfigManifest({ metadata: { name: 'example' }, spec: { toolsFilter: ['query_vulnerability'] } })
 */
export function mcpToolConfigManifest(props: ManifestProps<McpToolConfigSpec>): ToolHiveManifest<McpToolConfigSpec> {
  return toolhiveManifest('MCPToolConfig', props);
}
