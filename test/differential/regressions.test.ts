/**
 * One named regression test per disagreement class of issue 13, with the API server's exact message and path
 * (apimachinery objectmeta.go / content, apiextensions-apiserver strategy.go / pruning / listtype, kube-openapi).
 */
import { validateManifests, type KubeObject, type ValidateOptions } from '../../src/validation';
import { NOT_CHECKED } from '../engine/helpers';

const V1BETA1 = 'toolhive.stacklok.dev/v1beta1';
const API = /^(identity|metadata|schema|cel)\./;
const errors = (o: unknown, options?: ValidateOptions) => validateManifests([o], options)
  .filter(v => v.severity === 'error' && API.test(v.rule)).map(({ path, rule, message }) => ({ path, rule, message }));

const group = (metadata: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: V1BETA1, kind: 'MCPGroup', metadata, spec: {}, ...extra });
const server = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: V1BETA1, kind: 'MCPServer', metadata: { name: 'fetch' }, spec: { image: 'ghcr.io/x/y:1', ...spec }, ...extra });

const KEY_NAME = 'name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')';
const LABEL_VALUE = 'a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')';
const SUBDOMAIN = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')';

describe('metadata.labels and metadata.annotations are validated', () => {
  test('a label key with an invalid name part', () => {
    expect(errors(group({ name: 'g', labels: { '-bad': 'x' } }))).toEqual([
      { path: 'metadata.labels', rule: 'metadata.labels', message: `Invalid value: "-bad": ${KEY_NAME}` },
    ]);
  });

  test('a label key with an invalid prefix, and one with two slashes', () => {
    expect(errors(group({ name: 'g', labels: { 'Example.com/x': 'v', 'a/b/c': 'v' } }))).toEqual([
      { path: 'metadata.labels', rule: 'metadata.labels', message: `Invalid value: "Example.com/x": prefix part ${SUBDOMAIN}` },
      { path: 'metadata.labels', rule: 'metadata.labels', message: 'Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\') with an optional DNS subdomain prefix and \'/\' (e.g. \'example.com/MyName\')' },
    ]);
  });

  test('a label value of 64 bytes, and one ending with a dash', () => {
    const long = 'a'.repeat(64);
    expect(errors(group({ name: 'g', labels: { a: long, b: 'x-' } }))).toEqual([
      { path: 'metadata.labels', rule: 'metadata.labels', message: `Invalid value: "${long}": must be no more than 63 bytes` },
      { path: 'metadata.labels', rule: 'metadata.labels', message: `Invalid value: "x-": ${LABEL_VALUE}` },
    ]);
  });

  test('a non-string label value fails decoding (the request is refused with that error alone)', () => {
    expect(errors(group({ name: 'Bad_Name', labels: { a: 1 } }))).toEqual([
      { path: 'metadata.labels', rule: 'metadata.decode', message: 'json: cannot unmarshal number into Go struct field ObjectMeta.labels of type string' },
    ]);
  });

  test('labels that are not a map fail decoding', () => {
    expect(errors(group({ name: 'g', labels: ['a'] }))).toEqual([
      { path: 'metadata.labels', rule: 'metadata.decode', message: 'json: cannot unmarshal array into Go struct field ObjectMeta.labels of type map[string]string' },
    ]);
  });

  test('an annotation key is checked lower-cased (upper case is fine) and must be a qualified name', () => {
    expect(errors(group({ name: 'g', annotations: { 'Example.COM/Key': 'v', 'bad key': 'v' } }))).toEqual([
      { path: 'metadata.annotations', rule: 'metadata.annotations', message: `Invalid value: "bad key": ${KEY_NAME}` },
    ]);
  });

  test('annotations over 256 KiB in total are too long, and block CEL', () => {
    const o = server({}, { metadata: { name: 'fetch', annotations: { a: 'x'.repeat(256 * 1024) } } });
    expect(errors(o)).toEqual([
      { path: 'metadata.annotations', rule: 'metadata.annotations', message: 'Too long: may not be more than 262144 bytes' },
      NOT_CHECKED,
    ]);
    expect(errors(server({}, { metadata: { name: 'fetch', annotations: { a: 'x'.repeat(256 * 1024 - 1) } } }))).toEqual([]);
  });
});

describe('metadata.generateName is validated after maskTrailingDash', () => {
  test.each([['-'], ['-a-']])('rejects %j', gn => {
    expect(errors(group({ name: 'g', generateName: gn }))).toEqual([
      { path: 'metadata.generateName', rule: 'metadata.generate-name', message: `Invalid value: "${gn}": ${SUBDOMAIN}` },
    ]);
  });

  test.each([['x.-'], ['team-'], ['a-']])('accepts %j', gn => {
    expect(errors(group({ name: 'g', generateName: gn }))).toEqual([]);
  });

  test('a generateName without a name: the server generates the name, no Required error', () => {
    expect(errors(group({ generateName: 'team-' }))).toEqual([]);
  });
});

