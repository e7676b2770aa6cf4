/**
 * Output is a pure function of the input: the same manifests give deep-equal violations, in input
 * order, and the input objects are never mutated (defaulting works on a copy).
 */
import { admission, copy, toolhive, V1ALPHA1 } from './helpers';
import { validateManifests, type KubeObject } from '../../src/validation';

/** A set with problems in several layers and kinds, including a warning and a non-object document. */
function messySet(): unknown[] {
  return [
    toolhive('MCPServer', { image: 'i', transport: 'grpc', env: [{ name: '1X', value: 'a' }, { name: '1X', value: 'b' }] }, 'alpha'),
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, data: { token: 'not base64!' } },
    toolhive('MCPExternalAuthConfig', { type: 'tokenExchange', tokenExchange: { token_url: 'https://x' } }, 'bravo'),
    'not an object',
    toolhive('MCPGroup', {}, 'charlie', V1ALPHA1),
    toolhive('VirtualMCPServer', { groupRef: { name: 'charlie' }, incomingAuth: { type: 'oidc' }, config: { optimizer: { embeddingHeaders: { Authorization: 'x' } } } }, 'delta'),
    toolhive('MCPServer', { image: 'i', authzConfig: { inline: { policies: ['permit(principal, action, resource);'] } }, resources: { limits: { cpu: '2 cores' } } }, 'echo'),
  ];
}

describe('determinism', () => {
  test('gives deep-equal output for the same input, twice and from fresh copies', () => {
    const input = messySet();
    const first = validateManifests(input);
    expect(first.length).toBeGreaterThan(10);
    expect(validateManifests(input)).toEqual(first);
    expect(validateManifests(messySet())).toEqual(first);
  });

  test('never mutates the input objects', () => {
    const input = messySet();
    const before = copy(input);
    validateManifests(input);
    expect(input).toEqual(before);
    // defaults are not written back either
    const server = input[0] as KubeObject;
    expect((server.spec as Record<string, unknown>).proxyPort).toBeUndefined();
  });

  test('reports violations in input order', () => {
    const names = admission(messySet()).map(v => v.name);
    const order = ['alpha', 'creds', 'bravo', '', 'charlie', 'delta', 'echo'];
    const positions = names.map(n => order.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect([...new Set(names)]).toEqual(order);
  });

  test('follows the input order when the input is reversed', () => {
    const names = admission(messySet().reverse()).map(v => v.name);
    expect([...new Set(names)]).toEqual(['echo', 'delta', 'charlie', '', 'bravo', 'creds', 'alpha']);
  });

  test('keeps every layer\'s violations grouped by object in input order', () => {
    const input = messySet();
    const index = new Map<string, number>();
    input.forEach((o, i) => {
      const m = (o as KubeObject)?.metadata;
      if (m?.name) index.set(`${(o as KubeObject).kind}/${m.name}`, i);
    });
    const positions = validateManifests(input).map(v => (v.name ? index.get(`${v.kind}/${v.name}`) : 3) ?? input.length);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test('orders one object\'s findings by the walk: identity, then schema fields in document order, then hygiene', () => {
    expect(admission([messySet()[0]]).map(v => `${v.path} ${v.rule}`)).toEqual([
      'spec.transport schema.enum',
      'spec.env[1] schema.duplicate',
      '<root> cel.not-checked',
      'spec.env[0].name hygiene.env-name',
      'spec.env[1].name hygiene.env-name',
    ]);
  });
});
