/**
 * Reads manifests from files, directories and standard input into plain objects, each with the file,
 * 1-based document number and 1-based line it came from.
 *
 * YAML is read the way kubectl reads it (sigs.k8s.io/yaml, YAML 1.1 scalars): `yes`/`on` are booleans
 * and `0755` is octal, so the validator sees the same JSON the API server sees. Timestamps and
 * sexagesimal numbers stay strings, as they do in kubectl.
 *
 * Every input is hostile (docs/security.md): sizes are bounded (`InputLimits`), alias expansion is bounded,
 * binary, non-UTF-8 and control-character input is refused, and no message quotes the document text (a YAML
 * error inside a Secret would otherwise print the secret): errors give the position and a fixed reason.
 */
import { realpath, stat } from 'fs/promises';
import * as path from 'path';
import type * as Yaml from 'yaml';
import { readCommonJson } from './fast-json';
import { readCommonYaml, streamCommonYaml, type FastDocument } from './fast-yaml';
import { DEFAULT_LIMITS, MAX_ALIAS_COUNT, showBytes, type InputLimits } from './limits';
import { expandPath, readFileLimited, readStreamLimited, type ReadResult } from './read';
import { codePointName, decodeText, forbiddenCharAt } from './text';
import type { SourceLocation } from '../validation';
import { notJsonData } from '../validation/safety';

let yamlModule: typeof Yaml | undefined;

/** The `yaml` library, loaded when a file needs the reference path: the common run does not pay for it. */
function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yamlModule ??= require('yaml') as typeof Yaml);
}

/** The label used for standard input in messages. */
export const STDIN_LABEL = '<stdin>';

export interface LoadedManifests {
  /**
   * Every non-empty document (and every item of a `List`), in input order; with a sink (`loadManifests`), only
   * those not yet handed to it.
   */
  readonly objects: unknown[];
  /** Index-aligned with `objects`. */
  readonly sources: SourceLocation[];
  /** YAML syntax errors and input over the total limit: nothing is validated when there is one. */
  readonly problems: string[];
  /** Directories given on the command line that held no YAML file. */
  readonly emptyDirectories: string[];
  /** Paths that could not be read (unreadable, too big, binary, not UTF-8): reported, the rest is used. */
  readonly skipped?: string[];
  /** Entries skipped on purpose (special files, links out of a directory). */
  readonly notes?: string[];
}

/** Where a streaming read hands each object as it is read. */
export interface ObjectSink {
  add(object: unknown, source: SourceLocation): void;
  /** A point to go back to: taken before each file. */
  mark(): number;
  /** Takes back what was added since `mark` gave `at`: a file read in part and then read the reference way. */
  rollback(at: number): void;
}

/**
 * Reads every PATH (`-` is standard input). Never throws for bad input: problems are collected.
 *
 * With a `sink`, objects are handed to it as they are read and not kept (`objects` and `sources` stay empty;
 * `documents` counts them): the fast path hands over each batch of documents (about 64 KiB of text) as soon as it
 * is read, the reference path each file. Once any file has a problem the sink gets nothing more (such a run
 * validates nothing).
 */
