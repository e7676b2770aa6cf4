/**
 * Layers 1–4 for one object, in the order the API server applies them: identity (kind, served
 * version, name), schema after defaulting, CEL rules, then the hygiene checks the operator needs.
 */
import { decodeObjectMeta, validateObjectMeta } from './apiserver/metadata';
import { hygieneIssues } from './hygiene';
import { needsRelease } from './release-fields';
import { notJsonData } from './safety';
import { unknownFields, validateRoot, type Issue, type WalkContext } from './structural';
import { enforcesIntegerFormats } from '../core/kube-version';
import type { KubeObject, ObjectEntry, ResolvedOptions, RuleDoc, SourceLocation, Violation } from '../core/types';
import { dict, isDict, str, withSource } from '../core/util';
import { withDefaults } from '../schema/defaults';
import { GROUP, hasStatusSubresource, kindInfo, rootSchema, splitApiVersion, toolhiveKinds } from '../schema/registry';
import type { SchemaNode } from '../schema/types';

export interface Admission { entry?: ObjectEntry; violations: Violation[] }

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const RULE_DOCS: readonly RuleDoc[] = [
  { id: 'identity.not-an-object', checks: 'every document is a Kubernetes object (a mapping)', source: 'API server decoding', example: 'document is a string, not a Kubernetes object' },
  { id: 'identity.missing-kind', checks: 'the object has `kind` and `apiVersion`', source: 'API server decoding ("Object \'Kind\' is missing")', example: 'Object \'Kind\' is missing' },
  { id: 'identity.unknown-kind', checks: 'a kind of group toolhive.stacklok.dev exists in the targeted release', source: 'API server discovery ("no matches for kind")', example: 'no matches for kind "MCPServers" in version "toolhive.stacklok.dev/v1beta1"; known kinds: EmbeddingServer, MCPAuthzConfig, ...' },
  { id: 'identity.unserved-version', checks: 'the apiVersion is served for the kind (MCPWebhookConfig is v1alpha1 only); `toolhive.stacklok.dev` without a version, with an empty or an unknown one is our group with a bad version, not another group. Such an object gets no other error', source: 'CRD spec.versions[].served', example: 'no matches for kind "MCPWebhookConfig" in version "toolhive.stacklok.dev/v1beta1"; served versions: v1alpha1' },
  { id: 'identity.deprecated-version', checks: 'deprecated versions are reported (v1alpha1 of 13 kinds, MCPRegistry as a whole)', source: 'CRD spec.versions[].deprecationWarning', example: 'toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1', severity: 'warning' },
  { id: 'identity.secret-data', checks: 'Secret `data` values are base64 strings (the value itself is never printed)', source: 'API server decoding of Secret.data ([]byte)', example: 'illegal base64 data in Secret data key "token"' },
  { id: 'schema.type', checks: 'values have the schema type', source: 'CRD OpenAPI schema `type`', example: 'Invalid value: "string": spec.proxyPort in body must be of type integer: "string"' },
  { id: 'schema.required', checks: 'required fields are present (after defaulting)', source: 'CRD OpenAPI schema `required`', example: 'Required value' },
  { id: 'schema.enum', checks: 'enumerated values', source: 'CRD OpenAPI schema `enum`', example: 'Unsupported value: "grpc": supported values: "stdio", "streamable-http", "sse"' },
  { id: 'schema.pattern', checks: 'string patterns, with RE2 semantics (unanchored search, POSIX classes)', source: 'CRD OpenAPI schema `pattern`', example: 'Invalid value: "useast1": spec.awsSts.region in body should match \'^[a-z]{2}(-[a-z]+)+-\\d+$\'' },
  { id: 'schema.min-length', checks: 'minimum string length in code points', source: 'CRD OpenAPI schema `minLength`', example: 'Invalid value: "": spec.upstreamInject.providerName in body should be at least 1 chars long' },
  { id: 'schema.max-length', checks: 'maximum string length in code points', source: 'CRD OpenAPI schema `maxLength`', example: 'Too long: may not be more than 63 bytes' },
  { id: 'schema.min-items', checks: 'minimum list length', source: 'CRD OpenAPI schema `minItems`', example: 'Invalid value: 0: spec.embeddedAuthServer.upstreamProviders in body should have at least 1 items' },
  { id: 'schema.max-items', checks: 'maximum list length', source: 'CRD OpenAPI schema `maxItems`', example: 'Too many: 6: must have at most 5 items' },
  { id: 'schema.min-properties', checks: 'minimum number of map entries', source: 'CRD OpenAPI schema `minProperties`', example: 'Invalid value: 0: spec.x in body should have at least 1 properties' },
  { id: 'schema.max-properties', checks: 'maximum number of map entries', source: 'CRD OpenAPI schema `maxProperties`', example: 'Too many: 17: must have at most 16 items' },
  { id: 'schema.minimum', checks: 'numeric lower bounds', source: 'CRD OpenAPI schema `minimum`', example: 'Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1' },
  { id: 'schema.maximum', checks: 'numeric upper bounds', source: 'CRD OpenAPI schema `maximum`', example: 'Invalid value: 70000: spec.proxyPort in body should be less than or equal to 65535' },
  { id: 'schema.format', checks: 'string formats date-time, duration, uri exactly as kube-openapi strfmt (duration: Go time.ParseDuration, else its unanchored unit matcher; uri: Go url.ParseRequestURI)', source: 'CRD OpenAPI schema `format` (kube-openapi strfmt duration.go, time.go, default.go)', example: 'Invalid value: "uri": spec.validating[0].url in body must be of type uri: "not-a-valid-url"' },
  { id: 'schema.duplicate', checks: 'x-kubernetes-list-type set items and map-list keys are unique (one error per duplicated value, at its first repeat)', source: 'CRD `x-kubernetes-list-type`', example: 'Duplicate value: {"name":"FOO"}' },
  { id: 'schema.unknown-field', checks: 'fields the schema does not define are errors (kubectl strict field validation), except under x-kubernetes-preserve-unknown-fields; every key of an object given where the schema has no properties (a string field, say) is unknown. The request then fails with these alone, before validation (also under `status`)', source: 'API server fieldValidation=Strict; apiextensions-apiserver schema/pruning/algorithm.go prune', example: 'unknown field "spec.tokenExchange.token_url"' },
  { id: 'schema.needs-release', checks: 'a field the targeted release does not define but a newer bundled release does: the targeted API server rejects it as unknown; the fix is that release or dropping the field', source: 'API server fieldValidation=Strict, CRDs of each bundled release', example: 'field spec.allowPrivateEndpoint needs operator release main@e25de16 or later; you target v0.44.0', releases: 'every release but the newest bundled (< main@e25de16)' },
  { id: 'schema.integer-format', checks: 'integers fit int64, and from Kubernetes 1.36 int32/int64 formats; reported at the object root as the API server does', source: 'kube-openapi validate/values.go IsValueValidAgainstRange; apiextensions-apiserver validation/formats.go (formats kept from 1.36)', example: 'Invalid value: "": Checked value must be of type integer with format int32 in spec.proxyPort' },
  { id: 'cel.not-checked', checks: 'when a schema or metadata error of a blocking type (type, required, enum, maxLength, maxItems, maxProperties, format) is found, the CEL rules are not evaluated and this one line says so', source: 'apiextensions-apiserver registry/customresource strategy.go hasBlockingErr', example: 'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation' },
  { id: 'cel.<Kind>.<location>#<digest>', checks: 'every x-kubernetes-validations rule of the targeted release\'s CRD, evaluated after defaulting at every node its location reaches; the message is the CRD\'s, verbatim. A rule that cannot be evaluated is a violation saying why. The id ends with the first 8 hex digits of the SHA-256 of the rule\'s message (of its expression when it has none), so it survives rules added or reordered and expressions rewritten between releases', source: 'CRD `x-kubernetes-validations` of the targeted release (v0.43.0: 60 placements of v1beta1 and MCPWebhookConfig v1alpha1, v0.44.0: 68, main@e25de16: 76)', example: 'Invalid value: "object": tokenExchange configuration must be set if and only if type is \'tokenExchange\'' },
];

