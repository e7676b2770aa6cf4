/**
 * Reuse of CEL rule outcomes across objects. A rule that reads `self` only through some of its fields (see
 * `CompiledRule.selfFields`) has an outcome that depends only on those fields: their presence, for fields it
 * only tests with `has()`, else their values. Many objects of a set share them (10,000 MCPServers without
 * rate limiting all pass `!has(self.rateLimiting) || ...`), so the outcome is computed once per distinct
 * projection: no conversion of the node to CEL values and no evaluation for the others.
 *
 * The key is an exact encoding of the projection: values are told apart by type (`1`, `"1"`, `null` and a
 * missing field all differ) and objects keep their key order. Anything that is not plain JSON data (a
 * `Date`, an `undefined` list item, a bigint) makes the node uncacheable: the rule is then evaluated.
 */
import type { RuleOutcome } from './cel';

/** Distinct projections kept per rule before the memo is emptied; a rule emptied this often stops memoizing. */
const MAX_ENTRIES = 1024;
const MAX_RESETS = 4;

/**
 * Where the outcome of one projection is kept: a node of a trie with one level per field the rule reads,
 * entered by the field's value itself when it is a primitive (no key string to build and hash per node), by
 * its exact encoding when it is a list, an object or -0.
 */
export class MemoSlot {
  public outcome: RuleOutcome | undefined;
  public readonly byValue = new Map<unknown, MemoSlot>();
  public byEncoding: Map<string, MemoSlot> | undefined;
}

/** Trie entries for a field that is absent, and for a present field the rule only tests with `has()`. */
const ABSENT = Symbol('absent');
const PRESENT = Symbol('present');

/** The memo of one rule entry of one schema node (a rule's outcome also depends on the node's schema). */
export class RuleMemo {
  private outcomes = new Map<string, RuleOutcome>();
  private resets = 0;
  private root = new MemoSlot();
  private slots = 0;
  private readonly fields: readonly string[];
  private readonly presenceOnly: readonly boolean[];

  public constructor(fields: ReadonlyMap<string, 'presence' | 'value'>) {
    this.fields = [...fields.keys()];
    this.presenceOnly = [...fields.values()].map(use => use === 'presence');
  }

  /** The projection key of `self`, or undefined when this rule or this value cannot be memoized. */
  public key(self: unknown): string | undefined {
    if (this.resets >= MAX_RESETS || typeof self !== 'object' || self === null || Array.isArray(self) || !isPlain(self)) return undefined;
    let key = '';
    for (let i = 0; i < this.fields.length; i++) {
      const field = this.fields[i];
      if (!Object.prototype.hasOwnProperty.call(self, field)) {
        key += '-;';
        continue;
      }
      if (this.presenceOnly[i]) {
        key += '+;';
        continue;
      }
      const encoded = encode((self as Record<string, unknown>)[field]);
      if (encoded === undefined) return undefined;
      key += `${encoded};`;
    }
    return key;
  }

  /**
   * The slot of `self`'s projection: the same slot exactly when {@link key} gives the same key, undefined when
   * `key` does. The trie holds at most about MAX_ENTRIES projections, emptied like the key map.
   */
  public slot(self: unknown): MemoSlot | undefined {
    if (this.resets >= MAX_RESETS || typeof self !== 'object' || self === null || Array.isArray(self) || !isPlain(self)) return undefined;
    if (this.slots >= MAX_ENTRIES * Math.max(1, this.fields.length)) {
      this.root = new MemoSlot();
      this.slots = 0;
      if (++this.resets >= MAX_RESETS) return undefined;
    }
    let slot = this.root;
    for (let i = 0; i < this.fields.length; i++) {
      const field = this.fields[i];
      let value: unknown;
      let encoded: string | undefined;
      if (!Object.prototype.hasOwnProperty.call(self, field)) {
        value = ABSENT;
      } else if (this.presenceOnly[i]) {
        value = PRESENT;
      } else {
        value = (self as Record<string, unknown>)[field];
        if (typeof value === 'object' && value !== null) {
          encoded = encode(value);
          if (encoded === undefined) return undefined;
        } else if (typeof value === 'number') {
          if (Object.is(value, -0)) encoded = 'd-0'; // a Map would take -0 for 0
        } else if (typeof value !== 'string' && typeof value !== 'boolean' && value !== null) {
          return undefined;
        }
      }
      let next = encoded === undefined ? slot.byValue.get(value) : slot.byEncoding?.get(encoded);
      if (next === undefined) {
        next = new MemoSlot();
        if (encoded === undefined) slot.byValue.set(value, next);
        else (slot.byEncoding ??= new Map()).set(encoded, next);
        this.slots++;
      }
      slot = next;
    }
    return slot;
  }

  public get(key: string): RuleOutcome | undefined {
    return this.outcomes.get(key);
  }

  public set(key: string, outcome: RuleOutcome): void {
    if (this.outcomes.size >= MAX_ENTRIES) {
      this.outcomes = new Map();
      this.resets++;
    }
    this.outcomes.set(key, outcome);
  }
}

function isPlain(x: object): boolean {
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Exact, self-delimiting encoding of JSON data; undefined for anything else. */
function encode(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'number': return Object.is(v, -0) ? 'd-0' : `d${v}`;
    case 'boolean': return v ? 't' : 'f';
    case 'object': {
      if (v === null) return 'n';
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) {
          const e = encode(v[i]);
          if (e === undefined) return undefined;
          out += `${e},`;
        }
        return `${out}]`;
      }
      if (!isPlain(v)) return undefined;
      let out = '{';
      for (const k of Object.keys(v)) {
        const e = encode((v as Record<string, unknown>)[k]);
        if (e === undefined) return undefined;
        out += `${JSON.stringify(k)}:${e},`;
      }
      return `${out}}`;
    }
    default: return undefined;
  }
}
