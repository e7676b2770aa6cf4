/** `MCPServerEntry`: a catalog entry for a remote MCP endpoint the vMCP connects to directly (no pods). */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveComponent, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs, WithGroup } from './types';
import { mcpServerEntryManifest, type McpServerEntrySpec } from '../manifests/mcp-server-entry';

/** Args of {@link McpServerEntry}: the `MCPServerEntry` spec fields (references take the referenced object), `metadata` and `operator`. */
export type McpServerEntryArgs = ToolHiveComponentArgs & WithGroup<SpecInputs<McpServerEntrySpec>>;

/**
 * A catalog entry for a remote MCP endpoint the vMCP connects to directly (no pods).
 *
 * Type token `toolhive:index:McpServerEntry`; its child is the `MCPServerEntry` custom resource.
 *
 * @example
 * new McpServerEntry('search', { remoteUrl: 'https://mcp.search.example.com/mcp', transport: 'streamable-http', groupRef: group });
 */
export class McpServerEntry extends ToolHiveComponent<'MCPServerEntry', McpServerEntrySpec> {
  constructor(name: string, args: McpServerEntryArgs, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:McpServerEntry', 'MCPServerEntry', mcpServerEntryManifest, name, args, opts);
  }
}