describe('metadata is decoded strictly', () => {
  test('an unknown field under metadata', () => {
    expect(errors(group({ name: 'g', label: { a: 'b' } }))).toEqual([
      { path: 'metadata.label', rule: 'metadata.unknown-field', message: 'unknown field "metadata.label"' },
    ]);
  });

  test('finalizers must be qualified names', () => {
    expect(errors(group({ name: 'g', finalizers: ['example.com/cleanup', 'bad finalizer'] }))).toEqual([
      { path: 'metadata.finalizers', rule: 'metadata.finalizers', message: `Invalid value: "bad finalizer": ${KEY_NAME}` },
    ]);
  });

  test('ownerReferences: missing required fields, and an unknown field', () => {
    expect(errors(group({ name: 'g', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap' }] }))).toEqual([
      { path: 'metadata.ownerReferences[0].name', rule: 'metadata.owner-references', message: 'Required value: must not be empty' },
      { path: 'metadata.ownerReferences[0].uid', rule: 'metadata.owner-references', message: 'Required value: must not be empty' },
    ]);
    expect(errors(group({ name: 'g', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'c', uid: 'u', owner: true }] }))).toEqual([
      { path: 'metadata.ownerReferences[0].owner', rule: 'metadata.unknown-field', message: 'unknown field "metadata.ownerReferences[0].owner"' },
    ]);
  });
});

describe('status is ignored for kinds with the status subresource', () => {
  test('a status value of the wrong type is not checked (MCPServer has subresources.status)', () => {
    expect(errors(server({}, { status: { phase: 42, conditions: 'none' } }))).toEqual([]);
  });
});

describe('apiVersion of our group with a bad version is "no matches for kind", not a foreign object', () => {
  test.each([['toolhive.stacklok.dev'], ['toolhive.stacklok.dev/'], ['toolhive.stacklok.dev/v9']])('%j', apiVersion => {
    expect(errors({ ...group({ name: 'Bad_Name', labels: { '-x': 'y' } }), apiVersion })).toEqual([
      { path: 'apiVersion', rule: 'identity.unserved-version', message: `no matches for kind "MCPGroup" in version ${JSON.stringify(apiVersion)}; served versions: v1alpha1, v1beta1` },
    ]);
  });

  test('another group is a context object (metadata checked, nothing else)', () => {
    expect(errors({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { anything: 1 } })).toEqual([]);
  });
});

describe('format uri follows Go url.ParseRequestURI', () => {
  const hook = (url: string) => ({ apiVersion: 'toolhive.stacklok.dev/v1alpha1', kind: 'MCPWebhookConfig', metadata: { name: 'h' }, spec: { validating: [{ name: 'p', url }] } });

  test('an escaped slash in the host is invalid', () => {
    expect(errors(hook('https://a%2Fb.example.com/'))).toEqual([
      { path: 'spec.validating[0].url', rule: 'schema.format', message: 'Invalid value: "uri": spec.validating[0].url in body must be of type uri: "https://a%2Fb.example.com/"' },
      NOT_CHECKED,
    ]);
  });

  test('`*` is a valid request URI', () => {
    expect(errors(hook('*')).filter(e => e.rule === 'schema.format')).toEqual([]);
  });
});

describe('integers written as floats beyond 2^53', () => {
  test('1e20 for an integer field is a number, not an integer', () => {
    expect(errors(server({ proxyPort: 1e20 }))).toEqual([
      { path: 'spec.proxyPort', rule: 'schema.type', message: 'Invalid value: "number": spec.proxyPort in body must be of type integer: "number"' },
      { path: '<root>', rule: 'schema.integer-format', message: 'Invalid value: "": Checked value must be of type integer with format int32 in spec.proxyPort' },
      { path: 'spec.proxyPort', rule: 'schema.maximum', message: 'Invalid value: 100000000000000000000: spec.proxyPort in body should be less than or equal to 65535' },
      NOT_CHECKED,
    ]);
  });
});

