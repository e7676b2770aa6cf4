/**
 * Layer 2: the CRDs' structural OpenAPI schemas (after defaulting), with the API server's message
 * formats and paths. One failing case per keyword, plus the passing edge cases that a JavaScript
 * implementation gets wrong (RE2 classes, code-point lengths).
 */
import { admissionErrors, MAIN, NOT_CHECKED, toolhive, V1ALPHA1 } from './helpers';

const server = (spec: Record<string, unknown>) => toolhive('MCPServer', { image: 'ghcr.io/example/server:1', ...spec });
const extAuth = (spec: Record<string, unknown>) => toolhive('MCPExternalAuthConfig', spec);
const webhook = (hook: Record<string, unknown>) => toolhive('MCPWebhookConfig', { validating: [{ name: 'policy', url: 'https://hooks.example.com/validate', ...hook }] }, 'hooks', V1ALPHA1);
const eas = (extra: Record<string, unknown>) => extAuth({
  type: 'embeddedAuthServer',
  embeddedAuthServer: {
    issuer: 'https://auth.example.com',
    upstreamProviders: [{ name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'c' } }],
    ...extra,
  },
});
const grant = (g: Record<string, unknown>) => eas({
  trustedIssuers: [{ issuerUrl: 'https://idp.example.com', jwtBearerGrant: { maxAssertionAge: '5m', subjectBindings: [{ subject: 's', allowedResources: ['https://api.example.com'] }], ...g } }],
});
const vmcp = (spec: Record<string, unknown>) => toolhive('VirtualMCPServer', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' }, ...spec });

describe('schema: type', () => {
  test('rejects a string where an integer is declared', () => {
    expect(admissionErrors([server({ proxyPort: '8080' })])).toEqual([
      { path: 'spec.proxyPort', rule: 'schema.type', message: 'Invalid value: "string": spec.proxyPort in body must be of type integer: "string"' },
      NOT_CHECKED,
    ]);
  });

  test('rejects a fractional number where an integer is declared', () => {
    // kube-openapi's numberValidator also runs: 1.5 does not convert to int32 (reported at the root)
    expect(admissionErrors([server({ replicas: 1.5 })])).toEqual([
      { path: 'spec.replicas', rule: 'schema.type', message: 'Invalid value: "number": spec.replicas in body must be of type integer: "number"' },
      { path: '<root>', rule: 'schema.integer-format', message: 'Invalid value: "": Checked value must be of type integer with format int32 in spec.replicas' },
      NOT_CHECKED,
    ]);
  });

  test('rejects a list where an object is declared, and an empty object where a string is declared', () => {
    expect(admissionErrors([server({ image: {}, resources: [] })])).toEqual([
      { path: 'spec.image', rule: 'schema.type', message: 'Invalid value: "object": spec.image in body must be of type string: "object"' },
      { path: 'spec.resources', rule: 'schema.type', message: 'Invalid value: "array": spec.resources in body must be of type object: "array"' },
      NOT_CHECKED,
    ]);
  });

  // strict decoding prunes by the schema whatever the value's type (pruning/algorithm.go): the keys of an object
  // given for a string are unknown fields, and the request fails with them alone, before validation
  test('reports the keys of an object given where a string is declared as unknown fields, alone', () => {
    expect(admissionErrors([server({ image: { name: 'x' }, resources: [] })])).toEqual([
      { path: 'spec.image.name', rule: 'schema.unknown-field', message: 'unknown field "spec.image.name"' },
    ]);
  });

  test('rejects a spec that is not an object', () => {
    expect(admissionErrors([toolhive('MCPGroup', 'none')])).toEqual([
      { path: 'spec', rule: 'schema.type', message: 'Invalid value: "string": spec in body must be of type object: "string"' },
    ]);
  });
});

describe('schema: required', () => {
  test('rejects a missing required field, at its path', () => {
    expect(admissionErrors([extAuth({ type: 'tokenExchange', tokenExchange: { audience: 'backend' } })])).toEqual([
      { path: 'spec.tokenExchange.tokenUrl', rule: 'schema.required', message: 'Required value' },
      NOT_CHECKED,
    ]);
  });

  test('rejects an MCPServer without image', () => {
    expect(admissionErrors([toolhive('MCPServer', { transport: 'stdio' })])).toEqual([
      { path: 'spec.image', rule: 'schema.required', message: 'Required value' },
      NOT_CHECKED,
    ]);
  });

  test('rejects missing required fields inside list items', () => {
    expect(admissionErrors([server({ env: [{ name: 'FOO' }] })])).toEqual([
      { path: 'spec.env[0].value', rule: 'schema.required', message: 'Required value' },
      NOT_CHECKED,
    ]);
  });

  test('admits a required field supplied by a default (authzConfig.type)', () => {
    expect(admissionErrors([server({ authzConfig: { configMap: { name: 'authz' } } })])).toEqual([]);
  });
});

describe('schema: enum', () => {
  test('rejects a value outside the enum, listing the supported values', () => {
    expect(admissionErrors([server({ transport: 'grpc' })])).toEqual([
      { path: 'spec.transport', rule: 'schema.enum', message: 'Unsupported value: "grpc": supported values: "stdio", "streamable-http", "sse"' },
      NOT_CHECKED,
    ]);
  });

  test('rejects enum values case-sensitively', () => {
    expect(admissionErrors([extAuth({ type: 'BearerToken' })])).toEqual([
      { path: 'spec.type', rule: 'schema.enum', message: 'Unsupported value: "BearerToken": supported values: "tokenExchange", "headerInjection", "bearerToken", "unauthenticated", "embeddedAuthServer", "awsSts", "upstreamInject", "obo", "xaa"' },
      NOT_CHECKED,
    ]);
  });
});

describe('schema: pattern (RE2 semantics)', () => {
  test('rejects a value that does not match', () => {
    expect(admissionErrors([extAuth({ type: 'awsSts', awsSts: { region: 'useast1' } })])).toEqual([
      { path: 'spec.awsSts.region', rule: 'schema.pattern', message: 'Invalid value: "useast1": spec.awsSts.region in body should match \'^[a-z]{2}(-[a-z]+)+-\\d+$\'' },
    ]);
  });

  test('admits a value that matches', () => {
    expect(admissionErrors([extAuth({ type: 'awsSts', awsSts: { region: 'eu-central-1' } })])).toEqual([]);
  });

  test('rejects an accepted audience with an ASCII space ([[:space:]] is a POSIX class)', () => {
    expect(admissionErrors([grant({ acceptedAudiences: ['https://api.example.com/a b'] })], MAIN)).toEqual([{
      path: 'spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant.acceptedAudiences[0]',
      rule: 'schema.pattern',
      message: 'Invalid value: "https://api.example.com/a b": spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant.acceptedAudiences[0] in body should match \'^https?://[^[:space:]]+$\'',
    }]);
  });

  test('rejects an accepted audience with a tab or vertical tab', () => {
    const errors = admissionErrors([grant({ acceptedAudiences: ['https://a.example.com/\t', 'https://b.example.com/\v'] })], MAIN);
    expect(errors.map(e => [e.path, e.rule])).toEqual([
      ['spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant.acceptedAudiences[0]', 'schema.pattern'],
      ['spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant.acceptedAudiences[1]', 'schema.pattern'],
    ]);
  });

  test('admits an accepted audience without spaces, and one with a non-ASCII space (RE2 [[:space:]] is ASCII only)', () => {
    expect(admissionErrors([grant({ acceptedAudiences: ['https://api.example.com/mcp', 'https://api.example.com/a\u00a0b'] })], MAIN)).toEqual([]);
  });

  test('rejects the "[[:space:]]" class in subjectBindings allowedResources too', () => {
    const o = grant({ subjectBindings: [{ subject: 's', allowedResources: ['https://api.example.com/ x'] }] });
    expect(admissionErrors([o], MAIN).map(e => e.path)).toEqual(['spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant.subjectBindings[0].allowedResources[0]']);
  });

  test('admits durations with the micro sign µ (U+00B5) in the duration pattern', () => {
    expect(admissionErrors([eas({ tokenLifespans: { accessTokenLifespan: '250µs', refreshTokenLifespan: '168h', authCodeLifespan: '1m30.5s' } })])).toEqual([]);
  });

  test('rejects durations the pattern does not list: days, and the Greek mu (U+03BC)', () => {
    expect(admissionErrors([eas({ tokenLifespans: { accessTokenLifespan: '1d', authCodeLifespan: '250μs' } })])).toEqual([
      { path: 'spec.embeddedAuthServer.tokenLifespans.accessTokenLifespan', rule: 'schema.pattern', message: 'Invalid value: "1d": spec.embeddedAuthServer.tokenLifespans.accessTokenLifespan in body should match \'^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$\'' },
      { path: 'spec.embeddedAuthServer.tokenLifespans.authCodeLifespan', rule: 'schema.pattern', message: 'Invalid value: "250μs": spec.embeddedAuthServer.tokenLifespans.authCodeLifespan in body should match \'^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$\'' },
    ]);
  });

  test('searches unanchored: a pattern anchored only at the start admits any tail', () => {
    expect(admissionErrors([toolhive('MCPRemoteProxy', { remoteUrl: 'https://mcp.example.com/mcp?x=1 2' })])).toEqual([]);
  });

  test('rejects a remote URL with another scheme', () => {
    expect(admissionErrors([toolhive('MCPRemoteProxy', { remoteUrl: 'ftp://mcp.example.com' })])).toEqual([
      { path: 'spec.remoteUrl', rule: 'schema.pattern', message: 'Invalid value: "ftp://mcp.example.com": spec.remoteUrl in body should match \'^https?://\'' },
    ]);
  });

  test('rejects an issuer with a trailing slash', () => {
    expect(admissionErrors([eas({ issuer: 'https://auth.example.com/' })]).map(e => [e.path, e.rule])).toEqual([['spec.embeddedAuthServer.issuer', 'schema.pattern']]);
  });
});

describe('schema: minLength / maxLength (code points)', () => {
  test('rejects an empty string below minLength', () => {
    expect(admissionErrors([extAuth({ type: 'upstreamInject', upstreamInject: { providerName: '' } })])).toEqual([
      { path: 'spec.upstreamInject.providerName', rule: 'schema.min-length', message: 'Invalid value: "": spec.upstreamInject.providerName in body should be at least 1 chars long' },
    ]);
  });

  test('admits a 63-code-point name made of multibyte characters (maxLength 63)', () => {
    expect(admissionErrors([webhook({ name: 'é'.repeat(63) })])).toEqual([]);
    // astral characters take two UTF-16 units each but count once
    expect(admissionErrors([webhook({ name: '😀'.repeat(63) })])).toEqual([]);
  });

  test('rejects a 64-code-point name (maxLength 63)', () => {
    expect(admissionErrors([webhook({ name: '😀'.repeat(64) })])).toEqual([
      { path: 'spec.validating[0].name', rule: 'schema.max-length', message: 'Too long: may not be more than 63 bytes' },
      NOT_CHECKED,
    ]);
  });

  test('counts one astral character as one code point for minLength', () => {
    expect(admissionErrors([webhook({ name: '😀' })])).toEqual([]);
  });
});

describe('schema: minItems / maxItems / maxProperties', () => {
  test('rejects an empty list below minItems', () => {
    expect(admissionErrors([eas({ upstreamProviders: [] })])).toEqual([
      { path: 'spec.embeddedAuthServer.upstreamProviders', rule: 'schema.min-items', message: 'Invalid value: 0: spec.embeddedAuthServer.upstreamProviders in body should have at least 1 items' },
    ]);
  });

  test('rejects a list above maxItems', () => {
    const keys = Array.from({ length: 6 }, (_, i) => ({ name: `signing-${i}`, key: 'key.pem' }));
    expect(admissionErrors([eas({ signingKeySecretRefs: keys })])).toEqual([
      { path: 'spec.embeddedAuthServer.signingKeySecretRefs', rule: 'schema.max-items', message: 'Too many: 6: must have at most 5 items' },
      NOT_CHECKED,
    ]);
  });

  test('admits a list at maxItems', () => {
    const keys = Array.from({ length: 5 }, (_, i) => ({ name: `signing-${i}`, key: 'key.pem' }));
    expect(admissionErrors([eas({ signingKeySecretRefs: keys })])).toEqual([]);
  });

  test('rejects a map above maxProperties', () => {
    const params = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`p${i}`, 'v']));
    const o = eas({ upstreamProviders: [{ name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'c', additionalAuthorizationParams: params } }] });
    expect(admissionErrors([o])).toEqual([
      { path: 'spec.embeddedAuthServer.upstreamProviders[0].oidcConfig.additionalAuthorizationParams', rule: 'schema.max-properties', message: 'Too many: 17: must have at most 16 items' },
      NOT_CHECKED,
    ]);
  });

  // kube-openapi object_validator.go names a map entry `path.key` (CEL and duplicates use `path[key]`)
  test('validates map values against additionalProperties, with .key paths', () => {
    const o = vmcp({ config: { optimizer: { embeddingProvider: 'openai', embeddingHeaders: { 'X-Org': '' } } } });
    expect(admissionErrors([o])).toEqual([
      { path: 'spec.config.optimizer.embeddingHeaders.X-Org', rule: 'schema.min-length', message: 'Invalid value: "": spec.config.optimizer.embeddingHeaders.X-Org in body should be at least 1 chars long' },
    ]);
  });
});

