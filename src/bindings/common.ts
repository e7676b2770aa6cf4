/** Env derivations shared by several workloads (ctrlutil helpers in the operator). */
import { delegateClientSecretEnvVar, otelHeaderEnvVar, upstreamClientSecretEnvVar, upstreamDcrTokenEnvVar } from './names';
import type { ResolvedObject, Resolver } from './resolver';
import type { EnvBinding, EnvBindingsOptions, EnvSource, SourcedEnvBinding } from './types';
import { at, dict, list, str, type Dict } from '../core/util';

/** What every workload derivation gets. */
export interface WorkloadContext {
  readonly resolver: Resolver;
  readonly self: ResolvedObject;
  readonly spec: Dict;
  readonly options: EnvBindingsOptions;
}

/** The object an env entry comes from. */
export interface Origin { readonly kind: string; readonly namespace: string; readonly name: string }

/** An env list under construction, in the operator's order. */
export class EnvList {
  readonly env: SourcedEnvBinding[] = [];

  add(binding: EnvBinding, from: EnvSource): void {
    this.env.push({ binding, source: from });
  }

  /** Adds `name` ← secretKeyRef `ref` (a `{name, key}` object); ignored when `ref` is not an object. */
  secret(name: string, ref: unknown, from: EnvSource): void {
    const b = secretBinding(name, ref);
    if (b) this.add(b, from);
  }

  plain(name: string, value: string, from: EnvSource): void {
    this.add({ name, value }, from);
  }

  has(name: string): boolean {
    return this.env.some(e => e.binding.name === name);
  }
}

export function source(origin: Origin, path: string, namedBy: EnvSource['namedBy'], via: string): EnvSource {
  return { kind: origin.kind, namespace: origin.namespace, name: origin.name, path, namedBy, via };
}

export function secretBinding(name: string, ref: unknown): EnvBinding | undefined {
  const d = dict(ref);
  if (!d) return undefined;
  return { name, valueFrom: { secretKeyRef: { name: str(d.name) ?? '', key: str(d.key) ?? '' } } };
}

/** The fields of each `EnvVarSource` member (k8s.io/api/core/v1 types.go), the only ones copied. */
const VALUE_FROM_FIELDS: readonly (readonly [string, readonly string[]])[] = [
  ['secretKeyRef', ['name', 'key', 'optional']],
  ['fieldRef', ['apiVersion', 'fieldPath']],
  ['configMapKeyRef', ['name', 'key', 'optional']],
  ['resourceFieldRef', ['containerName', 'resource', 'divisor']],
];

/** A Kubernetes `EnvVar` the user wrote (podTemplateSpec), copied field by field. */
export function userEnvBinding(env: Dict): EnvBinding {
  const from = dict(env.valueFrom);
  const valueFrom: Record<string, unknown> = {};
  for (const [k, fields] of VALUE_FROM_FIELDS) {
    const src = dict(from?.[k]);
    if (!src) continue;
    // only the fields of the Kubernetes type: anything else the user wrote there (even a value) is not copied
    const copy: Record<string, unknown> = {};
    for (const f of fields) if (Object.prototype.hasOwnProperty.call(src, f) && src[f] !== undefined) copy[f] = src[f];
    valueFrom[k] = copy;
  }
  return {
    name: str(env.name) ?? '',
    ...(str(env.value) !== undefined ? { value: str(env.value) } : {}),
    ...(Object.keys(valueFrom).length ? { valueFrom: valueFrom as EnvBinding['valueFrom'] } : {}),
  };
}

/** Looks up a same-namespace ToolHive object named by `ref.name` (ref is any `{name}` object). */
export function refTarget(ctx: WorkloadContext, kind: string, ref: unknown): ResolvedObject | undefined {
  const name = str(dict(ref)?.name);
  return name === undefined ? undefined : ctx.resolver.get(kind, ctx.self.namespace, name);
}

/**
 * Whether Secret `name` has `key` (in `data` or `stringData`): undefined when the Secret is not in the set.
 * The operator checks this before injecting the OIDC client secret; offline an absent Secret is assumed to
 * exist (the references layer reports it when it is missing).
 */
