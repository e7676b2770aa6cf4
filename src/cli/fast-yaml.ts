/**
 * The fast path of manifest reading. The `yaml` library (load.ts) is the reference: it reads YAML the way kubectl
 * does and reports every error without quoting the document. It is also slow (about 100 µs per small document),
 * so most of a large CLI run went to it. This module reads the common shape of Kubernetes YAML with `js-yaml`'s
 * event parser, in batches of whole documents, and gives the same objects and the same document numbers and lines.
 *
 * It says "not mine" (undefined) for anything outside that shape, and the caller then reads the whole file with
 * the reference path, which decides and words every error:
 * - any parse error, and any document that is not a mapping (scalars, sequences; empty documents are skipped);
 * - anchors, aliases, tags, directives, `...` document ends, the YAML 1.1 merge key `<<`;
 * - keys that are collections, duplicate keys (the reference lets some pass, e.g. `1` and `"1"`), explicit `?` keys,
 *   empty keys (`: v`);
 * - tabs, lone carriage returns, Unicode line separators, byte-order marks inside the text, implicit keys that may
 *   be longer than 1024 characters, content after a `---` marker on its line;
 * - a block mapping key that is not first on its line (js-yaml takes text after a flow collection as a key), a
 *   scalar or flow value on a later line than its key;
 * - `List` documents (their items need their own lines).
 *
 * Scalars resolve as the reference's YAML 1.1 schema does without timestamps and sexagesimal numbers (load.ts
 * `kubectlTags`): `test/cli/fast-yaml.test.ts` compares both paths on generated and on randomly edited documents
 * (the edits found the cases above where js-yaml is more lenient than the reference).
 */
import { constructFromEvents, defineMappingTag, defineScalarTag, defineSequenceTag, FAILSAFE_SCHEMA, NOT_RESOLVED, parseEvents } from 'js-yaml';
import type { Event } from 'js-yaml';

/** js-yaml's event types (its `EVENT_ID` values), as literal types the event union narrows on. */
const DOCUMENT = 1;
const MAPPING = 3;
const SCALAR = 4;
const ALIAS = 5;
const POP = 6;
/** js-yaml COLLECTION_STYLE.BLOCK and SCALAR_STYLE.LITERAL_BLOCK (block scalars are 4 and 5). */
const BLOCK = 1;
const LITERAL = 4;

/** Deeper than any Kubernetes object; deeper input goes to the reference path, which reports it. */
const MAX_DEPTH = 100;
/** The YAML spec's limit on implicit keys (the reference enforces it). */
const MAX_IMPLICIT_KEY = 1024;

export interface FastDocument {
  readonly value: unknown;
  /** 1-based document number, counted as the reference counts (empty documents included). */
  readonly document: number;
  /** 1-based line of the object's first token. */
  readonly line: number;
}

/** Raised inside the constructor to leave the fast path. */
class NotMine extends Error {}

// ---- scalars: the reference's YAML 1.1 resolution (plain scalars only; quoted ones stay strings) -----------------

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE_RE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE_RE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const INT_BIN_RE = /^[-+]?0b[01_]+$/;
const INT_OCT_RE = /^[-+]?0[0-7_]+$/;
const INT_DEC_RE = /^[-+]?[0-9][0-9_]*$/;
const INT_HEX_RE = /^[-+]?0x[0-9a-fA-F_]+$/;
const FLOAT_SPECIAL_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;

/** An integer as the reference reads it: sign, prefix skipped, underscores dropped, `parseInt` in the radix. */
function int(source: string, prefix: number, radix: number): number {
  const sign = source[0];
  const offset = sign === '-' || sign === '+' ? prefix + 1 : prefix;
  const n = parseInt(source.substring(offset).split('_').join(''), radix);
  return sign === '-' ? -1 * n : n;
}

