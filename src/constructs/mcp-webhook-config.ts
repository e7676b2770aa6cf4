/** `MCPWebhookConfig` (v1alpha1 only): validating and mutating HTTP webhook middleware for MCPServers. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, ToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import { mcpWebhookConfigManifest, type McpWebhookConfigSpec } from '../manifests/mcp-webhook-config';

/** An `MCPWebhookConfig`, defined in the app or imported with `McpWebhookConfig.fromName`. */
export interface IMcpWebhookConfig extends IToolHiveObject {
  readonly kind: 'MCPWebhookConfig';
}

/** One webhook of an `MCPWebhookConfig` (the Secret refs take a `SecretKey`). */
export type McpWebhook = NonNullable<McpWebhookConfigSpec['validating']>[number];

export interface McpWebhookConfigProps extends ToolHiveObjectProps {
  /**
   * Validating webhooks are called to approve or deny MCP requests.
   *
   * @default - no validating webhooks (at least one validating or mutating webhook is required)
   */
  readonly validating?: readonly McpWebhook[];
  /**
   * Mutating webhooks are called to transform MCP requests before processing.
   *
   * @default - no mutating webhooks (at least one validating or mutating webhook is required)
   */
  readonly mutating?: readonly McpWebhook[];
}

/**
 * An `MCPWebhookConfig`, emitted as `toolhive.stacklok.dev/v1alpha1` (the only version of this kind).
 *
 * @example
 * new McpWebhookConfig(chart, 'policy', {
 *   validating: [{ name: 'opa', url: 'https://opa.policy.svc/v1/mcp', hmacSecretRef: SecretKey.fromSecret(hmac, 'key') }],
 * });
 */
export class McpWebhookConfig extends ToolHiveObject<McpWebhookConfigSpec> implements IMcpWebhookConfig {
  /** Imports an `MCPWebhookConfig` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IMcpWebhookConfig {
    return new ImportedToolHiveObject(scope, id, 'MCPWebhookConfig', name) as IMcpWebhookConfig;
  }

  public declare readonly kind: 'MCPWebhookConfig';

  public constructor(scope: Construct, id: string, props: McpWebhookConfigProps = {}) {
    super(scope, id, 'MCPWebhookConfig', props);
    this.setManifest(mcpWebhookConfigManifest({
      metadata: this.builderMetadata(),
      spec: {
        validating: this.resolve(props.validating, 'spec.validating'),
        mutating: this.resolve(props.mutating, 'spec.mutating'),
      },
    }));
  }
}
