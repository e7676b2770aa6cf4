/** `MCPWebhookConfig`: validating and mutating HTTP webhooks for MCPServer requests (emitted as `v1alpha1`, the only version of this kind). */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveComponent, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs } from './types';
import { mcpWebhookConfigManifest, type McpWebhookConfigSpec } from '../manifests/mcp-webhook-config';

/** Args of {@link McpWebhookConfig}: the `MCPWebhookConfig` spec fields (references take the referenced object), `metadata` and `operator`. */
export interface McpWebhookConfigArgs extends ToolHiveComponentArgs, SpecInputs<McpWebhookConfigSpec> {}

/**
 * Validating and mutating HTTP webhooks for MCPServer requests (emitted as `v1alpha1`, the only version of this kind).
 *
 * Type token `toolhive:index:McpWebhookConfig`; its child is the `MCPWebhookConfig` custom resource.
 *
 * @example
 * new McpWebhookConfig('policy', { validating: [{ name: 'policy', url: 'https://policy.example.com/validate', failurePolicy: 'fail' }] });
 */
export class McpWebhookConfig extends ToolHiveComponent<'MCPWebhookConfig', McpWebhookConfigSpec> {
  constructor(name: string, args: McpWebhookConfigArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:McpWebhookConfig', 'MCPWebhookConfig', mcpWebhookConfigManifest, name, args, opts);
  }
}