/** The value of a plain scalar, in the reference's tag order; NOT_RESOLVED leaves it a string. */
function resolvePlain(source: string): unknown {
  if (NULL_RE.test(source)) return null;
  if (TRUE_RE.test(source)) return true;
  if (FALSE_RE.test(source)) return false;
  if (INT_BIN_RE.test(source)) return int(source, 2, 2);
  if (INT_OCT_RE.test(source)) return int(source, 1, 8);
  if (INT_DEC_RE.test(source)) return int(source, 0, 10);
  if (INT_HEX_RE.test(source)) return int(source, 2, 16);
  if (FLOAT_SPECIAL_RE.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP_RE.test(source) || FLOAT_RE.test(source)) return parseFloat(source.split('_').join(''));
  // the YAML 1.1 merge key: the reference merges; this path leaves such input to it
  if (source === '<<') throw new NotMine();
  return NOT_RESOLVED;
}

const plainScalars = defineScalarTag<unknown>('tag:toolhive-constructs,2026:yaml-1.1-plain', {
  implicit: true,
  implicitFirstChars: null,
  resolve: source => resolvePlain(source),
  identify: () => false,
});

// ---- string values: one copy each, not holding the text -------------------------------------------------------------

/**
 * The strings of the stream being read, by value. The parser cuts each scalar out of the text: V8 keeps a cut of 13
 * characters or more as a view that holds the whole text alive, and every other cut as its own copy. Manifests
 * repeat most values (namespaces, images, keys, ports), so each distinct string is kept once, as a copy of its own,
 * and the objects hold no view of the text (bench `cli` prints the peak RSS per object). Set while a batch is
 * constructed (synchronously), one table per batch.
 */
let strings: Map<string, string> | undefined;

/** The one copy of `s` in this stream. */
function own(s: string): string {
  const table = strings;
  if (table === undefined) return s;
  const seen = table.get(s);
  if (seen !== undefined) return seen;
  // a concatenation then a cut: V8 flattens the pair into a new string of its own (a view of 13+ characters of
  // that new string holds only it)
  const copy = s.length >= 13 ? (` ${s}`).slice(1) : s;
  table.set(copy, copy);
  return copy;
}

const sequences = defineSequenceTag<unknown[]>('tag:yaml.org,2002:seq', {
  create: () => [],
  addItem(list, item) {
    list.push(typeof item === 'string' ? own(item) : item);
  },
  identify: () => false,
});

// ---- mappings: plain objects, keys as the reference turns them into strings ----------------------------------------

const mappings = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair(map, key, value) {
    let k: string;
    if (typeof key === 'string') k = key;
    else if (key === null) k = '';
    else if (typeof key === 'number' || typeof key === 'boolean') k = String(key);
    else throw new NotMine(); // a collection key: the reference reports it
    if (Object.prototype.hasOwnProperty.call(map, k)) throw new NotMine(); // the reference decides duplicates
    // own data property even for `__proto__`: never the prototype setter
    const v = typeof value === 'string' ? own(value) : value;
    if (k === '__proto__') Object.defineProperty(map, k, { value: v, writable: true, enumerable: true, configurable: true });
    else map[k] = v;
    return '';
  },
  has: (map, key) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(map, key),
  keys: map => Object.keys(map),
  get: (map, key) => (typeof key === 'string' && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined),
  identify: () => false,
});

const SCHEMA = FAILSAFE_SCHEMA.withTags(plainScalars, sequences, mappings);

// ---- the stream: split at `---` markers, read in batches of whole documents ---------------------------------------

const Ch = {
  Tab: 9,
  Lf: 10,
  Cr: 13,
  Space: 32,
  Hash: 35,
  Percent: 37,
  Dash: 45,
  Dot: 46,
  Colon: 58,
  Question: 63,
  OpenBracket: 91,
  OpenBrace: 123,
  Comma: 44,
  Nel: 0x85,
  Ls: 0x2028,
  Ps: 0x2029,
  Bom: 0xfeff,
} as const;

/**
 * Offsets where documents start (`---` lines), or undefined when the text has something this path leaves to the
 * reference (see the module comment). One pass over the text.
 */
