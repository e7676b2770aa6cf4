/**
 * Class 3 (CEL cost): a rule is never run when its cost on the data exceeds the API server's per-call limit,
 * and an object's rules stop once they exceed the per-object budget, each with the API server's message.
 * No timing assertion: the 10,000-item case would run for over a minute without the budget.
 */
import { parse } from '@bufbuild/cel';
import { cli, expectNoSecret } from './helpers';
import { rootSchema } from '../../src/schema/registry';
import { validateManifests, type ValidateOptions } from '../../src/validation';
import { costEstimator, PER_CALL_LIMIT } from '../../src/validation/cel-cost';
import { validateNode, Where, type WalkContext } from '../../src/validation/structural';

/** jwtBearerGrant is newer than v0.44.0: the bundled main snapshot has it. */
const MAIN: ValidateOptions = { operatorRelease: 'main@e25de16' };

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

/**
 * The CEL layer of one object (structural.ts), without the API server's gating: admission drops CEL findings when a
 * schema error blocks CEL (the issue's example has too many items for maxItems), so the budget is observed here.
 */
function celFindings(obj: ReturnType<typeof authServer>): string[] {
  const schema = rootSchema('MCPExternalAuthConfig', 'v1beta1', 'main@e25de16')!;
  const ctx: WalkContext = { kind: 'MCPExternalAuthConfig', issues: [] };
  validateNode(schema.properties!.spec, obj.spec, new Where(undefined, 'spec', 'field'), ctx);
  return ctx.issues.filter(i => i.rule.startsWith('cel.')).map(i => `${i.path}: ${i.message} [${i.rule}]`);
}

describe('per-call limit', () => {
  test('refuses the issue\'s example (10,000 subjectBindings) with the API server\'s message, without running the rule', () => {
    expect(celFindings(authServer(10_000))).toEqual([`spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant: ${PER_CALL} [cel.cost-limit]`]);
  });

  test('through validateManifests the example completes, and the schema error blocks CEL as on the API server', () => {
    expect(validateManifests([authServer(10_000)], MAIN).map(v => `${v.path}: ${v.message} [${v.rule}]`)).toEqual([
      'spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant.subjectBindings: Too many: 10000: must have at most 50 items [schema.max-items]',
      '<root>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation [cel.not-checked]',
    ]);
  });

  test('passes 50 subjectBindings (the schema maximum): the rule runs and finds them unique', () => {
    expect(celFindings(authServer(50))).toEqual([]);
    expect(validateManifests([authServer(50)], MAIN)).toEqual([]);
  });

  test('still evaluates the rule under the limit: a duplicate subject fails with the CRD message', () => {
    const obj = authServer(2);
    obj.spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant.subjectBindings[1].subject = 'svc-0';
    expect(validateManifests([obj], MAIN).map(v => v.message)).toEqual(['Invalid value: "object": subjectBindings must not contain duplicate subjects']);
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

  test('the CLI completes on the example and exits 1', async () => {
    const r = await cli(['validate', '--operator-release', 'main@e25de16', '--format', 'json', '-'], JSON.stringify(authServer(10_000)));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { violations: { rule: string; message: string }[] };
    expect(out.violations.map(v => v.rule)).toEqual(['schema.max-items', 'cel.not-checked']);
    expectNoSecret(r.stdout, r.stderr);
  });
});

describe('per-object budget', () => {
  test('fails an object whose rules together exceed the budget, and stops evaluating its rules', () => {
    // 150 bindings cost under the per-call limit each; 20 of them exceed the object's budget
    expect(celFindings(authServer(150, 20))).toEqual([
      'spec.embeddedAuthServer.trustedIssuers[12].jwtBearerGrant: Invalid value: "object": validation failed due to running out of cost budget, no further validation rules will be run [cel.cost-budget]',
    ]);
  });

  test('passes 20 issuers of 50 bindings each (within every schema limit)', () => {
    expect(celFindings(authServer(50, 20))).toEqual([]);
    expect(validateManifests([authServer(50, 20)], MAIN).filter(v => v.rule.startsWith('cel.'))).toEqual([]);
  });
});
