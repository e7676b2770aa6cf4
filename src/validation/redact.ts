/**
 * The one redaction policy. No byte of a Secret's `data`/`stringData` value, of a value the caller marks secret
 * (a resolved `pulumi.secret`) or of a credential field the CRDs define inline ever reaches a message.
 *
 * Every channel goes through it: `validateManifests` redacts its violations before returning them (so the CLI,
 * cdk8s synth errors and warnings, Pulumi errors and warnings all print redacted text), and the CLI redacts what
 * it prints besides violations (env values) with the same `Redactor`.
 *
 * The engine is written never to quote a secret; this is the line of defence behind it, for every way a value can
 * reach a message: verbatim, trimmed, one line of a multi-line value, JSON-escaped, Go-quoted (`%q`), base64 or
 * base64-decoded, in any column (kind, namespace, name, path, message, file). Values shorter than
 * `MIN_SECRET_LENGTH` characters are not redacted, and values shorter than `WORD_LENGTH` only where they stand
 * alone (not inside a word): they would mangle ordinary words (a Secret holding `cert` must not turn "certificate"
 * into "[redacted]ificate"). Documented in docs/security.md.
 */
import type { Violation } from '../core/types';
import { goQuote } from './operator/go/quote';

export const REDACTED = '[redacted]';

/** Shorter values are not redacted (see the module comment). */
export const MIN_SECRET_LENGTH = 4;

/** Values shorter than this are redacted only as whole words. */
export const WORD_LENGTH = 8;

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/**
 * Credential fields the CRDs define inline (the value itself is the secret, not a reference to one): the kind,
 * then dotted paths where `{*}` is any map key. VirtualMCPServer's embedded vMCP config
 * (`spec.config.outgoingAuth`) takes client secrets inline for its backends (cmd/vmcp/app config types
 * `TokenExchangeConfig.ClientSecret`, `OBOConfig.ClientSecret`, `XAAConfig.IDPClientSecret` /
 * `TargetClientSecret`).
 */
export const CREDENTIAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  VirtualMCPServer: ['default', 'backends.{*}'].flatMap(at => [
    `spec.config.outgoingAuth.${at}.tokenExchange.clientSecret`,
    `spec.config.outgoingAuth.${at}.obo.clientSecret`,
    `spec.config.outgoingAuth.${at}.xaa.idpClientSecret`,
    `spec.config.outgoingAuth.${at}.xaa.targetClientSecret`,
  ]),
};

export type Redactor = (text: string) => string;

function isDict(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Every scalar under `v` as text (a Secret value the API server would reject is still a secret). */
function scalars(v: unknown, out: string[], depth = 0): void {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') out.push(String(v));
  else if (depth < 32 && Array.isArray(v)) for (const x of v) scalars(x, out, depth + 1);
  else if (depth < 32 && isDict(v)) for (const k of Object.keys(v)) scalars(v[k], out, depth + 1);
}

/** The values at a dotted path with `{*}` steps. */
function valuesAt(root: unknown, steps: readonly string[], out: string[]): void {
  if (steps.length === 0) {
    scalars(root, out);
    return;
  }
  if (!isDict(root)) return;
  const [step, ...rest] = steps;
  if (step === '{*}') {
    for (const k of Object.keys(root)) valuesAt(root[k], rest, out);
  } else if (Object.prototype.hasOwnProperty.call(root, step)) {
    valuesAt(root[step], rest, out);
  }
}

const SPLIT_PATHS = new Map<string, readonly string[]>();

/** The secret values held by a set of objects: Secret data and stringData, inline credential fields. */
export function secretValuesOf(objects: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const o of objects) secretValuesInto(o, out);
  return out;
}

/** Appends the values of one object that `secretValuesOf` collects. */
export function secretValuesInto(o: unknown, out: string[]): void {
  if (!isDict(o) || typeof o.kind !== 'string') return;
  if (o.kind === 'Secret') {
    scalars(o.stringData, out);
    const data: string[] = [];
    scalars(o.data, data);
    for (const v of data) {
      out.push(v);
      const decoded = Buffer.from(v, 'base64').toString('utf8');
      if (!decoded.includes('\ufffd')) out.push(decoded);
    }
    return;
  }
  const paths = Object.prototype.hasOwnProperty.call(CREDENTIAL_FIELDS, o.kind) ? CREDENTIAL_FIELDS[o.kind] : undefined;
  for (const p of paths ?? []) {
    let steps = SPLIT_PATHS.get(p);
    if (!steps) SPLIT_PATHS.set(p, steps = p.split('.'));
    valuesAt(o, steps, out);
  }
}

/** Every form in which a value can appear in a message. */
function forms(value: string): string[] {
  const base = [value, value.trim(), ...value.split('\n').map(l => l.replace(/\r$/, '').trim())];
  const out: string[] = [];
  for (const v of base) {
    if (v.length < MIN_SECRET_LENGTH) continue;
    out.push(v, JSON.stringify(v).slice(1, -1), goQuote(v).slice(1, -1), Buffer.from(v, 'utf8').toString('base64'));
  }
  return out;
}

