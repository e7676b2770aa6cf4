/** `MCPRemoteProxy`: a ToolHive proxy in front of a remote MCP server. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, type IToolHiveObject } from './base';
import { ToolHiveProxyWorkload, type ProxyWorkloadProps } from './proxy-workload';
import { mcpRemoteProxyManifest, type McpRemoteProxySpec } from '../manifests/mcp-remote-proxy';

/** An `MCPRemoteProxy`, defined in the app or imported with `McpRemoteProxy.fromName`. */
export interface IMcpRemoteProxy extends IToolHiveObject {
  readonly kind: 'MCPRemoteProxy';
}

export interface McpRemoteProxyProps extends ProxyWorkloadProps {
  /** RemoteURL is the URL of the remote MCP server to proxy (`http://` or `https://`). */
  readonly remoteUrl: string;
  /**
   * Transport is the transport method of the remote server (sse or streamable-http).
   *
   * @default - the operator's default, `streamable-http`
   */
  readonly transport?: McpRemoteProxySpec['transport'];
  /**
   * Allow a remote URL on a private network (RFC 1918, ULA, `*.cluster.local`); loopback, link-local and
   * metadata addresses stay blocked.
   *
   * @default - the operator's default, false
   */
  readonly allowPrivateEndpoint?: boolean;
  /**
   * Headers added to requests to the remote server: plaintext, or from Secrets (`valueSecretRef` takes a `SecretKey`).
   *
   * @default - no extra headers
   */
  readonly headerForward?: McpRemoteProxySpec['headerForward'];
  /**
   * PodTemplateSpec customises the proxy pod; name the container `toolhive` to change the proxy container.
   *
   * @default - the operator's pod template
   */
  readonly podTemplateSpec?: McpRemoteProxySpec['podTemplateSpec'];
  /**
   * Resources defines the resource requirements for the proxy container (valid quantities).
   *
   * @default - no requests or limits
   */
  readonly resources?: McpRemoteProxySpec['resources'];
}

/**
 * An `MCPRemoteProxy`: a proxy Deployment `<name>` (container `toolhive`) adding auth, authz, tool filtering
 * and telemetry in front of a remote MCP URL.
 *
 * @example
 * new McpRemoteProxy(chart, 'notion', { remoteUrl: 'https://mcp.notion.com/mcp', oidcConfig: { config: oidc, audience: 'notion' } });
 */
export class McpRemoteProxy extends ToolHiveProxyWorkload<McpRemoteProxySpec> implements IMcpRemoteProxy {
  /** Imports an `MCPRemoteProxy` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IMcpRemoteProxy {
    return new ImportedToolHiveObject(scope, id, 'MCPRemoteProxy', name) as IMcpRemoteProxy;
  }

  public declare readonly kind: 'MCPRemoteProxy';

  public constructor(scope: Construct, id: string, props: McpRemoteProxyProps) {
    super(scope, id, 'MCPRemoteProxy', props);
    this.setManifest(mcpRemoteProxyManifest({
      metadata: this.builderMetadata(),
      // Object.assign, not a spread: V8 copies a spread object into a slow one before the keys below are added
      spec: Object.assign(this.proxySpec(props), {
        remoteUrl: props.remoteUrl,
        transport: props.transport,
        allowPrivateEndpoint: props.allowPrivateEndpoint,
        headerForward: this.resolve(props.headerForward, 'spec.headerForward'),
        podTemplateSpec: props.podTemplateSpec,
        resources: props.resources,
      }),
    }));
  }
}

