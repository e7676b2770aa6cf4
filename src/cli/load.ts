/**
 * Reads manifests from files, directories and standard input into plain objects, each with the file,
 * 1-based document number and 1-based line it came from.
 *
 * YAML is read the way kubectl reads it (sigs.k8s.io/yaml, YAML 1.1 scalars): `yes`/`on` are booleans
 * and `0755` is octal, so the validator sees the same JSON the API server sees. Timestamps and
 * sexagesimal numbers stay strings, as they do in kubectl. A `.json` file is read as JSON (kubectl's `-o json`).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar } from 'yaml';
import type { Node as YamlNode, Tags } from 'yaml';
import type { SourceLocation } from '../validation';

/** The label used for standard input in messages. */
export const STDIN_LABEL = '<stdin>';

/** Rule ids of input problems, so machine-readable reports (JSON, SARIF, JUnit) can carry them like violations. */
export const INPUT_UNREADABLE = 'input.unreadable';
export const INPUT_SYNTAX = 'input.syntax';

/** A file that could not be read or parsed. Printed as `FILE[:LINE[:COLUMN]]: MESSAGE`. */
export interface LoadProblem {
  readonly file: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  readonly rule: typeof INPUT_UNREADABLE | typeof INPUT_SYNTAX;
  /** Never quotes the document text (it could be a secret). */
  readonly message: string;
}

/** `FILE[:LINE[:COLUMN]]: MESSAGE`. */
export function formatProblem(p: LoadProblem): string {
  const at = p.line === undefined ? '' : p.column === undefined ? `:${p.line}` : `:${p.line}:${p.column}`;
  return `${p.file}${at}: ${p.message}`;
}

export interface LoadedManifests {
  /** Every non-empty document (and every item of a `List`), in input order. */
  readonly objects: unknown[];
  /** Index-aligned with `objects`. */
  readonly sources: SourceLocation[];
  /** Unreadable files and syntax errors, one each, naming the file (and line). */
  readonly problems: LoadProblem[];
  /** Directories given on the command line that held no YAML file. */
  readonly emptyDirectories: string[];
}

/** Reads every PATH (`-` is standard input). Never throws for bad input: problems are collected. */
export async function loadManifests(paths: readonly string[], stdin: AsyncIterable<string | Uint8Array>): Promise<LoadedManifests> {
  const out: LoadedManifests = { objects: [], sources: [], problems: [], emptyDirectories: [] };
  const seen = new Set<string>();
  for (const p of paths) {
    if (p === '-') {
      let text: string;
      try {
        text = await readAll(stdin);
      } catch (e) {
        out.problems.push({ file: STDIN_LABEL, rule: INPUT_UNREADABLE, message: `cannot read: ${describeFsError(e)}` });
        continue;
      }
      parseYamlStream(text, STDIN_LABEL, out);
      continue;
    }
    let files: string[];
    try {
      files = await expandPath(p);
    } catch (e) {
      out.problems.push({ file: p, rule: INPUT_UNREADABLE, message: `cannot read: ${describeFsError(e)}` });
      continue;
    }
    if (files.length === 0) out.emptyDirectories.push(p);
    for (const file of files) {
      // The same file named twice (or via a directory and by name) is read once.
      const key = path.resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (e) {
        out.problems.push({ file, rule: INPUT_UNREADABLE, message: `cannot read: ${describeFsError(e)}` });
        continue;
      }
      parseYamlStream(text, file, out, /\.json$/i.test(file) ? 'json' : 'yaml');
    }
  }
  return out;
}

