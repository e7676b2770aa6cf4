/** `MCPServer`: a containerised MCP server: the operator runs a proxy Deployment (container `toolhive`) and the backend StatefulSet (container `mcp`). */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveWorkload, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs, WithGroup } from './types';
import { mcpServerManifest, type McpServerSpec } from '../manifests/mcp-server';

/** Args of {@link McpServer}: the `MCPServer` spec fields (references take the referenced object), `metadata` and `operator`. */
export type McpServerArgs = ToolHiveComponentArgs & WithGroup<SpecInputs<McpServerSpec>>;

/**
 * A containerised MCP server: the operator runs a proxy Deployment (container `toolhive`) and the backend StatefulSet (container `mcp`).
 *
 * Type token `toolhive:index:McpServer`; its child is the `MCPServer` custom resource.
 *
 * @example
 * new McpServer('fetch', {
 *   metadata: { namespace: 'toolhive' },
 *   image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1',
 *   transport: 'streamable-http',
 *   groupRef: group,
 *   secrets: [{ name: apiKey, key: 'api-key', targetEnvName: 'FETCH_API_KEY' }],
 * });
 */
export class McpServer extends ToolHiveWorkload<'MCPServer', McpServerSpec> {
  constructor(name: string, args: McpServerArgs, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:McpServer', 'MCPServer', mcpServerManifest, name, args, opts);
  }
}
