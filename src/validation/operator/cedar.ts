/**
 * A light syntax check for one Cedar policy, following the structure cedar-go's `Policy.UnmarshalCedar`
 * parses: annotations, `permit`/`forbid`, the `(principal, action, resource)` scope exactly, then
 * `when`/`unless` blocks (only their bracket balance is checked, not the expressions) and the closing `;`.
 * It never rejects a policy cedar-go accepts; it may accept some it rejects (bad condition expressions).
 */

interface Token { readonly kind: 'ident' | 'string' | 'int' | 'punct' | 'eof'; readonly text: string }

const TWO_CHAR = ['::', '==', '!=', '<=', '>=', '&&', '||'];

class CedarSyntaxError extends Error {}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (src.startsWith('//', i)) {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new CedarSyntaxError('unterminated string literal');
      out.push({ kind: 'string', text: src.slice(i, j + 1) });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      out.push({ kind: 'ident', text: m });
      i += m.length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(src.slice(i))![0];
      out.push({ kind: 'int', text: m });
      i += m.length;
    } else {
      const two = src.slice(i, i + 2);
      const text = TWO_CHAR.includes(two) ? two : c;
      out.push({ kind: 'punct', text });
      i += text.length;
    }
  }
  out.push({ kind: 'eof', text: '' });
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.pos];
  }

  advance(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  fail(expected: string, got: Token): never {
    throw new CedarSyntaxError(`expected ${expected} but found ${got.kind === 'eof' ? 'the end of the policy' : JSON.stringify(got.text)}`);
  }

  exact(text: string): void {
    const t = this.advance();
    if (t.text !== text || t.kind === 'string') this.fail(JSON.stringify(text), t);
  }

  ident(what: string): string {
    const t = this.advance();
    if (t.kind !== 'ident') this.fail(what, t);
    return t.text;
  }

  /** `Type::Sub::"id"` */
  entity(): void {
    this.ident('an entity type');
    for (;;) {
      this.exact('::');
      const t = this.advance();
      if (t.kind === 'string') return;
      if (t.kind !== 'ident') this.fail('an entity id string or a type name', t);
    }
  }

  /** `Type::Sub` */
  path(): void {
    this.ident('an entity type');
    while (this.peek().text === '::') {
      this.advance();
      this.ident('a type name');
    }
  }

  scopeVar(name: 'principal' | 'resource'): void {
    this.exact(name);
    const op = this.peek().text;
    if (op === '==' || op === 'in') {
      this.advance();
      this.entity();
    } else if (op === 'is') {
      this.advance();
      this.path();
      if (this.peek().text === 'in') {
        this.advance();
        this.entity();
      }
    }
  }

  action(): void {
    this.exact('action');
    const op = this.peek().text;
    if (op === '==') {
      this.advance();
      this.entity();
    } else if (op === 'in') {
      this.advance();
      if (this.peek().text !== '[') {
        this.entity();
        return;
      }
      this.advance();
      while (this.peek().text !== ']') {
        this.entity();
        const next = this.peek();
        if (next.text === ',') this.advance();
        else if (next.text !== ']') this.fail('"," or "]"', next);
      }
      this.advance();
    }
  }

  /** A `{ ... }` condition body: non-empty, brackets balanced. */
  condition(keyword: string): void {
    this.exact('{');
    const closers: string[] = ['}'];
    const pairs: Record<string, string> = { '{': '}', '(': ')', '[': ']' };
    if (this.peek().text === '}') throw new CedarSyntaxError(`the ${keyword} condition is empty`);
    while (closers.length > 0) {
      const t = this.advance();
      if (t.kind === 'eof') throw new CedarSyntaxError(`unclosed ${keyword} condition: expected ${JSON.stringify(closers[closers.length - 1])}`);
      if (t.kind !== 'punct') continue;
      if (Object.prototype.hasOwnProperty.call(pairs, t.text)) {closers.push(pairs[t.text]);} else if (t.text === '}' || t.text === ')' || t.text === ']') {
        const want = closers.pop();
        if (t.text !== want) throw new CedarSyntaxError(`mismatched ${JSON.stringify(t.text)} in ${keyword} condition: expected ${JSON.stringify(want)}`);
      }
    }
  }

  policy(): void {
    const seen = new Set<string>();
    while (this.peek().text === '@') {
      this.advance();
      const name = this.ident('an annotation name');
      if (seen.has(name)) throw new CedarSyntaxError(`duplicate annotation: @${name}`);
      seen.add(name);
      // newer Cedar allows a bare @name; accept it rather than risk rejecting a valid policy
      if (this.peek().text !== '(') continue;
      this.advance();
      const value = this.advance();
      if (value.kind !== 'string') this.fail('an annotation value string', value);
      this.exact(')');
    }
    const effect = this.advance();
    if (effect.text !== 'permit' && effect.text !== 'forbid') this.fail('"permit" or "forbid"', effect);
    this.exact('(');
    this.scopeVar('principal');
    this.exact(',');
    this.action();
    this.exact(',');
    this.scopeVar('resource');
    if (this.peek().text === ',') this.advance();
    this.exact(')');
    while (this.peek().text === 'when' || this.peek().text === 'unless') {
      this.condition(this.advance().text);
    }
    this.exact(';');
  }
}

/** The reason a Cedar policy does not parse, or undefined when this check finds nothing wrong. */
export function cedarSyntaxProblem(policy: string): string | undefined {
  if (policy.trim() === '') return 'the policy is empty';
  try {
    new Parser(tokenize(policy)).policy();
    return undefined;
  } catch (e) {
    if (e instanceof CedarSyntaxError) return e.message;
    throw e;
  }
}
