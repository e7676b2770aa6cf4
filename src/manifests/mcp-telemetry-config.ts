/** Builder for `MCPTelemetryConfig` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { McpTelemetryConfigSpec } from './generated/specs';

export type { McpTelemetryConfigSpec };

/**
 * Builds a plain `MCPTelemetryConfig` manifest from resolved props (references by name).
 *
 * @example
 * mcpTelemetryConfigManifest({ metadata: { name: 'example' }, spec: { prometheus: { enabled: true } } })
 */
export function mcpTelemetryConfigManifest(props: ManifestProps<McpTelemetryConfigSpec>): ToolHiveManifest<McpTelemetryConfigSpec> {
  return toolhiveManifest('MCPTelemetryConfig', props);
}
