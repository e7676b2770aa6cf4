/**
 * Layer 3: every x-kubernetes-validations placement, evaluated by the real CEL engine on the
 * defaulted object, with the CRD's message at the API server's path.
 */
import { CEL_CASES, MESSAGES, ruleId, type CelCase } from './cel-cases';
import { admissionErrors as admissionErrorsAt, celId, copy, findings as findingsAt, MAIN, toolhive, V1ALPHA1 } from './helpers';
import { RULES } from '../../src/schema/generated/main-e25de16/rules';

// the cases cover every placement of the newest bundled CRDs; test/releases/ covers what differs per release
const admissionErrors = (objects: readonly unknown[]) => admissionErrorsAt(objects, MAIN);
const findings = (object: unknown, rule: string) => findingsAt(object, rule, MAIN);
import { compileRule, evaluateRule } from '../../src/validation/cel';

const label = (c: CelCase) => `C${c.c} ${ruleId(c)}`;

describe('CEL rules: every placement', () => {
  describe.each(CEL_CASES.map(c => [label(c), c] as const))('%s', (_name, c) => {
    test('admits the complete object', () => {
      expect(admissionErrors([c.pass])).toEqual([]);
    });

    test('rejects the object with the CRD message at the rule\'s path', () => {
      expect(findings(c.fail, ruleId(c))).toEqual([{ path: c.path, message: `Invalid value: "${c.shown}": ${MESSAGES[c.c]}` }]);
      // the failing object differs only in what the CEL rules look at: no schema or other errors
      expect(admissionErrors([c.fail]).filter(e => !e.rule.startsWith('cel.'))).toEqual([]);
    });
  });
});

describe('CEL rules at v1alpha1 (identical placements)', () => {
  const alpha = CEL_CASES.filter(c => c.kind !== 'MCPWebhookConfig');
  test.each(alpha.map(c => [label(c), c] as const))('%s fails the same way at v1alpha1', (_name, c) => {
    const fail = { ...copy(c.fail), apiVersion: V1ALPHA1 };
    expect(findings(fail, ruleId(c))).toEqual(findings(c.fail, ruleId(c)));
    expect(admissionErrors([{ ...copy(c.pass), apiVersion: V1ALPHA1 }])).toEqual([]);
  });
});

describe('CEL rule table coverage', () => {
  const served = RULES.filter(r => r.version === 'v1beta1' || r.kind === 'MCPWebhookConfig');

  test('covers every v1beta1 rule placement and the MCPWebhookConfig one (76)', () => {
    const expected = served.map(r => r.id).sort();
    const covered = [...new Set(CEL_CASES.map(ruleId))].sort();
    expect(covered).toEqual(expected);
    expect(expected).toHaveLength(76);
    expect(CEL_CASES).toHaveLength(76);
  });

  test('uses each rule\'s CRD message verbatim', () => {
    for (const c of CEL_CASES) {
      const rule = served.find(r => r.id === ruleId(c));
      expect({ id: ruleId(c), message: MESSAGES[c.c] }).toEqual({ id: ruleId(c), message: rule?.message });
    }
  });

  test('uses all 47 distinct messages', () => {
    expect(new Set(CEL_CASES.map(c => c.c)).size).toBe(47);
    expect(new Set(served.map(r => r.message)).size).toBe(47);
  });
});

