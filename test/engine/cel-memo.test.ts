/**
 * CEL outcomes reused across objects (src/validation/cel-memo.ts): only for rules that read `self` through its
 * fields, keyed by exactly what the rule reads. Whatever the order objects come in, each gets its own outcome.
 */
import { CEL_CASES, ruleId } from './cel-cases';
import { admission, MAIN, toolhive } from './helpers';
import { compileRule } from '../../src/validation/cel';
import { RuleMemo } from '../../src/validation/cel-memo';

describe('which rules read self only through its fields', () => {
  const fields = (rule: string) => {
    const f = compileRule(rule, '').selfFields;
    return f && Object.fromEntries(f);
  };

  test('field reads and presence tests', () => {
    expect(fields('self.type == \'inline\' ? has(self.inline) : !has(self.inline)')).toEqual({ type: 'value', inline: 'presence' });
    expect(fields('!(has(self.authzConfig) && has(self.authzConfigRef))')).toEqual({ authzConfig: 'presence', authzConfigRef: 'presence' });
    expect(fields('!has(self.a) || self.a.b == 1')).toEqual({ a: 'value' });
    expect(fields('self.a.all(t, !has(t.perUser))')).toEqual({ a: 'value' });
    expect(fields('1 == 1')).toEqual({});
  });

  test('rejects rules that use self itself or rebind it', () => {
    expect(fields('size(self) <= 5')).toBeUndefined();
    expect(fields('self.all(k, k != \'x\')')).toBeUndefined();
    expect(fields('self[\'a\'] == 1')).toBeUndefined();
    expect(fields('self == \'x\'')).toBeUndefined();
    expect(fields('self.a.all(self, self > 0)')).toBeUndefined();
    expect(fields('self.a.exists(x, x == self)')).toBeUndefined();
  });
});

describe('the memo key is exactly what the rule reads', () => {
  const memo = new RuleMemo(new Map<string, 'presence' | 'value'>([['a', 'value'], ['b', 'presence']]));

  test('ignores fields the rule does not read and values it only tests for presence', () => {
    expect(memo.key({ a: 1, b: 'x', c: 1 })).toBe(memo.key({ a: 1, b: { y: 2 }, c: 2 }));
  });

  test('fails to equate values of different types, a null and a missing field', () => {
    const keys = [{ a: 1 }, { a: '1' }, { a: null }, {}, { a: true }, { a: [1] }, { a: { x: 1 } }, { a: -0 }, { a: 0 }, { a: 1.5 }]
      .map(o => memo.key(o));
    expect(new Set(keys).size).toBe(keys.length);
    expect(memo.key({ a: 1, b: null })).not.toBe(memo.key({ a: 1 }));
    // inside lists and objects too
    const nested = [{ a: { x: 1 } }, { a: { x: '1' } }, { a: { x: null } }, { a: {} }, { a: [[1]] }, { a: ['1'] }, { a: [null] }, { a: [] }]
      .map(o => memo.key(o));
    expect(new Set(nested).size).toBe(nested.length);
  });

  test('fails to equate objects whose keys come in another order (CEL map iteration follows it)', () => {
    expect(memo.key({ a: { x: 1, y: 2 } })).not.toBe(memo.key({ a: { y: 2, x: 1 } }));
  });

  test('rejects what is not JSON data: the rule is evaluated', () => {
    expect(memo.key({ a: new Date(0) })).toBeUndefined();
    expect(memo.key({ a: [undefined] })).toBeUndefined();
    expect(memo.key({ a: BigInt(1) })).toBeUndefined();
    expect(memo.key({ a: { x: undefined } })).toBeUndefined();
    expect(memo.key({ a: { x: () => 1 } })).toBeUndefined();
    expect(memo.key({ a: { toJSON: () => 'x' } })).toBeUndefined();
    expect(memo.key('a string')).toBeUndefined();
    expect(memo.key([1])).toBeUndefined();
  });
});

describe('every object gets its own outcome, in any order', () => {
  const cases = CEL_CASES.filter(c => c.pass.kind !== undefined);
  const named = (o: unknown, name: string) => ({ ...(o as object), metadata: { name } });
  const run = (order: number[]) => {
    const objects = order.flatMap(i => [named(cases[i].pass, `p${i}`), named(cases[i].fail, `f${i}`)]);
    const byName = new Map<string, string[]>();
    // the CEL cases cover the newest bundled CRDs
    for (const v of admission(objects, { operatorRelease: MAIN })) {
      if (!v.rule.startsWith('cel.')) continue;
      byName.set(v.name, [...(byName.get(v.name) ?? []), `${v.rule} ${v.path} ${v.message}`]);
    }
    return byName;
  };

  test('fails each failing case and passes each passing case, forwards and backwards', () => {
    const forwards = run(cases.map((_c, i) => i));
    const backwards = run(cases.map((_c, i) => cases.length - 1 - i));
    cases.forEach((c, i) => {
      expect(forwards.get(`p${i}`)).toBeUndefined();
      expect(forwards.get(`f${i}`)?.some(l => l.startsWith(`${ruleId(c)} `))).toBe(true);
      expect(backwards.get(`f${i}`)).toEqual(forwards.get(`f${i}`));
    });
  });

  test('rejects the second of two servers that differ only in a field a rule reads', () => {
    const ok = toolhive('MCPServer', { image: 'i', rateLimiting: { shared: { maxTokens: 1, refillPeriod: '1m' } }, sessionStorage: { provider: 'redis', address: 'r:6379' } }, 'ok');
    const bad = toolhive('MCPServer', { image: 'i', rateLimiting: { shared: { maxTokens: 1, refillPeriod: '1m' } }, sessionStorage: { provider: 'memory' } }, 'bad');
    const errors = (objects: unknown[]) => admission(objects).filter(v => v.rule === 'cel.MCPServer.spec#89db076d').map(v => `${v.name}: ${v.message}`);
    const expected = ['bad: Invalid value: "object": rateLimiting requires sessionStorage with provider \'redis\''];
    expect(errors([ok, bad])).toEqual(expected);
    expect(errors([bad, ok])).toEqual(expected);
    expect(errors([ok, ok, bad, bad].map((o, i) => ({ ...o, metadata: { name: `${o.metadata!.name}-${i}` } })))
      .map(l => l.replace(/-\d:/, ':'))).toEqual([...expected, ...expected]);
  });
});