export async function loadManifests(
  paths: readonly string[],
  stdin: AsyncIterable<string | Uint8Array>,
  limits: InputLimits = DEFAULT_LIMITS,
  progress?: (files: number, bytes: number, documents: number, file: string) => void,
  sink?: ObjectSink,
): Promise<LoadedManifests & { documents: number }> {
  const skipped: string[] = [];
  const notes: string[] = [];
  const out: LoadedManifests & { documents: number } = { objects: [], sources: [], problems: [], emptyDirectories: [], skipped, notes, documents: 0 };
  const seen = new Set<string>();
  let total = 0;
  let files = 0;
  /**
   * Decodes what `read` gives, then parses it; false once the run's total is exceeded. The bytes are dropped as
   * soon as they are decoded (`read` is awaited here, so no caller holds them): a large file is not held twice
   * while its documents are read.
   */
  const take = async (label: string, read: Promise<ReadResult>): Promise<boolean> => {
    let r: ReadResult | undefined = await read;
    if ('problem' in r) {
      skipped.push(`${label}: ${r.problem}`);
      return true;
    }
    total += r.bytes.length;
    if (total > limits.maxTotalBytes) {
      out.problems.push(`${label}: the input exceeds the limit of ${showBytes(limits.maxTotalBytes)} for one run (--max-total-bytes)`);
      return false;
    }
    const decoded = decodeText(r.bytes);
    r = undefined;
    if ('problem' in decoded) {
      skipped.push(`${label}: ${decoded.problem}`);
      return true;
    }
    const syntax = /\.json$/i.test(label) ? 'json' : 'yaml';
    if (sink !== undefined && out.problems.length === 0) {
      out.documents += streamYamlStream(decoded.text, label, out, syntax, sink);
    } else {
      const before = out.objects.length;
      parseYamlStream(decoded.text, label, out, syntax);
      out.documents += out.objects.length - before;
      // after a problem nothing is validated: what was read is only counted
      if (sink !== undefined) {
        out.objects.length = 0;
        out.sources.length = 0;
      }
    }
    progress?.(++files, total, out.documents, label);
    return true;
  };
  for (const p of paths) {
    if (p === '-') {
      // at most --max-file-bytes are held; take() then checks the run's total
      if (!(await take(STDIN_LABEL, readStreamLimited(stdin, limits.maxFileBytes)))) return out;
      continue;
    }
    const expanded = await expandPath(p);
    skipped.push(...expanded.unreadable);
    notes.push(...expanded.notes);
    if (expanded.files.length === 0 && expanded.unreadable.length === 0 && !(await isFile(p))) out.emptyDirectories.push(p);
    for (const file of expanded.files) {
      // The same file named twice (or via a directory and by name) is read once.
      const key = await realpath(file).catch(() => path.resolve(file));
      if (seen.has(key)) continue;
      seen.add(key);
      if (!(await take(file, readFileLimited(file, limits.maxFileBytes)))) return out;
    }
  }
  return out;
}

async function isFile(p: string): Promise<boolean> {
  return stat(p).then(s => !s.isDirectory(), () => false);
}

/** kubectl's YAML 1.1 scalars, minus the two kinds sigs.k8s.io/yaml leaves as strings. */
const kubectlTags = (tags: Yaml.Tags): Yaml.Tags => tags.filter(t => typeof t === 'string'
  ? !['timestamp', 'intTime', 'floatTime'].includes(t)
  : t.tag !== 'tag:yaml.org,2002:timestamp' && (t as { format?: string }).format !== 'TIME');

/**
 * Parses a multi-document YAML stream, or a JSON text (`kubectl get -o json`; YAML 1.2's JSON schema: JSON's own
 * scalars, no YAML 1.1 conversions); appends objects and sources, or problems on syntax errors.
 */
export function parseYamlStream(text: string, file: string, out: LoadedManifests, syntax: 'yaml' | 'json' = 'yaml'): void {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // the common shape of manifests goes the fast way, with the same objects, numbers and lines (fast-yaml.ts,
  // fast-json.ts)
  const fast = forbiddenCharAt(source) >= 0 ? undefined : syntax === 'yaml' ? readCommonYaml(source) : readCommonJson(source);
  if (fast === undefined) {
    parseReference(source, file, out, syntax);
    return;
  }
  for (const d of fast) {
    out.objects.push(d.value);
    out.sources.push({ file, document: d.document, line: d.line });
  }
}

/**
 * `parseYamlStream` into a sink: the fast path hands over each batch as it is read; when it gives up part way, what
 * it handed over is taken back and the reference path reads the file. Returns the number of objects handed over.
 */
function streamYamlStream(text: string, file: string, out: LoadedManifests, syntax: 'yaml' | 'json', sink: ObjectSink): number {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const at = sink.mark();
  let count = 0;
  const hand = (docs: readonly FastDocument[]) => {
    for (const d of docs) sink.add(d.value, { file, document: d.document, line: d.line });
    count += docs.length;
  };
  if (forbiddenCharAt(source) < 0) {
    if (syntax === 'yaml' ? streamCommonYaml(source, hand) : readJsonInto(source, hand)) return count;
  }
  sink.rollback(at);
  const before = out.objects.length;
  parseReference(source, file, out, syntax);
  count = out.objects.length - before;
  if (out.problems.length === 0) for (let i = before; i < out.objects.length; i++) sink.add(out.objects[i], out.sources[i]);
  out.objects.length = before;
  out.sources.length = before;
  return count;
}

