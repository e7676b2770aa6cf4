/**
 * Authorization config checks:
 *  - MCPAuthzConfig `Validate()` plus the authorizer factory's `ValidateConfig` (controllers/mcpauthzconfig_controller.go);
 *  - consumers: inline Cedar policies (MCPServer, MCPRemoteProxy, VirtualMCPServer), the content of a
 *    referenced authz ConfigMap (`ctrlutil.LoadAuthzConfigFromConfigMap`), and the vMCP cedarv1-only rule.
 * Existence of the referenced ConfigMap, its key and the MCPAuthzConfig is the references layer's job;
 * these checks run only when the target is in the set.
 */
import { cedarSyntaxProblem } from './cedar';
import { GO_BOOL, GO_INT, GO_STRING, goField, goSlice, goStruct, goUnmarshalError } from './go/json';
import { goQuote } from './go/quote';
import type { ManifestSet, ObjectEntry, RuleDoc, Violation } from '../../core/types';
import { dict, isDict, list, own, str, violation } from '../../core/util';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.authz.type',
    checks: 'MCPAuthzConfig spec.type is a registered authorizer backend (cedarv1, httpv1)',
    source: 'cmd/thv-operator/api/v1beta1/mcpauthzconfig_types.go (*MCPAuthzConfig).Validate',
    example: 'type "opa" is not a registered authorizer backend (registered: [cedarv1 httpv1])',
    severityReason: 'MCPAuthzConfig.Validate sets Valid=False',
  },
  {
    id: 'operator.authz.config',
    checks: 'MCPAuthzConfig spec.config is valid for its backend: cedarv1 needs non-empty policies; httpv1 needs http, http.url and claim_mapping mpe|standard',
    source: 'controllers/mcpauthzconfig_controller.go validateAuthzConfig → pkg/authz/authorizers/{cedar,http} ValidateConfig',
    example: 'at least one policy is required for Cedar authorization',
    severityReason: 'the MCPAuthzConfig controller sets Valid=False, and consumers refuse a config that is not ready',
  },
  {
    id: 'operator.authz.vmcp-cedar-only',
    checks: 'a VirtualMCPServer incomingAuth.authzConfigRef names a cedarv1 MCPAuthzConfig',
    source: 'controllers/virtualmcpserver_controller.go handleAuthzConfig',
    example: 'MCPAuthzConfig pdp has unsupported type "httpv1" for VirtualMCPServer; only cedarv1 is supported',
    severityReason: 'the VirtualMCPServer controller rejects the reference and stops the reconcile',
  },
  {
    id: 'operator.authz.configmap-content',
    checks: 'a referenced authz ConfigMap key holds a valid authz config (version, registered type, backend data); Cedar only for MCPRemoteProxy and VirtualMCPServer',
    source: 'pkg/controllerutil/authz.go LoadAuthzConfigFromConfigMap; MCPRemoteProxy validateK8sRefs; VirtualMCPServer validateAuthzConfigMapRef',
    example: 'invalid authz config from ConfigMap default/authz key "authz.json": version is required',
    severityReason: 'LoadAuthzConfigFromConfigMap fails: the consumer\'s reconcile fails',
  },
  {
    id: 'operator.authz.policy-empty',
    checks: 'Cedar policies (inline, MCPAuthzConfig cedarv1, authz ConfigMaps) are not empty strings; the proxy fails to load an empty policy',
    source: 'pkg/authz/authorizers/cedar/core.go NewCedarAuthorizer ("failed to parse policy %d")',
    example: 'cedar policy at index 1 is empty; write a permit or forbid statement or remove the entry',
    severityReason: 'the Cedar authorizer cannot be built: the proxy or vMCP fails at start',
  },
  {
    id: 'operator.authz.cedar-syntax',
    checks: 'Cedar policy structure: annotations, permit/forbid, the (principal, action, resource) scope, balanced when/unless blocks, closing ";". An error for MCPRemoteProxy inline policies (the operator checks them); a warning elsewhere (the proxy fails at startup)',
    source: 'cmd/thv-operator/pkg/validation/cedar_validation.go ValidateCedarPolicies (MCPRemoteProxy validateAuthzPolicySyntax)',
    example: 'cedar policy at index 0 has invalid syntax: expected ";" but found the end of the policy',
    severityReason: 'ValidateCedarPolicies rejects the policy (False condition), or the authorizer fails to build at start',
  },
];

