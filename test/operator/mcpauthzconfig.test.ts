import { configMap, findings, messages, toolhive } from './config-fixtures';

const PERMIT = 'permit(principal, action == Action::"call_tool", resource == Tool::"weather");';
const authz = (name: string, type: string, config: Record<string, unknown>) => toolhive('MCPAuthzConfig', name, { type, config });
const cedar = (name = 'policy') => authz(name, 'cedarv1', { policies: [PERMIT] });
const pdp = (name = 'pdp') => authz(name, 'httpv1', { http: { url: 'https://pdp.example.com' }, claim_mapping: 'standard' });
const server = (spec: Record<string, unknown>) => toolhive('MCPServer', 'weather', { image: 'ghcr.io/example/weather:1.0', ...spec });
const proxy = (spec: Record<string, unknown>) => toolhive('MCPRemoteProxy', 'remote', { remoteUrl: 'https://mcp.example.com/mcp', ...spec });
const group = toolhive('MCPGroup', 'team', {});
const vmcp = (incomingAuth: Record<string, unknown>) => toolhive('VirtualMCPServer', 'gateway', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous', ...incomingAuth } });
const fromConfigMap = { type: 'configMap', configMap: { name: 'authz' } };

describe('MCPAuthzConfig type', () => {
  const rule = 'operator.authz.type';

  it('accepts cedarv1 and httpv1', () => {
    expect(findings([cedar(), pdp()])).toEqual([]);
  });

  it('rejects an unregistered backend', () => {
    expect(findings([authz('opa', 'opa', { policy: 'x' })])).toEqual([{
      kind: 'MCPAuthzConfig',
      name: 'opa',
      path: 'spec.type',
      rule,
      severity: 'error',
      message: 'type "opa" is not a registered authorizer backend (registered: [cedarv1 httpv1])',
    }]);
  });
});

describe('MCPAuthzConfig backend config', () => {
  const rule = 'operator.authz.config';

  it('accepts Go-style case-insensitive keys', () => {
    expect(findings([authz('p', 'cedarv1', { Policies: [PERMIT] }), authz('h', 'httpv1', { HTTP: { URL: 'https://pdp' }, claim_mapping: 'mpe' })])).toEqual([]);
  });

  it('rejects cedarv1 without policies', () => {
    expect(findings([authz('policy', 'cedarv1', { policies: [] })])).toEqual([{
      kind: 'MCPAuthzConfig',
      name: 'policy',
      path: 'spec.config',
      rule,
      severity: 'error',
      message: 'at least one policy is required for Cedar authorization',
    }]);
    expect(messages([authz('policy', 'cedarv1', { entities_json: '[]' })], rule)).toEqual(['at least one policy is required for Cedar authorization']);
  });

  it('rejects cedarv1 policies that are not a list of strings', () => {
    expect(messages([authz('policy', 'cedarv1', { policies: PERMIT })], rule)).toEqual([
      'failed to parse configuration: json: cannot unmarshal string into Go struct field ConfigOptions.cedar.policies of type []string',
    ]);
  });

  it.each([
    [{ claim_mapping: 'standard' }, 'http configuration is required'],
    [{ http: { timeout: 5 }, claim_mapping: 'standard' }, 'http.url is required'],
    [{ http: { url: 'https://pdp' } }, 'claim_mapping is required (valid values: mpe, standard)'],
    [{ http: { url: 'https://pdp' }, claim_mapping: 'custom' }, 'invalid claim_mapping "custom" (valid values: mpe, standard)'],
    [{ http: 'https://pdp', claim_mapping: 'mpe' }, 'failed to parse HTTP PDP configuration: json: cannot unmarshal string into Go struct field ConfigOptions.pdp.http of type http.ConnectionConfig'],
  ])('rejects httpv1 config %j', (config, message) => {
    expect(messages([authz('pdp', 'httpv1', config)], rule)).toEqual([message]);
  });
});

describe('VirtualMCPServer authzConfigRef is Cedar only', () => {
  const rule = 'operator.authz.vmcp-cedar-only';

  it('accepts a cedarv1 MCPAuthzConfig', () => {
    expect(findings([group, cedar(), vmcp({ authzConfigRef: { name: 'policy' } })])).toEqual([]);
  });

  it('rejects an httpv1 MCPAuthzConfig', () => {
    expect(findings([group, pdp(), vmcp({ authzConfigRef: { name: 'pdp' } })])).toEqual([{
      kind: 'VirtualMCPServer',
      name: 'gateway',
      path: 'spec.incomingAuth.authzConfigRef.name',
      rule,
      severity: 'error',
      message: 'MCPAuthzConfig pdp has unsupported type "httpv1" for VirtualMCPServer; only cedarv1 is supported',
    }]);
  });

  it('accepts an httpv1 MCPAuthzConfig on MCPServer and MCPRemoteProxy', () => {
    expect(findings([pdp(), server({ authzConfigRef: { name: 'pdp' } }), proxy({ authzConfigRef: { name: 'pdp' } })])).toEqual([]);
  });
});

describe('authz ConfigMap content', () => {
  const rule = 'operator.authz.configmap-content';
  const cedarJson = JSON.stringify({ version: '1.0', type: 'cedarv1', cedar: { policies: [PERMIT], entities_json: '[]' } });
  const pdpJson = JSON.stringify({ version: '1.0', type: 'httpv1', pdp: { http: { url: 'https://pdp' }, claim_mapping: 'mpe' } });

  it('accepts a Cedar config in JSON or YAML, under the default or a named key', () => {
    const yaml = `version: "1.0"\ntype: cedarv1\ncedar:\n  policies:\n    - '${PERMIT}'\n`;
    expect(findings([configMap('authz', { 'authz.json': cedarJson }), server({ authzConfig: fromConfigMap })])).toEqual([]);
    expect(findings([configMap('authz', { 'policy.yaml': yaml }), server({ authzConfig: { type: 'configMap', configMap: { name: 'authz', key: 'policy.yaml' } } })])).toEqual([]);
  });

  it('accepts an HTTP PDP config for an MCPServer', () => {
    expect(findings([configMap('authz', { 'authz.json': pdpJson }), server({ authzConfig: fromConfigMap })])).toEqual([]);
  });

  it('skips the check when the ConfigMap or the key is missing (the references layer reports it)', () => {
    expect(messages([server({ authzConfig: fromConfigMap })], rule)).toEqual([]);
    expect(messages([configMap('authz', { other: 'x' }), server({ authzConfig: fromConfigMap })], rule)).toEqual([]);
  });

  it('rejects a config without a version on an MCPServer', () => {
    const content = JSON.stringify({ type: 'cedarv1', cedar: { policies: [PERMIT] } });
    expect(findings([configMap('authz', { 'authz.json': content }), server({ authzConfig: fromConfigMap })])).toEqual([{
      kind: 'MCPServer',
      name: 'weather',
      path: 'spec.authzConfig.configMap',
      rule,
      severity: 'error',
      message: 'invalid authz config from ConfigMap default/authz key "authz.json": version is required',
    }]);
  });

  it.each([
    ['   ', 'authz ConfigMap default/authz key "authz.json" is empty'],
    ['{"version":"1.0"}', 'invalid authz config from ConfigMap default/authz key "authz.json": type is required'],
    ['{"version":"1.0","type":"opa"}', 'invalid authz config from ConfigMap default/authz key "authz.json": unsupported configuration type: opa (registered types: [cedarv1 httpv1])'],
    ['{"version":"1.0","type":"cedarv1"}',
      'invalid authz config from ConfigMap default/authz key "authz.json": invalid cedarv1 configuration: cedar configuration is required (missing \'cedar\' field)'],
    ['{"version":"1.0","type":"cedarv1","cedar":{"policies":[]}}',
      'invalid authz config from ConfigMap default/authz key "authz.json": invalid cedarv1 configuration: at least one policy is required for Cedar authorization'],
    ['{"version": "1.0"', 'failed to parse authz config from ConfigMap default/authz key "authz.json": Flow map must end with a } at line 1, column 18'],
    ['version: 1.0\ntype: cedarv1\n',
      'failed to parse authz config from ConfigMap default/authz key "authz.json": json: cannot unmarshal number into Go struct field Config.version of type string'],
  ])('rejects the MCPServer ConfigMap content %j', (content, message) => {
    expect(messages([configMap('authz', { 'authz.json': content }), server({ authzConfig: fromConfigMap })], rule)).toEqual([message]);
  });

  it('rejects an HTTP PDP config for an MCPRemoteProxy, which needs Cedar', () => {
    expect(messages([configMap('authz', { 'authz.json': pdpJson }), proxy({ authzConfig: fromConfigMap })], rule)).toEqual([
      'authorization ConfigMap "authz" is invalid: authz ConfigMap "authz" is not a Cedar config: cedar config is nil',
    ]);
  });

  it('rejects a broken config on an MCPRemoteProxy with its wording', () => {
    expect(messages([configMap('authz', { 'authz.json': '{"type":"cedarv1"}' }), proxy({ authzConfig: fromConfigMap })], rule)).toEqual([
      'authorization ConfigMap "authz" is invalid: invalid authz config from ConfigMap default/authz key "authz.json": version is required',
    ]);
  });

  it('rejects an HTTP PDP config for a VirtualMCPServer, which needs Cedar', () => {
    expect(messages([group, configMap('authz', { 'authz.json': pdpJson }), vmcp({ authzConfig: fromConfigMap })], rule)).toEqual([
      'Authorization ConfigMap is invalid: authz ConfigMap default/authz is not a Cedar config: cedar config is nil',
    ]);
  });

  it('accepts a Cedar ConfigMap for MCPRemoteProxy and VirtualMCPServer', () => {
    expect(findings([group, configMap('authz', { 'authz.json': cedarJson }), proxy({ authzConfig: fromConfigMap }), vmcp({ authzConfig: fromConfigMap })])).toEqual([]);
  });
});

describe('Cedar policies are not empty', () => {
  const rule = 'operator.authz.policy-empty';

  it('accepts non-empty inline policies', () => {
    expect(findings([server({ authzConfig: { type: 'inline', inline: { policies: [PERMIT] } } })])).toEqual([]);
  });

  it('rejects an empty inline policy on an MCPServer', () => {
    expect(findings([server({ authzConfig: { type: 'inline', inline: { policies: [PERMIT, '  '] } } })])).toEqual([{
      kind: 'MCPServer',
      name: 'weather',
      path: 'spec.authzConfig.inline.policies[1]',
      rule,
      severity: 'error',
      message: 'cedar policy at index 1 is empty; write a permit or forbid statement or remove the entry',
    }]);
  });

  it('rejects an empty policy in a cedarv1 MCPAuthzConfig and in a vMCP inline config', () => {
    expect(messages([authz('policy', 'cedarv1', { policies: [''] })], rule)).toEqual(['cedar policy at index 0 is empty; write a permit or forbid statement or remove the entry']);
    expect(messages([group, vmcp({ authzConfig: { type: 'inline', inline: { policies: [''] } } })], rule)).toEqual([
      'cedar policy at index 0 is empty; write a permit or forbid statement or remove the entry',
    ]);
  });
});

describe('Cedar policy syntax', () => {
  const rule = 'operator.authz.cedar-syntax';
  const inline = (policies: string[]) => ({ authzConfig: { type: 'inline', inline: { policies } } });

  it('accepts well-formed policies on an MCPRemoteProxy', () => {
    const policies = [
      PERMIT,
      '@id("readers")\npermit(principal in THVGroup::"readers", action in [Action::"list_tools", Action::"call_tool"], resource)\nwhen { resource.readOnlyHint == true };',
      'forbid(principal, action, resource is Tool) unless { principal has claim_email && principal.claim_email like "*@example.com" };',
      '// default\npermit(principal is Client in THVGroup::"ops", action == Action::"call_tool", resource,);',
    ];
    expect(findings([proxy(inline(policies))])).toEqual([]);
  });

  it('rejects a policy that does not start with permit or forbid on an MCPRemoteProxy', () => {
    expect(findings([proxy(inline(['allow(principal, action, resource);']))])).toEqual([{
      kind: 'MCPRemoteProxy',
      name: 'remote',
      path: 'spec.authzConfig.inline.policies[0]',
      rule,
      severity: 'error',
      message: 'cedar policy at index 0 has invalid syntax: expected "permit" or "forbid" but found "allow"',
    }]);
  });

  it.each([
    ['permit(principal, action, resource)', 'expected ";" but found the end of the policy'],
    ['permit(principal, action, resource) when { principal.admin == true ;', 'unclosed when condition: expected "}"'],
    ['permit(principal, action, resource) when { };', 'the when condition is empty'],
    ['permit(principal == User, action, resource);', 'expected "::" but found ","'],
    ['permit(action, principal, resource);', 'expected "principal" but found "action"'],
    ['permit(principal, action, resource) when { resource.name == "x };', 'unterminated string literal'],
  ])('rejects the MCPRemoteProxy policy %j', (policy, problem) => {
    expect(messages([proxy(inline([PERMIT, policy]))], rule)).toEqual([`cedar policy at index 1 has invalid syntax: ${problem}`]);
  });

  it('rejects with a warning a malformed policy on an MCPServer (the operator does not check it there)', () => {
    expect(findings([server(inline(['permit(principal, action, resource)']))])).toEqual([{
      kind: 'MCPServer',
      name: 'weather',
      path: 'spec.authzConfig.inline.policies[0]',
      rule,
      severity: 'warning',
      message: 'cedar policy at index 0 has invalid syntax: expected ";" but found the end of the policy; the proxy fails to start with it',
    }]);
  });
});
