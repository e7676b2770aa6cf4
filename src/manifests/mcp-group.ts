/** Builder for `MCPGroup` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { McpGroupSpec } from './generated/specs';

export type { McpGroupSpec };

/**
 * Builds a plain `MCPGroup` manifest from resolved props (references by name).
 *
 * @example
 * mcpGroupManifest({ metadata: { name: 'example' }, spec: { description: 'Tools for the platform team' } })
 */
export function mcpGroupManifest(props: ManifestProps<McpGroupSpec>): ToolHiveManifest<McpGroupSpec> {
  return toolhiveManifest('MCPGroup', props);
}
