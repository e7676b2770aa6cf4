/** Builder for `MCPWebhookConfig` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { McpWebhookConfigSpec } from './generated/specs';

export type { McpWebhookConfigSpec };

/**
 * Builds a plain `MCPWebhookConfig` manifest from resolved props (references by name).
 *
 * @example
 * mcpWebhookConfigManifest({ metadata: { name: 'example' }, spec: { validating: [{ name: 'policy', url: 'https://policy.example.com/validate' }] } })
 */
export function mcpWebhookConfigManifest(props: ManifestProps<McpWebhookConfigSpec>): ToolHiveManifest<McpWebhookConfigSpec> {
  return toolhiveManifest('MCPWebhookConfig', props);
}
