/** Builder for `VirtualMCPCompositeToolDefinition` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { VirtualMcpCompositeToolDefinitionSpec } from './generated/specs';

export type { VirtualMcpCompositeToolDefinitionSpec };

/**
 * Builds a plain `VirtualMCPCompositeToolDefinition` manifest from resolved props (references by name).
 *
 * @example
 * virtualMcpCompositeToolDefinitionManifest({
 *   metadata: { name: 'example' },
 *   spec: { name: 'triage', description: 'Triage an issue', steps: [{ id: 'fetch', tool: 'github_get_issue' }] },
 * })
 */
export function virtualMcpCompositeToolDefinitionManifest(
  props: ManifestProps<VirtualMcpCompositeToolDefinitionSpec>,
): ToolHiveManifest<VirtualMcpCompositeToolDefinitionSpec> {
  return toolhiveManifest('VirtualMCPCompositeToolDefinition', props);
}
