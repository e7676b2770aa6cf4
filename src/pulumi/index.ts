/**
 * `toolhive-constructs/pulumi`: Pulumi components for the ToolHive operator's custom resources, built on the
 * same manifest builders as the cdk8s constructs and validated by the same engine as the CLI.
 *
 * @example
 * import * as toolhive from 'toolhive-constructs/pulumi';
 * const group = new toolhive.McpGroup('tools', { metadata: { namespace: 'toolhive' } });
 * new toolhive.McpServer('fetch', { metadata: { namespace: 'toolhive' }, image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', groupRef: group });
 * toolhive.validate();
 */
export * from './embedding-server';
export { ToolHiveValidationError, type PropertyError } from './errors';
export * from './mcp-authz-config';
export * from './mcp-external-auth-config';
export * from './mcp-group';
export * from './mcp-oidc-config';
export * from './mcp-remote-proxy';
export * from './mcp-server-entry';
export * from './mcp-server';
export * from './mcp-telemetry-config';
export * from './mcp-tool-config';
export * from './mcp-webhook-config';
export { ConfigMapKey, SecretKey, type ConfigMapSource, type SecretSource } from './refs';
export type { ToolHiveOptions } from './registry';
export { ToolHiveComponent, ToolHiveWorkload, type ToolHiveComponentArgs, type ToolHiveMetadata } from './resource';
export * from './secret';
export type { SpecInput, SpecInputs } from './types';
export * from './validate';
export * from './virtual-mcp-composite-tool-definition';
export * from './virtual-mcp-server';
export type { Violation } from '../core/types';
export type { WorkloadEnv, ContainerEnv, EnvBinding } from '../bindings/types';
