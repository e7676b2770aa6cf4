/** VirtualMCPServer: container `vmcp` (controllers/virtualmcpserver_deployment.go buildEnvVarsForVmcp). */
import {
  addAuthServerEnv, addOidcClientSecret, addTelemetryEnv, ensureRequiredEnv, EnvList, source, type WorkloadContext,
} from './common';
import {
  goCompare, goJsonString, goJsonStringMap, headerForwardManifestEnvVar, headerForwardSecretEnvVar,
  vmcpHeaderInjectionEnvVar, vmcpTokenExchangeEnvVar, vmcpXaaIdpEnvVar, vmcpXaaTargetEnvVar,
} from './names';
import type { ResolvedObject, Resolver } from './resolver';
import type { SourcedContainerEnv, SourcedEnvBinding } from './types';
import { at, dict, list, str, type Dict } from '../core/util';

/** Kinds a vMCP discovers in its group, in the order the operator lists them (workloads.ListWorkloadsInGroup). */
const MEMBER_KINDS = ['MCPServer', 'MCPRemoteProxy', 'MCPServerEntry'] as const;

/** mirrors controllers/virtualmcpserver_deployment.go buildEnvVarsForVmcp */
export function vmcpContainers(ctx: WorkloadContext): SourcedContainerEnv[] {
  const out = new EnvList();
  const self = ctx.self;
  out.plain('VMCP_NAME', self.name, source(self, 'metadata.name', 'operator', 'metadata.name'));
  out.plain('VMCP_NAMESPACE', self.namespace, source(self, 'metadata.namespace', 'operator', 'metadata.namespace'));
  addOidcClientSecret(ctx, out, 'spec.incomingAuth.oidcConfigRef', 'VMCP_OIDC_CLIENT_SECRET', false);
  const members = groupMembers(ctx);
  for (const e of outgoingAuthEnv(ctx, members)) out.add(e.binding, e.source);
  for (const e of headerForwardEnv(members)) out.add(e.binding, e.source);
  out.secret('VMCP_SESSION_HMAC_SECRET', { name: `${self.name}-hmac-secret`, key: 'hmac-secret' },
    source(self, '', 'operator', ''));
  addRedisPassword(ctx, out);
  addTelemetryEnv(ctx, out);
  const asc = dict(ctx.spec.authServerConfig);
  if (asc) addAuthServerEnv(out, asc, self, 'spec.authServerConfig', 'spec.authServerConfig');
  ensureRequiredEnv(self, out);
  return [{ name: 'vmcp', env: out.env, overwritten: [], builtByOperator: true }];
}

/** Members per resolver, namespace and group: every vMCP of a group has the same ones. */
const MEMBERS = new WeakMap<Resolver, Map<string, readonly ResolvedObject[]>>();

/** Workloads whose `spec.groupRef.name` is the vMCP's group, by kind, then by name (API list order). */
export function groupMembers(ctx: WorkloadContext): ResolvedObject[] {
  const group = str(at(ctx.spec, 'groupRef.name')) ?? '';
  let byGroup = MEMBERS.get(ctx.resolver);
  if (!byGroup) MEMBERS.set(ctx.resolver, byGroup = new Map());
  const key = `${ctx.self.namespace}\u0000${group}`;
  let members = byGroup.get(key);
  if (!members) {
    const out: ResolvedObject[] = [];
    for (const kind of MEMBER_KINDS) {
      const ofKind = ctx.resolver.toolhive(kind, ctx.self.namespace)
        .filter(o => (str(at(o.object, 'spec.groupRef.name')) ?? '') === group);
      out.push(...[...ofKind].sort((a, b) => goCompare(a.name, b.name)));
    }
    byGroup.set(key, members = out);
  }
  return [...members];
}

/**
 * mirrors buildOutgoingAuthEnvVars: discovered members' configs (discovered mode), then `backends`, then
 * `default`; the first two each deduplicated by config name and sorted by env name.
 */
function outgoingAuthEnv(ctx: WorkloadContext, members: readonly ResolvedObject[]): SourcedEnvBinding[] {
  const oa = dict(ctx.spec.outgoingAuth);
  if (!oa) return [];
  const out: SourcedEnvBinding[] = [];
  if (oa.source === 'discovered') {
    const seen = new Set<string>();
    const found: SourcedEnvBinding[] = [];
    for (const m of members) {
      const name = str(at(m.object, 'spec.externalAuthConfigRef.name'));
      if (!name || seen.has(name)) continue;
      seen.add(name);
      found.push(...configSecretEnv(ctx, name, 'spec.groupRef.name'));
    }
    out.push(...sortByName(found));
  }
  const backends = dict(oa.backends);
  if (backends) {
    const seen = new Set<string>();
    const found: SourcedEnvBinding[] = [];
    for (const key of Object.keys(backends).sort(goCompare)) {
      const name = str(at(backends[key], 'externalAuthConfigRef.name'));
      if (name === undefined || seen.has(name)) continue;
      seen.add(name);
      found.push(...configSecretEnv(ctx, name, `spec.outgoingAuth.backends[${key}].externalAuthConfigRef.name`));
    }
    out.push(...sortByName(found));
  }
  const def = str(at(oa, 'default.externalAuthConfigRef.name'));
  if (def !== undefined) out.push(...configSecretEnv(ctx, def, 'spec.outgoingAuth.default.externalAuthConfigRef.name'));
  return out;
}

