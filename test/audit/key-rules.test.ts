/**
 * Audit of the 15 key rules (apiVersion per kind, auth unions, upstream providers, references, env collisions ...)
 * through `validateManifests`: for each sub-bullet the engine is meant
 * to catch, a set whose only errors are the expected ones (rule, path, exact message), and per item a passing set that
 * uses the same features correctly. The cases are in checklist-cases.ts.
 */
import { FAILING, PASSING, type Want } from './checklist-cases';
import { errors, warnings } from './helpers';
import { collectRuleDocs } from '../../scripts/gen-rules-doc';

const key = (f: Want) => `${f.kind}/${f.name} ${f.path} ${f.rule} ${f.message}`;
const sorted = (l: readonly Want[]) => [...l].sort((a, b) => key(a).localeCompare(key(b)));

const label = (c: { item: number; title: string }) => `key rule ${c.item}: ${c.title}`;

describe('key rules: failing cases', () => {
  test.each(FAILING.map(c => [label(c), c] as const))('rejects %s', (_label, c) => {
    if (c.severity === 'warning') {
      expect(errors(c.objects, c.options)).toEqual([]);
      expect(sorted(warnings(c.objects, c.options))).toEqual(sorted(c.want));
      return;
    }
    expect(sorted(errors(c.objects, c.options))).toEqual(sorted(c.want));
  });
});

describe('key rules: passing cases', () => {
  test.each(PASSING.map(c => [label(c), c] as const))('accepts %s', (_label, c) => {
    expect(errors(c.objects, c.options)).toEqual([]);
  });
});

describe('key rules: the checklist is covered', () => {
  test('every one of the 15 items has failing cases and a passing set', () => {
    for (let item = 1; item <= 15; item++) {
      expect({ item, failing: FAILING.some(c => c.item === item), passing: PASSING.some(c => c.item === item) })
        .toEqual({ item, failing: true, passing: true });
    }
  });

  test('every rule the failing cases fire is documented in RULE_DOCS (CEL rules are documented as one family)', () => {
    const documented = new Set(collectRuleDocs().map(d => d.doc.id));
    const fired = new Set(FAILING.flatMap(c => c.want.map(w => w.rule)));
    const undocumented = [...fired].filter(r => !r.startsWith('cel.') && !documented.has(r));
    expect(undocumented).toEqual([]);
  });

  test('every message the failing cases expect is a message, not an empty placeholder', () => {
    for (const c of FAILING) for (const w of c.want) expect(w.message.trim().length).toBeGreaterThan(10);
  });

  test('accepts the passing sets with advisory warnings at most', () => {
    // advisories are allowed (they are warnings by design); the passing sets only use features correctly, so the only
    // expected ones are the documented advisory rules
    const advisories = new Set(['operator.embedded-auth.identity-synthesized', 'operator.vmcp.upstream-auto-selected', 'operator.authz.cedar-syntax',
      'operator.session-storage.replicas', 'identity.deprecated-version']);
    const unexpected = PASSING.flatMap(c => warnings(c.objects, c.options).filter(w => !advisories.has(w.rule)).map(w => `${label(c)}: ${w.rule} ${w.path}: ${w.message}`));
    expect(unexpected).toEqual([]);
  });
});