/** A file stands for itself; a directory for every `.yaml`/`.yml`/`.json` below it, sorted by path. */
async function expandPath(p: string): Promise<string[]> {
  const stat = await fs.stat(p);
  if (!stat.isDirectory()) return [p];
  const found: string[] = [];
  await walk(p, found, new Set());
  // Plain code-unit order: the same on every machine and locale.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function walk(dir: string, found: string[], visited: Set<string>): Promise<void> {
  const real = await fs.realpath(dir);
  if (visited.has(real)) return; // a symlink loop
  visited.add(real);
  for (const name of await fs.readdir(dir)) {
    const full = path.join(dir, name);
    const stat = await fs.stat(full).catch(() => undefined); // a dangling symlink is skipped
    if (!stat) continue;
    if (stat.isDirectory()) await walk(full, found, visited);
    else if (/\.(ya?ml|json)$/i.test(name)) found.push(full);
  }
}

async function readAll(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** kubectl's YAML 1.1 scalars, minus the two kinds sigs.k8s.io/yaml leaves as strings. */
const kubectlTags = (tags: Tags): Tags => tags.filter(t => typeof t === 'string'
  ? !['timestamp', 'intTime', 'floatTime'].includes(t)
  : t.tag !== 'tag:yaml.org,2002:timestamp' && (t as { format?: string }).format !== 'TIME');

/**
 * Parses a multi-document YAML stream, or a JSON text (YAML 1.2's JSON schema: JSON's own scalars, no YAML
 * conversions); appends objects and sources, or problems on syntax errors.
 */
export function parseYamlStream(text: string, file: string, out: LoadedManifests, syntax: 'yaml' | 'json' = 'yaml'): void {
  const lineCounter = new LineCounter();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const what = syntax === 'json' ? 'JSON' : 'YAML';
  const docs = parseAllDocuments(source, syntax === 'json'
    ? { lineCounter, prettyErrors: false, version: '1.2', schema: 'json' }
    : { lineCounter, prettyErrors: false, version: '1.1', customTags: kubectlTags });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  let failed = false;
  const objects: unknown[] = [];
  const sources: SourceLocation[] = [];

  docs.forEach((doc, i) => {
    const document = i + 1;
    if (doc.errors.length > 0) {
      failed = true;
      for (const err of doc.errors) {
        const { line, col } = lineCounter.linePos(err.pos[0]);
        out.problems.push({ file, line, column: col, rule: INPUT_SYNTAX, message: `${what} syntax error in document ${document}: ${yamlMessage(err.code, err.message)}` });
      }
      return;
    }
    const contents = doc.contents as YamlNode | null;
    // Empty documents (`---` separators, comment-only documents, Helm's disabled templates) are skipped.
    if (contents === null || (isScalar(contents) && contents.value === null)) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      failed = true;
      out.problems.push({ file, line: lineOf(contents.range?.[0] ?? 0), rule: INPUT_SYNTAX, message: `${what} error in document ${document}: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    const line = lineOf(contents.range?.[0] ?? doc.range[0]);
    // A `kind: List` (kubectl get -o yaml) or `<Kind>List` stands for its items, each at its own line.
    if (isList(value) && isMap(contents)) {
      const itemsNode = contents.get('items', true);
      value.items.forEach((item, j) => {
        const node = isSeq(itemsNode) ? (itemsNode.items[j] as YamlNode | undefined) : undefined;
        objects.push(item);
        sources.push({ file, document, line: node?.range ? lineOf(node.range[0]) : line });
      });
      return;
    }
    objects.push(value);
    sources.push({ file, document, line });
  });

  // A file with a syntax error contributes nothing: half a file validates misleadingly.
  if (failed) return;
  out.objects.push(...objects);
  out.sources.push(...sources);
}

function isList(x: unknown): x is { kind: string; items: unknown[] } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  return typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items);
}

/** The parser's message, minus the few that quote document text (which could be a secret). */
function yamlMessage(code: string, message: string): string {
  if (code === 'BAD_DQ_ESCAPE') return 'invalid escape sequence in a double-quoted string';
  if (message.startsWith('Unresolved plain scalar')) return 'unresolved plain scalar';
  return message;
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string } | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'not a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: return code ?? (e instanceof Error ? e.message : String(e));
  }
}