/** Where an object's violations go, and what each of them names. */
interface Reporter {
  readonly violations: Violation[];
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly source: SourceLocation | undefined;
}

function report(r: Reporter, path: string, rule: string, message: string, severity: 'error' | 'warning' = 'error'): void {
  r.violations.push(withSource({ severity, kind: r.kind, namespace: r.namespace, name: r.name, path, rule, message }, r));
}

function reportAll(r: Reporter, issues: readonly Issue[]): void {
  for (const i of issues) report(r, i.path, i.rule, i.message);
}

/** An object whose admission found no error reaches the cluster. */
function admitted(violations: readonly Violation[]): boolean {
  for (const v of violations) if (v.severity === 'error') return false;
  return true;
}

function describe(doc: unknown): string {
  if (doc === null) return 'null';
  if (Array.isArray(doc)) return 'a list';
  return `a ${typeof doc}`;
}

/** Validates one input object and returns its entry (for the set layers) and its violations. */
export function admitObject(manifest: unknown, index: number, options: ResolvedOptions, source?: SourceLocation): Admission {
  if (!isDict(manifest)) {
    const anon = { kind: '', namespace: options.defaultNamespace, name: '' };
    return { violations: [withSource({ severity: 'error', ...anon, path: '<root>', rule: 'identity.not-an-object', message: `document is ${describe(manifest)}, not a Kubernetes object` }, { source })] };
  }
  const obj = manifest as KubeObject;
  const notJson = notJsonData(obj);
  if (notJson !== undefined) {
    const who = { kind: str(obj.kind) ?? '', namespace: str(dict(obj.metadata)?.namespace) || options.defaultNamespace, name: str(dict(obj.metadata)?.name) ?? '' };
    return { violations: [withSource({ severity: 'error', ...who, path: '<root>', rule: 'identity.not-json', message: `object is not JSON data: ${notJson}; pass plain data, e.g. the result of JSON.parse` }, { source })] };
  }
  const kind = str(obj.kind) ?? '';
  const apiVersion = str(obj.apiVersion) ?? '';
  const meta = dict(obj.metadata);
  const name = str(meta?.name) ?? '';
  const namespace = str(meta?.namespace) || options.defaultNamespace;
  // one record per object for the reports, instead of closures over these locals
  const violations: Violation[] = [];
  const r: Reporter = { violations, kind, namespace, name, source };

  if (!kind) report(r, 'kind', 'identity.missing-kind', 'Object \'Kind\' is missing');
  if (!apiVersion) report(r, 'apiVersion', 'identity.missing-kind', 'Object \'apiVersion\' is missing');
  if (!kind || !apiVersion) return { violations };

  const { group, version } = splitApiVersion(apiVersion);

  // Our group with a bad version (`toolhive.stacklok.dev`, `toolhive.stacklok.dev/`, `.../v9`) is not another
  // group: kubectl's REST mapping fails ("no matches for kind") and the object never reaches the server, so it
  // gets no other error (not even metadata).
  const ours = apiVersion === GROUP || apiVersion.startsWith(`${GROUP}/`);
  if (!ours) {
    const decoded = decodeObjectMeta(obj.metadata);
    if (decoded.typeError) reportAll(r, [decoded.typeError]);
    else if (decoded.unknown.length) reportAll(r, decoded.unknown);
    else reportAll(r, validateObjectMeta(obj.metadata));
    if (kind === 'Secret' && apiVersion === 'v1') checkSecretData(obj, r);
    const entry: ObjectEntry = {
      index,
      object: obj,
      kind,
      apiVersion,
      group,
      version,
      name,
      namespace,
      source,
      defaulted: obj,
      isToolHive: false,
      admitted: admitted(violations),
    };
    return { entry, violations };
  }

  const release = options.operatorRelease;
  const info = kindInfo(kind, release);
  if (!info) {
    report(r, 'kind', 'identity.unknown-kind', `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}; known kinds: ${knownKinds(release)}`);
    return { violations };
  }
  const ourVersion = apiVersion === GROUP ? '' : apiVersion.slice(GROUP.length + 1);
  const v = info.versions.find(x => x.name === ourVersion);
  if (!v || !v.served) {
    report(r, 'apiVersion', 'identity.unserved-version', `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}; served versions: ${info.versions.filter(x => x.served).map(x => x.name).join(', ')}`);
    return { violations };
  }
  if (v.deprecated) report(r, 'apiVersion', 'identity.deprecated-version', v.deprecationWarning ?? `${apiVersion} is deprecated`, 'warning');

  const schema = rootSchema(kind, ourVersion, release)!;
  // copy on write: shares with the input every node defaulting leaves as it is (nothing below mutates it)
  const defaulted = withDefaults(schema, obj, true) as KubeObject;
  reportAll(r, serverIssues(schema, obj, defaulted, kind, ourVersion, options));
  reportAll(r, hygieneIssues(defaulted));
  const entry: ObjectEntry = {
    index, object: obj, kind, apiVersion, group, version, name, namespace, source, defaulted, isToolHive: true, admitted: admitted(violations),
  };
  return { entry, violations };
}

