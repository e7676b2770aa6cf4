import * as fs from 'fs';
import * as path from 'path';
import { collectRuleDocs, render, severityReason } from '../../scripts/gen-rules-doc';

describe('docs/rules.md', () => {
  test('is generated from the RULE_DOCS of the code (run `npx projen docs:rules` after changing a rule)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    expect(committed).toBe(render());
  });

  test('rule ids are unique and every rule is documented with a source and an example', () => {
    const docs = collectRuleDocs();
    const ids = docs.map(d => d.doc.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const { doc } of docs) {
      expect(doc.checks.length).toBeGreaterThan(0);
      expect(doc.source.length).toBeGreaterThan(0);
      expect(doc.example.length).toBeGreaterThan(0);
    }
  });

  test('every rule says why it has its severity (admission rules share the API server\'s reason)', () => {
    const missing = collectRuleDocs().filter(d => !severityReason(d.doc)).map(d => d.doc.id);
    expect(missing).toEqual([]);
    expect(severityReason({ id: 'schema.type', checks: 'c', source: 's', example: 'e' })).toBe('the API server rejects the object: kubectl apply fails');
    expect(severityReason({ id: 'operator.x', checks: 'c', source: 's', example: 'e' })).toBeUndefined();
  });

  test('the table shows each rule\'s severity, its reason and its releases ("all" when the rule names none)', () => {
    const text = render();
    expect(text).toContain('| `operator.embedded-auth.storage-ignored` | a storage.redis block under storage.type memory (the default), which the operator never reads | warning | the operator accepts the object and runs in-memory storage; the Redis settings silently have no effect | all |');
    const withReleases = collectRuleDocs().find(d => d.doc.releases);
    if (withReleases) expect(text).toContain(`| ${withReleases.doc.releases} |`);
  });
});
