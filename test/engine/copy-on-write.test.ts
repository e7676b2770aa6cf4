/**
 * Admission defaults objects copy on write (withDefaults): the result equals a deep copy defaulted in place
 * (same keys, same order, same values), shares the nodes defaulting leaves alone, and never writes to the input.
 */
import { CEL_CASES } from './cel-cases';
import { toolhive } from './helpers';
import { cloneJson, defaultNode, withDefaults } from '../../src/schema/defaults';
import { rootSchemaFor } from '../../src/schema/registry';
import type { SchemaNode } from '../../src/schema/types';
import { validateManifests, type KubeObject } from '../../src/validation';

/** The reference: a deep copy, then the API server's defaulting in place (everything but metadata and status). */
function reference(schema: SchemaNode, obj: KubeObject): Record<string, unknown> {
  const copy = cloneJson(obj) as Record<string, unknown>;
  for (const key of Object.keys(schema.properties ?? {})) {
    if (key === 'metadata' || key === 'status') continue;
    const sub = schema.properties![key];
    if (copy[key] === null && !sub.nullable) delete copy[key];
    if (!(key in copy) && sub.default !== undefined) copy[key] = cloneJson(sub.default);
    if (key in copy) defaultNode(sub, copy[key]);
  }
  return copy;
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

/** JSON text plus every path holding `undefined` (JSON.stringify would hide those). */
function exact(x: unknown): string {
  const undefinedAt: string[] = [];
  const walk = (v: unknown, p: string) => {
    if (v === undefined) undefinedAt.push(p);
    else if (typeof v === 'object' && v !== null) for (const [k, c] of Object.entries(v)) walk(c, `${p}/${k}`);
  };
  walk(x, '');
  return `${JSON.stringify(x)} undefined at [${undefinedAt.join(', ')}]`;
}

const EDGE_CASES: KubeObject[] = [
  toolhive('MCPServer', { image: 'i' }),
  toolhive('MCPServer', { image: 'i', transport: null, proxyPort: undefined, permissionProfile: { name: 'network', type: undefined } }),
  toolhive('MCPServer', { image: 'i', audit: null, authzConfig: { configMap: { name: 'a', key: null } }, env: [{ name: 'A', value: undefined }, undefined] }),
  toolhive('MCPServer', { image: 'i', resources: { limits: { cpu: '1' } }, podTemplateSpec: { spec: { containers: [{ name: 'mcp', env: null }] } } }),
  { ...toolhive('MCPServer', { image: 'i' }), metadata: { name: 'x', labels: undefined, annotations: { a: 'b' } }, status: { phase: null } },
  { ...toolhive('MCPServer', { image: 'i' }), spec: undefined },
  toolhive('MCPServer', { image: 'i', sessionStorage: { provider: 'redis', address: 'r:6379', passwordRef: { name: 's', key: undefined } } }),
  toolhive('MCPServer', { image: 'i', args: [new Date(0) as unknown as string], unknownField: { x: undefined } }),
  toolhive('VirtualMCPServer', { groupRef: { name: 'g' }, config: { compositeTools: [{ name: 't', steps: [{ id: 's', tool: 'a.b', arguments: { x: null } }] }] } }),
  toolhive('MCPExternalAuthConfig', { type: 'embeddedAuthServer', embeddedAuthServer: { issuer: 'https://i', upstreamProviders: [{ name: 'u', type: 'oidc', oidcConfig: { issuerUrl: 'https://u', clientId: 'c' } }] } }),
  toolhive('MCPTelemetryConfig', { openTelemetry: { endpoint: 'e', headers: { a: null, b: 'x' } } }),
];

const CORPUS: KubeObject[] = [...EDGE_CASES, ...CEL_CASES.flatMap(c => [c.pass, c.fail] as KubeObject[])];

describe('withDefaults (copy on write) against a deep copy defaulted in place', () => {
  test.each(CORPUS.map((o, i) => [`${i} ${o.kind}`, o] as const))('%s: the same object, key order and all', (_name, obj) => {
    const schema = rootSchemaFor(obj.apiVersion, obj.kind)!;
    const input = deepFreeze(cloneWithUndefined(obj));
    const before = exact(input);
    expect(exact(withDefaults(schema, input, true))).toBe(exact(reference(schema, obj)));
    expect(exact(input)).toBe(before);
  });

  test('shares the nodes defaulting leaves alone and copies only the path to a default', () => {
    const obj = deepFreeze(toolhive('MCPServer', { image: 'i', transport: 'sse', resources: { limits: { cpu: '1' } }, permissionProfile: { name: 'network' } })) as any;
    const out = withDefaults(rootSchemaFor(obj.apiVersion, obj.kind), obj, true) as any;
    expect(out).not.toBe(obj);
    expect(out.metadata).toBe(obj.metadata);
    expect(out.spec).not.toBe(obj.spec);
    expect(out.spec.resources).toBe(obj.spec.resources);
    expect(out.spec.permissionProfile).toEqual({ name: 'network', type: 'builtin' });
  });

  test('returns the input itself when there is nothing to default', () => {
    const obj = deepFreeze({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } });
    expect(withDefaults(undefined, obj, true)).toBe(obj);
  });

  test('the engine never writes to the objects it is given (deep-frozen input validates the same)', () => {
    const frozen = deepFreeze(CORPUS.map(cloneWithUndefined));
    expect(validateManifests(frozen)).toEqual(validateManifests(CORPUS.map(cloneWithUndefined)));
  });
});

/** A deep copy that keeps `undefined` members and non-JSON objects (the cases the engine must handle). */
function cloneWithUndefined<T>(x: T): T {
  if (Array.isArray(x)) return x.map(cloneWithUndefined) as unknown as T;
  if (typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype) {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, cloneWithUndefined(v)])) as T;
  }
  return x;
}
