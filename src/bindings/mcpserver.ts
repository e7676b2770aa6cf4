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
import { at, dict, list, num, str } from '../core/util';

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
  const containers = list(at(ctx.spec, 'podTemplateSpec.spec.containers'));
  containers.forEach((c, ci) => {
    const d = dict(c);
    if (d?.name !== 'mcp') return;
    list(d.env).forEach((e, i) => {
      const env = dict(e);
      if (!env) return;
      const path = `spec.podTemplateSpec.spec.containers[${ci}].env[${i}]`;
      out.add(userEnvBinding(env), source(ctx.self, path, 'user', path));
    });
  });
  list(ctx.spec.secrets).forEach((s, i) => {
    const d = dict(s);
    if (!d) return;
    const target = str(d.targetEnvName) || (str(d.key) ?? '');
    const path = `spec.secrets[${i}]`;
    out.add({ name: target, valueFrom: { secretKeyRef: { name: str(d.name) ?? '', key: str(d.key) ?? '' } } },
      source(ctx.self, path, 'user', path));
  });

  const runEnv = new Map<string, SourcedEnvBinding>();
  list(ctx.spec.env).forEach((e, i) => {
    const d = dict(e);
    if (!d) return;
    const path = `spec.env[${i}]`;
    const name = str(d.name) ?? '';
    runEnv.set(name, { binding: { name, value: str(d.value) ?? '' }, source: source(ctx.self, path, 'user', path) });
  });
  const overwritten: OverwrittenEnvBinding[] = [];
  for (const [name, value] of transportEnv(ctx)) {
    const by: SourcedEnvBinding = { binding: { name, value }, source: source(ctx.self, 'spec.transport', 'operator', 'spec.transport') };
    const prior = runEnv.get(name);
    if (prior) overwritten.push({ entry: prior, by });
    runEnv.set(name, by);
  }
  for (const name of [...runEnv.keys()].sort(goCompare)) {
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
function transportEnv(ctx: WorkloadContext): [string, string][] {
  const transport = str(ctx.spec.transport) ?? 'stdio';
  if (transport !== 'sse' && transport !== 'streamable-http') return [['MCP_TRANSPORT', 'stdio']];
  const port = String(num(ctx.spec.mcpPort) || 8080);
  return [['MCP_TRANSPORT', transport], ['MCP_PORT', port], ['FASTMCP_PORT', port], ['MCP_HOST', '']];
}