export function secretHasKey(resolver: Resolver, namespace: string, name: string, key: string): boolean | undefined {
  const secret = resolver.get('Secret', namespace, name);
  if (!secret) return undefined;
  const data = dict(secret.object.data) ?? {};
  const stringData = dict(secret.object.stringData) ?? {};
  return Object.prototype.hasOwnProperty.call(data, key) || Object.prototype.hasOwnProperty.call(stringData, key);
}

/**
 * `OTEL_RESOURCE_ATTRIBUTES` and `TOOLHIVE_OTEL_HEADER_*` (mirrors ctrlutil GenerateOpenTelemetryEnvVarsFromRef).
 * When the MCPTelemetryConfig is not in the set only `OTEL_RESOURCE_ATTRIBUTES` is derived (it needs only the ref).
 */
export function addTelemetryEnv(ctx: WorkloadContext, out: EnvList): void {
  const ref = dict(ctx.spec.telemetryConfigRef);
  if (!ref) return;
  const serviceName = str(ref.serviceName) || ctx.self.name;
  out.plain('OTEL_RESOURCE_ATTRIBUTES', `service.name=${serviceName},service.namespace=${ctx.self.namespace}`,
    source(ctx.self, 'spec.telemetryConfigRef', 'operator', 'spec.telemetryConfigRef'));
  const tel = refTarget(ctx, 'MCPTelemetryConfig', ref);
  if (!tel) return;
  list(at(tel.object, 'spec.openTelemetry.sensitiveHeaders')).forEach((sh, i) => {
    const d = dict(sh);
    if (!d) return;
    out.secret(otelHeaderEnvVar(str(d.name) ?? ''), d.secretKeyRef,
      source(tel, `spec.openTelemetry.sensitiveHeaders[${i}]`, 'operator', 'spec.telemetryConfigRef.name'));
  });
}

/** `THV_SESSION_REDIS_PASSWORD` from `spec.sessionStorage` (redis provider with a passwordRef). */
export function addSessionRedisPassword(ctx: WorkloadContext, out: EnvList): void {
  const ss = dict(ctx.spec.sessionStorage);
  if (!ss || ss.provider !== 'redis' || !dict(ss.passwordRef)) return;
  out.secret('THV_SESSION_REDIS_PASSWORD', ss.passwordRef,
    source(ctx.self, 'spec.sessionStorage.passwordRef', 'operator', 'spec.sessionStorage.passwordRef'));
}

/** `spec.resourceOverrides.proxyDeployment.env[]` as plain `name=value` pairs. */
export function addProxyDeploymentEnv(ctx: WorkloadContext, out: EnvList): void {
  list(at(ctx.spec, 'resourceOverrides.proxyDeployment.env')).forEach((e, i) => {
    const d = dict(e);
    if (!d) return;
    const path = `spec.resourceOverrides.proxyDeployment.env[${i}]`;
    out.plain(str(d.name) ?? '', str(d.value) ?? '', source(ctx.self, path, 'user', path));
  });
}

/**
 * The inline MCPOIDCConfig client secret (mirrors ctrlutil GenerateOIDCClientSecretEnvVar): skipped, like the
 * operator does, when the Secret is in the set but lacks the key.
 */
export function addOidcClientSecret(ctx: WorkloadContext, out: EnvList, refPath: string, envName: string, checkSecret: boolean): void {
  const oidc = refTarget(ctx, 'MCPOIDCConfig', at(ctx.self.object, refPath));
  if (!oidc || at(oidc.object, 'spec.type') !== 'inline') return;
  const ref = dict(at(oidc.object, 'spec.inline.clientSecretRef'));
  if (!ref) return;
  if (checkSecret && secretHasKey(ctx.resolver, ctx.self.namespace, str(ref.name) ?? '', str(ref.key) ?? '') === false) return;
  out.secret(envName, ref, source(oidc, 'spec.inline.clientSecretRef', 'operator', `${refPath}.name`));
}

/**
 * The embedded authorization server's env (mirrors ctrlutil GenerateAuthServerEnvVars): upstream client
 * secrets and DCR tokens named after the provider, delegate client secrets by list index, Redis ACL user.
 */