/**
 * What the API server answers to a create of a ToolHive object, in its order:
 *  1. decoding (customresource_handler.go schemaCoercingDecoder): a metadata type error alone, else with strict
 *     field validation every unknown field (metadata and pruning) alone: the request fails before validation;
 *  2. validation (registry/customresource strategy.go Validate): ObjectMeta, the OpenAPI schema (status dropped
 *     by PrepareForCreate when the version has the status subresource), list sets and maps, then the CEL rules,
 *     unless an error of a blocking type was found (hasBlockingErr), which one line reports instead.
 */
function serverIssues(schema: SchemaNode, obj: KubeObject, defaulted: KubeObject, kind: string, version: string, options: ResolvedOptions): Issue[] {
  const decoded = decodeObjectMeta(obj.metadata);
  if (decoded.typeError) return [decoded.typeError];
  // a field a newer bundled release has is reported as needing that release (release-fields.ts)
  const pruned = unknownFields(schema, obj);
  if (decoded.unknown.length || pruned.length) {
    return [...decoded.unknown, ...pruned.map(i => needsRelease(i, kind, version, options.operatorRelease))];
  }

  const metaIssues = validateObjectMeta(obj.metadata);
  const ctx: WalkContext = { kind, issues: [], cel: [], intFormats: enforcesIntegerFormats(options.kubernetesVersion) };
  validateRoot(schema, defaulted, ctx, hasStatusSubresource(kind, version, options.operatorRelease));
  // the valid object (the common case) allocates no list of its own
  if (metaIssues.length === 0 && ctx.issues.length === 0) return ctx.cel!;
  const issues: Issue[] = [...metaIssues, ...ctx.issues];
  if (hasCelRules(schema)) {
    const blocked = metaIssues.some(i => i.blocking) || ctx.issues.some(i => BLOCKING.has(i.rule));
    if (blocked) issues.push({ path: '<root>', rule: 'cel.not-checked', message: NOT_CHECKED });
    else issues.push(...ctx.cel!);
  }
  return issues;
}

