/** Builder for `MCPOIDCConfig` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { McpOidcConfigSpec } from './generated/specs';

export type { McpOidcConfigSpec };

/**
 * Builds a plain `MCPOIDCConfig` manifest from resolved props (references by name).
 *
 * @example
 * mcpOidcConfigManifest({ metadata: { name: 'example' }, spec: { type: 'kubernetesServiceAccount', kubernetesServiceAccount: {} } })
 */
export function mcpOidcConfigManifest(props: ManifestProps<McpOidcConfigSpec>): ToolHiveManifest<McpOidcConfigSpec> {
  return toolhiveManifest('MCPOIDCConfig', props);
}
