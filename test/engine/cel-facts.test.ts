/**
 * The generated CEL facts (src/schema/generated/<release>/cel-facts.ts) stand in for the CEL engine only where
 * they give what it gives: for every rule of every bundled release, the deferred rule (facts) and the rule
 * compiled with @bufbuild/cel now agree on the fields read, the outcome and the cost, on objects without those
 * fields (where the facts answer) and with them (where the deferred rule compiles).
 */
import * as fs from 'fs';
import * as path from 'path';
import { celRuleFacts, RELEASES, toolhiveKinds } from '../../src/schema/registry';
import type { RuleInfo } from '../../src/schema/types';
import { compileRule, compileRuleNow, evaluateRule, knownOutcome, ruleFactsOf, toCel, type CompiledRule } from '../../src/validation/cel';

const GENERATED = path.join(__dirname, '..', '..', 'src', 'schema', 'generated');

/** Release name → the distinct rule texts of its tables (every release directory under generated/). */
function rulesByRelease(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const dir of fs.readdirSync(GENERATED, { withFileTypes: true }).filter(d => d.isDirectory())) {
    // every directory, so a release added later is covered without editing this test
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { RELEASE } = require(path.join(GENERATED, dir.name, 'index')) as { RELEASE: string };
    const { RULES } = require(path.join(GENERATED, dir.name, 'rules')) as { RULES: readonly RuleInfo[] };
    /* eslint-enable @typescript-eslint/no-require-imports */
    out.set(RELEASE, [...new Set(RULES.map(r => r.rule))]);
  }
  return out;
}

/** Values a field takes in the objects tried: every JSON type, and the strings and numbers the rules compare to. */
const VALUES: readonly unknown[] = [null, '', 'x', 'redis', 'configMap', 'inline', '*', '1s', true, false, 0, 1, 2.5, [], ['*'], [{}], [{ perUser: {} }], {}, { perUser: {}, name: 'n', key: 'k' }];

/** Objects without the rule's fields, objects with some or all of them, and non-objects. */
function selves(fields: readonly string[]): unknown[] {
  const out: unknown[] = [{}, { unrelated: 'x' }, { metadata: { name: 'n' }, zz: [1, 2] }, 'abc', 3, [], null];
  for (const v of VALUES) {
    for (const f of fields) out.push({ [f]: v }, { [f]: v, unrelated: 1 });
    if (fields.length > 1) out.push(Object.fromEntries(fields.map(f => [f, v])));
  }
  return out;
}

function agree(deferred: CompiledRule, real: CompiledRule, raw: unknown): void {
  const self = toCel(undefined, raw, new WeakMap());
  // the shortcut on the raw data (before any CEL conversion), then the one on CEL values, then evaluation
  const known = knownOutcome(deferred, raw);
  expect({ raw, outcome: evaluateRule(deferred, self), known: known ?? evaluateRule(real, self), cost: deferred.cost?.(raw) ?? 1 })
    .toEqual({ raw, outcome: evaluateRule(real, self), known: evaluateRule(real, self), cost: real.cost?.(raw) ?? 1 });
}

const RELEASE_RULES = rulesByRelease();

test('every bundled release has its rules and their facts', () => {
  expect([...RELEASE_RULES.keys()].sort()).toEqual(RELEASES.map(r => r.name).sort());
  for (const rules of RELEASE_RULES.values()) expect(rules.length).toBeGreaterThan(0);
});

describe.each(RELEASES.map(r => [r.name]))('release %s', release => {
  beforeAll(() => {
    toolhiveKinds(release); // loads the release, whose facts compileRule then finds
  });

  test('the committed facts are what the engine computes now', () => {
    for (const rule of RELEASE_RULES.get(release)!) expect({ rule, facts: celRuleFacts(rule) }).toEqual({ rule, facts: ruleFactsOf(rule) });
  });

  test('every rule is deferred, and reads the same fields as the compiled rule', () => {
    for (const rule of RELEASE_RULES.get(release)!) {
      const real = compileRuleNow(rule, 'm');
      expect(real.compileError).toBeUndefined();
      expect(celRuleFacts(rule)).toBeDefined();
      expect({ rule, fields: compileRule(rule, 'm').selfFields }).toEqual({ rule, fields: real.selfFields });
    }
  });

  test('the deferred rule gives the outcome and cost of the compiled rule, fields absent or present', () => {
    for (const rule of RELEASE_RULES.get(release)!) {
      const real = compileRuleNow(rule, 'm');
      // a fresh deferred rule per object shape, so the shortcut is tried before the rule was ever compiled
      for (const raw of selves([...real.selfFields?.keys() ?? []])) {
        agree(compileRule(rule, `m ${release} ${JSON.stringify(raw)}`), real, raw);
      }
    }
  });
});

test('a rule no loaded release has is compiled at once, as before', () => {
  const rule = compileRule('has(self.notInAnyCrd) || self.other == 1', 'm');
  expect(rule.selfFields && Object.fromEntries(rule.selfFields)).toEqual({ notInAnyCrd: 'presence', other: 'value' });
  expect(evaluateRule(rule, new Map())).toEqual({ ok: false, error: 'no such key: other' });
});
