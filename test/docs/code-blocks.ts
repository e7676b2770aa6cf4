/**
 * Extracts the TypeScript code blocks of a Markdown file, with the hidden context the checker needs.
 *
 * A block is checked as written, as a module of its own. Tutorial fragments that use names defined by an
 * earlier block (`chart`, `group`, ...) get them from a hidden comment, invisible on GitHub and npm:
 *
 *   <!-- ts-check context
 *   declare const chart: import('cdk8s').Chart;
 *   -->
 *
 * declares names for every later block of the file (a later context comment replaces it); each block gets the
 * declarations of the names it does not declare itself, at the top of its module. And
 *
 *   <!-- ts-check file src/platform.ts
 *   export class Platform ...
 *   -->
 *
 * adds a module next to every later block, which is written as `test/main.ts` of a project (so a block can import
 * `../src/platform` as a user's test would). `<!-- ts-check skip: REASON -->` right before a block skips it.
 */

export interface CodeBlock {
  /** 1-based line of the first line of code in the Markdown file. */
  readonly line: number;
  readonly code: string;
  /** Ambient declarations in effect for this block (one statement per name). */
  readonly context: string;
  /** Extra module files (path relative to the project root → content). */
  readonly files: Readonly<Record<string, string>>;
  readonly skip?: string;
}

const FENCE = /^```(\w*)\s*$/;

export function typescriptBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const out: CodeBlock[] = [];
  let context = '';
  const files: Record<string, string> = {};
  let skip: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const comment = /^<!-- ts-check (context|file (\S+)|skip: (.+?) -->)\s*$/.exec(line);
    if (comment) {
      if (comment[3] !== undefined) {
        skip = comment[3];
        continue;
      }
      const end = lines.indexOf('-->', i + 1);
      if (end < 0) throw new Error(`line ${i + 1}: unterminated ts-check comment`);
      const body = lines.slice(i + 1, end).join('\n') + '\n';
      if (comment[2] !== undefined) files[comment[2]] = body;
      else context = body;
      i = end;
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      if (line.trim() !== '') skip = undefined;
      continue;
    }
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) throw new Error(`line ${i + 1}: unterminated code block`);
    if (fence[1] === 'ts' || fence[1] === 'typescript') {
      out.push({ line: i + 2, code: lines.slice(i + 1, end).join('\n') + '\n', context, files: { ...files }, ...(skip ? { skip } : {}) });
    }
    skip = undefined;
    i = end;
  }
  return out;
}
