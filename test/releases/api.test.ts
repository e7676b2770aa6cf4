/**
 * The same manifests get different, correct verdicts per targeted operator release through `validateManifests`
 * (operatorRelease), and an unknown release is a usage error naming the bundled ones.
 */
import { CASES, PRIVATE_PROXY, RELEASE_NAMES, trustedIssuer } from './fixtures';
import { RULES as MAIN_RULES } from '../../src/schema/generated/main-e25de16/rules';
import { RULES as V044_RULES } from '../../src/schema/generated/v0.44.0/rules';
import type { RuleInfo } from '../../src/schema/types';
import { validateManifests, type ValidateOptions } from '../../src/validation';
import { compileRule, evaluateRule } from '../../src/validation/cel';

const lines = (objects: readonly unknown[], options: ValidateOptions) =>
  validateManifests(objects, options).map(v => `${v.severity} ${v.rule} ${v.path}: ${v.message}`);

describe('verdicts per operator release (validateManifests)', () => {
  for (const c of CASES) {
    describe(c.title, () => {
      test.each(RELEASE_NAMES.map(r => [r]))('%s', release => {
        expect(lines(c.objects, { operatorRelease: release })).toEqual(c.want[release]);
      });
    });
  }

  test('targets v0.44.0 when no release is selected', () => {
    for (const c of CASES) expect(lines(c.objects, {})).toEqual(c.want['v0.44.0']);
  });

  test('names the first release with the field, also for fields nested in a newer-only object', () => {
    const grant = trustedIssuer({ allowedDelegateClients: ['*'], jwtBearerGrant: { maxAssertionAge: '5m', subjectBindings: [{ subject: 's', allowedResources: ['https://mcp.example.com'] }] } });
    expect(lines([grant], { operatorRelease: 'v0.44.0' })).toEqual([
      'error schema.needs-release spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant: field spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant needs operator release main@e25de16 or later; you target v0.44.0',
    ]);
    expect(lines([grant], { operatorRelease: 'main@e25de16' })).toEqual([]);
  });

  test('operator rules do not read a field the targeted release lacks (its Go types drop it)', () => {
    const matcher = trustedIssuer({ allowedDelegateClients: ['agent'], actorMatcher: 'claims.azp = "agent"' });
    expect(lines([matcher], { operatorRelease: 'v0.44.0' })).toEqual([
      'error schema.needs-release spec.embeddedAuthServer.trustedIssuers[0].actorMatcher: field spec.embeddedAuthServer.trustedIssuers[0].actorMatcher needs operator release main@e25de16 or later; you target v0.44.0',
    ]);
    expect(lines([matcher], { operatorRelease: 'main@e25de16' })).toEqual([
      'error operator.embedded-auth.trusted-issuer spec.embeddedAuthServer.trustedIssuers[0].actorMatcher: trustedIssuers: issuer_url "https://idp.example.com": invalid actor_matcher: <input>:1:12: found = but expecting end of input',
    ]);
  });

  test('a field no bundled release has stays an unknown field', () => {
    const typo = { ...PRIVATE_PROXY, spec: { remoteUrl: 'https://mcp.example.com/mcp', allowPrivateEndpoints: true } };
    for (const release of RELEASE_NAMES) {
      expect(lines([typo], { operatorRelease: release })).toEqual(['error schema.unknown-field spec.allowPrivateEndpoints: unknown field "spec.allowPrivateEndpoints"']);
    }
  });

  test('the wildcard rule of each release: v0.44.0 reads allowedDelegateClients unguarded, main@e25de16 guards it', () => {
    const id = 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]#dc0e356a';
    const outcome = (rules: readonly RuleInfo[], self: Map<string, unknown>) => {
      const r = rules.find(x => x.id === id && x.version === 'v1beta1')!;
      return evaluateRule(compileRule(r.rule, r.message), self);
    };
    const withoutClients = new Map<string, unknown>([['issuerUrl', 'https://idp.example.com']]);
    expect(outcome(V044_RULES, withoutClients)).toEqual({ ok: false, error: 'no such key: allowedDelegateClients' });
    expect(outcome(MAIN_RULES, withoutClients)).toEqual({ ok: true });
    const mixed = new Map<string, unknown>([['allowedDelegateClients', ['*', 'agent']]]);
    expect([outcome(V044_RULES, mixed), outcome(MAIN_RULES, mixed)]).toEqual([{ ok: false }, { ok: false }]);
  });

  test('rejects an unknown release, listing the bundled ones', () => {
    expect(() => validateManifests([], { operatorRelease: 'v0.45.0' }))
      .toThrow('unknown operator release "v0.45.0"; bundled releases: v0.43.0, v0.44.0 (default), main@e25de16');
  });
});
