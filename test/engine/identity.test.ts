/**
 * Layer 1: what the API server checks before the schema: the document is an object with a kind and
 * apiVersion, the kind is served at that version, metadata.name is valid; and Secret data decodes.
 */
import { admission, admissionErrors, NOT_CHECKED, toolhive, V1ALPHA1, V1BETA1 } from './helpers';

const KNOWN = 'EmbeddingServer, MCPAuthzConfig, MCPExternalAuthConfig, MCPGroup, MCPOIDCConfig, MCPRegistry, MCPRemoteProxy, MCPServer, '
  + 'MCPServerEntry, MCPTelemetryConfig, MCPToolConfig, MCPWebhookConfig, VirtualMCPCompositeToolDefinition, VirtualMCPServer';
const SUBDOMAIN = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')';
const LABEL = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')';

const group = (name: string, extra: Record<string, unknown> = {}) => ({ ...toolhive('MCPGroup', {}, name), ...extra });

describe('identity: kind and version', () => {
  test('rejects an unknown ToolHive kind, listing the known kinds', () => {
    expect(admission([toolhive('MCPServers', { image: 'i' }, 'fetch')])).toEqual([{
      severity: 'error',
      kind: 'MCPServers',
      namespace: 'default',
      name: 'fetch',
      path: 'kind',
      rule: 'identity.unknown-kind',
      message: `no matches for kind "MCPServers" in version "toolhive.stacklok.dev/v1beta1"; known kinds: ${KNOWN}`,
    }]);
  });

  test('rejects MCPWebhookConfig at v1beta1 (served only as v1alpha1)', () => {
    const o = toolhive('MCPWebhookConfig', { validating: [{ name: 'p', url: 'https://hooks.example.com' }] }, 'hooks', V1BETA1);
    expect(admissionErrors([o])).toEqual([{
      path: 'apiVersion',
      rule: 'identity.unserved-version',
      message: 'no matches for kind "MCPWebhookConfig" in version "toolhive.stacklok.dev/v1beta1"; served versions: v1alpha1',
    }]);
  });

  test('admits MCPWebhookConfig at v1alpha1 without a deprecation warning', () => {
    expect(admission([toolhive('MCPWebhookConfig', { validating: [{ name: 'p', url: 'https://hooks.example.com' }] }, 'hooks', V1ALPHA1)])).toEqual([]);
  });

  test('rejects a version the kind does not have', () => {
    expect(admissionErrors([toolhive('MCPServer', { image: 'i' }, 'fetch', 'toolhive.stacklok.dev/v1')])).toEqual([{
      path: 'apiVersion',
      rule: 'identity.unserved-version',
      message: 'no matches for kind "MCPServer" in version "toolhive.stacklok.dev/v1"; served versions: v1alpha1, v1beta1',
    }]);
  });

  test('warns about deprecated v1alpha1 and still validates the object', () => {
    expect(admission([toolhive('MCPServer', { image: 'i', transport: 'grpc' }, 'fetch', V1ALPHA1)]).map(({ severity, path, rule, message }) => ({ severity, path, rule, message }))).toEqual([
      { severity: 'warning', path: 'apiVersion', rule: 'identity.deprecated-version', message: 'toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1' },
      { severity: 'error', path: 'spec.transport', rule: 'schema.enum', message: 'Unsupported value: "grpc": supported values: "stdio", "streamable-http", "sse"' },
      { severity: 'error', ...NOT_CHECKED },
    ]);
  });

  test('warns about MCPRegistry at v1beta1 (the kind is deprecated)', () => {
    expect(admission([toolhive('MCPRegistry', { configYAML: 'sources: []' }, 'registry')]).map(({ severity, path, rule, message }) => ({ severity, path, rule, message }))).toEqual([{
      severity: 'warning',
      path: 'apiVersion',
      rule: 'identity.deprecated-version',
      message: 'MCPRegistry is deprecated and will be removed in a future release; install the ToolHive registry server via the toolhive-registry-server Helm chart (https://github.com/stacklok/toolhive-registry-server) instead',
    }]);
  });

  test('admits objects of other groups without schema checks', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'authz' }, data: { 'authz.json': '{}' }, whatever: 1 };
    const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'redis' }, spec: { anything: true } };
    expect(admission([cm, dep])).toEqual([]);
  });
});

describe('identity: documents', () => {
  test.each([
    ['a string', 'apiVersion: v1'],
    ['null', null],
    ['a list', [{ kind: 'MCPGroup' }]],
    ['a number', 42],
  ])('rejects a document that is %s', (what, doc) => {
    expect(admission([doc])).toEqual([{
      severity: 'error',
      kind: '',
      namespace: 'default',
      name: '',
      path: '<root>',
      rule: 'identity.not-an-object',
      message: `document is ${what}, not a Kubernetes object`,
    }]);
  });

  test('rejects an object without kind', () => {
    expect(admissionErrors([{ apiVersion: V1BETA1, metadata: { name: 'x' }, spec: {} }])).toEqual([
      { path: 'kind', rule: 'identity.missing-kind', message: 'Object \'Kind\' is missing' },
    ]);
  });

  test('rejects an object without apiVersion', () => {
    expect(admissionErrors([{ kind: 'MCPGroup', metadata: { name: 'x' } }])).toEqual([
      { path: 'apiVersion', rule: 'identity.missing-kind', message: 'Object \'apiVersion\' is missing' },
    ]);
  });

  test('rejects an object with neither, reporting both', () => {
    expect(admissionErrors([{ metadata: { name: 'x' } }]).map(e => e.path)).toEqual(['kind', 'apiVersion']);
  });
});