describe('schema: minimum / maximum', () => {
  test('rejects a port below minimum', () => {
    expect(admissionErrors([server({ proxyPort: 0 })])).toEqual([
      { path: 'spec.proxyPort', rule: 'schema.minimum', message: 'Invalid value: 0: spec.proxyPort in body should be greater than or equal to 1' },
    ]);
  });

  test('rejects a port above maximum', () => {
    expect(admissionErrors([server({ mcpPort: 70000 })])).toEqual([
      { path: 'spec.mcpPort', rule: 'schema.maximum', message: 'Invalid value: 70000: spec.mcpPort in body should be less than or equal to 65535' },
    ]);
  });

  test('admits the bounds themselves', () => {
    expect(admissionErrors([server({ proxyPort: 1, mcpPort: 65535, replicas: 0 })])).toEqual([]);
  });

  test('rejects a session duration outside 900..43200', () => {
    expect(admissionErrors([extAuth({ type: 'awsSts', awsSts: { region: 'us-east-1', sessionDuration: 600 } })])).toEqual([
      { path: 'spec.awsSts.sessionDuration', rule: 'schema.minimum', message: 'Invalid value: 600: spec.awsSts.sessionDuration in body should be greater than or equal to 900' },
    ]);
  });
});

describe('schema: formats', () => {
  test('rejects a webhook url that is not a URI (format uri)', () => {
    expect(admissionErrors([webhook({ url: 'not-a-valid-url' })])).toEqual([
      { path: 'spec.validating[0].url', rule: 'schema.format', message: 'Invalid value: "uri": spec.validating[0].url in body must be of type uri: "not-a-valid-url"' },
      NOT_CHECKED,
    ]);
  });

  test('admits absolute URIs and absolute paths (Go url.ParseRequestURI)', () => {
    expect(admissionErrors([webhook({ url: 'https://hooks.example.com:8443/validate?x=1' })])).toEqual([]);
    expect(admissionErrors([webhook({ url: '/validate' })])).toEqual([]);
  });

  test('admits a URI with an IPv6 host and rejects one with an unclosed bracket', () => {
    expect(admissionErrors([webhook({ url: 'https://[fd00::1]:8443/validate' })])).toEqual([]);
    expect(admissionErrors([webhook({ url: 'https://[fd00::1/validate' })]).map(e => e.rule)).toEqual(['schema.format', 'cel.not-checked']);
  });

  test('rejects a URI with an invalid port', () => {
    expect(admissionErrors([webhook({ url: 'https://hooks.example.com:port/validate' })]).map(e => e.rule)).toEqual(['schema.format', 'cel.not-checked']);
  });

  test('rejects a timeout that is not a duration (format duration)', () => {
    expect(admissionErrors([webhook({ timeout: 'soon' })])).toEqual([
      { path: 'spec.validating[0].timeout', rule: 'schema.format', message: 'Invalid value: "duration": spec.validating[0].timeout in body must be of type duration: "soon"' },
      NOT_CHECKED,
    ]);
  });

  test('admits Go durations for format duration', () => {
    expect(admissionErrors([webhook({ timeout: '5s' })])).toEqual([]);
    expect(admissionErrors([webhook({ timeout: '1m30s' })])).toEqual([]);
  });

  // kube-openapi IsValueValidAgainstRange: a plain error, so the API server reports it at the root (not blocking CEL)
  test('rejects an int32 field above 2^31-1 (format int32), at the object root', () => {
    expect(admissionErrors([server({ replicas: 2147483648 })])).toEqual([
      { path: '<root>', rule: 'schema.integer-format', message: 'Invalid value: "": Checked value must be of type integer with format int32 in spec.replicas' },
    ]);
  });

  test('admits int32 at 2^31-1', () => {
    expect(admissionErrors([server({ replicas: 2147483647 })])).toEqual([]);
  });

  // date-time is used only under status (conditions[].lastTransitionTime), which create/apply drops (status subresource)
  test('ignores status values, so the only date-time fields are never checked', () => {
    const o = { ...server({}), status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: 'yesterday', reason: 'x', message: '' }] } };
    expect(admissionErrors([o])).toEqual([]);
  });

  // strict decoding prunes the whole object before PrepareForCreate drops status
  test('still reports unknown fields under status', () => {
    const o = { ...server({}), status: { bogus: 1 } };
    expect(admissionErrors([o])).toEqual([{ path: 'status.bogus', rule: 'schema.unknown-field', message: 'unknown field "status.bogus"' }]);
  });
});

