/** `MCPAuthzConfig`: a shared authorization configuration: Cedar policies (`cedarv1`) or an HTTP policy decision point (`httpv1`). */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveComponent, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs } from './types';
import { mcpAuthzConfigManifest, type McpAuthzConfigSpec } from '../manifests/mcp-authz-config';

/** Args of {@link McpAuthzConfig}: the `MCPAuthzConfig` spec fields (references take the referenced object), `metadata` and `operator`. */
export interface McpAuthzConfigArgs extends ToolHiveComponentArgs, SpecInputs<McpAuthzConfigSpec> {}

/**
 * A shared authorization configuration: Cedar policies (`cedarv1`) or an HTTP policy decision point (`httpv1`).
 *
 * Type token `toolhive:index:McpAuthzConfig`; its child is the `MCPAuthzConfig` custom resource.
 *
 * @example
 * new McpAuthzConfig('cedar', { type: 'cedarv1', config: { policies: ['permit(principal, action, resource);'] } });
 */
export class McpAuthzConfig extends ToolHiveComponent<'MCPAuthzConfig', McpAuthzConfigSpec> {
  constructor(name: string, args: McpAuthzConfigArgs, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:McpAuthzConfig', 'MCPAuthzConfig', mcpAuthzConfigManifest, name, args, opts);
  }
}
