/** `MCPTelemetryConfig`: shared OTLP and Prometheus settings. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, ToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import { mcpTelemetryConfigManifest, type McpTelemetryConfigSpec } from '../manifests/mcp-telemetry-config';

/** An `MCPTelemetryConfig`, defined in the app or imported with `McpTelemetryConfig.fromName`. */
export interface IMcpTelemetryConfig extends IToolHiveObject {
  readonly kind: 'MCPTelemetryConfig';
}

/** A workload's reference to an `MCPTelemetryConfig` (`spec.telemetryConfigRef`). */
export interface McpTelemetryConfigReference {
  /** The shared telemetry configuration. */
  readonly config: IMcpTelemetryConfig;
  /**
   * Overrides the telemetry service name for this workload. It must be unique per workload to tell traces
   * and metrics of workloads sharing a collector apart.
   *
   * @default - the workload's name
   */
  readonly serviceName?: string;
}

export interface McpTelemetryConfigProps extends ToolHiveObjectProps {
  /**
   * OpenTelemetry defines OpenTelemetry configuration (OTLP endpoint, tracing, metrics, headers; Secret-backed
   * `sensitiveHeaders` take a `SecretKey` as `secretKeyRef`).
   *
   * @default - OpenTelemetry disabled
   */
  readonly openTelemetry?: McpTelemetryConfigSpec['openTelemetry'];
  /**
   * Prometheus defines Prometheus-specific configuration.
   *
   * @default - no Prometheus metrics path
   */
  readonly prometheus?: McpTelemetryConfigSpec['prometheus'];
}

/**
 * An `MCPTelemetryConfig`, referenced by workloads through `telemetry: { config, serviceName }`.
 *
 * @example
 * const otel = new McpTelemetryConfig(chart, 'otel', {
 *   openTelemetry: { enabled: true, endpoint: 'otel-collector:4317', tracing: { enabled: true } },
 * });
 */
export class McpTelemetryConfig extends ToolHiveObject<McpTelemetryConfigSpec> implements IMcpTelemetryConfig {
  /** Imports an `MCPTelemetryConfig` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IMcpTelemetryConfig {
    return new ImportedToolHiveObject(scope, id, 'MCPTelemetryConfig', name) as IMcpTelemetryConfig;
  }

  public declare readonly kind: 'MCPTelemetryConfig';

  public constructor(scope: Construct, id: string, props: McpTelemetryConfigProps = {}) {
    super(scope, id, 'MCPTelemetryConfig', props);
    this.setManifest(mcpTelemetryConfigManifest({
      metadata: this.builderMetadata(),
      spec: {
        openTelemetry: this.resolve(props.openTelemetry, 'spec.openTelemetry'),
        prometheus: props.prometheus,
      },
    }));
  }
}
