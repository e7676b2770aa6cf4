/**
 * ObjectMeta, the way the API server handles it on create, for every kind (ToolHive kinds, Secrets,
 * ConfigMaps, any other object):
 *  1. decoding: apiextensions-apiserver `pkg/apiserver/schema/objectmeta/coerce.go` GetObjectMetaWithOptions
 *     unmarshals `metadata` strictly (sigs.k8s.io/json UnmarshalStrict into metav1.ObjectMeta): a value of the
 *     wrong Go type fails the request with the first such error (keys in sorted order, as Go marshals a map);
 *     otherwise every field ObjectMeta does not have is an unknown field;
 *  2. validation: apimachinery `pkg/api/validation/objectmeta.go` ValidateObjectMetaAccessor (generateName,
 *     name, namespace, labels, annotations, ownerReferences, finalizers), with its messages and paths.
 * Fields the server sets or clears on create (uid, resourceVersion, generation, creationTimestamp,
 * deletionTimestamp, managedFields) are only type-checked.
 */
import { dns1123Label, dns1123Subdomain, labelValue, maskTrailingDash, qualifiedName, utf8Length } from './names';
import type { RuleDoc } from '../../core/types';
import { goQuote } from '../operator/go/quote';

/** One finding. `blocking` marks the error types that stop CEL (strategy.go hasBlockingErr: Required, TooLong). */
export interface MetaIssue {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
  readonly blocking?: boolean;
}

export const RULE_DOCS: readonly RuleDoc[] = [
  { id: 'metadata.decode', checks: 'metadata and its fields have the types of metav1.ObjectMeta (strings, string maps, lists); the first mismatch fails the request, as the API server\'s decoder does', source: 'apiextensions-apiserver schema/objectmeta/coerce.go GetObjectMetaWithOptions (sigs.k8s.io/json UnmarshalStrict)', example: 'cannot be handled as a MCPServer: json: cannot unmarshal number into Go struct field ObjectMeta.labels of type string' },
  { id: 'metadata.unknown-field', checks: 'metadata holds only fields of ObjectMeta (ownerReferences and managedFields entries only theirs), names matched case-sensitively', source: 'apiextensions-apiserver GetObjectMetaWithOptions ReturnUnknownFieldPaths (strict field validation)', example: 'unknown field "metadata.label"' },
  { id: 'metadata.name', checks: 'metadata.name is present (or generated from generateName) and a DNS-1123 subdomain of at most 253 characters', source: 'apimachinery api/validation/objectmeta.go ValidateObjectMetaAccessor, NameIsDNSSubdomain', example: 'Invalid value: "My_Server": a lowercase RFC 1123 subdomain must consist of ...' },
  { id: 'metadata.generate-name', checks: 'metadata.generateName is a DNS-1123 subdomain once a trailing dash is masked (`x.-` is valid, `-` and `-a-` are not)', source: 'apimachinery api/validation/generic.go NameIsDNSSubdomain(prefix) maskTrailingDash', example: 'Invalid value: "-": a lowercase RFC 1123 subdomain must consist of ...' },
  { id: 'metadata.namespace', checks: 'metadata.namespace, when not empty, is a DNS-1123 label (an empty namespace is the request\'s)', source: 'apimachinery ValidateObjectMetaAccessor, ValidateNamespaceName', example: 'Invalid value: "Team_A": a lowercase RFC 1123 label must consist of ...' },
  { id: 'metadata.labels', checks: 'label keys are qualified names (optional DNS subdomain prefix and `/`, name part at most 63 bytes), values at most 63 bytes, empty or alphanumeric at both ends', source: 'apimachinery apis/meta/v1/validation ValidateLabels; api/validate/content IsLabelKey, IsLabelValue', example: 'Invalid value: "-bad": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')' },
  { id: 'metadata.annotations', checks: 'annotation keys are qualified names (checked lower-cased); keys and values together at most 256 KiB', source: 'apimachinery api/validation/objectmeta.go ValidateAnnotations, TotalAnnotationSizeLimitB', example: 'Too long: may not be more than 262144 bytes' },
  { id: 'metadata.owner-references', checks: 'ownerReferences entries have apiVersion (group/version or version), kind, name and uid; at most one controller; an Event cannot own', source: 'apimachinery api/validation/objectmeta.go ValidateOwnerReferences', example: 'Required value: must not be empty' },
  { id: 'metadata.finalizers', checks: 'finalizers are qualified names; orphan and foregroundDeletion are not both set', source: 'apimachinery api/validation/objectmeta.go ValidateFinalizers', example: 'Invalid value: "a/b/c": a valid label key must consist of ...' },
];

