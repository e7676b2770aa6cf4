/** Builder for `MCPExternalAuthConfig` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { McpExternalAuthConfigSpec } from './generated/specs';

export type { McpExternalAuthConfigSpec };

/**
 * Builds a plain `MCPExternalAuthConfig` manifest from resolved props (references by name).
 *
 * @example
 * mcpExternalAuthConfigManifest({ metadata: { name: 'example' }, spec: { type: 'bearerToken', bearerToken: { tokenSecretRef: { name: 'github-token', key: 'token' } } } })
 */
export function mcpExternalAuthConfigManifest(props: ManifestProps<McpExternalAuthConfigSpec>): ToolHiveManifest<McpExternalAuthConfigSpec> {
  return toolhiveManifest('MCPExternalAuthConfig', props);
}