describe('schema: x-kubernetes-list-type', () => {
  test('rejects duplicate items of a set list', () => {
    expect(admissionErrors([toolhive('MCPToolConfig', { toolsFilter: ['fetch', 'search', 'fetch'] })])).toEqual([
      { path: 'spec.toolsFilter[2]', rule: 'schema.duplicate', message: 'Duplicate value: "fetch"' },
    ]);
  });

  test('admits a set list without duplicates', () => {
    expect(admissionErrors([toolhive('MCPToolConfig', { toolsFilter: ['fetch', 'search'] })])).toEqual([]);
  });

  test('rejects duplicate keys of a map list', () => {
    expect(admissionErrors([server({ env: [{ name: 'FOO', value: 'a' }, { name: 'FOO', value: 'b' }] })])).toEqual([
      { path: 'spec.env[1]', rule: 'schema.duplicate', message: 'Duplicate value: map[string]interface {}{"name":"FOO"}' },
    ]);
  });

  test('rejects two secrets entries from the same Secret (secrets is a map list keyed by name)', () => {
    const secrets = [{ name: 'github', key: 'token' }, { name: 'github', key: 'app-id', targetEnvName: 'GITHUB_APP_ID' }];
    expect(admissionErrors([server({ secrets })])).toEqual([
      { path: 'spec.secrets[1]', rule: 'schema.duplicate', message: 'Duplicate value: map[string]interface {}{"name":"github"}' },
    ]);
  });

  test('rejects duplicate upstream provider names', () => {
    const p = { name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'c' } };
    expect(admissionErrors([eas({ upstreamProviders: [p, p] })])).toEqual([
      { path: 'spec.embeddedAuthServer.upstreamProviders[1]', rule: 'schema.duplicate', message: 'Duplicate value: map[string]interface {}{"name":"okta"}' },
    ]);
  });

  test('admits map-list keys that differ only in case', () => {
    expect(admissionErrors([server({ env: [{ name: 'FOO', value: 'a' }, { name: 'foo', value: 'b' }] })])).toEqual([]);
  });
});

