/** Builder for `MCPAuthzConfig` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { McpAuthzConfigSpec } from './generated/specs';

export type { McpAuthzConfigSpec };

/**
 * Builds a plain `MCPAuthzConfig` manifest from resolved props (references by name).
 *
 * @example
 * mcpAuthzConfigManifest({ metadata: { name: 'example' }, spec: { type: 'cedarv1', config: { policies: ['permit(principal, action, resource);'] } } })
 */
export function mcpAuthzConfigManifest(props: ManifestProps<McpAuthzConfigSpec>): ToolHiveManifest<McpAuthzConfigSpec> {
  return toolhiveManifest('MCPAuthzConfig', props);
}
