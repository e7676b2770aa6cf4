/** `MCPGroup`: a logical group of MCPServers, MCPRemoteProxies and MCPServerEntries: what a VirtualMCPServer aggregates. */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveComponent, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs } from './types';
import { mcpGroupManifest, type McpGroupSpec } from '../manifests/mcp-group';

/** Args of {@link McpGroup}: the `MCPGroup` spec fields (references take the referenced object), `metadata` and `operator`. */
export interface McpGroupArgs extends ToolHiveComponentArgs, SpecInputs<McpGroupSpec> {}

/**
 * A logical group of MCPServers, MCPRemoteProxies and MCPServerEntries: what a VirtualMCPServer aggregates.
 *
 * Type token `toolhive:index:McpGroup`; its child is the `MCPGroup` custom resource.
 *
 * @example
 * const group = new McpGroup('tools', { description: 'Tools behind the gateway' });
 */
export class McpGroup extends ToolHiveComponent<'MCPGroup', McpGroupSpec> {
  constructor(name: string, args: McpGroupArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:McpGroup', 'MCPGroup', mcpGroupManifest, name, args, opts);
  }
}
