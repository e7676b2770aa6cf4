import * as fs from 'fs';
import * as path from 'path';
import { collectRuleDocs, render } from '../../scripts/gen-rules-doc';

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
});
