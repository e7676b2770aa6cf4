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

/** The memo of one rule entry of one schema node (a rule's outcome also depends on the node's schema). */
export class RuleMemo {
  private outcomes = new Map<string, RuleOutcome>();
  private resets = 0;
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
