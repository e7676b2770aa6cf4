/**
 * Every optional arg of every Pulumi component says what leaving it out does (`@default`): read through the
 * TypeScript checker, as an editor shows it, from the components' Args types.
 */
import * as path from 'path';
import * as ts from 'typescript';
import { SPEC_FIELD_DEFAULTS } from '../../src/manifests/spec-defaults';
import { KIND_TYPE_NAMES } from '../../src/schema/type-names';

const INDEX = path.join(__dirname, '..', '..', 'src', 'pulumi', 'index.ts');

describe('Pulumi args document their defaults', () => {
  let missing: string[];
  let argsSeen: string[];

  beforeAll(() => {
    const program = ts.createProgram([INDEX], { strict: true, noEmit: true, skipLibCheck: true, types: ['node'], moduleResolution: ts.ModuleResolutionKind.Node10 });
    const checker = program.getTypeChecker();
    const module = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
    missing = [];
    argsSeen = [];
    for (const exported of checker.getExportsOfModule(module)) {
      if (!exported.name.endsWith('Args') || exported.name === 'ToolHiveComponentArgs') continue;
      argsSeen.push(exported.name);
      const type = checker.getDeclaredTypeOfSymbol(exported);
      for (const prop of checker.getPropertiesOfType(type)) {
        if (!isOptional(prop)) continue;
        if (!prop.getJsDocTags(checker).some(t => t.name === 'default')) missing.push(`${exported.name}.${prop.name}`);
      }
    }
  }, 120_000);

  test('the Args of every component kind are read', () => {
    const expected = Object.values(KIND_TYPE_NAMES).filter(n => n !== 'McpRegistry').map(n => `${n}Args`).sort();
    expect(argsSeen.filter(a => expected.includes(a)).sort()).toEqual(expected);
  });

  test('every optional arg has an @default', () => {
    expect(missing).toEqual([]);
  });

  test('the defaults table names only optional fields the CRD leaves without a default', () => {
    const specs = ts.createSourceFile('specs.ts', ts.sys.readFile(path.join(__dirname, '..', '..', 'src', 'manifests', 'generated', 'specs.ts'))!, ts.ScriptTarget.Latest, true);
    const documented = new Set<string>();
    specs.forEachChild(node => {
      if (!ts.isInterfaceDeclaration(node)) return;
      const kind = Object.entries(KIND_TYPE_NAMES).find(([, n]) => `${n}Spec` === node.name.text)?.[0];
      for (const m of node.members) {
        if (m.questionToken && ts.getJSDocTags(m).some(t => t.tagName.text === 'default' && String(t.comment ?? '').startsWith('- '))) {
          documented.add(`${kind}.${m.name!.getText()}`);
        }
      }
    });
    const table = Object.entries(SPEC_FIELD_DEFAULTS).flatMap(([kind, fields]) => Object.keys(fields).map(f => `${kind}.${f}`));
    expect(table.filter(f => !documented.has(f))).toEqual([]);
  });
});

function isOptional(prop: ts.Symbol): boolean {
  return prop.declarations?.some(d => (ts.isPropertySignature(d) || ts.isPropertyDeclaration(d)) && d.questionToken !== undefined) ?? false;
}
