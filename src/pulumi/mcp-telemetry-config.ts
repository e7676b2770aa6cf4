/** `MCPTelemetryConfig`: shared OpenTelemetry (OTLP) and Prometheus settings. */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveComponent, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs } from './types';
import { mcpTelemetryConfigManifest, type McpTelemetryConfigSpec } from '../manifests/mcp-telemetry-config';

/** Args of {@link McpTelemetryConfig}: the `MCPTelemetryConfig` spec fields (references take the referenced object), `metadata` and `operator`. */
export interface McpTelemetryConfigArgs extends ToolHiveComponentArgs, SpecInputs<McpTelemetryConfigSpec> {}

/**
 * Shared OpenTelemetry (OTLP) and Prometheus settings.
 *
 * Type token `toolhive:index:McpTelemetryConfig`; its child is the `MCPTelemetryConfig` custom resource.
 *
 * @example
 * new McpTelemetryConfig('otel', { openTelemetry: { enabled: true, endpoint: 'otel-collector:4318', tracing: { enabled: true } } });
 */
export class McpTelemetryConfig extends ToolHiveComponent<'MCPTelemetryConfig', McpTelemetryConfigSpec> {
  constructor(name: string, args: McpTelemetryConfigArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:McpTelemetryConfig', 'MCPTelemetryConfig', mcpTelemetryConfigManifest, name, args, opts);
  }
}
