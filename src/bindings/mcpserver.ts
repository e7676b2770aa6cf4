/**
 * MCPServer: proxyrunner container `toolhive` (controllers/mcpserver_controller.go deploymentForMCPServer) and backend
 * container `mcp` (the pod template patch of ctrlutil PodTemplateSpecBuilder.WithSecrets).
 */
import {
  addOidcClientSecret, addProxyDeploymentEnv, addProxyTokenExchange, addReferencedAuthServerEnv, addSessionRedisPassword,
  addTelemetryEnv, ensureRequiredEnv, EnvList, source, userEnvBinding, type WorkloadContext,
} from './common';
import { goCompare } from './names';
import type { OverwrittenEnvBinding, SourcedContainerEnv, SourcedEnvBinding } from './types';
import { at, dict, list, num, sortedSmall, str } from '../core/util';

/** Downward-API path of the generation annotation the operator stamps on the proxy pod template. */
export const MCPSERVER_GENERATION_FIELD_PATH = "metadata.annotations['toolhive.stacklok.dev/mcpserver-generation']";

export function mcpServerContainers(ctx: WorkloadContext): SourcedContainerEnv[] {
  return [proxyContainer(ctx), backendContainer(ctx)];
}

/** mirrors controllers/mcpserver_controller.go deploymentForMCPServer (env built in this order) */
function proxyContainer(ctx: WorkloadContext): SourcedContainerEnv {
  const out = new EnvList();
  addTelemetryEnv(ctx, out);
  // externalAuthConfigRef: tokenExchange client secret; OBO has no env in OSS builds; webhooks mount files
  addProxyTokenExchange(ctx, out);
  addOidcClientSecret(ctx, out, 'spec.oidcConfigRef', 'TOOLHIVE_OIDC_CLIENT_SECRET', true);
  addProxyDeploymentEnv(ctx, out);
  addSessionRedisPassword(ctx, out);
  out.add({ name: 'THV_MCPSERVER_GENERATION', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: MCPSERVER_GENERATION_FIELD_PATH } } },
    source(ctx.self, '', 'operator', ''));
  addReferencedAuthServerEnv(ctx, out);
  ensureRequiredEnv(ctx.self, out);
  return { name: 'toolhive', env: out.env, overwritten: [], builtByOperator: true };
}

/**
 * The backend container, created by the proxyrunner from the `--k8s-pod-patch` the operator passes
 * (mirrors ctrlutil PodTemplateSpecBuilder.WithSecrets and pkg/container/kubernetes DeployWorkload):
 * the user's `podTemplateSpec` env for container `mcp`, then `spec.secrets`, then the RunConfig env map
 * (`spec.env` plus the proxyrunner's transport variables, which overwrite same-named user entries) sorted by name.
 */
function backendContainer(ctx: WorkloadContext): SourcedContainerEnv {
  const out = new EnvList();
  // indexed loops, no callbacks: this runs for every MCPServer of a validation run
  const containers = list(at(ctx.spec, 'podTemplateSpec.spec.containers'));
  for (let ci = 0; ci < containers.length; ci++) {
    if (!(ci in containers)) continue; // a hole, as forEach skips it
    const d = dict(containers[ci]);
    if (d?.name !== 'mcp') continue;
    const env = list(d.env);
    for (let i = 0; i < env.length; i++) {
      const e = i in env ? dict(env[i]) : undefined;
      if (!e) continue;
      const path = `spec.podTemplateSpec.spec.containers[${ci}].env[${i}]`;
      out.add(userEnvBinding(e), source(ctx.self, path, 'user', path));
    }
  }
  const secrets = list(ctx.spec.secrets);
  for (let i = 0; i < secrets.length; i++) {
    const d = i in secrets ? dict(secrets[i]) : undefined;
    if (!d) continue;
    const target = str(d.targetEnvName) || (str(d.key) ?? '');
    const path = `spec.secrets[${i}]`;
    out.add({ name: target, valueFrom: { secretKeyRef: { name: str(d.name) ?? '', key: str(d.key) ?? '' } } },
      source(ctx.self, path, 'user', path));
  }

  const runEnv = new Map<string, SourcedEnvBinding>();
  const env = list(ctx.spec.env);
  for (let i = 0; i < env.length; i++) {
    const d = i in env ? dict(env[i]) : undefined;
    if (!d) continue;
    const path = `spec.env[${i}]`;
    const name = str(d.name) ?? '';
    runEnv.set(name, { binding: { name, value: str(d.value) ?? '' }, source: source(ctx.self, path, 'user', path) });
  }
  const overwritten: OverwrittenEnvBinding[] = [];
  const transport = transportEnv(ctx);
  for (let i = 0; i < transport.length; i += 2) {
    const name = transport[i];
    const value = transport[i + 1];
    const by: SourcedEnvBinding = { binding: { name, value }, source: source(ctx.self, 'spec.transport', 'operator', 'spec.transport') };
    const prior = runEnv.get(name);
    if (prior) overwritten.push({ entry: prior, by });
    runEnv.set(name, by);
  }
  for (const name of sortedSmall([...runEnv.keys()], goCompare)) {
    const e = runEnv.get(name)!;
    out.add(e.binding, e.source);
  }
  return { name: 'mcp', env: out.env, overwritten, builtByOperator: false };
}

/**
 * mirrors pkg/runtime/setup.go Setup: `MCP_TRANSPORT`, and for HTTP transports `MCP_PORT`/`FASTMCP_PORT`
 * (the target port, `spec.mcpPort` or 8080) and `MCP_HOST` (the RunConfig target host, which the operator
 * leaves empty).
 */
function transportEnv(ctx: WorkloadContext): readonly string[] {
  const transport = str(ctx.spec.transport) ?? 'stdio';
  if (transport !== 'sse' && transport !== 'streamable-http') return STDIO_ENV;
  const port = String(num(ctx.spec.mcpPort) || 8080);
  // name, value, name, value, ...
  return ['MCP_TRANSPORT', transport, 'MCP_PORT', port, 'FASTMCP_PORT', port, 'MCP_HOST', ''];
}

const STDIO_ENV: readonly string[] = ['MCP_TRANSPORT', 'stdio'];
