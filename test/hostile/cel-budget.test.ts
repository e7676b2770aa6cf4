/**
 * Class 3 (CEL cost): a rule is never run when its cost on the data exceeds the API server's per-call limit,
 * and an object's rules stop once they exceed the per-object budget, each with the API server's message.
 * No timing assertion: the 10,000-item case would run for over a minute without the budget.
 */
import { parse } from '@bufbuild/cel';
import { cli, expectNoSecret } from './helpers';
import { validateManifests } from '../../src/validation';
import { costEstimator, PER_CALL_LIMIT } from '../../src/validation/cel-cost';

const UNIQUE_SUBJECTS = 'self.subjectBindings.all(binding, self.subjectBindings.filter(other, other.subject == binding.subject).size() == 1)';

function bindings(n: number) {
  return Array.from({ length: n }, (_, i) => ({ subject: `svc-${i}`, allowedResources: ['https://api.example.com'] }));
}

/** An embedded auth server with `issuers` trusted issuers of `n` subject bindings each. */
function authServer(n: number, issuers = 1) {
  return {
    apiVersion: 'toolhive.stacklok.dev/v1beta1',
    kind: 'MCPExternalAuthConfig',
    metadata: { name: 'as', namespace: 'team' },
    spec: {
      type: 'embeddedAuthServer',
      embeddedAuthServer: {
        issuer: 'https://auth.example.com',
        upstreamProviders: [{ name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'c' } }],
        trustedIssuers: Array.from({ length: issuers }, (_, j) => ({
          issuerUrl: `https://idp${j}.example.com`,
          jwtBearerGrant: { maxAssertionAge: '5m', subjectBindings: bindings(n) },
        })),
      },
    },
  };
}

const PER_CALL = 'Invalid value: "object": \'operation cancelled: actual cost limit exceeded\': no further validation rules will be run due to call cost exceeds limit for rule: subjectBindings must not contain duplicate subjects';

describe('per-call limit', () => {
  test('fails the issue\'s example (10,000 subjectBindings) with the API server\'s message, without running the rule', () => {
    const found = validateManifests([authServer(10_000)]).map(v => `${v.path}: ${v.message} [${v.rule}]`);
    expect(found).toEqual([
      'spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant.subjectBindings: Too many: 10000: must have at most 50 items [schema.max-items]',
      `spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant: ${PER_CALL} [cel.cost-limit]`,
    ]);
  });

  test('passes 50 subjectBindings (the schema maximum): the rule runs and finds them unique', () => {
    expect(validateManifests([authServer(50)])).toEqual([]);
  });

  test('still evaluates the rule under the limit: a duplicate subject fails with the CRD message', () => {
    const obj = authServer(2);
    obj.spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant.subjectBindings[1].subject = 'svc-0';
    expect(validateManifests([obj]).map(v => v.message)).toEqual(['Invalid value: "object": subjectBindings must not contain duplicate subjects']);
  });

  test('the estimate grows with the data the macros iterate, and is small for small data', () => {
    const estimate = costEstimator(parse(UNIQUE_SUBJECTS).expr);
    const at = (n: number) => estimate(authServer(n).spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant);
    expect(at(1)).toBeLessThan(100);
    expect(at(50)).toBeLessThan(PER_CALL_LIMIT / 10);
    expect(at(10_000)).toBeGreaterThan(PER_CALL_LIMIT);
    // quadratic in n, as the rule is
    expect(at(200) / at(100)).toBeGreaterThan(3.5);
  });

  test('the CLI reports the same and exits 1', async () => {
    const r = await cli(['validate', '--format', 'json', '-'], JSON.stringify(authServer(10_000)));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { violations: { rule: string; message: string }[] };
    expect(out.violations.map(v => v.rule)).toEqual(['schema.max-items', 'cel.cost-limit']);
    expect(out.violations[1].message).toBe(PER_CALL);
    expectNoSecret(r.stdout, r.stderr);
  });
});

describe('per-object budget', () => {
  test('fails an object whose rules together exceed the budget, and stops evaluating its rules', () => {
    // 150 bindings cost under the per-call limit each; 20 of them exceed the object's budget
    const found = validateManifests([authServer(150, 20)]).filter(v => v.rule.startsWith('cel.'));
    expect(found.map(v => `${v.path}: ${v.message} [${v.rule}]`)).toEqual([
      'spec.embeddedAuthServer.trustedIssuers[12].jwtBearerGrant: Invalid value: "object": validation failed due to running out of cost budget, no further validation rules will be run [cel.cost-budget]',
    ]);
  });

  test('passes 20 issuers of 50 bindings each (within every schema limit)', () => {
    expect(validateManifests([authServer(50, 20)]).filter(v => v.rule.startsWith('cel.'))).toEqual([]);
  });
});
