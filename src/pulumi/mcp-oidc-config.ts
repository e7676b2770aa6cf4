/** `MCPOIDCConfig`: shared settings for validating incoming OIDC tokens; audience and scopes are set per workload in the reference. */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveComponent, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs } from './types';
import { mcpOidcConfigManifest, type McpOidcConfigSpec } from '../manifests/mcp-oidc-config';

/** Args of {@link McpOidcConfig}: the `MCPOIDCConfig` spec fields (references take the referenced object), `metadata` and `operator`. */
export interface McpOidcConfigArgs extends ToolHiveComponentArgs, SpecInputs<McpOidcConfigSpec> {}

/**
 * Shared settings for validating incoming OIDC tokens; audience and scopes are set per workload in the reference.
 *
 * Type token `toolhive:index:McpOidcConfig`; its child is the `MCPOIDCConfig` custom resource.
 *
 * @example
 * new McpOidcConfig('corp-oidc', { type: 'inline', inline: { issuer: 'https://login.example.com', clientId: 'toolhive', clientSecretRef: client.key('client-secret') } });
 */
export class McpOidcConfig extends ToolHiveComponent<'MCPOIDCConfig', McpOidcConfigSpec> {
  constructor(name: string, args: McpOidcConfigArgs, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:McpOidcConfig', 'MCPOIDCConfig', mcpOidcConfigManifest, name, args, opts);
  }
}