describe('identity: metadata', () => {
  test('admits a DNS subdomain name with dots and dashes', () => {
    expect(admission([group('team-a.tools')])).toEqual([]);
  });

  test('rejects a name with uppercase and underscores', () => {
    expect(admission([group('My_Server')])).toEqual([{
      severity: 'error',
      kind: 'MCPGroup',
      namespace: 'default',
      name: 'My_Server',
      path: 'metadata.name',
      rule: 'metadata.name',
      message: `Invalid value: "My_Server": ${SUBDOMAIN}`,
    }]);
  });

  test('rejects a name ending with a dash', () => {
    expect(admissionErrors([group('server-')])).toEqual([{ path: 'metadata.name', rule: 'metadata.name', message: `Invalid value: "server-": ${SUBDOMAIN}` }]);
  });

  test('rejects a name longer than 253 characters', () => {
    const name = 'a'.repeat(254);
    expect(admissionErrors([group(name)])).toEqual([{ path: 'metadata.name', rule: 'metadata.name', message: `Invalid value: "${name}": must be no more than 253 characters` }]);
  });

  test('rejects a missing name', () => {
    expect(admissionErrors([{ apiVersion: V1BETA1, kind: 'MCPGroup', metadata: {}, spec: {} }])).toEqual([
      { path: 'metadata.name', rule: 'metadata.name', message: 'Required value: name or generateName is required' },
    ]);
  });

  test('rejects a missing name on non-ToolHive objects too', () => {
    expect(admissionErrors([{ apiVersion: 'v1', kind: 'Secret', stringData: { a: 'b' } }])).toEqual([
      { path: 'metadata.name', rule: 'metadata.name', message: 'Required value: name or generateName is required' },
    ]);
  });

  test('rejects metadata that is not an object', () => {
    expect(admissionErrors([{ apiVersion: V1BETA1, kind: 'MCPGroup', metadata: 'x' }])).toEqual([
      { path: 'metadata', rule: 'metadata.decode', message: 'json: cannot unmarshal string into Go value of type v1.ObjectMeta' },
    ]);
  });

  test('rejects an invalid namespace and reports the object in it', () => {
    expect(admission([group('g', { metadata: { name: 'g', namespace: 'Team_A' } })])).toEqual([{
      severity: 'error',
      kind: 'MCPGroup',
      namespace: 'Team_A',
      name: 'g',
      path: 'metadata.namespace',
      rule: 'metadata.namespace',
      message: `Invalid value: "Team_A": ${LABEL}`,
    }]);
  });

  test('reports objects without a namespace in the default namespace option', () => {
    expect(admission([group('Bad')], { defaultNamespace: 'tools' }).map(v => v.namespace)).toEqual(['tools']);
  });

  test('attaches the source location given in options.sources', () => {
    const [v] = admission([group('ok'), group('Bad')], { sources: [undefined, { file: 'app.yaml', document: 2, line: 7 }] });
    expect(v).toMatchObject({ name: 'Bad', file: 'app.yaml', document: 2, line: 7 });
  });
});

describe('identity: Secret data', () => {
  const secret = (data: unknown) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'github' }, data });

  test('admits base64 values (with and without padding, with line breaks)', () => {
    expect(admission([secret({ token: 'Z2hwX3NlY3JldA==', id: 'MTIz', wrapped: 'Z2hw\nX3Nl' })])).toEqual([]);
  });

  test('rejects a value that is not base64 without printing it', () => {
    const value = 'ghp_plain-text-token!';
    const violations = admission([secret({ token: value })]);
    expect(violations).toEqual([{
      severity: 'error',
      kind: 'Secret',
      namespace: 'default',
      name: 'github',
      path: 'data[token]',
      rule: 'identity.secret-data',
      message: 'illegal base64 data in Secret data key "token"',
    }]);
    expect(JSON.stringify(violations)).not.toContain(value);
  });

  test('rejects a value with a space inside (Go skips only line breaks)', () => {
    expect(admissionErrors([secret({ token: 'Z2hw X3Nl' })])).toEqual([{ path: 'data[token]', rule: 'identity.secret-data', message: 'illegal base64 data in Secret data key "token"' }]);
  });

  test('rejects a non-string value', () => {
    expect(admissionErrors([secret({ port: 8080 })])).toEqual([{ path: 'data[port]', rule: 'identity.secret-data', message: 'illegal base64 data in Secret data key "port"' }]);
  });

  test('rejects data that is not a map', () => {
    expect(admissionErrors([secret(['a'])])).toEqual([{ path: 'data', rule: 'identity.secret-data', message: 'Secret data must be a map of base64 strings' }]);
  });

  test('does not decode stringData', () => {
    expect(admission([{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { token: 'not base64!' } }])).toEqual([]);
  });
});
