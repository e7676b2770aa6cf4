/** The policy pack recipe of docs/pulumi.md compiles against @pulumi/policy's own types. */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

test('recipe/index.ts (new PolicyPack with toolhivePolicies()) type-checks', () => {
  const file = path.join(__dirname, 'recipe', 'index.ts');
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
  });
  expect(ts.getPreEmitDiagnostics(program).map(d => ts.flattenDiagnosticMessageText(d.messageText, ' '))).toEqual([]);
  // the docs show the same call
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'pulumi.md'), 'utf8');
  expect(doc).toContain("new PolicyPack('toolhive', { policies: toolhivePolicies() });");
});