describe('format duration follows kube-openapi strfmt', () => {
  const hook = (timeout: string) => ({ apiVersion: 'toolhive.stacklok.dev/v1alpha1', kind: 'MCPWebhookConfig', metadata: { name: 'h' }, spec: { validating: [{ name: 'p', url: 'https://h.example.com', timeout }] } });

  test.each([['5S'], ['5 seconds']])('accepts %j', t => {
    expect(errors(hook(t))).toEqual([]);
  });

  test.each([['5 hrs'], ['2 wks'], ['99999999999999999999h']])('rejects %j', t => {
    expect(errors(hook(t))).toEqual([
      { path: 'spec.validating[0].timeout', rule: 'schema.format', message: `Invalid value: "duration": spec.validating[0].timeout in body must be of type duration: "${t}"` },
      NOT_CHECKED,
    ]);
  });
});

describe('empty metadata.namespace is the request\'s namespace', () => {
  test('namespace "" is accepted', () => {
    expect(errors(group({ name: 'g', namespace: '' }))).toEqual([]);
  });
});

describe('null items in a list whose item schema has no type', () => {
  const registry = (volumes: unknown[]) => ({ apiVersion: V1BETA1, kind: 'MCPRegistry', metadata: { name: 'r' }, spec: { configYAML: 'sources: []', volumes } });

  test('are accepted (kube-openapi checks null only against a declared type): MCPRegistry spec.volumes items have none', () => {
    expect(errors(registry([null]))).toEqual([]);
  });

  test('while a null item of a typed list is a type error (spec.args items are strings)', () => {
    expect(errors(server({ args: [null] }))).toEqual([
      { path: 'spec.args[0]', rule: 'schema.type', message: 'Invalid value: "null": spec.args[0] in body must be of type string: "null"' },
      NOT_CHECKED,
    ]);
  });
});

describe('int32/int64 bounds follow the Kubernetes version', () => {
  const big = server({ replicas: 3_000_000_000 });

  test('enforced from 1.36, at the object root', () => {
    expect(errors(big)).toEqual([
      { path: '<root>', rule: 'schema.integer-format', message: 'Invalid value: "": Checked value must be of type integer with format int32 in spec.replicas' },
    ]);
  });

  test('not enforced before 1.36 (the format was stripped)', () => {
    expect(errors(big, { kubernetesVersion: '1.35' })).toEqual([]);
  });
});

describe('error-set semantics', () => {
  test('CEL is not evaluated after a blocking schema error: one "not checked" line', () => {
    // authzConfig with authzConfigRef breaks a CEL rule; the enum error blocks it
    const o = server({ transport: 'grpc', authzConfig: { type: 'inline', inline: { policies: ['permit(principal, action, resource);'] } }, authzConfigRef: { name: 'a' } });
    expect(errors(o)).toEqual([
      { path: 'spec.transport', rule: 'schema.enum', message: 'Unsupported value: "grpc": supported values: "stdio", "streamable-http", "sse"' },
      NOT_CHECKED,
    ]);
  });

  test('a non-blocking error (minimum) lets CEL run', () => {
    const o = server({ proxyPort: 0, authzConfig: { type: 'inline', inline: { policies: ['permit(principal, action, resource);'] } }, authzConfigRef: { name: 'a' } });
    expect(errors(o).map(e => e.rule)).toEqual(['schema.minimum', 'cel.MCPServer.spec#c12c8451']);
  });

  test('nothing below a type error: a list of scalars given for an object gets its type error only', () => {
    expect(errors(server({ resources: ['x', { }] }))).toEqual([
      { path: 'spec.resources', rule: 'schema.type', message: 'Invalid value: "array": spec.resources in body must be of type object: "array"' },
      NOT_CHECKED,
    ]);
  });

  test('metadata: null is an empty ObjectMeta: only the missing name', () => {
    expect(errors(group(null as unknown as Record<string, unknown>))).toEqual([
      { path: 'metadata.name', rule: 'metadata.name', message: 'Required value: name or generateName is required' },
    ]);
  });

  test('a kind that does not resolve gets no metadata errors', () => {
    expect(errors({ apiVersion: V1BETA1, kind: 'MCPServers', metadata: { name: 'Bad_Name' } }).map(e => e.rule)).toEqual(['identity.unknown-kind']);
  });

  test('one error per duplicated value of a set list, at its first repeat', () => {
    const o = { apiVersion: V1BETA1, kind: 'MCPToolConfig', metadata: { name: 't' }, spec: { toolsFilter: ['a', 'b', 'a', 'a', 'b'] } };
    expect(errors(o)).toEqual([
      { path: 'spec.toolsFilter[2]', rule: 'schema.duplicate', message: 'Duplicate value: "a"' },
      { path: 'spec.toolsFilter[4]', rule: 'schema.duplicate', message: 'Duplicate value: "b"' },
    ]);
  });
});
