/** `MCPServerEntry`: a catalog entry for a remote MCP endpoint that a vMCP connects to directly. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, ToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import type { IMcpExternalAuthConfig } from './mcp-external-auth-config';
import type { IMcpGroup } from './mcp-group';
import { mcpServerEntryManifest, type McpServerEntrySpec } from '../manifests/mcp-server-entry';

/** An `MCPServerEntry`, defined in the app or imported with `McpServerEntry.fromName`. */
export interface IMcpServerEntry extends IToolHiveObject {
  readonly kind: 'MCPServerEntry';
}

export interface McpServerEntryProps extends ToolHiveObjectProps {
  /** RemoteURL is the URL of the remote MCP server (`http://` or `https://`). */
  readonly remoteUrl: string;
  /** Transport is the transport method of the remote server (sse or streamable-http); there is no default. */
  readonly transport: McpServerEntrySpec['transport'];
  /** The MCPGroup this entry belongs to (`spec.groupRef`, required). */
  readonly group: IMcpGroup;
  /**
   * Allow a remote URL on a private network (RFC 1918, ULA, `*.cluster.local`).
   *
   * @default - the operator's default, false
   */
  readonly allowPrivateEndpoint?: boolean;
  /**
   * A ConfigMap holding the CA bundle to verify the remote server (`configMapRef` takes a `ConfigMapKey`).
   *
   * @default - the system trust store
   */
  readonly caBundleRef?: McpServerEntrySpec['caBundleRef'];
  /**
   * Credentials the vMCP uses for this entry (`spec.externalAuthConfigRef`).
   *
   * @default - no external auth
   */
  readonly externalAuth?: IMcpExternalAuthConfig;
  /**
   * Headers added to requests to the remote server: plaintext, or from Secrets (`valueSecretRef` takes a `SecretKey`).
   *
   * @default - no extra headers
   */
  readonly headerForward?: McpServerEntrySpec['headerForward'];
}

/**
 * An `MCPServerEntry`. No pods are created: the vMCP of its group connects to the remote URL directly.
 *
 * @example
 * new McpServerEntry(chart, 'context7', { remoteUrl: 'https://mcp.context7.com/mcp', transport: 'streamable-http', group: platform });
 */
export class McpServerEntry extends ToolHiveObject<McpServerEntrySpec> implements IMcpServerEntry {
  /** Imports an `MCPServerEntry` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IMcpServerEntry {
    return new ImportedToolHiveObject(scope, id, 'MCPServerEntry', name) as IMcpServerEntry;
  }

  public declare readonly kind: 'MCPServerEntry';

  public constructor(scope: Construct, id: string, props: McpServerEntryProps) {
    super(scope, id, 'MCPServerEntry', props);
    this.setManifest(mcpServerEntryManifest({
      metadata: this.builderMetadata(),
      spec: {
        remoteUrl: props.remoteUrl,
        transport: props.transport,
        groupRef: this.ref(props.group, 'spec.groupRef')!,
        allowPrivateEndpoint: props.allowPrivateEndpoint,
        caBundleRef: this.resolve(props.caBundleRef, 'spec.caBundleRef'),
        externalAuthConfigRef: this.ref(props.externalAuth, 'spec.externalAuthConfigRef'),
        headerForward: this.resolve(props.headerForward, 'spec.headerForward'),
      },
    }));
  }
}
