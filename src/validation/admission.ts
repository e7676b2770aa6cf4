/**
 * Layers 1–4 for one object, in the order the API server applies them: identity (kind, served
 * version, name), schema after defaulting, CEL rules, then the hygiene checks the operator needs.
 */
import { hygieneIssues } from './hygiene';
import { validateNode, Where, type Issue, type WalkContext } from './structural';
import type { KubeObject, ObjectEntry, ResolvedOptions, RuleDoc, SourceLocation, Violation } from '../core/types';
import { dict, isDict, str, withSource } from '../core/util';
import { withDefaults } from '../schema/defaults';
import { GROUP, kindInfo, rootSchema, splitApiVersion, toolhiveKinds } from '../schema/registry';
import type { SchemaNode } from '../schema/types';

export interface Admission { entry?: ObjectEntry; violations: Violation[] }

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN_MESSAGE = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')';
const LABEL_MESSAGE = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const RULE_DOCS: readonly RuleDoc[] = [
  { id: 'identity.not-an-object', checks: 'every document is a Kubernetes object (a mapping)', source: 'API server decoding', example: 'document is a string, not a Kubernetes object' },
  { id: 'identity.missing-kind', checks: 'the object has `kind` and `apiVersion`', source: 'API server decoding ("Object \'Kind\' is missing")', example: 'Object \'Kind\' is missing' },
  { id: 'identity.unknown-kind', checks: 'a kind of group toolhive.stacklok.dev exists in the targeted release', source: 'API server discovery ("no matches for kind")', example: 'no matches for kind "MCPServers" in version "toolhive.stacklok.dev/v1beta1"; known kinds: EmbeddingServer, MCPAuthzConfig, ...' },
  { id: 'identity.unserved-version', checks: 'the apiVersion is served for the kind (MCPWebhookConfig is v1alpha1 only)', source: 'CRD spec.versions[].served', example: 'no matches for kind "MCPWebhookConfig" in version "toolhive.stacklok.dev/v1beta1"; served versions: v1alpha1' },
  { id: 'identity.deprecated-version', checks: 'deprecated versions are reported (v1alpha1 of 13 kinds, MCPRegistry as a whole)', source: 'CRD spec.versions[].deprecationWarning', example: 'toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1', severity: 'warning' },
  { id: 'identity.name', checks: 'metadata.name is present and a valid DNS subdomain (ToolHive kinds, Secrets, ConfigMaps, ...)', source: 'API server ObjectMeta validation', example: 'Invalid value: "My_Server": a lowercase RFC 1123 subdomain must consist of ...' },
  { id: 'identity.namespace', checks: 'metadata.namespace, when set, is a valid DNS label', source: 'API server ObjectMeta validation', example: 'Invalid value: "Team_A": a lowercase RFC 1123 label must consist of ...' },
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
  { id: 'schema.format', checks: 'formats int32, int64, date-time, duration, uri', source: 'CRD OpenAPI schema `format` (kube-openapi strfmt)', example: 'Invalid value: "uri": spec.validating[0].url in body must be of type uri: "not-a-valid-url"' },
  { id: 'schema.duplicate', checks: 'x-kubernetes-list-type set items and map-list keys are unique', source: 'CRD `x-kubernetes-list-type`', example: 'Duplicate value: map[string]interface {}{"name":"FOO"}' },
  { id: 'schema.unknown-field', checks: 'fields the schema does not define are errors (kubectl strict field validation), except under x-kubernetes-preserve-unknown-fields', source: 'API server fieldValidation=Strict', example: 'unknown field "spec.tokenExchange.token_url"' },
  { id: 'cel.<Kind>.<location>#<n>', checks: 'every x-kubernetes-validations rule of the CRD, evaluated after defaulting at every node its location reaches; the message is the CRD\'s, verbatim. A rule that cannot be evaluated is a violation saying why', source: 'CRD `x-kubernetes-validations` (all 75 v1beta1 rules and the MCPWebhookConfig one)', example: 'Invalid value: "object": tokenExchange configuration must be set if and only if type is \'tokenExchange\'' },
];

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
  const kind = str(obj.kind) ?? '';
  const apiVersion = str(obj.apiVersion) ?? '';
  const meta = dict(obj.metadata);
  const name = str(meta?.name) ?? '';
  const namespace = str(meta?.namespace) || options.defaultNamespace;
  const violations: Violation[] = [];
  const report = (path: string, rule: string, message: string, severity: 'error' | 'warning' = 'error') =>
    violations.push(withSource({ severity, kind, namespace, name, path, rule, message }, { source }));

  if (!kind) report('kind', 'identity.missing-kind', 'Object \'Kind\' is missing');
  if (!apiVersion) report('apiVersion', 'identity.missing-kind', 'Object \'apiVersion\' is missing');
  if (!kind || !apiVersion) return { violations };

  // metadata (every kind)
  if (obj.metadata !== undefined && !meta) {
    report('metadata', 'schema.type', `Invalid value: "${Array.isArray(obj.metadata) ? 'array' : typeof obj.metadata}": metadata in body must be of type object`);
  }
  if (!name) {
    report('metadata.name', 'identity.name', 'Required value: name or generateName is required');
  } else if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    report('metadata.name', 'identity.name', `Invalid value: ${JSON.stringify(name)}: ${name.length > 253 ? 'must be no more than 253 characters' : SUBDOMAIN_MESSAGE}`);
  }
  const ns = meta?.namespace;
  if (ns !== undefined && (typeof ns !== 'string' || ns.length > 63 || !DNS1123_LABEL.test(ns))) {
    report('metadata.namespace', 'identity.namespace', `Invalid value: ${JSON.stringify(ns)}: ${LABEL_MESSAGE}`);
  }

  const { group, version } = splitApiVersion(apiVersion);
  const entry = (defaulted: KubeObject, isToolHive: boolean): ObjectEntry => {
    const admitted = !violations.some(x => x.severity === 'error');
    return { index, object: obj, kind, apiVersion, group, version, name, namespace, source, defaulted, isToolHive, admitted };
  };

  if (group !== GROUP) {
    if (kind === 'Secret' && apiVersion === 'v1') checkSecretData(obj, report);
    return { entry: entry(obj, false), violations };
  }

  const info = kindInfo(kind);
  if (!info) {
    report('kind', 'identity.unknown-kind', `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}; known kinds: ${knownKinds()}`);
    return { violations };
  }
  const v = info.versions.find(x => x.name === version);
  if (!v || !v.served) {
    report('apiVersion', 'identity.unserved-version', `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}; served versions: ${info.versions.filter(x => x.served).map(x => x.name).join(', ')}`);
    return { violations };
  }
  if (v.deprecated) report('apiVersion', 'identity.deprecated-version', v.deprecationWarning ?? `${apiVersion} is deprecated`, 'warning');

  const schema = rootSchema(kind, version)!;
  // copy on write: shares with the input every node defaulting leaves as it is (nothing below mutates it)
  const defaulted = withDefaults(schema, obj, true) as KubeObject;
  const ctx: WalkContext = { kind, issues: [] };
  validateRoot(schema, defaulted, ctx);
  const issues: Issue[] = [...ctx.issues, ...hygieneIssues(defaulted)];
  for (const i of issues) report(i.path, i.rule, i.message);
  return { entry: entry(defaulted, true), violations };
}