describe('schema: unknown fields (strict field validation)', () => {
  test('rejects a snake_case field with its full path', () => {
    expect(admissionErrors([extAuth({ type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com', audience: 'a', token_url: 'https://sts.example.com' } })])).toEqual([
      { path: 'spec.tokenExchange.token_url', rule: 'schema.unknown-field', message: 'unknown field "spec.tokenExchange.token_url"' },
    ]);
  });

  test('rejects an unknown top-level field', () => {
    expect(admissionErrors([{ ...server({}), specs: {} }])).toEqual([
      { path: 'specs', rule: 'schema.unknown-field', message: 'unknown field "specs"' },
    ]);
  });

  test('rejects unknown fields inside list items', () => {
    expect(admissionErrors([server({ volumes: [{ name: 'data', hostPath: '/data', mountPath: '/data', readonly: true }] })])).toEqual([
      { path: 'spec.volumes[0].readonly', rule: 'schema.unknown-field', message: 'unknown field "spec.volumes[0].readonly"' },
    ]);
  });

  test('admits anything under MCPAuthzConfig config (x-kubernetes-preserve-unknown-fields)', () => {
    const config = { policies: ['permit(principal, action, resource);'], entities_json: '[]', nested: { any: [1, { thing: true }] } };
    expect(admissionErrors([toolhive('MCPAuthzConfig', { type: 'cedarv1', config })])).toEqual([]);
  });

  test('admits a full pod template under podTemplateSpec (x-kubernetes-preserve-unknown-fields)', () => {
    const podTemplateSpec = { metadata: { annotations: { a: 'b' } }, spec: { containers: [{ name: 'mcp', resources: { limits: { cpu: '500m' } } }], tolerations: [{ key: 'k', operator: 'Exists' }] } };
    expect(admissionErrors([server({ podTemplateSpec })])).toEqual([]);
  });

  test('admits an unknown key directly under vMCP spec.config, but not below a declared child', () => {
    expect(admissionErrors([vmcp({ config: { somethingNew: { a: 1 } } })])).toEqual([]);
    expect(admissionErrors([vmcp({ config: { optimizer: { embeddingProvder: 'tei' } } })])).toEqual([
      { path: 'spec.config.optimizer.embeddingProvder', rule: 'schema.unknown-field', message: 'unknown field "spec.config.optimizer.embeddingProvder"' },
    ]);
  });
});

describe('schema: defaults are applied before CEL', () => {
  test('fails both authz type rules for an authzConfig with only inline (type defaults to configMap)', () => {
    const o = server({ authzConfig: { inline: { policies: ['permit(principal, action, resource);'] } } });
    expect(admissionErrors([o])).toEqual([
      { path: 'spec.authzConfig', rule: 'cel.MCPServer.spec.authzConfig#b15f5771', message: 'Invalid value: "object": configMap must be set when type is \'configMap\', and must not be set otherwise' },
      { path: 'spec.authzConfig', rule: 'cel.MCPServer.spec.authzConfig#ec0a58e7', message: 'Invalid value: "object": inline must be set when type is \'inline\', and must not be set otherwise' },
    ]);
  });

  test('admits the same authzConfig with type inline', () => {
    expect(admissionErrors([server({ authzConfig: { type: 'inline', inline: { policies: ['permit(principal, action, resource);'] } } })])).toEqual([]);
  });
});

describe('schema: null values', () => {
  test('prunes a null field and then applies its default', () => {
    expect(admissionErrors([server({ transport: null, proxyPort: null, authzConfig: null })])).toEqual([]);
  });

  test('prunes a null required field, which is then missing', () => {
    expect(admissionErrors([server({ image: null })])).toEqual([
      { path: 'spec.image', rule: 'schema.required', message: 'Required value' },
      NOT_CHECKED,
    ]);
  });

  test('rejects a null list item (only object fields are pruned)', () => {
    expect(admissionErrors([server({ args: ['--verbose', null] })])).toEqual([
      { path: 'spec.args[1]', rule: 'schema.type', message: 'Invalid value: "null": spec.args[1] in body must be of type string: "null"' },
      NOT_CHECKED,
    ]);
  });

  test('prunes a null map value of a non-nullable map', () => {
    expect(admissionErrors([toolhive('MCPTelemetryConfig', { openTelemetry: { headers: { 'x-a': null } } })])).toEqual([]);
  });
});

// Properties whose names are OpenAPI documentation keywords must survive schema generation.
describe('schema: fields named "description"', () => {
  test('admits MCPGroup spec.description', () => {
    expect(admissionErrors([toolhive('MCPGroup', { description: 'backends of team A' })])).toEqual([]);
  });

  test('admits MCPToolConfig toolsOverride descriptions', () => {
    expect(admissionErrors([toolhive('MCPToolConfig', { toolsOverride: { fetch: { name: 'web_fetch', description: 'Fetch a URL' } } })])).toEqual([]);
  });

  test('admits VirtualMCPCompositeToolDefinition spec.description and output property descriptions', () => {
    const spec = {
      name: 'fetch_and_check',
      description: 'Fetches a page',
      steps: [{ id: 'fetch', tool: 'fetch.fetch' }],
      output: { properties: { page: { type: 'string', description: 'the page', value: '{{.steps.fetch.output}}' } } },
    };
    expect(admissionErrors([toolhive('VirtualMCPCompositeToolDefinition', spec)])).toEqual([]);
  });

  test('admits vMCP inline composite tool and tool override descriptions', () => {
    const config = {
      aggregation: { tools: [{ workload: 'fetch', overrides: { fetch: { description: 'Fetch a URL' } } }] },
      compositeTools: [{ name: 'fetch_twice', description: 'Fetches twice', steps: [{ id: 'a', tool: 'fetch.fetch' }] }],
    };
    expect(admissionErrors([vmcp({ config })])).toEqual([]);
  });

  test('rejects an unknown field next to description', () => {
    expect(admissionErrors([toolhive('MCPGroup', { description: 'x', descripton: 'y' })])).toEqual([
      { path: 'spec.descripton', rule: 'schema.unknown-field', message: 'unknown field "spec.descripton"' },
    ]);
  });
});
