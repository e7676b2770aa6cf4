/** `MCPGroup`: a logical group of MCPServers, MCPRemoteProxies and MCPServerEntries that a vMCP aggregates. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, ToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import { mcpGroupManifest, type McpGroupSpec } from '../manifests/mcp-group';

/** An `MCPGroup`, defined in the app or imported with `McpGroup.fromName`. */
export interface IMcpGroup extends IToolHiveObject {
  readonly kind: 'MCPGroup';
}

export interface McpGroupProps extends ToolHiveObjectProps {
  /**
   * Description provides human-readable context.
   *
   * @default - no description
   */
  readonly description?: string;
}

/**
 * An `MCPGroup`. Workloads join it through their `group` prop; a `VirtualMcpServer` discovers its members.
 *
 * @example
 * const platform = new McpGroup(chart, 'platform', { description: 'Tools for the platform team' });
 */
export class McpGroup extends ToolHiveObject<McpGroupSpec> implements IMcpGroup {
  /** Imports an `MCPGroup` managed outside the app (declared external: references to it are not errors). */
  public static fromName(scope: Construct, id: string, name: string): IMcpGroup {
    return new ImportedToolHiveObject(scope, id, 'MCPGroup', name) as IMcpGroup;
  }

  public declare readonly kind: 'MCPGroup';

  public constructor(scope: Construct, id: string, props: McpGroupProps = {}) {
    super(scope, id, 'MCPGroup', props);
    this.setManifest(mcpGroupManifest({ metadata: this.builderMetadata(), spec: { description: props.description } }));
  }
}