type Dict = Record<string, unknown>;
const isDict = (x: unknown): x is Dict => typeof x === 'object' && x !== null && !Array.isArray(x);

// --- decoding: the Go types of metav1.ObjectMeta ---

type GoType =
  | { t: 'string' | 'int64' | 'bool' | 'time' | 'raw' }
  | { t: 'map' }
  | { t: 'list'; item: GoType; name: string }
  | { t: 'struct'; name: string; fields: Readonly<Record<string, GoType>> };

const STRING: GoType = { t: 'string' };
const INT64: GoType = { t: 'int64' };
const BOOL: GoType = { t: 'bool' };
const TIME: GoType = { t: 'time' };
const OWNER_REFERENCE: GoType = { t: 'struct', name: 'OwnerReference', fields: { apiVersion: STRING, kind: STRING, name: STRING, uid: STRING, controller: BOOL, blockOwnerDeletion: BOOL } };
const MANAGED_FIELDS_ENTRY: GoType = { t: 'struct', name: 'ManagedFieldsEntry', fields: { manager: STRING, operation: STRING, apiVersion: STRING, time: TIME, fieldsType: STRING, fieldsV1: { t: 'raw' }, subresource: STRING } };
/** metav1.ObjectMeta's JSON fields (k8s.io/apimachinery pkg/apis/meta/v1/types.go). */
const OBJECT_META: GoType & { t: 'struct' } = {
  t: 'struct',
  name: 'ObjectMeta',
  fields: {
    name: STRING,
    generateName: STRING,
    namespace: STRING,
    selfLink: STRING,
    uid: STRING,
    resourceVersion: STRING,
    generation: INT64,
    creationTimestamp: TIME,
    deletionTimestamp: TIME,
    deletionGracePeriodSeconds: INT64,
    labels: { t: 'map' },
    annotations: { t: 'map' },
    ownerReferences: { t: 'list', item: OWNER_REFERENCE, name: '[]v1.OwnerReference' },
    finalizers: { t: 'list', item: STRING, name: '[]string' },
    managedFields: { t: 'list', item: MANAGED_FIELDS_ENTRY, name: '[]v1.ManagedFieldsEntry' },
  },
};

function jsonKind(v: unknown): string {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}

function goTypeName(t: GoType): string {
  switch (t.t) {
    case 'map': return 'map[string]string';
    case 'list': return t.name;
    case 'struct': return `v1.${t.name}`;
    case 'time': return 'string';
    case 'raw': return 'v1.FieldsV1';
    default: return t.t;
  }
}

interface DecodeState { typeError?: MetaIssue; readonly unknown: MetaIssue[] }

/** Walks a value against a Go type in Go's order (sorted keys); records the first type error and the unknown fields. */
function decodeValue(v: unknown, t: GoType, path: string, owner: { struct: string; field: string } | undefined, st: DecodeState): void {
  if (v === null || v === undefined || t.t === 'raw') return;
  const fail = (what: string) => {
    if (st.typeError) return;
    const into = owner ? `Go struct field ${owner.struct}.${owner.field}` : 'Go value';
    // the error names a Go field, not an element: its path is the field's (`metadata.ownerReferences.name`)
    st.typeError = { path: owner ? `metadata.${owner.field}` : 'metadata', rule: 'metadata.decode', message: `json: cannot unmarshal ${what} into ${into} of type ${goTypeName(t)}` };
  };
  switch (t.t) {
    case 'string':
    case 'time':
      if (typeof v !== 'string') fail(jsonKind(v));
      return;
    case 'bool':
      if (typeof v !== 'boolean') fail(jsonKind(v));
      return;
    case 'int64':
      if (typeof v !== 'number') fail(jsonKind(v));
      else if (!Number.isInteger(v) || Math.abs(v) >= 2 ** 63) fail(`number ${v}`);
      return;
    case 'map':
      if (!isDict(v)) { fail(jsonKind(v)); return; }
      for (const k of Object.keys(v).sort()) {
        const item = v[k];
        if (item !== null && typeof item !== 'string' && !st.typeError) {
          st.typeError = { path: `metadata.${owner?.field}`, rule: 'metadata.decode', message: `json: cannot unmarshal ${jsonKind(item)} into Go struct field ${owner?.struct}.${owner?.field} of type string` };
        }
      }
      return;
    case 'list':
      if (!Array.isArray(v)) { fail(jsonKind(v)); return; }
      for (let i = 0; i < v.length; i++) decodeValue(v[i], t.item, `${path}[${i}]`, owner, st);
      return;
    case 'struct': {
      if (!isDict(v)) { fail(jsonKind(v)); return; }
      for (const k of Object.keys(v).sort()) {
        const ft = Object.prototype.hasOwnProperty.call(t.fields, k) ? t.fields[k] : undefined;
        const at = `${path}.${k}`;
        if (!ft) {
          st.unknown.push({ path: at, rule: 'metadata.unknown-field', message: `unknown field ${goQuote(at)}` });
          continue;
        }
        const field = owner && t.name !== 'ObjectMeta' ? `${owner.field}.${k}` : k;
        decodeValue(v[k], ft, at, { struct: t.name, field }, st);
      }
      return;
    }
  }
}

