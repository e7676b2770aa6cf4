/** Builder for `MCPRegistry` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { McpRegistrySpec } from './generated/specs';

export type { McpRegistrySpec };

/**
 * Builds a plain `MCPRegistry` manifest from resolved props (references by name).
 *
 * @example
 * mcpRegistryManifest({ metadata: { name: 'example' }, spec: { configYAML: 'sources: []' } })
 */
export function mcpRegistryManifest(props: ManifestProps<McpRegistrySpec>): ToolHiveManifest<McpRegistrySpec> {
  return toolhiveManifest('MCPRegistry', props);
}
