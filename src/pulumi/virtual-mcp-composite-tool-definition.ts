/** `VirtualMCPCompositeToolDefinition`: a reusable composite-tool workflow that VirtualMCPServers reference through `config.compositeToolRefs`. */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveComponent, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs } from './types';
import { virtualMcpCompositeToolDefinitionManifest, type VirtualMcpCompositeToolDefinitionSpec } from '../manifests/virtual-mcp-composite-tool-definition';

/** Args of {@link VirtualMcpCompositeToolDefinition}: the `VirtualMCPCompositeToolDefinition` spec fields (references take the referenced object), `metadata` and `operator`. */
export interface VirtualMcpCompositeToolDefinitionArgs extends ToolHiveComponentArgs, SpecInputs<VirtualMcpCompositeToolDefinitionSpec> {}

/**
 * A reusable composite-tool workflow that VirtualMCPServers reference through `config.compositeToolRefs`.
 *
 * Type token `toolhive:index:VirtualMcpCompositeToolDefinition`; its child is the `VirtualMCPCompositeToolDefinition` custom resource.
 *
 * @example
 * new VirtualMcpCompositeToolDefinition('triage', { name: 'triage', description: 'Fetch then summarise', steps: [{ id: 'fetch', tool: 'fetch.fetch' }] });
 */
export class VirtualMcpCompositeToolDefinition extends ToolHiveComponent<'VirtualMCPCompositeToolDefinition', VirtualMcpCompositeToolDefinitionSpec> {
  constructor(name: string, args: VirtualMcpCompositeToolDefinitionArgs, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:VirtualMcpCompositeToolDefinition', 'VirtualMCPCompositeToolDefinition', virtualMcpCompositeToolDefinitionManifest, name, args, opts);
  }
}
