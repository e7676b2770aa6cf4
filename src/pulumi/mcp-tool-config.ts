/** `MCPToolConfig`: a tool allow-list plus renames, description and annotation overrides. */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveComponent, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs } from './types';
import { mcpToolConfigManifest, type McpToolConfigSpec } from '../manifests/mcp-tool-config';

/** Args of {@link McpToolConfig}: the `MCPToolConfig` spec fields (references take the referenced object), `metadata` and `operator`. */
export interface McpToolConfigArgs extends ToolHiveComponentArgs, SpecInputs<McpToolConfigSpec> {}

/**
 * A tool allow-list plus renames, description and annotation overrides.
 *
 * Type token `toolhive:index:McpToolConfig`; its child is the `MCPToolConfig` custom resource.
 *
 * @example
 * new McpToolConfig('fetch-tools', { toolsFilter: ['fetch'], toolsOverride: { fetch: { name: 'fetch_page' } } });
 */
export class McpToolConfig extends ToolHiveComponent<'MCPToolConfig', McpToolConfigSpec> {
  constructor(name: string, args: McpToolConfigArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:McpToolConfig', 'MCPToolConfig', mcpToolConfigManifest, name, args, opts);
  }
}
