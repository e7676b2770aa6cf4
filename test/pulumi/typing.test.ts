/** The component args are typed from the CRDs: compiles test/pulumi/typing/args.ts with the TypeScript compiler. */
import * as path from 'path';
import * as ts from 'typescript';

test('typing/args.ts compiles, and every @ts-expect-error line is a type error', () => {
  const file = path.join(__dirname, 'typing', 'args.ts');
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
  const problems = ts.getPreEmitDiagnostics(program).map(d => {
    const where = d.file ? `${path.relative(__dirname, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
  expect(problems).toEqual([]);
  // the file really exercises the checks (an unused @ts-expect-error is itself an error, so 9 here means 9 type errors)
  expect(ts.sys.readFile(file)!.match(/^\s*\/\/ @ts-expect-error/gm)).toHaveLength(9);
});