/** `authorizers.RegisteredTypes()` (a map in Go; shown sorted here). */
const REGISTERED = ['cedarv1', 'httpv1'];
const REGISTERED_TEXT = `[${REGISTERED.join(' ')}]`;

const CEDAR_OPTIONS = goStruct('cedar', 'ConfigOptions', {
  policies: goSlice(GO_STRING),
  entities_json: GO_STRING,
  primary_upstream_provider: GO_STRING,
  group_claim_name: GO_STRING,
  role_claim_name: GO_STRING,
  group_entity_type: GO_STRING,
  multi_valued_claims: goSlice(GO_STRING),
});
const CEDAR_CONFIG = goStruct('cedar', 'Config', { version: GO_STRING, type: GO_STRING, cedar: CEDAR_OPTIONS });
const HTTP_OPTIONS = goStruct('http', 'ConfigOptions', {
  http: goStruct('http', 'ConnectionConfig', { url: GO_STRING, timeout: GO_INT, insecure_skip_verify: GO_BOOL }),
  context: goStruct('http', 'ContextConfig', { include_args: GO_BOOL, include_operation: GO_BOOL }),
  claim_mapping: GO_STRING,
});
const HTTP_CONFIG = goStruct('http', 'Config', { version: GO_STRING, type: GO_STRING, pdp: HTTP_OPTIONS });
const HEADER = goStruct('authorizers', 'Config', { version: GO_STRING, type: GO_STRING });

/**
 * The factory's `ValidateConfig(fullConfig)` for a registered type: the error text, or undefined.
 * `full` is the envelope `{"version", "type", "<cedar|pdp>": {...}}`.
 */
export function validateBackendConfig(type: string, full: Record<string, unknown>): string | undefined {
  if (type === 'cedarv1') {
    const parseError = goUnmarshalError(full, CEDAR_CONFIG);
    if (parseError) return `failed to parse configuration: ${parseError}`;
    const options = goField(full, 'cedar');
    if (!isDict(options)) return 'cedar configuration is required (missing \'cedar\' field)';
    if (list(goField(options, 'policies')).length === 0) return 'at least one policy is required for Cedar authorization';
    return undefined;
  }
  const parseError = goUnmarshalError(full, HTTP_CONFIG);
  if (parseError) return `failed to parse HTTP PDP configuration: ${parseError}`;
  const options = goField(full, 'pdp');
  if (!isDict(options)) return 'pdp configuration is required (missing \'pdp\' field)';
  const http = goField(options, 'http');
  if (!isDict(http)) return 'http configuration is required';
  if ((str(goField(http, 'url')) ?? '') === '') return 'http.url is required';
  const claimMapping = str(goField(options, 'claim_mapping')) ?? '';
  if (claimMapping === '') return 'claim_mapping is required (valid values: mpe, standard)';
  if (claimMapping !== 'mpe' && claimMapping !== 'standard') return `invalid claim_mapping ${goQuote(claimMapping)} (valid values: mpe, standard)`;
  return undefined;
}

/** The Cedar policies of an options object, with their paths (for the policy checks). */
function cedarPolicies(options: unknown): unknown[] {
  return list(goField(options, 'policies'));
}

/**
 * Empty-policy errors and structural Cedar problems for a list of policies.
 * `strict` (MCPRemoteProxy inline) makes syntax problems errors, as the operator rejects them.
 */
