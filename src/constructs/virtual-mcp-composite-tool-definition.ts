/** `VirtualMCPCompositeToolDefinition`: a reusable composite-tool workflow for vMCP servers. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, ToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import {
  virtualMcpCompositeToolDefinitionManifest,
  type VirtualMcpCompositeToolDefinitionSpec,
} from '../manifests/virtual-mcp-composite-tool-definition';

/** A `VirtualMCPCompositeToolDefinition`, defined in the app or imported with `fromName`. */
export interface IVirtualMcpCompositeToolDefinition extends IToolHiveObject {
  readonly kind: 'VirtualMCPCompositeToolDefinition';
}

/** One workflow step (`spec.steps[]`). */
export type CompositeToolStep = VirtualMcpCompositeToolDefinitionSpec['steps'][number];

export interface VirtualMcpCompositeToolDefinitionProps extends ToolHiveObjectProps {
  /** The workflow name (`spec.name`, the tool name clients see; not `metadata.name`). */
  readonly name: string;
  /**
   * Description describes what the workflow does.
   *
   * @default - none; the operator requires one, so synth fails without it
   */
  readonly description?: string;
  /** Steps are the workflow steps to execute; at least one, with unique ids. */
  readonly steps: readonly CompositeToolStep[];
  /**
   * Parameters is the input schema, a JSON Schema object with `type: object`.
   *
   * @default - no parameters
   */
  readonly parameters?: VirtualMcpCompositeToolDefinitionSpec['parameters'];
  /**
   * Output defines the structured output schema of the workflow.
   *
   * @default - the last step's output
   */
  readonly output?: VirtualMcpCompositeToolDefinitionSpec['output'];
  /**
   * Timeout is the maximum workflow execution time (a Go duration such as `5m`).
   *
   * @default - no workflow timeout
   */
  readonly timeout?: string;
  /**
   * MCP tool annotations declared for the composite tool.
   *
   * @default - derived from the annotations of the backend tools its steps call
   */
  readonly annotations?: VirtualMcpCompositeToolDefinitionSpec['annotations'];
}

/**
 * A `VirtualMCPCompositeToolDefinition`, referenced by vMCP servers (`compositeToolDefinitions`).
 *
 * @example
 * new VirtualMcpCompositeToolDefinition(chart, 'triage', {
 *   name: 'triage_issue',
 *   description: 'Fetch an issue and look up its dependencies',
 *   steps: [{ id: 'issue', type: 'tool', tool: 'github.get_issue', arguments: { number: '{{.params.number}}' } }],
 * });
 */
export class VirtualMcpCompositeToolDefinition
  extends ToolHiveObject<VirtualMcpCompositeToolDefinitionSpec>
  implements IVirtualMcpCompositeToolDefinition {
  /** Imports a `VirtualMCPCompositeToolDefinition` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IVirtualMcpCompositeToolDefinition {
    return new ImportedToolHiveObject(scope, id, 'VirtualMCPCompositeToolDefinition', name) as IVirtualMcpCompositeToolDefinition;
  }

  public declare readonly kind: 'VirtualMCPCompositeToolDefinition';
  /** The workflow name (`spec.name`). */
  public readonly toolName: string;

  public constructor(scope: Construct, id: string, props: VirtualMcpCompositeToolDefinitionProps) {
    super(scope, id, 'VirtualMCPCompositeToolDefinition', props);
    this.toolName = props.name;
    this.setManifest(virtualMcpCompositeToolDefinitionManifest({
      metadata: this.builderMetadata(),
      spec: {
        name: props.name,
        description: props.description,
        steps: props.steps,
        parameters: props.parameters,
        output: props.output,
        timeout: props.timeout,
        annotations: props.annotations,
      },
    }));
  }
}
