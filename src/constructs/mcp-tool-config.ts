/** `MCPToolConfig`: a tool allow-list plus renames, description and annotation overrides. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, ToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import { mcpToolConfigManifest, type McpToolConfigSpec } from '../manifests/mcp-tool-config';

/** An `MCPToolConfig`, defined in the app or imported with `McpToolConfig.fromName`. */
export interface IMcpToolConfig extends IToolHiveObject {
  readonly kind: 'MCPToolConfig';
}

export interface McpToolConfigProps extends ToolHiveObjectProps {
  /**
   * ToolsFilter is a list of tool names to filter (allow list). Only tools in this list are exposed by the
   * MCP server. Tool names must not be empty nor contain commas or newlines.
   *
   * @default - every tool is exposed
   */
  readonly toolsFilter?: McpToolConfigSpec['toolsFilter'];
  /**
   * ToolsOverride is a map from actual tool names to their overridden configuration (name, description,
   * annotations). This allows renaming tools and/or changing their descriptions.
   *
   * @default - no overrides
   */
  readonly toolsOverride?: McpToolConfigSpec['toolsOverride'];
}

/**
 * An `MCPToolConfig`, referenced by `McpServer`, `McpRemoteProxy` (`toolConfig`) and by vMCP aggregation.
 *
 * @example
 * new McpToolConfig(chart, 'read-only', { toolsFilter: ['get_issue', 'list_issues'] });
 */
export class McpToolConfig extends ToolHiveObject<McpToolConfigSpec> implements IMcpToolConfig {
  /** Imports an `MCPToolConfig` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IMcpToolConfig {
    return new ImportedToolHiveObject(scope, id, 'MCPToolConfig', name) as IMcpToolConfig;
  }

  public declare readonly kind: 'MCPToolConfig';

  public constructor(scope: Construct, id: string, props: McpToolConfigProps = {}) {
    super(scope, id, 'MCPToolConfig', props);
    this.setManifest(mcpToolConfigManifest({
      metadata: this.builderMetadata(),
      spec: { toolsFilter: props.toolsFilter, toolsOverride: props.toolsOverride },
    }));
  }
}