function checkPolicies(entry: ObjectEntry, policies: unknown[], pathOf: (i: number) => string, strict: boolean, out: Violation[]): void {
  policies.forEach((p, i) => {
    if (typeof p !== 'string') return;
    if (p.trim() === '') {
      // NewCedarAuthorizer parses every policy; an empty one fails with "failed to parse policy %d"
      out.push(violation(entry, pathOf(i), 'operator.authz.policy-empty', `cedar policy at index ${i} is empty; write a permit or forbid statement or remove the entry`));
      return;
    }
    const problem = cedarSyntaxProblem(p);
    if (!problem) return;
    if (strict) {
      // mirrors MCPRemoteProxy validateAuthzPolicySyntax: validation.ValidateCedarPolicies
      out.push(violation(entry, pathOf(i), 'operator.authz.cedar-syntax', `cedar policy at index ${i} has invalid syntax: ${problem}`));
    } else {
      // not checked by the operator here; the proxy fails when it loads the policy at startup
      out.push(violation(entry, pathOf(i), 'operator.authz.cedar-syntax', `cedar policy at index ${i} has invalid syntax: ${problem}; the proxy fails to start with it`, 'warning'));
    }
  });
}

export function authzConfigLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('MCPAuthzConfig')) {
    const spec = dict(entry.defaulted.spec);
    const type = str(spec?.type);
    if (!type) continue; // schema: required, minLength 1
    // mirrors (*MCPAuthzConfig).Validate: the type must be a registered authorizer backend
    if (!REGISTERED.includes(type)) {
      out.push(violation(entry, 'spec.type', 'operator.authz.type', `type ${goQuote(type)} is not a registered authorizer backend (registered: ${REGISTERED_TEXT})`));
      continue;
    }
    if (!isDict(spec?.config)) continue; // schema: required object
    // mirrors validateAuthzConfig: BuildFullAuthzConfigJSON then factory.ValidateConfig
    const full = { version: '1.0', type, [type === 'cedarv1' ? 'cedar' : 'pdp']: spec!.config };
    const problem = validateBackendConfig(type, full);
    if (problem) {
      out.push(violation(entry, 'spec.config', 'operator.authz.config', problem));
      continue;
    }
    if (type === 'cedarv1') checkPolicies(entry, cedarPolicies(spec!.config), i => `spec.config.policies[${i}]`, false, out);
  }
  return out;
}

type Consumer = 'MCPServer' | 'MCPRemoteProxy' | 'VirtualMCPServer';

/** The parsed ConfigMap value (sigs.k8s.io/yaml first, JSON as the fallback: YAML 1.2 covers both). */
function parseAuthzDocument(raw: string): { doc?: unknown; error?: string } {
  try {
    // loaded on first use: most runs have no inline authorization config to read
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('yaml') as typeof import('yaml');
    // logLevel 'error': the parser's warnings would go to process.emitWarning (stderr), quoting the text
    return { doc: parse(raw, { logLevel: 'error', maxAliasCount: 100 }) as unknown };
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0].replace(/:$/, '') };
  }
}

/** `LoadAuthzConfigFromConfigMap` on one ConfigMap value: the loader's error text, or undefined. */
function loadProblem(where: string, key: string, raw: string, parsed: { doc?: unknown; error?: string }): string | undefined {
  if (raw.trim() === '') return `authz ConfigMap ${where} key ${goQuote(key)} is empty`;
  const cannotParse = (m: string) => `failed to parse authz config from ConfigMap ${where} key ${goQuote(key)}: ${m}`;
  if (parsed.error !== undefined) return cannotParse(parsed.error);
  const headerError = goUnmarshalError(parsed.doc, HEADER);
  if (headerError) return cannotParse(headerError);
  if (!isDict(parsed.doc)) return cannotParse('the content is not a mapping');
  const doc = parsed.doc;
  const invalid = (m: string) => `invalid authz config from ConfigMap ${where} key ${goQuote(key)}: ${m}`;
  // mirrors authorizers.Config.Validate
  const version = str(goField(doc, 'version')) ?? '';
  const type = str(goField(doc, 'type')) ?? '';
  if (version === '') return invalid('version is required');
  if (type === '') return invalid('type is required');
  if (!REGISTERED.includes(type)) return invalid(`unsupported configuration type: ${type} (registered types: ${REGISTERED_TEXT})`);
  const backend = validateBackendConfig(type, doc);
  return backend ? invalid(`invalid ${type} configuration: ${backend}`) : undefined;
}

