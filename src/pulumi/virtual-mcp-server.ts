/** `VirtualMCPServer`: a Virtual MCP gateway (vMCP) that aggregates every workload of an MCPGroup behind one endpoint. */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveWorkload, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs, WithGroup } from './types';
import { virtualMcpServerManifest, type VirtualMcpServerSpec } from '../manifests/virtual-mcp-server';

/** Args of {@link VirtualMcpServer}: the `VirtualMCPServer` spec fields (references take the referenced object), `metadata` and `operator`. */
export type VirtualMcpServerArgs = ToolHiveComponentArgs & WithGroup<SpecInputs<VirtualMcpServerSpec>>;

/**
 * A Virtual MCP gateway (vMCP) that aggregates every workload of an MCPGroup behind one endpoint.
 *
 * Type token `toolhive:index:VirtualMcpServer`; its child is the `VirtualMCPServer` custom resource.
 *
 * @example
 * new VirtualMcpServer('gateway', {
 *   groupRef: group,
 *   incomingAuth: { type: 'oidc', oidcConfigRef: { name: oidc, audience: 'gateway' }, authzConfigRef: cedar },
 *   outgoingAuth: { source: 'discovered' },
 * });
 */
export class VirtualMcpServer extends ToolHiveWorkload<'VirtualMCPServer', VirtualMcpServerSpec> {
  constructor(name: string, args: VirtualMcpServerArgs, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:VirtualMcpServer', 'VirtualMCPServer', virtualMcpServerManifest, name, args, opts);
  }
}
