import { execFileSync } from 'child_process';
import * as path from 'path';
import { SecretKey } from '../../src';
import * as manifests from '../../src/manifests';
import { apiVersionOf, canonical, mcpServerManifest, mcpWebhookConfigManifest, toolhiveManifest } from '../../src/manifests';
import { TOOLHIVE_KINDS } from '../../src/schema/type-names';
import { validateManifests } from '../../src/validation';

describe('manifest builders (framework-neutral, shared by cdk8s and Pulumi)', () => {
  test('there is one builder per kind', () => {
    const builders = Object.keys(manifests).filter(k => k.endsWith('Manifest') && k !== 'toolhiveManifest').sort();
    expect(builders).toHaveLength(TOOLHIVE_KINDS.length);
  });

  test('emit v1beta1 for every kind but MCPWebhookConfig, which is v1alpha1', () => {
    expect(TOOLHIVE_KINDS.filter(k => apiVersionOf(k).endsWith('/v1alpha1'))).toEqual(['MCPWebhookConfig']);
    expect(mcpWebhookConfigManifest({ metadata: { name: 'w' }, spec: { validating: [{ name: 'a', url: 'https://a.example.com' }] } }).apiVersion)
      .toBe('toolhive.stacklok.dev/v1alpha1');
    expect(mcpServerManifest({ metadata: { name: 's' }, spec: { image: 'x' } }).apiVersion).toBe('toolhive.stacklok.dev/v1beta1');
  });

  test('drop undefined members and sort keys, so equal props give identical JSON', () => {
    const a = mcpServerManifest({
      metadata: { annotations: undefined, namespace: 'tools', name: 'osv' },
      spec: { transport: 'stdio', image: 'ghcr.io/x/y:1', env: [{ value: '1', name: 'A' }], groupRef: undefined },
    });
    const b = mcpServerManifest({ metadata: { name: 'osv', namespace: 'tools' }, spec: { image: 'ghcr.io/x/y:1', env: [{ name: 'A', value: '1' }], transport: 'stdio' } });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).toBe('{"apiVersion":"toolhive.stacklok.dev/v1beta1","kind":"MCPServer","metadata":{"name":"osv","namespace":"tools"},'
      + '"spec":{"env":[{"name":"A","value":"1"}],"image":"ghcr.io/x/y:1","transport":"stdio"}}');
  });

  test('render objects with toJSON (such as SecretKey) as their JSON', () => {
    expect(canonical({ ref: SecretKey.external('api-token', 'token') })).toEqual({ ref: { key: 'token', name: 'api-token' } });
  });

  test('copy a plain object as any other: a toJSON of its own, a __proto__ key, a cycle, a polluted Object.prototype', () => {
    // an own toJSON, enumerable or not, renders the object as its JSON, as for a class instance
    expect(canonical({ a: { toJSON: () => ({ z: 1, y: undefined }), x: 2 } })).toEqual({ a: { z: 1 } });
    const hidden = { x: 2 };
    Object.defineProperty(hidden, 'toJSON', { value: () => 'as JSON' });
    expect(canonical({ a: hidden })).toEqual({ a: 'as JSON' });
    // an own toJSON that is not a function is data
    expect(canonical({ toJSON: 'data', b: 1 })).toEqual({ b: 1, toJSON: 'data' });
    // a __proto__ key stays an own key, the prototype untouched
    const proto = canonical(JSON.parse('{"__proto__": {"polluted": true}, "b": 1}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__', 'b']);
    // keys in code-unit order, integer-like keys first (as any object orders them)
    expect(Object.keys(canonical({ b: 1, a: 2, Z: 3, 10: 4, 2: 5 }) as object)).toEqual(['2', '10', 'Z', 'a', 'b']);
    // a large map (past the insertion sort): the same order, each value with its key
    const labels = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${(i * 7919) % 200}`, `v${(i * 7919) % 200}`]));
    const sorted = canonical(labels) as Record<string, string>;
    expect(Object.keys(sorted)).toEqual(Object.keys(labels).sort());
    expect(Object.entries(sorted).every(([k, v]) => v === `v${k.slice(1)}`)).toBe(true);
    // a cycle names its path
    const cyclic: Record<string, unknown> = { spec: { list: [{}] } };
    ((cyclic.spec as { list: Record<string, unknown>[] }).list[0]).back = cyclic;
    expect(() => canonical(cyclic, 'props')).toThrow('props must be plain data, but props.spec.list[0].back refers back to one of its parents (a cycle)');
    // a polluted Object.prototype: every object goes the general way (Object.keys, inherited toJSON called)
    const prototype = Object.prototype as Record<string, unknown>;
    try {
      prototype.inherited = 'enumerable';
      expect(canonical({ b: { c: 1 } })).toEqual({ b: { c: 1 } });
      expect(Object.keys(canonical({ b: 1 }) as object)).toEqual(['b']);
    } finally {
      delete prototype.inherited;
    }
    try {
      Object.defineProperty(prototype, 'toJSON', { value: () => 'inherited', configurable: true, writable: true });
      expect(canonical({ b: 1 })).toBe('inherited');
    } finally {
      delete prototype.toJSON;
    }
    expect(canonical({ b: { c: 1 } })).toEqual({ b: { c: 1 } });
  });

  test('produce objects the engine admits', () => {
    const m = manifests.mcpExternalAuthConfigManifest({
      metadata: { name: 'github' },
      spec: { type: 'bearerToken', bearerToken: { tokenSecretRef: { name: 'api-token', key: 'token' } } },
    });
    expect(validateManifests([m], { external: ['Secret/api-token'] })).toEqual([]);
  });

  test('rejects a manifest without a name', () => {
    expect(() => toolhiveManifest('MCPGroup', { metadata: { name: '' }, spec: {} })).toThrow('MCPGroup manifest needs metadata.name: pass the object\'s name');
  });

  test('load neither cdk8s, constructs nor Pulumi', () => {
    const root = path.resolve(__dirname, '..', '..');
    const script = "require('./src/manifests'); process.stdout.write(JSON.stringify(Object.keys(require.cache)"
      + '.filter(f => /node_modules[\\\\/](cdk8s|cdk8s-plus-[0-9]+|constructs|@pulumi)[\\\\/]/.test(f))))';
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([]);
  });
});