/** The consumer's message for a bad authz ConfigMap (with the Cedar requirement of MCPRemoteProxy and vMCP). */
function configMapProblem(
  consumer: Consumer, ns: string, cmName: string, key: string, raw: string, parsed: { doc?: unknown; error?: string },
): string | undefined {
  const where = `${ns}/${cmName}`;
  const loadError = loadProblem(where, key, raw, parsed);
  const isCedar = isDict(goField(parsed.doc, 'cedar'));
  switch (consumer) {
    case 'MCPServer':
      return loadError;
    case 'MCPRemoteProxy':
      // mirrors MCPRemoteProxy validateK8sRefs: loader error or ExtractCedarAuthzOptions failure
      if (loadError) return `authorization ConfigMap ${goQuote(cmName)} is invalid: ${loadError}`;
      return isCedar ? undefined : `authorization ConfigMap ${goQuote(cmName)} is invalid: authz ConfigMap ${goQuote(cmName)} is not a Cedar config: cedar config is nil`;
    case 'VirtualMCPServer':
      // mirrors VirtualMCPServer validateAuthzConfigMapRef (reported as "Authorization ConfigMap is invalid: ...")
      if (loadError) return `Authorization ConfigMap is invalid: ${loadError}`;
      return isCedar ? undefined : `Authorization ConfigMap is invalid: authz ConfigMap ${where} is not a Cedar config: cedar config is nil`;
  }
}

function checkAuthzRef(
  set: ManifestSet, entry: ObjectEntry, consumer: Consumer, authz: Record<string, unknown>, base: string, out: Violation[],
): void {
  const type = str(authz.type);
  if (type === 'inline') {
    const inline = dict(authz.inline);
    checkPolicies(entry, list(inline?.policies), i => `${base}.inline.policies[${i}]`, consumer === 'MCPRemoteProxy', out);
    return;
  }
  if (type !== 'configMap') return;
  const ref = dict(authz.configMap);
  const cmName = str(ref?.name);
  if (!cmName) return;
  const key = str(ref?.key) || 'authz.json';
  const cm = set.get('ConfigMap', entry.namespace, cmName);
  const raw = str(own(dict(cm?.object.data), key));
  if (raw === undefined) return; // missing ConfigMap or key: the references layer reports it
  // mirrors ctrlutil.LoadAuthzConfigFromConfigMap (MCPServer RunConfig, MCPRemoteProxy validateK8sRefs, vMCP validateAuthzConfigMapRef)
  const parsed = parseAuthzDocument(raw);
  const problem = configMapProblem(consumer, entry.namespace, cmName, key, raw, parsed);
  if (problem) {
    out.push(violation(entry, `${base}.configMap`, 'operator.authz.configmap-content', problem));
    return;
  }
  checkPolicies(entry, cedarPolicies(goField(parsed.doc, 'cedar')), () => `${base}.configMap`, false, out);
}

/** Authz checks on the workloads that consume authz configs. */
export function authzConsumersLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const consumer of ['MCPServer', 'MCPRemoteProxy'] as const) {
    for (const entry of set.ofKind(consumer)) {
      const authz = dict(dict(entry.defaulted.spec)?.authzConfig);
      if (authz) checkAuthzRef(set, entry, consumer, authz, 'spec.authzConfig', out);
    }
  }
  for (const entry of set.ofKind('VirtualMCPServer')) {
    const incoming = dict(dict(entry.defaulted.spec)?.incomingAuth);
    const authz = dict(incoming?.authzConfig);
    if (authz) checkAuthzRef(set, entry, 'VirtualMCPServer', authz, 'spec.incomingAuth.authzConfig', out);
    const refName = str(dict(incoming?.authzConfigRef)?.name);
    if (!refName) continue;
    const target = set.get('MCPAuthzConfig', entry.namespace, refName);
    const targetType = str(dict(target?.defaulted.spec)?.type);
    // mirrors VirtualMCPServer handleAuthzConfig: vMCP's incoming authz middleware is Cedar-only
    if (targetType !== undefined && targetType !== 'cedarv1' && REGISTERED.includes(targetType)) {
      out.push(violation(entry, 'spec.incomingAuth.authzConfigRef.name', 'operator.authz.vmcp-cedar-only',
        `MCPAuthzConfig ${refName} has unsupported type ${goQuote(targetType)} for VirtualMCPServer; only cedarv1 is supported`));
    }
  }
  return out;
}