describe('CEL semantics', () => {
  const ti = (issuer: Record<string, unknown>) => toolhive('MCPExternalAuthConfig', {
    type: 'embeddedAuthServer',
    embeddedAuthServer: {
      issuer: 'https://auth.example.com',
      upstreamProviders: [{ name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'c' } }],
      trustedIssuers: [{ issuerUrl: 'https://idp.example.com', ...issuer }],
    },
  });
  const EA = 'MCPExternalAuthConfig';
  const TI = 'spec.embeddedAuthServer.trustedIssuers[*]';

  // C17 reads allowedDelegateClients without has(): a missing key is a runtime error, which the API server rejects
  test('rejects allowMayAct without allowedDelegateClients as a CEL runtime error (C17) and fails C21', () => {
    const o = ti({ allowMayAct: true });
    expect(findings(o, celId(EA, TI, MESSAGES[17]))).toEqual([{
      path: 'spec.embeddedAuthServer.trustedIssuers[0]',
      message: `Invalid value: "object": no such key: allowedDelegateClients evaluating rule: ${MESSAGES[17]}`,
    }]);
    expect(findings(o, celId(EA, TI, MESSAGES[21]))).toEqual([{ path: 'spec.embeddedAuthServer.trustedIssuers[0]', message: `Invalid value: "object": ${MESSAGES[21]}` }]);
  });

  test('admits allowMayAct: false without allowedDelegateClients (the default short-circuits C17)', () => {
    expect(admissionErrors([ti({ allowMayAct: false, jwtBearerGrant: { maxAssertionAge: '5m', subjectBindings: [{ subject: 's', allowedResources: ['https://a.example.com'] }] } })])).toEqual([]);
  });

  test('rejects a maxAssertionAge that is not a Go duration (C22 cannot evaluate)', () => {
    const o = ti({ jwtBearerGrant: { maxAssertionAge: 'five minutes', subjectBindings: [{ subject: 's', allowedResources: ['https://a.example.com'] }] } });
    const [f, ...rest] = findings(o, celId(EA, `${TI}.jwtBearerGrant`, MESSAGES[22]));
    expect(rest).toEqual([]);
    expect(f.path).toBe('spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant');
    expect(f.message).toMatch(/^Invalid value: "object": .+ evaluating rule: maxAssertionAge must be greater than zero$/);
  });

  test('accepts Go duration units, including µs, in CEL duration()', () => {
    const o = ti({ jwtBearerGrant: { maxAssertionAge: '1h0m0.5s', subjectBindings: [{ subject: 's', allowedResources: ['https://a.example.com'] }] } });
    expect(admissionErrors([o])).toEqual([]);
  });

  test('reports every failing rule of a node, in rule order', () => {
    // type unauthenticated with a bearerToken block: C3 (index 2) and C9 (index 8) both fail
    const o = toolhive('MCPExternalAuthConfig', { type: 'unauthenticated', bearerToken: { tokenSecretRef: { name: 't', key: 'k' } } });
    expect(admissionErrors([o])).toEqual([
      { path: 'spec', rule: 'cel.MCPExternalAuthConfig.spec#ce390dda', message: `Invalid value: "object": ${MESSAGES[3]}` },
      { path: 'spec', rule: 'cel.MCPExternalAuthConfig.spec#6640e55a', message: `Invalid value: "object": ${MESSAGES[9]}` },
    ]);
  });

  test('evaluates list-item rules at each item, with concrete indices', () => {
    const tools = [{ name: 'a' }, { name: 'b', shared: { maxTokens: 1, refillPeriod: '1s' } }, { name: 'c' }];
    const o = toolhive('MCPServer', { image: 'i', sessionStorage: { provider: 'redis', address: 'r:6379' }, rateLimiting: { tools } });
    expect(findings(o, 'cel.MCPServer.spec.rateLimiting.tools[*]#9c32552e').map(f => f.path)).toEqual(['spec.rateLimiting.tools[0]', 'spec.rateLimiting.tools[2]']);
  });

  test('treats empty values as present for has() (C31: configMap: {} still counts)', () => {
    const o = toolhive('MCPServer', { image: 'i', authzConfig: { type: 'inline', inline: { policies: ['permit(principal, action, resource);'] }, configMap: { name: '' } } });
    expect(findings(o, 'cel.MCPServer.spec.authzConfig#b15f5771')).toEqual([{ path: 'spec.authzConfig', message: `Invalid value: "object": ${MESSAGES[31]}` }]);
  });

  test('matches header names with RE2 and lowerAscii (C46 rejects a space and Content-Type in any case)', () => {
    const o = toolhive('VirtualMCPServer', {
      groupRef: { name: 'g' },
      incomingAuth: { type: 'anonymous' },
      config: { optimizer: { embeddingProvider: 'openai', embeddingHeaders: { 'CONTENT-TYPE': 'x' } } },
    });
    expect(findings(o, 'cel.VirtualMCPServer.spec.config.optimizer#ba48db07')).toHaveLength(1);
    const spaced = copy(o);
    (spaced.spec as any).config.optimizer.embeddingHeaders = { 'X Org': 'x' };
    expect(findings(spaced, 'cel.VirtualMCPServer.spec.config.optimizer#ba48db07')).toHaveLength(1);
    const ok = copy(o);
    (ok.spec as any).config.optimizer.embeddingHeaders = { "X-Org's_`id`": 'x' };
    expect(findings(ok, 'cel.VirtualMCPServer.spec.config.optimizer#ba48db07')).toEqual([]);
  });

  test('lets an empty circuit breaker timeout through C44 and defaults an absent one to 60s', () => {
    const o = (cb: Record<string, unknown>) => toolhive('VirtualMCPServer', {
      groupRef: { name: 'g' }, incomingAuth: { type: 'anonymous' }, config: { operational: { failureHandling: { circuitBreaker: cb } } },
    });
    expect(findings(o({ timeout: '' }), 'cel.VirtualMCPServer.spec.config.operational.failureHandling.circuitBreaker.timeout#c1a0d8db')).toEqual([]);
    expect(admissionErrors([o({ enabled: true })])).toEqual([]);
  });
});

describe('CEL evaluator limits', () => {
  // the Kubernetes CEL libraries (isURL, quantity, IP/CIDR, ...) are not implemented: such a rule must not pass silently
  test('fails a rule that calls a function the offline evaluator does not implement', () => {
    const rule = compileRule('isURL(self.url)', 'url must be a URL');
    expect(rule.compileError).toBe('function "isURL" is not supported by the offline CEL evaluator');
    expect(evaluateRule(rule, new Map([['url', 'https://x']]))).toEqual({ ok: false, error: rule.compileError });
  });

  test('fails a rule that does not parse', () => {
    const rule = compileRule('self.a ==', 'm');
    expect(rule.compileError).toMatch(/^rule does not compile: /);
    expect(evaluateRule(rule, new Map())).toMatchObject({ ok: false });
  });

  test('fails a rule that does not return a bool', () => {
    expect(evaluateRule(compileRule('size(self)', 'm'), 'abc')).toEqual({ ok: false, error: 'rule returned bigint, not a bool' });
  });

  test('passes and fails plain rules', () => {
    expect(evaluateRule(compileRule('self.startsWith("https://")', 'm'), 'https://x')).toEqual({ ok: true });
    expect(evaluateRule(compileRule('self.startsWith("https://")', 'm'), 'http://x')).toEqual({ ok: false });
  });
});