/**
 * mirrors getExternalAuthConfigSecretEnvVars: per-config names for tokenExchange, headerInjection and xaa;
 * nothing for the other types (obo needs an enterprise build) or when the config is not in the set.
 */
function configSecretEnv(ctx: WorkloadContext, configName: string, via: string): SourcedEnvBinding[] {
  const cfg = ctx.resolver.get('MCPExternalAuthConfig', ctx.self.namespace, configName);
  if (!cfg) return [];
  const spec = dict(cfg.object.spec) ?? {};
  const out = new EnvList();
  switch (spec.type) {
    case 'tokenExchange':
      out.secret(vmcpTokenExchangeEnvVar(configName), at(spec, 'tokenExchange.clientSecretRef'),
        source(cfg, 'spec.tokenExchange.clientSecretRef', 'operator', via));
      break;
    case 'headerInjection':
      out.secret(vmcpHeaderInjectionEnvVar(configName), at(spec, 'headerInjection.valueSecretRef'),
        source(cfg, 'spec.headerInjection.valueSecretRef', 'operator', via));
      break;
    case 'xaa':
      out.secret(vmcpXaaIdpEnvVar(configName), at(spec, 'xaa.idpClientSecretRef'),
        source(cfg, 'spec.xaa.idpClientSecretRef', 'operator', via));
      out.secret(vmcpXaaTargetEnvVar(configName), at(spec, 'xaa.targetClientSecretRef'),
        source(cfg, 'spec.xaa.targetClientSecretRef', 'operator', via));
      break;
    default:
      break;
  }
  return out.env;
}

/**
 * mirrors buildHeaderForwardEnvVarsForEntries: per MCPServerEntry with `headerForward`, the JSON manifest
 * `TOOLHIVE_HEADER_FORWARD_<ENTRY>` and one `TOOLHIVE_SECRET_HEADER_FORWARD_<H>_<ENTRY>` per secret header,
 * all sorted by env name.
 */
function headerForwardEnv(members: readonly ResolvedObject[]): SourcedEnvBinding[] {
  const out = new EnvList();
  for (const entry of members) {
    if (entry.kind !== 'MCPServerEntry') continue;
    const hf = dict(at(entry.object, 'spec.headerForward'));
    if (!hf) continue;
    const manifest = headerForwardManifest(entry.name, hf);
    if (manifest) {
      out.plain(headerForwardManifestEnvVar(entry.name), manifest, source(entry, 'spec.headerForward', 'operator', 'spec.groupRef.name'));
    }
    list(hf.addHeadersFromSecret).forEach((h, i) => {
      const d = dict(h);
      if (!d || !dict(d.valueSecretRef)) return;
      out.secret(headerForwardSecretEnvVar(entry.name, str(d.headerName) ?? '').envVar, d.valueSecretRef,
        source(entry, `spec.headerForward.addHeadersFromSecret[${i}]`, 'operator', 'spec.groupRef.name'));
    });
  }
  return sortByName(out.env);
}

/**
 * mirrors buildHeaderForwardManifestForEntry: `json.Marshal(vmcp.HeaderForwardConfig)`, plaintext values
 * inline, secret headers by identifier only; empty when the entry forwards nothing.
 */
export function headerForwardManifest(entryName: string, hf: Dict): string {
  const plaintext = new Map<string, string>();
  for (const [k, v] of Object.entries(dict(hf.addPlaintextHeaders) ?? {})) plaintext.set(k, str(v) ?? '');
  const fromSecret = new Map<string, string>();
  for (const h of list(hf.addHeadersFromSecret)) {
    const d = dict(h);
    if (!d || !dict(d.valueSecretRef)) continue;
    const header = str(d.headerName) ?? '';
    fromSecret.set(header, headerForwardSecretEnvVar(entryName, header).identifier);
  }
  const fields: string[] = [];
  if (plaintext.size) fields.push(`${goJsonString('addPlaintextHeaders')}:${goJsonStringMap(plaintext)}`);
  if (fromSecret.size) fields.push(`${goJsonString('addHeadersFromSecret')}:${goJsonStringMap(fromSecret)}`);
  return fields.length ? `{${fields.join(',')}}` : '';
}

/**
 * mirrors buildRedisPasswordEnvVar: from `spec.sessionStorage` (redis with passwordRef); an explicit
 * sessionStorage disables the chart default, which applies only when given in the options.
 */
function addRedisPassword(ctx: WorkloadContext, out: EnvList): void {
  const ss = dict(ctx.spec.sessionStorage);
  if (ss) {
    if (ss.provider === 'redis' && dict(ss.passwordRef)) {
      out.secret('THV_SESSION_REDIS_PASSWORD', ss.passwordRef,
        source(ctx.self, 'spec.sessionStorage.passwordRef', 'operator', 'spec.sessionStorage.passwordRef'));
    }
    return;
  }
  const def = ctx.options.defaultRedisSecret;
  if (def?.name) {
    out.secret('THV_SESSION_REDIS_PASSWORD', { name: def.name, key: def.key || 'redis-password' },
      source(ctx.self, '', 'operator', ''));
  }
}

/** Go's sort.Slice by Name; stable here so equal names keep their discovery order (deterministic output). */
function sortByName(env: readonly SourcedEnvBinding[]): SourcedEnvBinding[] {
  return [...env].sort((a, b) => goCompare(a.binding.name, b.binding.name));
}
