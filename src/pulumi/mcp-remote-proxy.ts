/** `MCPRemoteProxy`: a proxy Deployment in front of a remote MCP server, adding authentication, authorization, tool filtering and telemetry. */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveWorkload, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs, WithGroup } from './types';
import { mcpRemoteProxyManifest, type McpRemoteProxySpec } from '../manifests/mcp-remote-proxy';

/** Args of {@link McpRemoteProxy}: the `MCPRemoteProxy` spec fields (references take the referenced object), `metadata` and `operator`. */
export type McpRemoteProxyArgs = ToolHiveComponentArgs & WithGroup<SpecInputs<McpRemoteProxySpec>>;

/**
 * A proxy Deployment in front of a remote MCP server, adding authentication, authorization, tool filtering and telemetry.
 *
 * Type token `toolhive:index:McpRemoteProxy`; its child is the `MCPRemoteProxy` custom resource.
 *
 * @example
 * new McpRemoteProxy('docs', {
 *   remoteUrl: 'https://mcp.docs.example.com/mcp',
 *   oidcConfigRef: { name: oidc, audience: 'docs' },
 *   externalAuthConfigRef: bearer,
 * });
 */
export class McpRemoteProxy extends ToolHiveWorkload<'MCPRemoteProxy', McpRemoteProxySpec> {
  constructor(name: string, args: McpRemoteProxyArgs, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:McpRemoteProxy', 'MCPRemoteProxy', mcpRemoteProxyManifest, name, args, opts);
  }
}
