/**
 * The CEL memo key (src/validation/cel-memo.ts, `encode`) never calls `toJSON`: a value whose `toJSON` would
 * serialize it as another value must not share that value's key, since CEL reads the value itself. Found by review
 * of a key built with `JSON.stringify` (commit ad1bc98, reverted), where each of these tests failed.
 */
import { admission, toolhive } from './helpers';
import { validateManifests } from '../../src/validation';
import { RuleMemo } from '../../src/validation/cel-memo';

/** A plain object with a non-enumerable own `toJSON`: `Object.keys` misses it, `JSON.stringify` would call it. */
function disguised<T extends object>(value: T, shown: unknown): T {
  Object.defineProperty(value, 'toJSON', { value: () => shown, enumerable: false });
  return value;
}

describe('memo keys of values CEL tells apart', () => {
  const memo = new RuleMemo(new Map<string, 'presence' | 'value'>([['a', 'value']]));

  test('a list with an own toJSON keeps the key of its items', () => {
    const list = Object.assign([1], { toJSON: () => [2] });
    expect(memo.key({ a: list })).not.toBe(memo.key({ a: [2] }));
    expect(memo.slot({ a: list })).not.toBe(memo.slot({ a: [2] }));
  });

  test('a plain object with a non-enumerable toJSON', () => {
    const o = disguised({ x: 1 }, 'x');
    expect(memo.key({ a: o })).not.toBe(memo.key({ a: 'x' }));
    expect(memo.key({ a: disguised({ x: 1 }, { x: 2 }) })).not.toBe(memo.key({ a: { x: 2 } }));
  });

  const rl = { shared: { maxTokens: 1, refillPeriod: '1m' } };
  const redis = (address: string) => ({ provider: 'redis', address, db: 0 });
  const errors = (objects: unknown[]) => admission(objects).filter(v => v.rule === 'cel.MCPServer.spec#89db076d').map(v => v.name);

  test('end to end: a failing MCPServer still fails when a passing one came first (no silent pass)', () => {
    const ok = toolhive('MCPServer', { image: 'i', rateLimiting: rl, sessionStorage: redis('a:6379') }, 'ok');
    const bad = toolhive('MCPServer', { image: 'i', rateLimiting: rl, sessionStorage: disguised({ provider: 'memory', db: 0 }, redis('a:6379')) }, 'bad');
    expect(errors([ok, bad])).toEqual(['bad']);
  });

  test('end to end: the memo outlives the call, and one such object does not fail a valid one in a later call', () => {
    const bad = toolhive('MCPServer', { image: 'i', rateLimiting: rl, sessionStorage: disguised({ provider: 'memory', db: 0 }, redis('b:6379')) }, 'bad');
    expect(errors([bad])).toEqual(['bad']);
    const ok = toolhive('MCPServer', { image: 'i', rateLimiting: rl, sessionStorage: redis('b:6379') }, 'ok');
    expect(errors([ok])).toEqual([]);
  });

  test('a toJSON that throws is never called: no engine.internal-error', () => {
    const bad = toolhive('MCPServer', {
      image: 'i',
      rateLimiting: { shared: { maxTokens: 1, refillPeriod: '1m' } },
      sessionStorage: Object.defineProperty({ provider: 'redis', address: 'r:6379', db: 0 }, 'toJSON', { value: () => { throw new Error('boom'); } }),
    }, 'bad');
    expect(validateManifests([bad]).filter(v => v.rule === 'engine.internal-error')).toEqual([]);
  });
});
