/**
 * CEL rule ids survive operator releases: `cel.<Kind>.<location>#<digest of the message>`, unique per kind,
 * equal for the same rule in every bundled release, whatever its position or expression.
 */
import { ruleEntries } from '../../scripts/import-crds';
import { RULES as MAIN } from '../../src/schema/generated/main-e25de16/rules';
import { RULES as V043 } from '../../src/schema/generated/v0.43.0/rules';
import { RULES as V044 } from '../../src/schema/generated/v0.44.0/rules';
import type { RuleInfo } from '../../src/schema/types';

const RELEASES: readonly [string, readonly RuleInfo[]][] = [['v0.43.0', V043], ['v0.44.0', V044], ['main@e25de16', MAIN]];

describe('CEL rule ids', () => {
  test.each(RELEASES)('%s: every id is location#8-hex-digest and unique within its kind and version', (_name, rules) => {
    for (const r of rules) expect(r.id).toMatch(/^cel\.[A-Za-z]+\.(<root>|[A-Za-z0-9_.[\]*{}]+)#[0-9a-f]{8}$/);
    const keys = rules.map(r => `${r.version} ${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('one rule (kind, location, message) has one id in every release and version', () => {
    const ids = new Map<string, Set<string>>();
    for (const [, rules] of RELEASES) {
      for (const r of rules) {
        const key = `${r.kind} ${r.location} ${r.message}`;
        ids.set(key, (ids.get(key) ?? new Set()).add(r.id));
      }
    }
    expect([...ids.entries()].filter(([, set]) => set.size > 1)).toEqual([]);
    // and distinct rules never share an id
    const owners = new Map<string, string>();
    for (const [key, set] of ids) {
      const id = [...set][0];
      expect({ id, key: owners.get(id) ?? key }).toEqual({ id, key });
      owners.set(id, key);
    }
  });

  test('the wildcard rule keeps its id although its expression changed after v0.44.0', () => {
    const wildcard = (rules: readonly RuleInfo[]) => rules.filter(r => r.kind === 'MCPExternalAuthConfig' && r.version === 'v1beta1'
      && r.message === 'allowedDelegateClients must not combine the wildcard "*" with specific client IDs');
    const [a] = wildcard(V044);
    const [b] = wildcard(MAIN);
    expect(a.rule).not.toBe(b.rule);
    expect([a.id, b.id]).toEqual([
      'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]#dc0e356a',
      'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]#dc0e356a',
    ]);
  });

  test('a rule keeps its id when another is inserted before it, and same-message rules differ by expression', () => {
    const ids = (list: { rule: string; message?: string }[]) => ruleEntries(list, 'K', 'v1', 'spec', []).map((e: { id: string }) => e.id);
    const [a, b] = ids([{ rule: 'has(self.a)', message: 'a is required' }, { rule: 'has(self.b)', message: 'b is required' }]);
    expect(ids([{ rule: 'has(self.c)', message: 'c is required' }, { rule: 'has(self.b)', message: 'b is required' }, { rule: 'has(self.a)', message: 'a is required' }]).slice(1))
      .toEqual([b, a]);
    const twins = ids([{ rule: 'has(self.a)', message: 'same' }, { rule: 'has(self.b)', message: 'same' }]);
    expect(new Set(twins).size).toBe(2);
    expect(ids([{ rule: 'self.x > 0' }])).toEqual([ids([{ rule: 'self.x > 0', message: 'self.x > 0' }])[0]]);
  });
});