/**
 * The longest of a set of strings that starts at each position of a text, in time linear in the text (after a
 * build linear in the strings' total length), however many strings share a prefix: an Aho-Corasick automaton over
 * the reversed strings, run over the text from its end. After reading text[i..] backwards, the state's longest
 * accepting suffix is the longest string that is a prefix of text[i..].
 *
 * States are numbered in creation order, so the rest of a string past the point where it leaves the trie is a run
 * of consecutive states: the move from a state to the state after it is kept in that state's own slots (`parent`,
 * `unit`), next to it in memory, and only the first move off an existing path goes to the hash table, which then
 * holds about one entry per string. Secrets that share a long prefix share no suffix, so their reversed trie is
 * almost all such runs.
 */
class LongestStart {
  /** Moves that do not go to the next state: an open-addressing table of (state, code unit) → target. */
  private readonly fromState: Int32Array;
  private readonly onUnit: Uint16Array;
  private readonly toState: Int32Array;
  private readonly mask: number;
  /** The state each state was created from, and the code unit that leads to it (-1 and 0 for the root). */
  private readonly parent: Int32Array;
  private readonly unit: Uint16Array;
  private states: number;
  private readonly fail: Int32Array;
  /** The length of the longest string ending in this state (as a suffix of its path), 0 if none. */
  private readonly best: Int32Array;

  /** `units`: the strings' total length, which bounds the number of states; `count`: how many strings there are. */
  public constructor(strings: Iterable<string>, units: number, count: number) {
    const max = units + 1;
    // a string leaves an existing path at most once: at most `count` moves go to the table
    let size = 2;
    while (size < 2 * (count + 1)) size *= 2;
    this.mask = size - 1;
    this.fromState = new Int32Array(size).fill(-1);
    this.onUnit = new Uint16Array(size);
    this.toState = new Int32Array(size);
    this.parent = new Int32Array(max).fill(-1);
    this.unit = new Uint16Array(max);
    const depth = new Int32Array(max);
    const accepts = new Uint8Array(max);
    this.states = 1;
    for (const str of strings) {
      let state = 0;
      for (let k = str.length - 1; k >= 0; k--) {
        const c = str.charCodeAt(k);
        let child = this.get(state, c);
        if (child < 0) {
          child = this.states++;
          depth[child] = depth[state] + 1;
          this.unit[child] = c;
          this.parent[child] = state;
          if (child !== state + 1) this.put(state, c, child);
        }
        state = child;
      }
      accepts[state] = 1;
    }
    const states = this.states;
    this.fail = new Int32Array(states);
    this.best = new Int32Array(states);
    // by depth, so a state's failure target (shallower) is complete before the state is linked: a counting sort of
    // the states by depth, then each state's failure link from its parent's
    const byDepth = new Int32Array(states);
    const starts = new Int32Array(states + 1);
    for (let st = 1; st < states; st++) starts[depth[st]]++;
    for (let d = 0, sum = 0; d <= states; d++) {
      const n = starts[d];
      starts[d] = sum;
      sum += n;
    }
    for (let st = 1; st < states; st++) byDepth[starts[depth[st]]++] = st;
    for (let k = 0; k < states - 1; k++) {
      const st = byDepth[k];
      const p = this.parent[st];
      this.fail[st] = p === 0 ? 0 : this.step(this.fail[p], this.unit[st]);
      this.best[st] = accepts[st] === 1 ? depth[st] : this.best[this.fail[st]];
    }
  }

  /** For each position of `text`, the length of the longest string starting there (0 for none). */
  public scan(text: string): Int32Array {
    const out = new Int32Array(text.length);
    let state = 0;
    for (let i = text.length - 1; i >= 0; i--) {
      state = this.step(state, text.charCodeAt(i));
      out[i] = this.best[state];
    }
    return out;
  }

