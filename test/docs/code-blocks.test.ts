/**
 * Every TypeScript block of README.md and docs/*.md type-checks as written under the tsconfig of a fresh
 * `cdk8s init typescript-app` project and of a fresh `pulumi new typescript` project (both eras), against the
 * package as a consumer sees it (`node_modules/toolhive-constructs`, its exports and typesVersions, lib/*.d.ts).
 * Needs lib/ (the test task compiles first).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { typescriptBlocks, type CodeBlock } from './code-blocks';
import { STOCK_TSCONFIGS } from '../stock-tsconfigs';

const ROOT = path.join(__dirname, '..', '..');
const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md')).sort().map(f => `docs/${f}`)];
const blocksOf = new Map(DOCS.map(doc => [doc, typescriptBlocks(fs.readFileSync(path.join(ROOT, doc), 'utf8'))]));

let work: string;
beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.d.ts'))) throw new Error('lib/index.d.ts is missing: run "npx tsc --build" first');
  // Inside the repository, so the blocks' own imports (cdk8s, @pulumi/pulumi, ...) resolve from its node_modules.
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  work = fs.mkdtempSync(path.join(ROOT, '.tmp', 'docs-check-'));
  fs.mkdirSync(path.join(work, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(work, 'node_modules', 'toolhive-constructs'), 'dir');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The context's declarations of the names the block does not declare at its own top level. */
function contextFor(block: CodeBlock): string {
  if (block.context === '') return '';
  const own = new Set<string>();
  for (const st of ts.createSourceFile('block.ts', block.code, ts.ScriptTarget.Latest).statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) own.add(d.name.text);
    } else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) {
      own.add(st.name.text);
    } else if (ts.isImportDeclaration(st) && st.importClause) {
      const c = st.importClause;
      if (c.name) own.add(c.name.text);
      const b = c.namedBindings;
      if (b && ts.isNamespaceImport(b)) own.add(b.name.text);
      else if (b) b.elements.forEach(e => own.add(e.name.text));
    }
  }
  const ctx = ts.createSourceFile('context.ts', block.context, ts.ScriptTarget.Latest);
  return ctx.statements
    .filter(st => !(ts.isVariableStatement(st) && st.declarationList.declarations.every(d => ts.isIdentifier(d.name) && own.has(d.name.text))))
    .map(st => st.getText(ctx).replace(/\n/g, ' '))
    .join(' ') + '\n';
}

/**
 * Writes each block as `test/main.ts` of its own project directory and type-checks all of them in one program;
 * returns the diagnostics as `doc:line: TSnnnn: message`.
 */
function check(blocksByDoc: ReadonlyMap<string, readonly CodeBlock[]>, config: string): string[] {
  const { options, errors } = ts.convertCompilerOptionsFromJson(STOCK_TSCONFIGS[config]().compilerOptions, work);
  expect(errors).toEqual([]);
  const origin = new Map<string, { doc: string; block: CodeBlock }>();
  for (const [doc, blocks] of blocksByDoc) {
    blocks.forEach((block, i) => {
      const dir = path.join(work, config.replace(/\W+/g, '-'), doc.replace(/\W+/g, '-'), `block-${i}`);
      fs.mkdirSync(path.join(dir, 'test'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"docs-block","private":true}\n');
      // The context goes on the first line, so the block's lines keep their offset; `export {}` keeps a block
      // without imports a module.
      const main = path.join(dir, 'test', 'main.ts');
      fs.writeFileSync(main, `${contextFor(block)}${block.code}export {};\n`);
      for (const [rel, content] of Object.entries(block.files)) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), content);
      }
      origin.set(main, { doc, block });
    });
  }
  const program = ts.createProgram({ rootNames: [...origin.keys()], options: { ...options, noEmit: true } });
  return ts.getPreEmitDiagnostics(program).map(d => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const from = d.file ? origin.get(path.resolve(d.file.fileName)) : undefined;
    if (!d.file || !from) return `${d.file ? path.relative(work, d.file.fileName) : 'global'}: TS${d.code}: ${text}`;
    const line = d.file.getLineAndCharacterOfPosition(d.start ?? 0).line - (from.block.context === '' ? 0 : 1);
    return `${from.doc}:${from.block.line + line}: TS${d.code}: ${text}`;
  });
}

test('README and the tutorials have TypeScript blocks to check, and README blocks need no hidden context', () => {
  expect(blocksOf.get('README.md')!.length).toBeGreaterThanOrEqual(3);
  expect(blocksOf.get('docs/cdk8s.md')!.length).toBeGreaterThanOrEqual(5);
  expect(blocksOf.get('docs/pulumi.md')!.length).toBeGreaterThanOrEqual(2);
  expect(blocksOf.get('README.md')!.filter(b => b.context !== '' || Object.keys(b.files).length > 0 || b.skip)).toEqual([]);
});

test.each(Object.keys(STOCK_TSCONFIGS))('every block type-checks under the stock tsconfig of %s', config => {
  const blocks = new Map([...blocksOf].map(([doc, list]) => [doc, list.filter(b => !b.skip)]));
  expect(check(blocks, config)).toEqual([]);
});
