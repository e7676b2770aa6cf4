/**
 * Every CEL placement of every bundled release has a passing and a failing case (test/engine/cel-cases.ts covers
 * the newest, main@e25de16, which holds every rule of the tagged releases under the same ids), and each case gives
 * the CRD message at the rule's path under each release that has the rule.
 */
import { RULES as MAIN } from '../../src/schema/generated/main-e25de16/rules';
import { RULES as V043 } from '../../src/schema/generated/v0.43.0/rules';
import { RULES as V044 } from '../../src/schema/generated/v0.44.0/rules';
import type { RuleInfo } from '../../src/schema/types';
import { CEL_CASES, MESSAGES, ruleId } from '../engine/cel-cases';
import { admissionErrors, findings } from '../engine/helpers';

const SERVED = (rules: readonly RuleInfo[]) => rules.filter(r => r.version === 'v1beta1' || r.kind === 'MCPWebhookConfig');

describe.each([['v0.43.0', V043, 60], ['v0.44.0', V044, 68], ['main@e25de16', MAIN, 76]] as const)('%s', (release, rules, placements) => {
  const ids = new Set(SERVED(rules).map(r => r.id));
  const cases = CEL_CASES.filter(c => ids.has(ruleId(c)));

  test(`every one of its ${placements} placements has a case`, () => {
    expect(ids.size).toBe(placements);
    expect(new Set(cases.map(ruleId))).toEqual(ids);
  });

  test.each(cases.map(c => [ruleId(c), c] as const))('%s passes and fails with the CRD message', (id, c) => {
    expect(admissionErrors([c.pass], release)).toEqual([]);
    expect(findings(c.fail, id, release)).toEqual([{ path: c.path, message: `Invalid value: "${c.shown}": ${MESSAGES[c.c]}` }]);
  });
});