/**
 * Whether {@link decodeValue} finds nothing (no type error, no unknown field): the same checks in any key order,
 * building no path, no sorted key list.
 */
function decodesCleanly(v: unknown, t: GoType): boolean {
  if (v === null || v === undefined || t.t === 'raw') return true;
  switch (t.t) {
    case 'string':
    case 'time':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'int64':
      return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 63;
    case 'map': {
      if (!isDict(v)) return false;
      const keys = Object.keys(v);
      for (let i = 0; i < keys.length; i++) {
        const item = v[keys[i]];
        if (item !== null && typeof item !== 'string') return false;
      }
      return true;
    }
    case 'list':
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) if (!decodesCleanly(v[i], t.item)) return false;
      return true;
    case 'struct': {
      if (!isDict(v)) return false;
      const keys = Object.keys(v);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (!Object.prototype.hasOwnProperty.call(t.fields, k) || !decodesCleanly(v[k], t.fields[k])) return false;
      }
      return true;
    }
  }
}

/**
 * The decoding step: a type error (the request fails with it alone) or the unknown fields of `metadata`.
 * `metadata: null` or absent decodes to an empty ObjectMeta.
 */
export function decodeObjectMeta(raw: unknown): { typeError?: MetaIssue; unknown: MetaIssue[] } {
  // the common case, nothing to report, needs neither Go's key order nor paths
  if (decodesCleanly(raw, OBJECT_META)) return { unknown: [] };
  const st: DecodeState = { unknown: [] };
  decodeValue(raw, OBJECT_META, 'metadata', undefined, st);
  return st.typeError ? { typeError: st.typeError, unknown: [] } : { unknown: st.unknown };
}

// --- validation (objectmeta.go ValidateObjectMetaAccessor) ---

const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** Go strings.ToLower for what can matter to a qualified name: ASCII, and the two non-ASCII runes that lower to ASCII. */
function goLower(s: string): string {
  return s.replace(/[A-Z\u0130\u212a]/g, c => (c === '\u0130' ? 'i' : c === '\u212a' ? 'k' : c.toLowerCase()));
}

const invalid = (path: string, rule: string, value: string, msg: string): MetaIssue =>
  ({ path, rule, message: `Invalid value: ${goQuote(value)}: ${msg}` });

/** storage/names SimpleNameGenerator: the base is cut to 58 bytes and 5 random characters are appended. */
function generatedName(base: string): string {
  const bytes = Buffer.from(base, 'utf8');
  return (bytes.length > 58 ? bytes.subarray(0, 58).toString('utf8') : base) + 'xxxxx';
}

/**
 * ValidateObjectMetaAccessor on a decoded (type-correct) metadata map, after the create handler filled in
 * the name from generateName and the namespace from the request.
 */