function markers(text: string): number[] | undefined {
  const starts: number[] = [];
  let lineStart = 0;
  let prev: number = Ch.Lf;
  // the last character on this line that is not a space (Lf at the start of a line)
  let lastSig: number = Ch.Lf;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case Ch.Tab: case Ch.Nel: case Ch.Ls: case Ch.Ps: case Ch.Bom:
        return undefined;
      case Ch.Cr:
        if (text.charCodeAt(i + 1) !== Ch.Lf) return undefined;
        break;
      case Ch.Lf:
        lineStart = i + 1;
        break;
      case Ch.Colon: {
        if (i - lineStart > MAX_IMPLICIT_KEY) return undefined;
        // an empty key (`: v` first on a line, after `- `, `{`, `[` or `,`): the reference is stricter here
        const next = text.charCodeAt(i + 1);
        if ((lastSig === Ch.Lf || lastSig === Ch.Dash || lastSig === Ch.OpenBrace || lastSig === Ch.OpenBracket || lastSig === Ch.Comma)
          && (Number.isNaN(next) || next === Ch.Space || next === Ch.Lf || next === Ch.Cr || next === Ch.Comma)) return undefined;
        break;
      }
      case Ch.Question: {
        const next = text.charCodeAt(i + 1);
        if ((prev === Ch.Space || prev === Ch.Lf || prev === Ch.OpenBracket || prev === Ch.OpenBrace || prev === Ch.Comma || prev === Ch.Dash)
          && (Number.isNaN(next) || next === Ch.Space || next === Ch.Lf || next === Ch.Cr)) return undefined;
        break;
      }
      case Ch.Percent:
        if (i === lineStart) return undefined;
        break;
      case Ch.Dash:
      case Ch.Dot:
        if (i === lineStart && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
          const after = text.charCodeAt(i + 3);
          if (Number.isNaN(after) || after === Ch.Lf || after === Ch.Cr || after === Ch.Space) {
            if (c === Ch.Dot || !onlyCommentAfter(text, i + 3)) return undefined;
            starts.push(i);
          }
        }
        break;
      default:
        break;
    }
    prev = c === Ch.Cr ? prev : c;
    if (c === Ch.Lf) lastSig = Ch.Lf;
    else if (c !== Ch.Space && c !== Ch.Cr) lastSig = c;
  }
  return starts;
}

/** True when the rest of the line from `i` is blank or a comment (`--- # note`). */
function onlyCommentAfter(text: string, i: number): boolean {
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === Ch.Lf || c === Ch.Cr) return true;
    if (c === Ch.Hash) return j > i; // `#` must follow a space
    if (c !== Ch.Space) return false;
  }
  return true;
}

function isList(x: unknown): boolean {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  return typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items);
}

/**
 * Documents are read in batches of about this many characters: one parser call per document costs more than the
 * document (each call sets up its state), one call for a whole file holds every event of it at once.
 */
const BATCH_CHARS = 64 * 1024;

/**
 * Reads a YAML stream the reference way for the common shape of manifests, or returns undefined when the text is
 * outside it (the caller then uses the reference path). Never throws.
 */
export function readCommonYaml(text: string): FastDocument[] | undefined {
  const out: FastDocument[] = [];
  return streamCommonYaml(text, docs => out.push(...docs)) ? out : undefined;
}

/**
 * `readCommonYaml` a batch at a time: `batch` gets the documents of each batch as soon as it is read, so a caller
 * can drop them before the next. Returns false when the text is outside the common shape: the batches already
 * given are then not the file's reading (the caller discards them and uses the reference path). Never throws
 * (an exception of `batch` itself propagates).
 */