export function addAuthServerEnv(out: EnvList, config: Dict, origin: Origin, basePath: string, via: string): void {
  list(config.upstreamProviders).forEach((p, i) => {
    const d = dict(p);
    if (!d) return;
    const name = str(d.name) ?? '';
    const path = `${basePath}.upstreamProviders[${i}]`;
    if (d.type === 'oidc') {
      out.secret(upstreamClientSecretEnvVar(name), at(d, 'oidcConfig.clientSecretRef'),
        source(origin, `${path}.oidcConfig.clientSecretRef`, 'operator', via));
    } else if (d.type === 'oauth2') {
      out.secret(upstreamClientSecretEnvVar(name), at(d, 'oauth2Config.clientSecretRef'),
        source(origin, `${path}.oauth2Config.clientSecretRef`, 'operator', via));
      out.secret(upstreamDcrTokenEnvVar(name), at(d, 'oauth2Config.dcrConfig.initialAccessTokenRef'),
        source(origin, `${path}.oauth2Config.dcrConfig.initialAccessTokenRef`, 'operator', via));
    }
  });
  list(config.delegateClients).forEach((c, i) => {
    out.secret(delegateClientSecretEnvVar(i), dict(c)?.clientSecretRef,
      source(origin, `${basePath}.delegateClients[${i}].clientSecretRef`, 'operator', via));
  });
  const storage = dict(config.storage);
  const acl = dict(at(storage, 'redis.aclUserConfig'));
  if (storage?.type === 'redis' && acl) {
    out.secret('TOOLHIVE_AUTH_SERVER_REDIS_USERNAME', acl.usernameSecretRef,
      source(origin, `${basePath}.storage.redis.aclUserConfig.usernameSecretRef`, 'operator', via));
    out.secret('TOOLHIVE_AUTH_SERVER_REDIS_PASSWORD', acl.passwordSecretRef,
      source(origin, `${basePath}.storage.redis.aclUserConfig.passwordSecretRef`, 'operator', via));
  }
}

/**
 * The embedded auth server named by `authServerRef`, or else `externalAuthConfigRef`
 * (mirrors ctrlutil EmbeddedAuthServerConfigName + GenerateAuthServerConfigByName). Nothing when the
 * config is not in the set (the operator then fails the reconcile) or is of another type.
 */
export function addReferencedAuthServerEnv(ctx: WorkloadContext, out: EnvList): void {
  const authServerRef = dict(ctx.spec.authServerRef);
  const refPath = authServerRef ? 'spec.authServerRef' : 'spec.externalAuthConfigRef';
  const cfg = refTarget(ctx, 'MCPExternalAuthConfig', authServerRef ?? ctx.spec.externalAuthConfigRef);
  if (!cfg || at(cfg.object, 'spec.type') !== 'embeddedAuthServer') return;
  const eas = dict(at(cfg.object, 'spec.embeddedAuthServer'));
  if (eas) addAuthServerEnv(out, eas, cfg, 'spec.embeddedAuthServer', `${refPath}.name`);
}

/** `TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET` (no suffix) for proxies (mirrors ctrlutil GenerateTokenExchangeEnvVars). */
export function addProxyTokenExchange(ctx: WorkloadContext, out: EnvList): void {
  const cfg = refTarget(ctx, 'MCPExternalAuthConfig', ctx.spec.externalAuthConfigRef);
  if (!cfg || at(cfg.object, 'spec.type') !== 'tokenExchange') return;
  out.secret('TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET', at(cfg.object, 'spec.tokenExchange.clientSecretRef'),
    source(cfg, 'spec.tokenExchange.clientSecretRef', 'operator', 'spec.externalAuthConfigRef.name'));
}

/**
 * mirrors ctrlutil EnsureRequiredEnvVars: appends the defaults that are missing, then
 * `TOOLHIVE_SECRETS_PROVIDER=environment` whenever a `TOOLHIVE_SECRET_*` entry exists, even if already set.
 */
export function ensureRequiredEnv(self: ResolvedObject, out: EnvList): void {
  const hasSecrets = out.env.some(e => e.binding.name.startsWith('TOOLHIVE_SECRET_'));
  const from = source(self, '', 'operator', '');
  for (const [name, value] of REQUIRED_ENV) {
    if (!out.has(name)) out.plain(name, value, from);
  }
  if (hasSecrets) out.plain('TOOLHIVE_SECRETS_PROVIDER', 'environment', from);
}

const REQUIRED_ENV: readonly (readonly [string, string])[] = [
  ['XDG_CONFIG_HOME', '/tmp'], ['HOME', '/tmp'], ['TOOLHIVE_RUNTIME', 'kubernetes'], ['UNSTRUCTURED_LOGS', 'false'],
];