function readJsonInto(source: string, hand: (docs: readonly FastDocument[]) => void): boolean {
  const docs = readCommonJson(source);
  if (docs === undefined) return false;
  hand(docs);
  return true;
}

/**
 * The reference reading of a stream (BOM already removed): every YAML feature, every error worded without quoting
 * the text. Exported for the test that compares it with the fast path.
 */
export function parseReference(source: string, file: string, out: LoadedManifests, syntax: 'yaml' | 'json' = 'yaml'): void {
  const what = syntax === 'json' ? 'JSON' : 'YAML';
  const { LineCounter, parseAllDocuments, isMap, isScalar, isSeq } = yaml();
  const lineCounter = new LineCounter();
  let docs: Yaml.Document.Parsed[];
  try {
    // logLevel 'error': the parser's warnings go to process.emitWarning and quote document text
    docs = parseAllDocuments(source, syntax === 'json'
      ? { lineCounter, prettyErrors: false, version: '1.2', schema: 'json', logLevel: 'error' }
      : { lineCounter, prettyErrors: false, version: '1.1', customTags: kubectlTags, logLevel: 'error' }) as Yaml.Document.Parsed[];
  } catch (e) {
    // the parser recurses per nesting level: a document nested tens of thousands of levels deep exhausts the stack
    out.problems.push(`${file}: ${what} error: ${e instanceof RangeError ? 'the document nests too deeply to be read' : 'the stream cannot be parsed'}`);
    return;
  }
  if (!Array.isArray(docs)) docs = [docs];
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  let failed = false;
  const objects: unknown[] = [];
  const sources: SourceLocation[] = [];

  const bad = forbiddenCharAt(source);
  if (bad >= 0) {
    const doc = docs.findIndex(d => d.range[0] <= bad && bad <= d.range[2]);
    out.problems.push(`${at(bad)}: ${what} syntax error in document ${doc < 0 ? docs.length || 1 : doc + 1}: control character ${codePointName(source, bad)} is not allowed in YAML; write it as an escape in a double-quoted string`);
    return;
  }

  docs.forEach((doc, i) => {
    const document = i + 1;
    if (doc.errors.length > 0) {
      failed = true;
      for (const err of doc.errors) {
        out.problems.push(`${at(err.pos[0])}: ${what} syntax error in document ${document}: ${yamlReason(err.code, err.message)}`);
      }
      return;
    }
    const contents = doc.contents as Yaml.Node | null;
    // Empty documents (`---` separators, comment-only documents, Helm's disabled templates) are skipped.
    if (contents === null || (isScalar(contents) && contents.value === null)) return;
    const collectionKey = firstCollectionKey(doc);
    if (collectionKey !== undefined) {
      failed = true;
      out.problems.push(`${at(collectionKey)}: ${what} syntax error in document ${document}: a mapping key is a list or a mapping; Kubernetes objects have string keys`);
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      failed = true;
      out.problems.push(`${file}:${lineOf(contents.range?.[0] ?? 0)}: ${what} error in document ${document}: ${toJsReason(e)}`);
      return;
    }
    // an alias inside the node it names makes a cyclic object: not JSON, so not a Kubernetes object
    const notJson = typeof value === 'object' && value !== null ? notJsonData(value) : undefined;
    if (notJson !== undefined) {
      failed = true;
      out.problems.push(`${file}:${lineOf(contents.range?.[0] ?? 0)}: ${what} error in document ${document}: ${notJson.includes('cycle') ? 'an alias refers to a node that contains it (a recursive alias)' : `not JSON data: ${notJson}`}`);
      return;
    }
    const line = lineOf(contents.range?.[0] ?? doc.range[0]);
    // A `kind: List` (kubectl get -o yaml) or `<Kind>List` stands for its items, each at its own line.
    if (isList(value) && isMap(contents)) {
      const itemsNode = contents.get('items', true);
      value.items.forEach((item, j) => {
        const node = isSeq(itemsNode) ? (itemsNode.items[j] as Yaml.Node | undefined) : undefined;
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

/** Offset of the first mapping key that is a collection (YAML allows it, JSON and Kubernetes do not). */
function firstCollectionKey(doc: Yaml.Document.Parsed): number | undefined {
  const { isCollection, visit } = yaml();
  let found: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        found = (pair.key as Yaml.Node).range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function isList(x: unknown): x is { kind: string; items: unknown[] } {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  return typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items);
}

/**
 * Parser messages that are fixed text (they never quote the document). Any other message is replaced by the
 * reason of its code: several quote source text (an alias name, a tag, a block scalar header, an escape).
 */
const FIXED_MESSAGES = new Set([
  'Nested mappings are not allowed in compact mappings',
  'A block sequence may not be used as an implicit map key',
  'Map keys must be unique',
  'All sequence items must start at the same column',
  'Implicit keys need to be on a single line',
  'Implicit keys of flow sequence pairs need to be on a single line',
  'Implicit map keys need to be followed by map values',
  'Tabs are not allowed as indentation',
  'A node can have at most one anchor',
  'A node can have at most one tag',
  'An alias node must not specify any properties',
  'Alias cannot be an empty string',
  'Anchor cannot be an empty string',
  'Missing closing "quote',
  'Missing closing \'quote',
  'Sequence item without - indicator',
  'Comments must be separated from other tokens by white space characters',
  'Tags and anchors must be separated from the next token by white space',
  'Block scalar header not found',
  'Missing directives-end indicator line',
  'Missing directives-end/doc-start indicator line',
  'Block collection cannot start on same line with directives-end marker',
]);

const REASONS: Readonly<Record<string, string>> = {
  ALIAS_PROPS: 'an alias node must not have properties',
  BAD_ALIAS: 'invalid alias or anchor',
  BAD_COLLECTION_TYPE: 'a tag does not match the collection it is on',
  BAD_DIRECTIVE: 'invalid directive',
  BAD_DQ_ESCAPE: 'invalid escape sequence in a double-quoted string',
  BAD_INDENT: 'bad indentation',
  BAD_PROP_ORDER: 'anchors and tags must come after the indicator',
  BAD_SCALAR_START: 'a plain value cannot start with this character; quote the value',
  BLOCK_AS_IMPLICIT_KEY: 'a block collection cannot be an implicit key',
  BLOCK_IN_FLOW: 'a block collection cannot be inside a flow collection',
  DUPLICATE_KEY: 'Map keys must be unique',
  KEY_OVER_1024_CHARS: 'an implicit key is longer than 1024 characters',
  MISSING_CHAR: 'a required character is missing',
  MULTILINE_IMPLICIT_KEY: 'Implicit keys need to be on a single line',
  MULTIPLE_ANCHORS: 'A node can have at most one anchor',
  MULTIPLE_DOCS: 'more than one document where one is expected',
  MULTIPLE_TAGS: 'A node can have at most one tag',
  NON_STRING_KEY: 'a mapping key is not a string',
  // the parser's stack ran out composing a collection (alias expansion is counted later, in toJS)
  RESOURCE_EXHAUSTION: 'the document nests too deeply to be read',
  TAB_AS_INDENT: 'Tabs are not allowed as indentation',
  TAG_RESOLVE_FAILED: 'unresolved tag',
  UNEXPECTED_TOKEN: 'unexpected token',
};

/** The parser's reason, never quoting the document (see FIXED_MESSAGES). */
export function yamlReason(code: string, message: string): string {
  if (FIXED_MESSAGES.has(message)) return message;
  if (message.startsWith('Unresolved plain scalar')) return 'unresolved plain scalar';
  return (Object.prototype.hasOwnProperty.call(REASONS, code) ? REASONS[code] : undefined) ?? `invalid YAML (${code})`;
}

/** Why converting a parsed document to data failed, in fixed words (the library's messages quote aliases). */
function toJsReason(e: unknown): string {
  const message = e instanceof Error ? e.message : '';
  if (message.startsWith('Excessive alias count')) return `too many alias expansions (at most ${MAX_ALIAS_COUNT}): a YAML bomb?`;
  if (e instanceof ReferenceError || message.startsWith('Unresolved alias')) return 'unresolved alias (the anchor must be set before the alias)';
  if (e instanceof RangeError) return 'the document nests too deeply to be read';
  return 'the document cannot be converted to JSON data';
}