export function streamCommonYaml(text: string, batch: (docs: FastDocument[]) => void): boolean {
  const starts = markers(text);
  if (starts === undefined) return false;
  let document = 0;
  // lines are counted incrementally: each offset asked for is past the previous one
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number): number => {
    for (; counted < offset; counted++) if (text.charCodeAt(counted) === Ch.Lf) line++;
    return line;
  };
  let from = 0;
  let next = 0;
  while (from < text.length) {
    // the batch ends at the first marker at least BATCH_CHARS on, so it holds whole documents
    while (next < starts.length && starts[next] - from < BATCH_CHARS) next++;
    const to = next < starts.length ? starts[next] : text.length;
    const docs: FastDocument[] = [];
    strings = new Map();
    try {
      const source = text.slice(from, to);
      const events = parseEvents(source, { maxDepth: MAX_DEPTH });
      if (!plain(events, source)) return false;
      const values = constructFromEvents(events, { source, schema: SCHEMA, maxAliases: 0 });
      let v = 0;
      for (let i = 0; i < events.length; i++) {
        if (events[i].type !== DOCUMENT) continue;
        document++;
        const value = values[v++];
        const root = events[i + 1];
        if (root.type === SCALAR && root.valueStart === -1) continue; // an empty document
        if (root.type !== MAPPING || isList(value)) return false;
        docs.push({ value, document, line: lineAt(from + root.start) });
      }
      if (v !== values.length) return false;
    } catch {
      // a parse error, or NotMine: the reference path reads the file and words any error
      return false;
    } finally {
      strings = undefined;
    }
    batch(docs);
    from = to;
  }
  return true;
}

/**
 * Documents with no anchor, alias, tag or directive, and no explicit end, where every key of a block mapping is
 * the first thing on its line (after indentation and `- ` indicators): js-yaml reads text after a flow collection
 * (`- {a: 1}b, c: 2`) as a key of the enclosing mapping, where the reference reports an error.
 */
function plain(events: readonly Event[], text: string): boolean {
  // per open collection: a block mapping (whose next node is a key when `key` is set, and where the last key began)
  const stack: Array<{ blockMap: boolean; key: boolean; keyStart: number }> = [];
  /** Checks a node starting at `start`; `inline`: a scalar or flow value, which must follow its key on its line. */
  const node = (start: number, inline: boolean): boolean => {
    const top = stack[stack.length - 1];
    if (top === undefined || !top.blockMap) return true;
    const isKey = top.key;
    top.key = !top.key;
    if (isKey) {
      top.keyStart = start;
      return startsLine(text, start);
    }
    // `k:` then the value on a later line (after a comment line, the reference reads it differently): left to it
    if (!inline || start < 0) return true;
    const eol = text.indexOf('\n', top.keyStart);
    return eol === -1 || eol > start;
  };
  for (const e of events) {
    switch (e.type) {
      case DOCUMENT:
        if (e.directives.length > 0 || e.explicitEnd) return false;
        stack.push({ blockMap: false, key: false, keyStart: 0 });
        break;
      case ALIAS:
        return false;
      case POP:
        stack.pop();
        break;
      case SCALAR:
        if (e.anchorStart !== -1 || e.tagStart !== -1) return false;
        // an empty key (valueStart -1) is left to the reference too; block scalars start on the next line
        if (!node(e.valueStart, e.style < LITERAL)) return false;
        break;
      default: // a sequence or a mapping
        if (e.anchorStart !== -1 || e.tagStart !== -1) return false;
        if (!node(e.start, e.style !== BLOCK)) return false;
        stack.push({ blockMap: e.type === MAPPING && e.style === BLOCK, key: true, keyStart: 0 });
        break;
    }
  }
  return true;
}

/** True when only indentation, `- ` indicators and an opening quote stand between the line's start and `start`. */
function startsLine(text: string, start: number): boolean {
  if (start < 0) return false;
  let i = start - 1;
  const q = text.charCodeAt(i);
  if (q === 0x22 || q === 0x27) i--; // the key's opening quote
  for (; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === Ch.Lf) return true;
    if (c === Ch.Dash && text.charCodeAt(i + 1) === Ch.Space) continue;
    if (c !== Ch.Space && c !== Ch.Cr) return false;
  }
  return true;
}
