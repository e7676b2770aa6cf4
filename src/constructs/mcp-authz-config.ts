/** `MCPAuthzConfig`: a shared authorization configuration (Cedar policies or an HTTP policy decision point). */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, ToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import { mcpAuthzConfigManifest, type McpAuthzConfigSpec } from '../manifests/mcp-authz-config';

/** An `MCPAuthzConfig`, defined in the app or imported with `McpAuthzConfig.fromName`. */
export interface IMcpAuthzConfig extends IToolHiveObject {
  readonly kind: 'MCPAuthzConfig';
}

/** Options of a Cedar (`cedarv1`) authorizer; written to `spec.config` with the operator's snake_case keys. */
export interface McpAuthzCedarOptions extends ToolHiveObjectProps {
  /** Cedar policies; at least one. */
  readonly policies: readonly string[];
  /**
   * Cedar entities, as a JSON string (`entities_json`).
   *
   * @default - the operator's default, `[]`
   */
  readonly entitiesJson?: string;
  /**
   * JWT claim holding the principal's groups (`group_claim_name`).
   *
   * @default - the well-known claims `groups`, `roles`, `cognito:groups`
   */
  readonly groupClaimName?: string;
  /**
   * JWT claim holding the principal's roles (`role_claim_name`).
   *
   * @default - roles are not read from a separate claim
   */
  readonly roleClaimName?: string;
  /**
   * Cedar entity type of principal parents synthesised from group/role claims (`group_entity_type`).
   *
   * @default - the operator's default, `THVGroup`
   */
  readonly groupEntityType?: string;
  /**
   * The upstream provider of the embedded auth server whose token claims Cedar evaluates
   * (`primary_upstream_provider`; VirtualMCPServer with `authServerConfig` only).
   *
   * @default - the first upstream provider
   */
  readonly primaryUpstreamProvider?: string;
  /**
   * Claims that hold several values (`multi_valued_claims`).
   *
   * @default - none
   */
  readonly multiValuedClaims?: readonly string[];
}

/** Options of an HTTP policy decision point (`httpv1`) authorizer. */
export interface McpAuthzHttpOptions extends ToolHiveObjectProps {
  /** Base URL of the PDP server (`http.url`). */
  readonly url: string;
  /** How JWT claims map to the PDP request (`claim_mapping`). */
  readonly claimMapping: 'mpe' | 'standard';
  /**
   * HTTP request timeout in seconds (`http.timeout`).
   *
   * @default - the operator's default, 30
   */
  readonly timeoutSeconds?: number;
  /**
   * Skip TLS verification of the PDP (`http.insecure_skip_verify`); for testing only.
   *
   * @default false
   */
  readonly insecureSkipVerify?: boolean;
  /**
   * Include tool/prompt arguments in the request context (`context.include_args`).
   *
   * @default false
   */
  readonly includeArgs?: boolean;
  /**
   * Include the MCP operation metadata in the request context (`context.include_operation`).
   *
   * @default false
   */
  readonly includeOperation?: boolean;
}

/**
 * Props of an `MCPAuthzConfig`. Build one with `McpAuthzConfig.cedar(...)` or `McpAuthzConfig.http(...)`.
 */
export interface McpAuthzConfigProps extends ToolHiveObjectProps {
  /** Type identifies the authorizer backend: `cedarv1` or `httpv1`. */
  readonly type: McpAuthzConfigSpec['type'];
  /** Config contains the backend-specific authorization configuration (snake_case keys). */
  readonly config: McpAuthzConfigSpec['config'];
}

/**
 * An `MCPAuthzConfig`, referenced by workloads through `authz`. VirtualMCPServer supports `cedarv1` only.
 *
 * @example
 * const authz = McpAuthzConfig.cedar(chart, 'readers', { policies: ['permit(principal, action == Action::"call_tool", resource);'] });
 */
export class McpAuthzConfig extends ToolHiveObject<McpAuthzConfigSpec> implements IMcpAuthzConfig {
  /** A Cedar (`cedarv1`) authorization configuration. */
  public static cedar(scope: Construct, id: string, options: McpAuthzCedarOptions): McpAuthzConfig {
    return new McpAuthzConfig(scope, id, {
      metadata: options.metadata,
      type: 'cedarv1',
      config: {
        policies: options.policies,
        entities_json: options.entitiesJson,
        group_claim_name: options.groupClaimName,
        role_claim_name: options.roleClaimName,
        group_entity_type: options.groupEntityType,
        primary_upstream_provider: options.primaryUpstreamProvider,
        multi_valued_claims: options.multiValuedClaims,
      },
    });
  }

  /** An HTTP policy decision point (`httpv1`) authorization configuration. */
  public static http(scope: Construct, id: string, options: McpAuthzHttpOptions): McpAuthzConfig {
    const hasContext = options.includeArgs !== undefined || options.includeOperation !== undefined;
    return new McpAuthzConfig(scope, id, {
      metadata: options.metadata,
      type: 'httpv1',
      config: {
        http: { url: options.url, timeout: options.timeoutSeconds, insecure_skip_verify: options.insecureSkipVerify },
        context: hasContext ? { include_args: options.includeArgs, include_operation: options.includeOperation } : undefined,
        claim_mapping: options.claimMapping,
      },
    });
  }

  /** Imports an `MCPAuthzConfig` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IMcpAuthzConfig {
    return new ImportedToolHiveObject(scope, id, 'MCPAuthzConfig', name) as IMcpAuthzConfig;
  }

  public declare readonly kind: 'MCPAuthzConfig';
  /** The authorizer backend: `cedarv1` or `httpv1`. */
  public readonly type: string;

  private constructor(scope: Construct, id: string, props: McpAuthzConfigProps) {
    super(scope, id, 'MCPAuthzConfig', props);
    this.type = props.type;
    this.setManifest(mcpAuthzConfigManifest({ metadata: this.builderMetadata(), spec: { type: props.type, config: props.config } }));
  }
}