function knownKinds(): string {
  return toolhiveKinds().map(k => k.kind).join(', ');
}

/** The root object: metadata is checked by the identity layer; status is ignored on create (status subresource). */
function validateRoot(schema: SchemaNode, obj: Record<string, unknown>, ctx: WalkContext): void {
  for (const r of schema.required ?? []) {
    if (!(r in obj)) ctx.issues.push({ path: r, rule: 'schema.required', message: 'Required value' });
  }
  for (const key of Object.keys(obj)) {
    if (key === 'metadata' || key === 'status') continue;
    const sub = schema.properties?.[key];
    if (!sub) {
      ctx.issues.push({ path: key, rule: 'schema.unknown-field', message: `unknown field ${JSON.stringify(key)}` });
      continue;
    }
    validateNode(sub, obj[key], new Where(undefined, key, 'field'), ctx);
  }
}

function checkSecretData(obj: KubeObject, report: (path: string, rule: string, message: string) => void): void {
  const data = obj.data;
  if (data === undefined || data === null) return;
  if (!isDict(data)) {
    report('data', 'identity.secret-data', 'Secret data must be a map of base64 strings');
    return;
  }
  for (const key of Object.keys(data)) {
    const value = data[key];
    // Go's base64 decoder skips \r and \n only; any other whitespace is illegal
    if (typeof value !== 'string' || !BASE64.test(value.replace(/[\r\n]+/g, ''))) {
      // never print the value itself: it is secret material
      report(`data[${key}]`, 'identity.secret-data', `illegal base64 data in Secret data key ${JSON.stringify(key)}`);
    }
  }
}
