/**
 * Every reference of the table (one fixture per row, see fixtures.ts), through validateManifests with schema-valid
 * objects: resolves; missing; wrong namespace; missing key (keyed references); declared external; assumeExternal.
 */
import { concretePath, KEY, NS, OTHER_NS, ROWS, SECRET_VALUE, TARGET, targetObject, type Row } from './fixtures';
import { validateManifests, type ValidateOptions, type Violation } from '../../src/validation';

function run(row: Row, others: readonly unknown[], options?: ValidateOptions): Violation[] {
  return validateManifests([row.referrer, ...(row.context ?? []), ...others], options);
}

const refs = (vs: readonly Violation[]) => vs.filter(v => v.rule.startsWith('ref.'));
const admissionErrors = (vs: readonly Violation[]) =>
  vs.filter(v => v.severity === 'error' && /^(identity|metadata|schema|cel|hygiene)\./.test(v.rule));

function expected(row: Row, path: string, rule: string, message: string, severity: 'error' | 'warning' = 'error'): Violation {
  return { severity, kind: row.referrer.kind!, namespace: NS, name: row.referrer.metadata!.name!, path, rule, message };
}

describe.each(ROWS.map(row => [`${row.source} ${row.path} -> ${row.target}`, row] as const))('%s', (_title, row) => {
  const namePath = `${concretePath(row.path)}.name`;
  const external = `${row.target}/${NS}/${TARGET}`;

  test('resolves to a same-namespace target in the set (fixtures are admitted)', () => {
    const vs = run(row, [targetObject(row.target, TARGET)]);
    expect(admissionErrors(vs)).toEqual([]);
    expect(refs(vs)).toEqual([]);
  });

  test('rejects a missing target, naming it and how to fix it', () => {
    expect(refs(run(row, []))).toEqual([
      expected(row, namePath, 'ref.missing', `${row.missing}; add ${row.target} "${TARGET}" to namespace "${NS}" or declare it external (${external})`),
    ]);
  });

  test('rejects a target that exists only in another namespace', () => {
    expect(refs(run(row, [targetObject(row.target, TARGET, OTHER_NS)]))).toEqual([
      expected(row, namePath, 'ref.wrong-namespace',
        `${row.missing}; ${row.target} "${TARGET}" exists only in namespace "${OTHER_NS}", but ToolHive references are same-namespace: move it to namespace "${NS}"`),
    ]);
  });

  if (row.keyed) {
    test('rejects a target without the referenced key, listing its keys and never a value', () => {
      const vs = refs(run(row, [targetObject(row.target, TARGET, NS, ['other'])]));
      const rule = row.target === 'Secret' ? 'ref.secret-key-missing' : 'ref.configmap-key-missing';
      expect(vs).toEqual([expected(row, `${concretePath(row.path)}.key`, rule, `${row.keyMissing}; its keys are "other"`)]);
      expect(JSON.stringify(vs)).not.toContain(SECRET_VALUE);
    });

    test('fails on a missing key even under assumeExternal (the object is in the set)', () => {
      const vs = refs(run(row, [targetObject(row.target, TARGET, NS, ['other'])], { assumeExternal: true }));
      expect(vs.map(v => [v.severity, v.path])).toEqual([['error', `${concretePath(row.path)}.key`]]);
    });
  } else {
    test('needs no key', () => {
      expect(refs(run(row, [targetObject(row.target, TARGET, NS, [])]))).toEqual([]);
    });
  }

  test.each([
    [`${row.target}/${TARGET}`],
    [external],
    [`${row.target}/*`],
  ])('accepts a target declared external as %s', spec => {
    expect(refs(run(row, [], { external: [spec] }))).toEqual([]);
  });

  test('fails when the external declaration is for another namespace', () => {
    expect(refs(run(row, [], { external: [`${row.target}/${OTHER_NS}/${TARGET}`] })).map(v => v.rule)).toEqual(['ref.missing']);
  });

  test('downgrades a missing target to a warning under assumeExternal', () => {
    expect(refs(run(row, [], { assumeExternal: true }))).toEqual([
      expected(row, namePath, 'ref.missing', `${row.missing}; assuming ${row.target} "${TARGET}" exists outside the manifest set`, 'warning'),
    ]);
  });
});

test('the fixtures name key "k" in every keyed reference', () => {
  expect(ROWS.filter(r => r.keyed).every(r => JSON.stringify(r.referrer).includes(`"key":"${KEY}"`))).toBe(true);
});
