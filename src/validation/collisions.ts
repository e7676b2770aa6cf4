/**
 * Layer 7: names the operator generates must not collide: the objects each controller creates per CR (Deployments,
 * StatefulSets, Services, ConfigMaps, Secrets, ServiceAccounts) and the env var names it derives (ctrlutil
 * externalauth.go, telemetry.go, wirefmt.NormalizeForEnvVar); the operator checks neither.
 *
 * - One object per kind, namespace and name in the set (`collision.duplicate-object`).
 * - Objects the operator generates for one CR must not also be generated for another CR, nor exist as user
 *   objects in the set (`collision.deployment`, `.statefulset`, `.service`, `.configmap`, `.secret`, `.serviceaccount`).
 * - Env var names, after the operator's normalisation, must be unique within a container: built on the env
 *   bindings derivation (`collision.env`, `collision.env-user`), plus the per-object header name checks
 *   (`collision.header-env`, `collision.otel-header-env`).
 */
import { forEachWorkloadEnv } from '../bindings';
import { headerForwardSecretEnvVar, otelHeaderEnvVar } from '../bindings/names';
import { resolverFromSet } from '../bindings/resolver';
import type { EnvSource, SourcedContainerEnv, SourcedEnvBinding, SourcedWorkloadEnv } from '../bindings/types';
import { KeyedMap2, KeyedMap4 } from '../core/keyed-map';
import type { ManifestSet, ObjectEntry, RuleDoc, Violation } from '../core/types';
import { at, dict, list, str, violation } from '../core/util';

