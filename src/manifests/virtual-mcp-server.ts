/** Builder for `VirtualMCPServer` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { VirtualMcpServerSpec } from './generated/specs';

export type { VirtualMcpServerSpec };

/**
 * Builds a plain `VirtualMCPServer` manifest from resolved props (references by name).
 *
 * @example
 * virtualMcpServerManifest({ metadata: { name: 'example' }, spec: { groupRef: { name: 'platform' }, incomingAuth: { type: 'anonymous' } } })
 */
export function virtualMcpServerManifest(props: ManifestProps<VirtualMcpServerSpec>): ToolHiveManifest<VirtualMcpServerSpec> {
  return toolhiveManifest('VirtualMCPServer', props);
}