/** The rules whose field error types block CEL: NotSupported, Required, TooLong, TooMany, TypeInvalid (formats). */
const BLOCKING = new Set(['schema.type', 'schema.required', 'schema.enum', 'schema.max-length', 'schema.max-items', 'schema.max-properties', 'schema.format']);
const NOT_CHECKED = 'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

const celRules = new WeakMap<SchemaNode, boolean>();

/** Whether a root schema has any x-kubernetes-validations rule (the API server builds a CEL validator then). */
function hasCelRules(schema: SchemaNode): boolean {
  let has = celRules.get(schema);
  if (has === undefined) {
    const any = (s: SchemaNode | boolean | undefined): boolean => typeof s === 'object' && (
      (s['x-kubernetes-validations']?.length ?? 0) > 0
      || Object.values(s.properties ?? {}).some(any) || any(s.items) || any(s.additionalProperties));
    has = any(schema);
    celRules.set(schema, has);
  }
  return has;
}

function knownKinds(release: string): string {
  return toolhiveKinds(release).map(k => k.kind).join(', ');
}

function checkSecretData(obj: KubeObject, r: Reporter): void {
  const data = obj.data;
  if (data === undefined || data === null) return;
  if (!isDict(data)) {
    report(r, 'data', 'identity.secret-data', 'Secret data must be a map of base64 strings');
    return;
  }
  for (const key of Object.keys(data)) {
    const value = data[key];
    // Go's base64 decoder skips \r and \n only; any other whitespace is illegal
    if (typeof value !== 'string' || !BASE64.test(value.replace(/[\r\n]+/g, ''))) {
      // never print the value itself: it is secret material
      report(r, `data[${key}]`, 'identity.secret-data', `illegal base64 data in Secret data key ${JSON.stringify(key)}`);
    }
  }
}
