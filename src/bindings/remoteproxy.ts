/** MCPRemoteProxy: proxy container `toolhive` (controllers/mcpremoteproxy_deployment.go buildEnvVarsForProxy). */
import {
  addOidcClientSecret, addProxyDeploymentEnv, addProxyTokenExchange, addReferencedAuthServerEnv, addSessionRedisPassword,
  ensureRequiredEnv, EnvList, refTarget, source, type WorkloadContext,
} from './common';
import { bearerTokenEnvVar, headerForwardSecretEnvVar } from './names';
import type { SourcedContainerEnv } from './types';
import { at, dict, list, str } from '../core/util';

/**
 * mirrors controllers/mcpremoteproxy_deployment.go buildEnvVarsForProxy, then deploymentForMCPRemoteProxy
 * appends the embedded auth server env after EnsureRequiredEnvVars. No OTel env for remote proxies.
 */
export function remoteProxyContainers(ctx: WorkloadContext): SourcedContainerEnv[] {
  const out = new EnvList();
  addOidcClientSecret(ctx, out, 'spec.oidcConfigRef', 'TOOLHIVE_OIDC_CLIENT_SECRET', true);
  addProxyTokenExchange(ctx, out);
  addBearerToken(ctx, out);
  addHeaderForwardSecrets(ctx, out);
  addProxyDeploymentEnv(ctx, out);
  addSessionRedisPassword(ctx, out);
  ensureRequiredEnv(ctx.self, out);
  addReferencedAuthServerEnv(ctx, out);
  return [{ name: 'toolhive', env: out.env, overwritten: [], builtByOperator: true }];
}

/** mirrors ctrlutil GenerateBearerTokenEnvVar: `TOOLHIVE_SECRET_<Secret name, verbatim>` */
function addBearerToken(ctx: WorkloadContext, out: EnvList): void {
  const cfg = refTarget(ctx, 'MCPExternalAuthConfig', ctx.spec.externalAuthConfigRef);
  if (!cfg || at(cfg.object, 'spec.type') !== 'bearerToken') return;
  const ref = dict(at(cfg.object, 'spec.bearerToken.tokenSecretRef'));
  if (!ref) return;
  out.secret(bearerTokenEnvVar(str(ref.name) ?? ''), ref,
    source(cfg, 'spec.bearerToken.tokenSecretRef', 'operator', 'spec.externalAuthConfigRef.name'));
}

/**
 * mirrors buildHeaderForwardSecretEnvVars: an explicit `TOOLHIVE_SECRETS_PROVIDER=environment` (so it can
 * appear twice once EnsureRequiredEnvVars runs), then one `TOOLHIVE_SECRET_HEADER_FORWARD_<H>_<PROXY>` per entry.
 */
function addHeaderForwardSecrets(ctx: WorkloadContext, out: EnvList): void {
  const entries = list(at(ctx.spec, 'headerForward.addHeadersFromSecret'));
  if (entries.length === 0) return;
  out.plain('TOOLHIVE_SECRETS_PROVIDER', 'environment',
    source(ctx.self, 'spec.headerForward.addHeadersFromSecret', 'operator', 'spec.headerForward.addHeadersFromSecret'));
  entries.forEach((e, i) => {
    const d = dict(e);
    if (!d || !dict(d.valueSecretRef)) return;
    const path = `spec.headerForward.addHeadersFromSecret[${i}]`;
    out.secret(headerForwardSecretEnvVar(ctx.self.name, str(d.headerName) ?? '').envVar, d.valueSecretRef,
      source(ctx.self, path, 'operator', path));
  });
}
