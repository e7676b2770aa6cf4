/**
 * The projection trie the compiled schema layer uses (RuleMemo.slot) equates exactly the nodes the memo key
 * (RuleMemo.key, the specification of a projection) equates: same slot if and only if same key.
 */
import * as fc from 'fast-check';
import type { SchemaNode } from '../../src/schema/types';
import { RuleMemo } from '../../src/validation/cel-memo';
import { validateNode, Where, type WalkContext } from '../../src/validation/structural';

const fields = new Map<string, 'presence' | 'value'>([['a', 'value'], ['b', 'presence'], ['c', 'value']]);

/** Values of the kinds JSON and YAML give, the edges that a Map would merge (-0 and 0, NaN), and non-JSON values. */
const leaf = fc.oneof(
  fc.constantFrom<unknown>(0, -0, 1, 1.5, NaN, Infinity, '', '0', '1', 'x', 'null', true, false, null, undefined, '{}', '[1]'),
  fc.constantFrom<unknown>(new Date(0), BigInt(1)),
);
const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 2 }), fc.dictionary(fc.constantFrom('x', 'y'), leaf, { maxKeys: 2 }));
const node = fc.record({ a: value, b: value, c: value, d: value }, { requiredKeys: [] });

describe('memo slots follow the memo key', () => {
  test('two nodes share a slot exactly when they share a key', () => {
    const memo = new RuleMemo(fields);
    fc.assert(fc.property(node, node, (x, y) => {
      const [kx, ky, sx, sy] = [memo.key(x), memo.key(y), memo.slot(x), memo.slot(y)];
      expect(sx === undefined).toBe(kx === undefined);
      expect(sy === undefined).toBe(ky === undefined);
      if (kx !== undefined && ky !== undefined) expect(sx === sy).toBe(kx === ky);
    }), { numRuns: 3000, seed: 11 });
  });

  test('the edges a Map key would merge stay apart', () => {
    const memo = new RuleMemo(fields);
    const slots = [{ a: 0 }, { a: -0 }, { a: '0' }, { a: null }, {}, { a: [0] }, { a: { x: 0 } }, { a: '{"x":0}' }].map(o => memo.slot(o));
    expect(new Set(slots).size).toBe(slots.length);
    expect(memo.slot({ a: 1, b: 'p', d: 1 })).toBe(memo.slot({ a: 1, b: { q: 1 }, d: 2 }));
  });

  test('an outcome kept in a slot is found again by an equal projection', () => {
    const memo = new RuleMemo(fields);
    memo.slot({ a: 'x', c: [1] })!.outcome = { ok: false };
    expect(memo.slot({ c: [1], a: 'x' })!.outcome).toEqual({ ok: false });
    expect(memo.slot({ a: 'y', c: [1] })!.outcome).toBeUndefined();
  });
});

describe('rules that read self itself: outcomes kept per scalar value', () => {
  const check = (schema: SchemaNode, values: readonly unknown[]) => values.map(v => {
    const ctx: WalkContext = { kind: 'Test', issues: [] };
    validateNode(schema, v, new Where(undefined, 'timeout', 'field'), ctx);
    return ctx.issues.map(i => i.message).join('; ');
  });

  test('each value gets its own outcome, whatever the order', () => {
    const duration: SchemaNode = { 'type': 'string', 'x-kubernetes-validations': [{ rule: 'self == \'\' || duration(self) >= duration(\'1s\')', message: 'timeout must be >= 1s' }] };
    expect(check(duration, ['500ms', '2s', '500ms', '', '2s', '0.5s', 'x'])).toEqual([
      'Invalid value: "string": timeout must be >= 1s', '', 'Invalid value: "string": timeout must be >= 1s', '', '',
      'Invalid value: "string": timeout must be >= 1s',
      'Invalid value: "string": Failed to parse duration: invalid syntax evaluating rule: timeout must be >= 1s',
    ]);
  });

  test('numbers and booleans too; a value of another type is not confused with them', () => {
    const positive: SchemaNode = { 'type': 'integer', 'x-kubernetes-validations': [{ rule: 'self > 0', message: 'must be positive' }] };
    expect(check(positive, [1, -1, 1, -1])).toEqual(['', 'Invalid value: "integer": must be positive', '', 'Invalid value: "integer": must be positive']);
    const isTrue: SchemaNode = { 'x-kubernetes-validations': [{ rule: 'self == true', message: 'must be true' }] };
    expect(check(isTrue, [true, 'true', false, true])).toEqual(['', 'Invalid value: "object": must be true', 'Invalid value: "object": must be true', '']);
  });
});
