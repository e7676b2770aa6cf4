/** `MCPExternalAuthConfig`: outgoing credentials (token exchange, header injection, bearer token, ...) or an embedded authorization server, selected by `type`. */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveComponent, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs } from './types';
import { mcpExternalAuthConfigManifest, type McpExternalAuthConfigSpec } from '../manifests/mcp-external-auth-config';

/** Args of {@link McpExternalAuthConfig}: the `MCPExternalAuthConfig` spec fields (references take the referenced object), `metadata` and `operator`. */
export interface McpExternalAuthConfigArgs extends ToolHiveComponentArgs, SpecInputs<McpExternalAuthConfigSpec> {}

/**
 * Outgoing credentials (token exchange, header injection, bearer token, ...) or an embedded authorization server, selected by `type`.
 *
 * Type token `toolhive:index:McpExternalAuthConfig`; its child is the `MCPExternalAuthConfig` custom resource.
 *
 * @example
 * new McpExternalAuthConfig('docs-bearer', { type: 'bearerToken', bearerToken: { tokenSecretRef: token.key('token') } });
 */
export class McpExternalAuthConfig extends ToolHiveComponent<'MCPExternalAuthConfig', McpExternalAuthConfigSpec> {
  constructor(name: string, args: McpExternalAuthConfigArgs, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:McpExternalAuthConfig', 'MCPExternalAuthConfig', mcpExternalAuthConfigManifest, name, args, opts);
  }
}
