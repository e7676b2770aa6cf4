/**
 * Class 2 (prototype keys): `__proto__`, `constructor`, `toString`, `hasOwnProperty` and `valueOf` are ordinary,
 * unknown field names, as they are for the API server. Defaulting never assigns through `__proto__`, and key
 * lookups never match prototype members.
 */
import { Chart, Testing } from 'cdk8s';
import { cli, expectNoSecret, server, spawnCli, tempTree } from './helpers';
import { McpServer } from '../../src';
import { envBindings } from '../../src/bindings';
import * as toolhive from '../../src/pulumi';
import { validateManifests } from '../../src/validation';
import { mockProgram } from '../pulumi/harness';

const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** An MCPServer whose spec has `key` (made with JSON.parse, so `__proto__` is an own key as YAML makes it). */
function withKey(key: string, where: 'spec' | 'resources'): Record<string, unknown> {
  const json = where === 'spec'
    ? `{"image":"i","${key}":{"transport":"bogus"}}`
    : `{"image":"i","resources":{"limits":{"cpu":"1"},"${key}":{"cpu":"bogus"}}}`;
  return { ...server('s'), spec: JSON.parse(json) };
}

afterEach(() => {
  // nothing may have leaked onto Object.prototype
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).transport).toBeUndefined();
});

describe('engine', () => {
  test.each(KEYS)('rejects spec.%s as an unknown field (instead of applying it or skipping it)', key => {
    expect(validateManifests([withKey(key, 'spec')]).map(v => `${v.path}: ${v.message} [${v.rule}]`))
      .toEqual([`spec.${key}: unknown field "spec.${key}" [schema.unknown-field]`]);
  });

  test.each(KEYS)('rejects spec.resources.%s as an unknown field', key => {
    expect(validateManifests([withKey(key, 'resources')]).map(v => `${v.path}: ${v.message}`))
      .toEqual([`spec.resources.${key}: unknown field "spec.resources.${key}"`]);
  });

  test('rejects a top-level __proto__ key', () => {
    const o = { ...server('s'), ...JSON.parse('{"__proto__":{"spec":{"transport":"bogus"}}}') };
    expect(validateManifests([o]).map(v => v.message)).toEqual(['unknown field "__proto__"']);
  });

  test('passes the same object without the key (the check is not vacuous)', () => {
    expect(validateManifests([server('s', { resources: { limits: { cpu: '1' } } })])).toEqual([]);
  });

  test('fails a Secret key reference named after a prototype member when the Secret lacks it', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team' }, stringData: { token: 'x' } };
    const objs = [secret, server('s', { secrets: [{ name: 'creds', key: 'constructor' }] })];
    expect(validateManifests(objs).map(v => `${v.path}: ${v.message}`)).toEqual([
      'spec.secrets[0].key: Secret "creds" in namespace "team" has no key "constructor"; its keys are "token"',
    ]);
    // and the env derivation does not treat the prototype member as a key either
    expect(JSON.stringify(envBindings(objs))).not.toContain('function');
  });
});

describe('CLI', () => {
  const yaml = [
    'apiVersion: toolhive.stacklok.dev/v1beta1',
    'kind: MCPServer',
    'metadata:',
    '  name: s',
    'spec:',
    '  image: i',
    '  __proto__:',
    '    transport: bogus',
    '  toString: 1',
    '',
  ].join('\n');

  test('rejects __proto__ and toString keys in YAML as unknown fields, exit 1 (in-process)', async () => {
    const r = await cli(['validate', '-'], yaml);
    expect(r.stdout).toBe([
      '<stdin>:1 MCPServer/default/s spec.__proto__: unknown field "spec.__proto__" [schema.unknown-field]',
      '<stdin>:1 MCPServer/default/s spec.toString: unknown field "spec.toString" [schema.unknown-field]',
      '1 document, 2 errors, 0 warnings',
      '',
    ].join('\n'));
    expect(r.code).toBe(1);
  });

  test('the same through the compiled binary', () => {
    const dir = tempTree({ 'proto.yaml': yaml });
    const r = spawnCli(['validate', `${dir}/proto.yaml`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('spec.__proto__: unknown field "spec.__proto__" [schema.unknown-field]');
    expect(r.stderr).toBe('');
  });
});

describe('front ends', () => {
  test.each(['toString', 'valueOf', 'hasOwnProperty'])('cdk8s synth fails on a resourceOverrides key %s', key => {
    const chart = new Chart(Testing.app(), 'c');
    new McpServer(chart, 's', { image: 'i', resourceOverrides: JSON.parse(`{"proxyDeployment":{"${key}":5}}`) });
    expect(() => Testing.synth(chart)).toThrow(`[c/s] spec.resourceOverrides.proxyDeployment.${key}: unknown field "spec.resourceOverrides.proxyDeployment.${key}" (schema.unknown-field)`);
  });

  test('cdk8s synth fails on a resourceOverrides key constructor (cdk8s itself refuses to serialize it)', () => {
    const chart = new Chart(Testing.app(), 'c');
    new McpServer(chart, 's', { image: 'i', resourceOverrides: JSON.parse('{"proxyDeployment":{"constructor":5}}') });
    expect(() => Testing.synth(chart)).toThrow('Failed serializing construct at path \'c/s/Resource\'');
  });

  test('cdk8s drops a __proto__ key when it serializes (it never reaches the manifest or the cluster)', () => {
    const chart = new Chart(Testing.app(), 'c');
    new McpServer(chart, 's', { image: 'i', resourceOverrides: JSON.parse('{"proxyDeployment":{"__proto__":{"transport":"bogus"}}}') });
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.resourceOverrides).toEqual({ proxyDeployment: {} });
    expect(JSON.stringify(manifest)).not.toContain('bogus');
  });

  test.each(KEYS.filter(k => k !== '__proto__'))('a Pulumi component rejects a resourceOverrides key %s', async key => {
    await mockProgram();
    let err: Error | undefined;
    try {
      new toolhive.McpServer(`s-${key.replace(/_/g, '')}`, { metadata: { namespace: 'team' }, image: 'i', resourceOverrides: JSON.parse(`{"proxyDeployment":{"${key}":5}}`) });
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).toContain(`spec.resourceOverrides.proxyDeployment.${key}: unknown field "spec.resourceOverrides.proxyDeployment.${key}" (schema.unknown-field)`);
    expectNoSecret(err?.message);
  });

  test('a Pulumi component with a __proto__ key: the key is rejected or dropped, never applied', async () => {
    const regs = await mockProgram();
    let message = '';
    try {
      const s = new toolhive.McpServer('s-proto', { metadata: { namespace: 'team' }, image: 'i', resourceOverrides: JSON.parse('{"proxyDeployment":{"__proto__":{"transport":"bogus"}}}') });
      await new Promise<void>(resolve => s.urn.apply(() => resolve()));
      for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
    } catch (e) {
      message = (e as Error).message;
    }
    const registered = JSON.stringify(regs.map(r => r.inputs));
    expect(message === '' ? registered : message).not.toContain('bogus');
    if (message !== '') expect(message).toContain('spec.resourceOverrides.proxyDeployment.__proto__: unknown field');
  });
});