export function collisionsLayer(set: ManifestSet): Violation[] {
  return [
    ...duplicateObjects(set),
    ...generatedObjectCollisions(set),
    ...headerNameCollisions(set),
    ...otelHeaderNameCollisions(set),
    ...containerEnvCollisions(set),
    ...operatorDefaultOverrides(set),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// A user env entry that replaces a default the operator appends only when absent

/** What ctrlutil EnsureRequiredEnvVars appends to the proxy container when the name is not already there. */
const OPERATOR_ENV_DEFAULTS: ReadonlyMap<string, string> = new Map([
  ['XDG_CONFIG_HOME', '/tmp'], ['HOME', '/tmp'], ['TOOLHIVE_RUNTIME', 'kubernetes'], ['UNSTRUCTURED_LOGS', 'false'],
]);

// mirrors ctrlutil EnsureRequiredEnvVars: the defaults are appended only when absent, so a user entry silently replaces them
function operatorDefaultOverrides(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const kind of ['MCPServer', 'MCPRemoteProxy']) {
    for (const entry of set.ofKind(kind)) {
      const env = list(dict(dict(dict(entry.defaulted.spec)?.resourceOverrides)?.proxyDeployment)?.env);
      env.forEach((e, i) => {
        const name = str(dict(e)?.name);
        const fallback = name === undefined ? undefined : OPERATOR_ENV_DEFAULTS.get(name);
        if (fallback === undefined) return;
        out.push(violation(entry, `spec.resourceOverrides.proxyDeployment.env[${i}].name`, 'collision.env-operator-default',
          `env var ${name} in container "toolhive" replaces the operator's default ${name}=${fallback}: the operator appends it only ` +
          'when the name is absent, so the proxy runs with your value instead; remove the entry unless that is intended', 'warning'));
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The same object twice

/** What tells two definitions of an object apart: its JSON, or the digest of it an identity-only entry keeps. */
function contentOf(e: ObjectEntry): string {
  return e.content ?? JSON.stringify(e.object);
}

// mirrors the API server: one object per group, kind, namespace and name, so a later document replaces an earlier one
function duplicateObjects(set: ManifestSet): Violation[] {
  const first = new KeyedMap4<ObjectEntry>();
  const out: Violation[] = [];
  for (const e of set.entries) {
    if (!e.name) continue; // a missing name is reported by admission
    const prior = first.setIfAbsent(e.group, e.kind, e.namespace, e.name, e);
    if (prior === e) continue;
    const what = `${e.kind} ${JSON.stringify(e.name)} in namespace ${JSON.stringify(e.namespace)}`;
    const where = bothSources(prior, e);
    if (contentOf(prior) === contentOf(e)) {
      out.push(violation(e, 'metadata.name', 'collision.duplicate-object', `${what} is defined twice with the same content${where}: remove the copy`, 'warning'));
    } else {
      out.push(violation(e, 'metadata.name', 'collision.duplicate-object',
        `${what} is defined more than once with different content${where}; the cluster keeps one object per name, so the definition ` +
        'applied last replaces the other, while references are checked against the first: remove one definition or rename it'));
    }
  }
  return out;
}

/** ` (file.yaml#1 and other.yaml#2)` when both copies came from files, so the message names both; else empty. */
function bothSources(first: ObjectEntry, second: ObjectEntry): string {
  const ref = (x: ObjectEntry) => `${x.source!.file}#${x.source!.document}`;
  return first.source && second.source ? ` (${ref(first)} and ${ref(second)})` : '';
}

// ---------------------------------------------------------------------------------------------------------
// Generated objects

/** A kind of object the operator generates, and the rule that reports a clash on it. */
interface GeneratedKind { readonly kind: string; readonly group: string; readonly rule: string }
const DEPLOYMENT: GeneratedKind = { kind: 'Deployment', group: 'apps', rule: 'collision.deployment' };
const STATEFULSET: GeneratedKind = { kind: 'StatefulSet', group: 'apps', rule: 'collision.statefulset' };
const SERVICE: GeneratedKind = { kind: 'Service', group: '', rule: 'collision.service' };
const CONFIGMAP: GeneratedKind = { kind: 'ConfigMap', group: '', rule: 'collision.configmap' };
const SECRET: GeneratedKind = { kind: 'Secret', group: '', rule: 'collision.secret' };
const RBAC = 'rbac.authorization.k8s.io';
const SERVICE_ACCOUNT: GeneratedKind = { kind: 'ServiceAccount', group: '', rule: 'collision.serviceaccount' };
const ROLE: GeneratedKind = { kind: 'Role', group: RBAC, rule: 'collision.serviceaccount' };
const ROLE_BINDING: GeneratedKind = { kind: 'RoleBinding', group: RBAC, rule: 'collision.serviceaccount' };
const ONE = (k: GeneratedKind): readonly GeneratedKind[] => [k];
const DEPLOYMENT_ONLY = ONE(DEPLOYMENT);
const STATEFULSET_ONLY = ONE(STATEFULSET);
const SERVICE_ONLY = ONE(SERVICE);
const CONFIGMAP_ONLY = ONE(CONFIGMAP);
const SECRET_ONLY = ONE(SECRET);
const SA_ONLY = ONE(SERVICE_ACCOUNT);
/** ctrlutil/rbac EnsureRBACResources creates a ServiceAccount, a Role and a RoleBinding of one name. */
const SA_ROLE_BINDING: readonly GeneratedKind[] = [SERVICE_ACCOUNT, ROLE, ROLE_BINDING];
/** Every generated kind by kind name (a user object is matched on its group too). */
const GENERATED_KINDS: ReadonlyMap<string, readonly GeneratedKind[]> = (() => {
  const m = new Map<string, GeneratedKind[]>();
  for (const k of [DEPLOYMENT, STATEFULSET, SERVICE, CONFIGMAP, SECRET, SERVICE_ACCOUNT, ROLE, ROLE_BINDING]) {
    m.set(k.kind, [...(m.get(k.kind) ?? []), k]);
  }
  return m;
})();

/** Receives one object (or a ServiceAccount/Role/RoleBinding trio) the operator creates for a CR. */
type EmitGenerated = (kinds: readonly GeneratedKind[], name: string) => void;

/** The objects the operator (or the proxyrunner it starts) creates for a CR, in the CR's namespace. */
function generatedObjects(e: ObjectEntry, emit: EmitGenerated): void {
  if (!e.isToolHive) return;
  const n = e.name;
  const spec = dict(e.defaulted.spec) ?? {};
  const ownServiceAccount = spec.serviceAccount !== undefined && spec.serviceAccount !== null;
  const inlineAuthz = at(spec, 'authzConfig.type') === 'inline';
  switch (e.kind) {
    case 'MCPServer': {
      const transport = str(spec.transport) ?? 'stdio';
      const http = transport === 'sse' || transport === 'streamable-http';
      // mirrors controllers/mcpserver_controller.go deploymentForMCPServer / serviceForMCPServer
      emit(DEPLOYMENT_ONLY, n);
      // mirrors pkg/container/kubernetes DeployWorkload: the proxyrunner applies StatefulSet <n>
      emit(STATEFULSET_ONLY, n);
      emit(SERVICE_ONLY, `mcp-${n}-proxy`);
      // mirrors pkg/container/kubernetes ensureBackendServices (HTTP transports only)
      if (http) {
        emit(SERVICE_ONLY, `mcp-${n}`);
        emit(SERVICE_ONLY, `mcp-${n}-headless`);
      }
      emit(CONFIGMAP_ONLY, `${n}-runconfig`);
      if (inlineAuthz) emit(CONFIGMAP_ONLY, `${n}-authz-inline`);
      // mirrors MCPServerReconciler.ensureRBACResources: proxy runner RBAC always, backend SA unless spec.serviceAccount
      emit(SA_ROLE_BINDING, `${n}-proxy-runner`);
      if (!ownServiceAccount) emit(SA_ONLY, `${n}-sa`);
      return;
    }
    case 'MCPRemoteProxy':
      emit(DEPLOYMENT_ONLY, n);
      emit(SERVICE_ONLY, `mcp-${n}-remote-proxy`);
      emit(CONFIGMAP_ONLY, `${n}-runconfig`);
      if (inlineAuthz) emit(CONFIGMAP_ONLY, `${n}-authz-inline`);
      if (!ownServiceAccount) emit(SA_ROLE_BINDING, `${n}-remote-proxy-runner`);
      return;
    case 'VirtualMCPServer':
      emit(DEPLOYMENT_ONLY, n);
      emit(SERVICE_ONLY, `vmcp-${n}`);
      emit(CONFIGMAP_ONLY, `${n}-vmcp-config`);
      emit(SECRET_ONLY, `${n}-hmac-secret`);
      if (!ownServiceAccount) emit(SA_ROLE_BINDING, `${n}-vmcp`);
      return;
    case 'EmbeddingServer':
      emit(STATEFULSET_ONLY, n);
      emit(SERVICE_ONLY, n);
      return;
    case 'MCPRegistry':
      emit(DEPLOYMENT_ONLY, `${n}-api`);
      emit(SERVICE_ONLY, `${n}-api`);
      emit(CONFIGMAP_ONLY, `${n}-registry-server-config`);
      emit(SA_ROLE_BINDING, `${n}-registry-api`);
      return;
    default:
      return;
  }
}

function kindList(kinds: readonly GeneratedKind[]): string {
  const names = kinds.map(k => k.kind);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const ident = (e: ObjectEntry): string => `${e.kind}/${e.namespace}/${e.name}`;

function sameIdent(a: ObjectEntry, b: ObjectEntry): boolean {
  return a === b || (a.kind === b.kind && a.namespace === b.namespace && a.name === b.name);
}

// mirrors the objects the controllers create per CR (deploymentForMCPServer, the ensure* functions of each
// controller): the operator does not check that their names are free
function generatedObjectCollisions(set: ManifestSet): Violation[] {
  // the CR that first gets each generated object, per generated kind, by namespace and name
  const owners = new Map<GeneratedKind, KeyedMap2<ObjectEntry>>();
  for (const ks of GENERATED_KINDS.values()) for (const k of ks) owners.set(k, new KeyedMap2());
  const out: Violation[] = [];
  for (const e of set.entries) {
    let reported: Set<string> | undefined;
    generatedObjects(e, (kinds, name) => {
      let clashes: GeneratedKind[] | undefined;
      let other: ObjectEntry | undefined;
      for (const k of kinds) {
        const byName = owners.get(k)!;
        const prior = byName.get(e.namespace, name);
        if (!prior) {
          byName.set(e.namespace, name, e);
        } else if (!sameIdent(prior, e)) {
          (clashes ??= []).push(k);
          other = prior;
        }
      }
      if (!other || !clashes) return;
      const rule = kinds[0].rule;
      const key = `${rule}/${name}/${ident(other)}`;
      if (reported?.has(key)) return;
      (reported ??= new Set()).add(key);
      const plural = clashes.length > 1;
      out.push(violation(e, 'metadata.name', rule,
        `generated ${kindList(clashes)} ${JSON.stringify(name)} ${plural ? 'collide' : 'collides'}: ${other.kind} ${JSON.stringify(other.name)} and ` +
        `${e.kind} ${JSON.stringify(e.name)} in namespace ${JSON.stringify(e.namespace)} both get ${plural ? 'them' : 'it'} from the operator, ` +
        'which does not detect this, so the two controllers overwrite each other: rename one of them'));
    });
  }
  for (const e of set.entries) {
    if (e.isToolHive) continue;
    const kind = GENERATED_KINDS.get(e.kind)?.find(k => k.group === e.group);
    const owner = kind && owners.get(kind)!.get(e.namespace, e.name);
    if (!kind || !owner) continue;
    const rule = kind.rule;
    const cr = `${owner.kind} ${JSON.stringify(owner.name)}`;
    if (owner.kind === 'VirtualMCPServer' && e.kind === 'Secret') {
      // mirrors controllers/virtualmcpserver_controller.go ensureHMACSecret: a pre-existing Secret must be owned by the vMCP
      out.push(violation(e, 'metadata.name', rule,
        `name ${JSON.stringify(e.name)} is reserved for the session HMAC Secret the operator creates and owns for ${cr}; it rejects a ` +
        'Secret it did not create with "existing HMAC secret validation failed: secret is not owned by VirtualMCPServer ' +
        `${owner.namespace}/${owner.name}": remove this Secret from the manifests`));
      continue;
    }
    out.push(violation(e, 'metadata.name', rule,
      `name ${JSON.stringify(e.name)} is taken: the operator generates ${e.kind} ${JSON.stringify(e.name)} for ${cr} in namespace ` +
      `${JSON.stringify(e.namespace)} and would overwrite this ${e.kind} or fail on it: rename or remove it`));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Header names that normalise to one env var

// mirrors wirefmt.SecretEnvVarName (no collision check in buildHeaderForwardSecretEnvVars / buildHeaderForwardManifestForEntry)
function headerNameCollisions(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const e of [...set.ofKind('MCPRemoteProxy'), ...set.ofKind('MCPServerEntry')].sort((a, b) => a.index - b.index)) {
    if (!e.isToolHive) continue;
    const seen = new Map<string, { header: string; path: string }>();
    list(at(e.defaulted, 'spec.headerForward.addHeadersFromSecret')).forEach((h, i) => {
      const d = dict(h);
      const header = str(d?.headerName);
      if (!d || header === undefined || !dict(d.valueSecretRef)) return;
      const path = `spec.headerForward.addHeadersFromSecret[${i}]`;
      const envVar = headerForwardSecretEnvVar(e.name, header).envVar;
      const prior = seen.get(envVar);
      if (!prior) {
        seen.set(envVar, { header, path });
        return;
      }
      if (prior.header === header) return;
      const pod = e.kind === 'MCPServerEntry' ? 'the pod of every VirtualMCPServer whose group holds this entry' : 'the proxy pod';
      out.push(violation(e, `${path}.headerName`, 'collision.header-env',
        `header names ${JSON.stringify(prior.header)} (${prior.path}) and ${JSON.stringify(header)} (${path}) both become env var ` +
        `${envVar} in ${pod}; the operator does not detect this and both headers get the last Secret's value: ` +
        'forward only one of them from a Secret'));
    });
  }
  return out;
}

// mirrors ctrlutil normalizeHeaderEnvVarName (no collision check in GenerateOpenTelemetryEnvVarsFromRef)
function otelHeaderNameCollisions(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const e of set.ofKind('MCPTelemetryConfig')) {
    if (!e.isToolHive) continue;
    const seen = new Map<string, { header: string; path: string }>();
    list(at(e.defaulted, 'spec.openTelemetry.sensitiveHeaders')).forEach((h, i) => {
      const header = str(dict(h)?.name);
      if (header === undefined) return;
      const path = `spec.openTelemetry.sensitiveHeaders[${i}]`;
      const envVar = otelHeaderEnvVar(header);
      const prior = seen.get(envVar);
      if (!prior) {
        seen.set(envVar, { header, path });
        return;
      }
      if (prior.header === header) return;
      out.push(violation(e, `${path}.name`, 'collision.otel-header-env',
        `sensitive header names ${JSON.stringify(prior.header)} (${prior.path}) and ${JSON.stringify(header)} (${path}) both become env var ` +
        `${envVar} in the pods that use this config; the operator does not detect this and only the last Secret takes effect: ` +
        'keep only one of them'));
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Env var names within one container

/** Sources whose clashes the per-object checks above already report (header names inside one object). */
function intrinsicArea(s: EnvSource): string | undefined {
  if ((s.kind === 'MCPRemoteProxy' || s.kind === 'MCPServerEntry') && s.path.startsWith('spec.headerForward.addHeadersFromSecret[')) {
    return `${s.kind}/${s.namespace}/${s.name}/headerForward`;
  }
  if (s.kind === 'MCPTelemetryConfig' && s.path.startsWith('spec.openTelemetry.sensitiveHeaders[')) {
    return `${s.kind}/${s.namespace}/${s.name}/sensitiveHeaders`;
  }
  return undefined;
}

/** Env lists the CRDs declare as listType=map keyed by name (MCPServer and EmbeddingServer spec.env, proxyDeployment.env). */
const SCHEMA_KEYED_ENV = /^(spec\.env|spec\.resourceOverrides\.proxyDeployment\.env)\[\d+\]$/;

function schemaKeyedEnvList(s: EnvSource): string | undefined {
  const m = SCHEMA_KEYED_ENV.exec(s.path);
  return m && s.namedBy === 'user' ? `${s.kind}/${s.namespace}/${s.name}/${m[1]}` : undefined;
}

function sameBinding(a: SourcedEnvBinding, b: SourcedEnvBinding): boolean {
  return sameJson(a.binding, b.binding);
}

/**
 * `JSON.stringify(a) === JSON.stringify(b)` without building the strings: same keys in the same order (keys
 * whose value JSON drops are skipped), same values. Bindings are small and come from JSON input.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return jsonNull(a) && jsonNull(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameJson(x ?? null, b[i] ?? null));
  }
  const ka = jsonKeys(a as Record<string, unknown>);
  const kb = jsonKeys(b as Record<string, unknown>);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !sameJson((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  }
  return true;
}

/** Values JSON writes as `null`. */
function jsonNull(x: unknown): boolean {
  return x === null || (typeof x === 'number' && !Number.isFinite(x));
}

function jsonKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter(k => o[k] !== undefined && typeof o[k] !== 'function' && typeof o[k] !== 'symbol');
}

/** Whether two entries of the list have the same name (most containers have none: no grouping needed then). */
function hasDuplicateName(env: readonly SourcedEnvBinding[]): boolean {
  if (env.length > 32) return new Set(env.map(e => e.binding.name)).size < env.length;
  for (let i = 1; i < env.length; i++) {
    const name = env[i].binding.name;
    for (let j = 0; j < i; j++) if (env[j].binding.name === name) return true;
  }
  return false;
}

function describe(s: EnvSource, w: SourcedWorkloadEnv): string {
  const own = s.kind === w.kind && s.namespace === w.namespace && s.name === w.name;
  if (own && s.path === '') return 'the operator';
  if (own) return s.path;
  return `${s.kind} ${JSON.stringify(s.name)} ${s.path}`;
}

function describeOperator(s: EnvSource, w: SourcedWorkloadEnv): string {
  const d = describe(s, w);
  return d === 'the operator' ? d : `the operator from ${d}`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// mirrors the deployment builders (controllers/*_deployment.go, deploymentForMCPServer): none checks env names for duplicates
function containerEnvCollisions(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  forEachWorkloadEnv(resolverFromSet(set), {}, w => {
    const entry = set.get(w.kind, w.namespace, w.name);
    if (!entry) return;
    for (const c of w.containers) out.push(...duplicateNames(entry, w, c), ...overwrittenNames(entry, w, c));
  });
  return dedupe(out);
}

function duplicateNames(entry: ObjectEntry, w: SourcedWorkloadEnv, c: SourcedContainerEnv): Violation[] {
  if (!hasDuplicateName(c.env)) return [];
  const groups = new Map<string, SourcedEnvBinding[]>();
  for (const e of c.env) {
    let g = groups.get(e.binding.name);
    if (!g) groups.set(e.binding.name, g = []);
    g.push(e);
  }
  const out: Violation[] = [];
  for (const [name, all] of groups) {
    if (!name) continue; // a missing name is a schema error, reported by admission
    // equal entries are harmless (e.g. the remote proxy's two TOOLHIVE_SECRETS_PROVIDER=environment)
    const g = all.filter((e, i) => all.findIndex(o => sameBinding(o, e)) === i);
    if (g.length < 2) continue;
    const areas = new Set(g.map(e => intrinsicArea(e.source)));
    if (areas.size === 1 && !areas.has(undefined)) continue;
    // a name repeated within one list the CRD keys by name is already a schema.duplicate error
    const lists = new Set(g.map(e => schemaKeyedEnvList(e.source)));
    if (lists.size === 1 && !lists.has(undefined)) continue;
    const users = g.filter(e => e.source.namedBy === 'user');
    const last = all[all.length - 1];
    const where = `env var ${name} in container ${JSON.stringify(c.name)}`;
    const effect = c.builtByOperator
      ? `only the last entry (${describe(last.source, w)}) takes effect`
      : 'the proxyrunner puts every entry into the backend container';
    if (users.length === 0) {
      // the vMCP's derived env comes from objects listed in no fixed order (informer cache, Go map iteration over
      // spec.outgoingAuth.backends) and is sorted by name with sort.Slice, which is not stable
      // (controllers/virtualmcpserver_deployment.go discoverExternalAuthConfigSecrets, discoverInlineExternalAuthConfigSecrets)
      const derivedEffect = w.kind === 'VirtualMCPServer' && c.builtByOperator
        ? 'only one of them takes effect, and which one is not stable: the operator collects them in no fixed order, so the winner can change from one reconcile to the next'
        : effect;
      out.push(violation(entry, last.source.via || 'spec', 'collision.env',
        `${where} is derived from ${joinAnd(g.map(e => describe(e.source, w)))}: the operator normalises names ` +
        `(upper case, "-" and other characters to "_") without checking for clashes, so ${derivedEffect}: rename one of them so the env var names differ`));
      continue;
    }
    const operator = g.filter(e => e.source.namedBy === 'operator');
    const userPaths = users.map(e => describe(e.source, w));
    const fix = operator.length ? `rename or remove ${joinAnd(userPaths)}` : 'give them different names';
    const setBy = operator.length
      ? `${joinAnd(userPaths)} and by ${joinAnd(operator.map(e => describeOperator(e.source, w)))}`
      : joinAnd(userPaths);
    out.push(violation(entry, users[users.length - 1].source.via, 'collision.env-user', `${where} is set by ${setBy}; ${effect}: ${fix}`, 'warning'));
  }
  return out;
}

/** User entries the proxyrunner overwrites in its env map (mirrors pkg/runtime/setup.go Setup). */
function overwrittenNames(entry: ObjectEntry, w: SourcedWorkloadEnv, c: SourcedContainerEnv): Violation[] {
  return c.overwritten.map(o => violation(entry, o.entry.source.via, 'collision.env-user',
    `env var ${o.entry.binding.name} in container ${JSON.stringify(c.name)} is set by ${describe(o.entry.source, w)} but the proxyrunner ` +
    `overwrites it with its own value for transport ${JSON.stringify(str(at(entry.defaulted, 'spec.transport')) ?? 'stdio')}: ` +
    `rename or remove ${describe(o.entry.source, w)}`, 'warning'));
}

function dedupe(vs: readonly Violation[]): Violation[] {
  const seen = new Set<string>();
  return vs.filter(v => {
    const key = `${v.kind}/${v.namespace}/${v.name}/${v.path}/${v.rule}/${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'collision.duplicate-object',
    checks: 'Each object (group, kind, namespace, name) appears once in the set: an error when the copies differ, a warning when they are identical.',
    source: 'API server object identity (a later `kubectl apply` of the same name replaces the earlier object; not a ToolHive check)',
    example: 'MCPServer "fetch" in namespace "default" is defined more than once with different content; the cluster keeps one object per name, so the definition applied last replaces the other, while references are checked against the first: remove one definition or rename it',
    severityReason: 'not an operator verdict: the cluster keeps one of the differing copies, and every other verdict of this run (references, keys) was computed against the other one (identical copies: a warning)',
  },
  {
    id: 'collision.deployment',
    checks: 'No two CRs get the same generated Deployment (MCPServer, MCPRemoteProxy and VirtualMCPServer `<n>`, MCPRegistry `<n>-api`), and no user Deployment takes such a name.',
    source: 'controllers/*_deployment.go, deploymentForMCPServer (operator-generated object names; not checked by the operator)',
    example: 'generated Deployment "fetch" collides: MCPServer "fetch" and MCPRemoteProxy "fetch" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them',
    severityReason: 'two controllers own one generated object: each reconcile overwrites the other\'s spec or fails on the owner reference, so at least one workload never runs as written',
  },
  {
    id: 'collision.statefulset',
    checks: 'No two CRs get the same StatefulSet (MCPServer backend `<n>`, created by the proxyrunner; EmbeddingServer `<n>`), and no user StatefulSet takes such a name.',
    source: 'pkg/container/kubernetes DeployWorkload, controllers/embeddingserver_controller.go',
    example: 'generated StatefulSet "search" collides: MCPServer "search" and EmbeddingServer "search" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them',
    severityReason: 'two controllers own one generated object: each reconcile overwrites the other\'s spec or fails on the owner reference, so at least one workload never runs as written',
  },
  {
    id: 'collision.service',
    checks: 'Generated Services (`mcp-<n>-proxy`, `mcp-<n>` and `mcp-<n>-headless` for HTTP MCPServers, `mcp-<n>-remote-proxy`, `vmcp-<n>`, EmbeddingServer `<n>`, MCPRegistry `<n>-api`) are unique and not taken by user Services.',
    source: 'ctrlutil ProxyServiceName, mcpremoteproxy_controller.go, virtualmcpserver_controller.go, pkg/container/kubernetes ensureBackendServices',
    example: 'generated Service "mcp-github-remote-proxy" collides: MCPRemoteProxy "github" and MCPServer "github-remote" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them',
    severityReason: 'two controllers own one generated object: each reconcile overwrites the other\'s spec or fails on the owner reference, so at least one workload never runs as written',
  },
  {
    id: 'collision.configmap',
    checks: 'Generated ConfigMaps (`<n>-runconfig`, `<n>-authz-inline`, `<n>-vmcp-config`, `<n>-registry-server-config`) are unique and not taken by user ConfigMaps.',
    source: 'controllers/mcpserver_runconfig.go, mcpremoteproxy_runconfig.go, virtualmcpserver_vmcpconfig.go, ctrlutil authz.go',
    example: 'name "fetch-runconfig" is taken: the operator generates ConfigMap "fetch-runconfig" for MCPServer "fetch" in namespace "default" and would overwrite this ConfigMap or fail on it: rename or remove it',
    severityReason: 'the operator overwrites a user ConfigMap or another CR\'s generated ConfigMap (or fails on its owner reference): the workload runs with another object\'s configuration or not at all',
  },
  {
    id: 'collision.secret',
    checks: 'No user Secret takes the name of a VirtualMCPServer\'s session HMAC Secret `<n>-hmac-secret`, which the operator creates and must own.',
    source: 'controllers/virtualmcpserver_controller.go ensureHMACSecret ("existing HMAC secret validation failed")',
    example: 'name "gateway-hmac-secret" is reserved for the session HMAC Secret the operator creates and owns for VirtualMCPServer "gateway"; it rejects a Secret it did not create with "existing HMAC secret validation failed: secret is not owned by VirtualMCPServer default/gateway": remove this Secret from the manifests',
    severityReason: 'ensureHMACSecret rejects a Secret it does not own ("existing HMAC secret validation failed"): the reconcile fails',
  },
  {
    id: 'collision.serviceaccount',
    checks: 'Generated ServiceAccounts (with their Role and RoleBinding: `<n>-proxy-runner`, `<n>-remote-proxy-runner`, `<n>-vmcp`, `<n>-registry-api`; MCPServer backend `<n>-sa`) are unique and not taken by user objects.',
    source: 'ctrlutil/rbac EnsureRBACResources via the controllers\' ensureRBACResources',
    example: 'generated ServiceAccount, Role and RoleBinding "github-remote-proxy-runner" collide: MCPRemoteProxy "github" and MCPServer "github-remote" in namespace "default" both get them from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them',
    severityReason: 'two controllers own one ServiceAccount, Role and RoleBinding: each reconcile rewrites the other\'s rules, so one workload runs with the wrong permissions',
  },
  {
    id: 'collision.env',
    checks: 'Env vars the operator derives for one container have distinct names after its normalisation (e.g. MCPExternalAuthConfigs `my.cfg` and `my-cfg` used by one VirtualMCPServer, MCPServerEntries `a.b` and `a-b` in one group).',
    source: 'ctrlutil externalauth.go envVarSanitizer, wirefmt.NormalizeForEnvVar, virtualmcpserver_deployment.go buildEnvVarsForVmcp',
    example: 'env var TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_MY_CFG in container "vmcp" is derived from MCPExternalAuthConfig "my-cfg" spec.tokenExchange.clientSecretRef and MCPExternalAuthConfig "my.cfg" spec.tokenExchange.clientSecretRef: the operator normalises names (upper case, "-" and other characters to "_") without checking for clashes, so only one of them takes effect, and which one is not stable: the operator collects them in no fixed order, so the winner can change from one reconcile to the next: rename one of them so the env var names differ',
    severityReason: 'not an ignored field: both configs are in use and one of them reads the other\'s Secret, so every request that needs the overwritten credential fails (and which one loses is not stable)',
  },
  {
    id: 'collision.env-user',
    checks: 'An env var name the user chose (resourceOverrides.proxyDeployment.env, MCPServer spec.secrets targetEnvName or key, spec.env, podTemplateSpec env of container mcp, EmbeddingServer spec.env) does not clash with another entry of the same container, nor with the transport variables the proxyrunner sets.',
    source: 'deploymentForMCPServer, buildEnvVarsForProxy, buildEnvVars (EmbeddingServer), ctrlutil PodTemplateSpecBuilder.WithSecrets, pkg/runtime/setup.go Setup',
    example: 'env var TOOLHIVE_OIDC_CLIENT_SECRET in container "toolhive" is set by spec.resourceOverrides.proxyDeployment.env[0] and by the operator from MCPOIDCConfig "corp" spec.inline.clientSecretRef; only the last entry (spec.resourceOverrides.proxyDeployment.env[0]) takes effect: rename or remove spec.resourceOverrides.proxyDeployment.env[0]',
    severity: 'warning',
    severityReason: 'the operator and the API server accept the duplicate name and the workload starts; one of the two values is silently dropped (a user override either replaces an operator value or is replaced by it)',
  },
  {
    id: 'collision.env-operator-default',
    checks: 'A proxy env override (MCPServer, MCPRemoteProxy `resourceOverrides.proxyDeployment.env`) named like a default the operator appends only when absent (`XDG_CONFIG_HOME`, `HOME`, `TOOLHIVE_RUNTIME`, `UNSTRUCTURED_LOGS`) is reported, since it silently replaces that default.',
    source: 'ctrlutil EnsureRequiredEnvVars',
    example: 'env var HOME in container "toolhive" replaces the operator\'s default HOME=/tmp: the operator appends it only when the name is absent, so the proxy runs with your value instead; remove the entry unless that is intended',
    severity: 'warning',
    severityReason: 'EnsureRequiredEnvVars skips a default the user already set: accepted, and the user\'s value silently replaces the default',
  },
  {
    id: 'collision.header-env',
    checks: 'Header names of one MCPRemoteProxy or MCPServerEntry `headerForward.addHeadersFromSecret` give distinct env vars (upper case, `-` and other characters to `_`).',
    source: 'pkg/vmcp/headerforward/wirefmt SecretEnvVarName, NormalizeForEnvVar',
    example: 'header names "X-Api.Key" (spec.headerForward.addHeadersFromSecret[0]) and "X-Api-Key" (spec.headerForward.addHeadersFromSecret[1]) both become env var TOOLHIVE_SECRET_HEADER_FORWARD_X_API_KEY_GITHUB in the proxy pod; the operator does not detect this and both headers get the last Secret\'s value: forward only one of them from a Secret',
    severityReason: 'both headers are forwarded, but with the value of the same Secret: one header always carries another header\'s secret (a wrong credential sent upstream, not an ignored field)',
  },
  {
    id: 'collision.otel-header-env',
    checks: 'Sensitive header names of one MCPTelemetryConfig give distinct `TOOLHIVE_OTEL_HEADER_*` env vars (upper case, `-` to `_`).',
    source: 'ctrlutil telemetry.go normalizeHeaderEnvVarName',
    example: 'sensitive header names "X-Api-Key" (spec.openTelemetry.sensitiveHeaders[0]) and "x_api_key" (spec.openTelemetry.sensitiveHeaders[1]) both become env var TOOLHIVE_OTEL_HEADER_X_API_KEY in the pods that use this config; the operator does not detect this and only the last Secret takes effect: keep only one of them',
    severityReason: 'both headers are sent, but with the value of the same Secret: one header always carries another header\'s secret (a wrong credential sent to the collector, not an ignored field)',
  },
];