  /* eslint-disable no-bitwise -- hashing and wrapping in a power-of-two table */
  private slot(state: number, c: number): number {
    let h = Math.imul(state, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The target of `state` on `c`, or -1. */
  private get(state: number, c: number): number {
    const next = state + 1;
    if (next < this.states && this.parent[next] === state && this.unit[next] === c) return next;
    for (let i = this.slot(state, c); ; i = (i + 1) & this.mask) {
      const from = this.fromState[i];
      if (from === -1) return -1;
      if (from === state && this.onUnit[i] === c) return this.toState[i];
    }
  }

  private put(state: number, c: number, to: number): void {
    let i = this.slot(state, c);
    while (this.fromState[i] !== -1) i = (i + 1) & this.mask;
    this.fromState[i] = state;
    this.onUnit[i] = c;
    this.toState[i] = to;
  }
  /* eslint-enable no-bitwise */

  /** The automaton's move on code unit `c` (failure links followed; amortized constant per character). */
  private step(from: number, c: number): number {
    let state = from;
    for (;;) {
      const to = this.get(state, c);
      if (to >= 0) return to;
      if (state === 0) return 0;
      state = this.fail[state];
    }
  }
}

/** Characters of long forms the automaton indexes at most: about 27 bytes each while it is built (typed arrays), about 105 MiB. */
export const MAX_AUTOMATON_UNITS = 4_000_000;

/**
 * The longest string starting at each position, from an index of the strings by their first `MIN_SECRET_LENGTH`
 * characters: memory proportional to the number of strings, time proportional to the text times the candidates
 * sharing a prefix at each position. Used only for secret sets too large for the automaton.
 */
class PrefixIndex {
  private readonly index = new Map<string, string[]>();

  public constructor(strings: Iterable<string>) {
    for (const f of strings) {
      const key = f.slice(0, MIN_SECRET_LENGTH);
      let l = this.index.get(key);
      if (!l) this.index.set(key, l = []);
      l.push(f);
    }
    for (const l of this.index.values()) l.sort((a, b) => b.length - a.length);
  }

  public scan(text: string): Int32Array {
    const out = new Int32Array(text.length);
    for (let i = 0; i + MIN_SECRET_LENGTH <= text.length; i++) {
      const hit = this.index.get(text.slice(i, i + MIN_SECRET_LENGTH))?.find(c => text.startsWith(c, i));
      if (hit !== undefined) out[i] = hit.length;
    }
    return out;
  }
}

/**
 * A function replacing every form of every value with `[redacted]`, leftmost first, longest first. Linear in the
 * text and in the values' total length (hostile input: thousands of values sharing a prefix cost no more): forms of
 * `WORD_LENGTH` characters or more are found by an automaton (`LongestStart`; `PrefixIndex` past
 * `MAX_AUTOMATON_UNITS` characters of forms, to bound memory), shorter ones (redacted only as
 * whole words) by a lookup of at most four lengths per position. Built on first use: a run without violations
 * never pays for it.
 */
export function redactor(values: readonly string[]): Redactor {
  let built: Redactor | undefined;
  return text => (built ??= buildRedactor(values))(text);
}

function buildRedactor(values: readonly string[]): Redactor {
  const long = new Set<string>();
  const short = new Set<string>();
  // a set of objects repeats the same values (every Secret of a generated app): their forms are computed once
  for (const v of new Set(values)) for (const f of forms(v)) if (f.length >= MIN_SECRET_LENGTH) (f.length >= WORD_LENGTH ? long : short).add(f);
  if (long.size === 0 && short.size === 0) return text => text;
  let units = 0;
  for (const f of long) units += f.length;
  // the automaton holds a state per character of the forms: beyond the budget, the prefix index (bounded memory;
  // linear unless many values share long prefixes) keeps a huge secret set from exhausting memory
  const automaton = units <= MAX_AUTOMATON_UNITS ? new LongestStart(long, units, long.size) : new PrefixIndex(long);
  // the first two code units of every form: a text with none of them at any position is returned as it is,
  // without running the automaton (most messages quote no secret)
  const starts = new Set<number>();
  for (const f of long) starts.add(f.charCodeAt(0) * 0x10000 + f.charCodeAt(1));
  for (const f of short) starts.add(f.charCodeAt(0) * 0x10000 + f.charCodeAt(1));
  const mayHold = (text: string): boolean => {
    for (let i = 0; i + MIN_SECRET_LENGTH <= text.length; i++) {
      if (starts.has(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1))) return true;
    }
    return false;
  };
  return text => {
    if (!mayHold(text)) return text;
    const longest = automaton.scan(text);
    let out = '';
    let from = 0;
    for (let i = 0; i + MIN_SECRET_LENGTH <= text.length;) {
      let hit = longest[i];
      if (hit === 0 && short.size > 0 && !isWordChar(text.charCodeAt(i - 1))) {
        for (let len = WORD_LENGTH - 1; len >= MIN_SECRET_LENGTH; len--) {
          if (i + len <= text.length && !isWordChar(text.charCodeAt(i + len)) && short.has(text.slice(i, i + len))) {
            hit = len;
            break;
          }
        }
      }
      if (hit === 0) {
        i++;
        continue;
      }
      out += text.slice(from, i) + REDACTED;
      i += hit;
      from = i;
    }
    return from === 0 ? text : out + text.slice(from);
  };
}

/** Redacts every text column of the violations (rule ids and severities are ours). */
export function redactViolations(violations: readonly Violation[], redact: Redactor): Violation[] {
  return violations.map(v => {
    const kind = redact(v.kind);
    const namespace = redact(v.namespace);
    const name = redact(v.name);
    const path = redact(v.path);
    const message = redact(v.message);
    const file = v.file !== undefined ? redact(v.file) : undefined;
    // the common case quotes no secret: the violation is kept as it is, not copied
    if (kind === v.kind && namespace === v.namespace && name === v.name && path === v.path && message === v.message && file === v.file) return v;
    const r: Violation = { ...v, kind, namespace, name, path, message, ...(v.file !== undefined ? { file } : {}) };
    return r;
  });
}