export function validateObjectMeta(raw: unknown): MetaIssue[] {
  const meta = isDict(raw) ? raw : {};
  const out: MetaIssue[] = [];
  const generateName = str(meta.generateName);
  let name = str(meta.name);
  if (generateName) {
    for (const msg of dns1123Subdomain(maskTrailingDash(generateName))) out.push(invalid('metadata.generateName', 'metadata.generate-name', generateName, msg));
    if (!name) name = generatedName(generateName); // rest.BeforeCreate generates the name before validation
  }
  if (!name) {
    out.push({ path: 'metadata.name', rule: 'metadata.name', message: 'Required value: name or generateName is required', blocking: true });
  } else {
    for (const msg of dns1123Subdomain(name)) out.push(invalid('metadata.name', 'metadata.name', name, msg));
  }
  const namespace = str(meta.namespace);
  if (namespace) {
    for (const msg of dns1123Label(namespace)) out.push(invalid('metadata.namespace', 'metadata.namespace', namespace, msg));
  }
  // Go visits maps in random order; sorted here so the output is deterministic
  if (isDict(meta.labels)) {
    const labels = meta.labels;
    for (const k of Object.keys(labels).sort()) {
      for (const msg of qualifiedName(k)) out.push(invalid('metadata.labels', 'metadata.labels', k, msg));
      for (const msg of labelValue(str(labels[k]))) out.push(invalid('metadata.labels', 'metadata.labels', str(labels[k]), msg));
    }
  }
  if (isDict(meta.annotations)) {
    const annotations = meta.annotations;
    let size = 0;
    for (const k of Object.keys(annotations).sort()) {
      for (const msg of qualifiedName(goLower(k))) out.push(invalid('metadata.annotations', 'metadata.annotations', k, msg));
      size += utf8Length(k) + utf8Length(str(annotations[k]));
    }
    if (size > 256 * 1024) out.push({ path: 'metadata.annotations', rule: 'metadata.annotations', message: `Too long: may not be more than ${256 * 1024} bytes`, blocking: true });
  }
  if (Array.isArray(meta.ownerReferences)) out.push(...ownerReferenceIssues(meta.ownerReferences));
  if (Array.isArray(meta.finalizers)) {
    const finalizers = meta.finalizers.map(str);
    for (const f of finalizers) {
      for (const msg of qualifiedName(f)) out.push(invalid('metadata.finalizers', 'metadata.finalizers', f, msg));
    }
    if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
      out.push({ path: 'metadata.finalizers', rule: 'metadata.finalizers', message: `Invalid value: ${jsonList(finalizers)}: finalizer orphan and foregroundDeletion cannot be both set` });
    }
  }
  return out;
}

/** The finalizers as a JSON list: the API server prints Go's `[]string{...}`, the same strings read the same as JSON. */
function jsonList(items: readonly string[]): string {
  return JSON.stringify(items);
}

/** objectmeta.go validateOwnerReference / ValidateOwnerReferences. */
function ownerReferenceIssues(refs: readonly unknown[]): MetaIssue[] {
  const out: MetaIssue[] = [];
  const rule = 'metadata.owner-references';
  let firstController = '';
  refs.forEach((r, i) => {
    const ref = isDict(r) ? r : {};
    const at = `metadata.ownerReferences[${i}]`;
    const apiVersion = str(ref.apiVersion);
    const required = (field: string) => out.push({ path: `${at}.${field}`, rule, message: 'Required value: must not be empty', blocking: true });
    // schema.ParseGroupVersion: "" and "/" are empty, more than one "/" is an error
    const slashes = apiVersion.split('/').length - 1;
    const version = slashes === 0 ? apiVersion : apiVersion.slice(apiVersion.indexOf('/') + 1);
    const group = slashes === 0 ? '' : apiVersion.slice(0, apiVersion.indexOf('/'));
    if (!apiVersion) required('apiVersion');
    else if (slashes > 1 || !version) out.push(invalid(`${at}.apiVersion`, rule, apiVersion, 'must be <group>/<version> or <version>'));
    if (!str(ref.kind)) required('kind');
    if (!str(ref.name)) required('name');
    if (!str(ref.uid)) required('uid');
    if (slashes <= 1 && group === '' && version === 'v1' && ref.kind === 'Event') {
      out.push({ path: at, rule, message: 'Invalid value: "object": /v1, Kind=Event is disallowed from being an owner' });
    }
    if (ref.controller === true) {
      const current = `${str(ref.kind)}/${str(ref.name)}`;
      if (firstController) {
        out.push({ path: 'metadata.ownerReferences', rule, message: `Invalid value: "array": Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}` });
      } else {
        firstController = current;
      }
    }
  });
  return out;
}
