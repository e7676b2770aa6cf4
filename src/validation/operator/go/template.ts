/**
 * A syntax check for Go `text/template` strings, as `template.New(name).Funcs(f).Parse(s)` does it
 * (Go 1.26 lexer). It reports, with Go's texts: lexer errors (unclosed action or comment, unterminated
 * strings, parentheses, bad characters), unbalanced control structures (`unexpected {{end}}`,
 * `unexpected EOF`, `{{else}}` misuse, `{{break}}` outside `{{range}}`), empty actions
 * (`missing value for if`), undefined functions and variables. Errors it does not model (operand
 * order, bad number literals, declaration misuse) are accepted: it never rejects a template Go accepts.
 */
import { goQuote, goRuneU } from './quote';

/** Go's builtin template functions. */
const BUILTINS = ['and', 'call', 'html', 'index', 'slice', 'js', 'len', 'not', 'or', 'print', 'printf', 'println', 'urlquery', 'eq', 'ge', 'gt', 'le', 'lt', 'ne'];
const KEYWORDS = ['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'nil', 'template', 'with'];

type Kind = 'text' | 'left' | 'right' | 'space' | 'field' | 'ident' | 'var' | 'keyword' | 'dot' | 'string' | 'char' | 'number' | 'bool'
  | 'pipe' | 'declare' | 'assign' | 'lparen' | 'rparen' | 'other' | 'eof' | 'error';

interface Item { readonly kind: Kind; readonly text: string; readonly pos: number }

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlnum = (c: string | undefined) => c !== undefined && (c === '_' || /^[\p{L}\p{Nd}]$/u.test(c));

/** Go's template lexer, run to completion (it stops at the first error item). */
function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  const emit = (kind: Kind) => {
    items.push({ kind, text: input.slice(start, pos), pos: start });
    start = pos;
  };
  const error = (msg: string): false => {
    items.push({ kind: 'error', text: msg, pos: start });
    return false;
  };
  // a trim marker is a space character next to '-': "{{- " and " -}}"
  const trimmedRightAt = (p: number): boolean => isSpace(input[p]) && input[p + 1] === '-' && input.startsWith('}}', p + 2);
  const atRightDelim = (): boolean => trimmedRightAt(pos) || input.startsWith('}}', pos);
  const atTerminator = (): boolean => {
    const r = input[pos];
    return r === undefined || isSpace(r) || '.,|:)('.includes(r) || input.startsWith('}}', pos);
  };
  // the code point at pos (templates may hold astral characters)
  const runeAt = (p: number): string | undefined => {
    const cp = input.codePointAt(p);
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  };

  const insideAction = (): boolean => {
    for (;;) {
      if (atRightDelim()) {
        if (parenDepth > 0) return error('unclosed left paren');
        if (trimmedRightAt(pos)) {
          pos += 2;
          start = pos;
        }
        pos += 2;
        emit('right');
        return true;
      }
      const r = runeAt(pos);
      if (r === undefined) return error('unclosed action');
      if (isSpace(r)) {
        while (isSpace(input[pos])) pos++;
        // a trim-marked closing delimiter " -}}": leave the space for it
        if (trimmedRightAt(pos - 1)) {
          pos--;
          if (pos === start) continue;
        }
        emit('space');
        continue;
      }
      pos += r.length;
      if (r === '=') {emit('assign');} else if (r === ':') {
        if (input[pos] !== '=') return error('expected :=');
        pos++;
        emit('declare');
      } else if (r === '|') {emit('pipe');} else if (r === '"') {
        for (;;) {
          const c = input[pos++];
          if (c === '\\') {
            const n = input[pos++];
            if (n !== undefined && n !== '\n') continue;
            return error('unterminated quoted string');
          }
          if (c === undefined || c === '\n') return error('unterminated quoted string');
          if (c === '"') break;
        }
        emit('string');
      } else if (r === '`') {
        const end = input.indexOf('`', pos);
        if (end < 0) return error('unterminated raw quoted string');
        pos = end + 1;
        emit('string');
      } else if (r === '\'') {
        for (;;) {
          const c = input[pos++];
          if (c === '\\') {
            const n = input[pos++];
            if (n !== undefined && n !== '\n') continue;
            return error('unterminated character constant');
          }
          if (c === undefined || c === '\n') return error('unterminated character constant');
          if (c === '\'') break;
        }
        emit('char');
      } else if (r === '$' || (r === '.' && !(input[pos] >= '0' && input[pos] <= '9'))) {
        // a variable ($x), a field (.x), or a bare $ / .
        if (atTerminator()) {
          emit(r === '$' ? 'var' : 'dot');
          continue;
        }
        while (isAlnum(runeAt(pos))) pos += runeAt(pos)!.length;
        if (!atTerminator()) return error(`bad character ${goRuneU(runeAt(pos)!)}`);
        emit(r === '$' ? 'var' : 'field');
      } else if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
        pos -= r.length;
        if (!scanNumber()) return error(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        emit('number');
      } else if (isAlnum(r)) {
        while (isAlnum(runeAt(pos))) pos += runeAt(pos)!.length;
        if (!atTerminator()) return error(`bad character ${goRuneU(runeAt(pos)!)}`);
        const word = input.slice(start, pos);
        emit(KEYWORDS.includes(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : 'ident');
      } else if (r === '(') {
        emit('lparen');
        parenDepth++;
      } else if (r === ')') {
        emit('rparen');
        parenDepth--;
        if (parenDepth < 0) return error('unexpected right paren');
      } else if (r.codePointAt(0)! <= 0x7e && r.codePointAt(0)! >= 0x20) {
        emit('other');
      } else {
        return error(`unrecognized character in action: ${goRuneU(r)}`);
      }
    }
  };

  const accept = (valid: string): boolean => {
    if (input[pos] !== undefined && valid.includes(input[pos])) {
      pos++;
      return true;
    }
    return false;
  };
  const acceptRun = (valid: string) => {
    while (input[pos] !== undefined && valid.includes(input[pos])) pos++;
  };
  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlnum(runeAt(pos))) {
      pos += runeAt(pos)!.length;
      return false;
    }
    return true;
  };

  for (;;) {
    const x = input.indexOf('{{', pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) emit('text');
      emit('eof');
      return items;
    }
    pos = x;
    if (pos > start) emit('text');
    pos += 2;
    const trim = input[pos] === '-' && isSpace(input[pos + 1]);
    const after = trim ? pos + 2 : pos;
    if (input.startsWith('/*', after)) {
      // a comment: {{/* ... */}} (trim markers allowed around it)
      const end = input.indexOf('*/', after + 2);
      start = after;
      if (end < 0) {
        error('unclosed comment');
        return items;
      }
      pos = end + 2;
      if (!atRightDelim()) {
        error('comment ends before closing delimiter');
        return items;
      }
      pos += trimmedRightAt(pos) ? 4 : 2;
      start = pos;
      continue;
    }
    emit('left');
    pos = after;
    start = pos;
    parenDepth = 0;
    if (!insideAction()) return items;
  }
}

/** Go's `item.String()` as used in parse errors: `<if>` for keywords, a quoted value (cut at 10 runes) otherwise. */
function itemString(t: Item): string {
  if (t.kind === 'keyword') return `<${t.text}>`;
  const runes = [...t.text];
  return runes.length > 10 ? `${goQuote(runes.slice(0, 10).join(''))}...` : goQuote(t.text);
}

interface Frame {
  readonly kind: 'if' | 'range' | 'with' | 'define' | 'block';
  elseSeen: boolean;
  /** The variables in scope when the frame opened, restored at its {{end}} (Go's popVars / new Tree). */
  readonly restore: string[];
}

export interface TemplateCheck {
  /** Go's parse error (`template: <name>:<line>: <msg>`), or undefined. */
  readonly error?: string;
  /** Field chains the template reads (`.steps.fetch.output.data` → `steps.fetch.output.data`). */
  readonly fields: readonly string[];
}

/** Parses `src` like `template.New(name).Funcs(funcs).Parse(src)`. */
export function checkGoTemplate(src: string, name: string, funcs: readonly string[]): TemplateCheck {
  const items = lex(src);
  const lineOf = (pos: number) => 1 + (src.slice(0, pos).match(/\n/g)?.length ?? 0);
  const known = new Set([...BUILTINS, ...funcs]);
  const fields: string[] = [];
  const stack: Frame[] = [];
  let vars = ['$'];
  const fail = (at: Item, msg: string): TemplateCheck => ({ error: `template: ${name}:${lineOf(at.pos)}: ${msg}`, fields });
  // Go's rangeDepth: inside the main list of a {{range}} (not its {{else}} list)
  const inRange = () => stack.some(f => f.kind === 'range' && !f.elseSeen);

  let i = 0;
  while (i < items.length) {
    const item = items[i];
    if (item.kind === 'eof') {
      return stack.length > 0 ? fail(item, 'unexpected EOF') : { fields };
    }
    if (item.kind === 'error') return fail(item, item.text);
    if (item.kind !== 'left') {
      i++;
      continue;
    }
    const actionLine = lineOf(item.pos);
    // the tokens of this action, up to the right delimiter (or a lexer error)
    let j = i + 1;
    while (j < items.length && items[j].kind !== 'right' && items[j].kind !== 'error') j++;
    const body = items.slice(i + 1, j);
    const end = items[j];
    const words = body.filter(t => t.kind !== 'space');
    const first = words[0];
    // what Go's parser reads where it wants a token the action does not have: the right delimiter or the lexer error
    const at = (k: number): Item => words[k] ?? end;

    // structure: the first word of the action decides
    let pipelineFrom = 0;
    let context = 'command';
    if (first?.kind === 'keyword') {
      const kw = first.text;
      const top = stack[stack.length - 1];
      const extra = words[1];
      pipelineFrom = 1;
      context = kw;
      if (kw === 'if' || kw === 'range' || kw === 'with') {
        stack.push({ kind: kw, elseSeen: false, restore: [...vars] });
      } else if (kw === 'block' || kw === 'template' || kw === 'define') {
        const clause = `${kw} clause`;
        if (kw === 'define' && stack.length > 0) return fail(first, 'unexpected <define> in command');
        if (at(1).kind !== 'string') return fail(at(1), at(1).kind === 'error' ? at(1).text : `unexpected ${itemString(at(1))} in ${clause}`);
        pipelineFrom = 2;
        context = clause;
        if (kw === 'define') {
          if (words.length > 2) return fail(words[2], `unexpected ${itemString(words[2])} in ${clause}`);
          stack.push({ kind: 'define', elseSeen: false, restore: [...vars] });
          vars = ['$'];
        }
      } else if (kw === 'end' || kw === 'break' || kw === 'continue') {
        const endContext = kw === 'end' ? 'end' : `{{${kw}}}`;
        if (extra) return fail(extra, `unexpected ${itemString(extra)} in ${endContext}`);
        if (end.kind === 'right') {
          if (kw === 'end') {
            const frame = stack.pop();
            if (!frame) return fail(end, 'unexpected {{end}}');
            vars = frame.restore;
          } else if (!inRange()) {
            return fail(end, `{{${kw}}} outside {{range}}`);
          }
        }
      } else if (kw === 'else') {
        const chained = extra?.kind === 'keyword' && (extra.text === 'if' || extra.text === 'with');
        if (extra && !chained) return fail(extra, `unexpected ${itemString(extra)} in else`);
        // a plain {{else cut short by a lexer error reports that error (below)
        if (chained || end.kind === 'right') {
          if (!top) return fail(extra ?? end, 'unexpected {{else}}');
          if (top.kind === 'define' || top.kind === 'block') return fail(extra ?? end, `unexpected {{else}} in ${top.kind} clause`);
          if (top.elseSeen) return fail(extra ?? end, 'expected end; found {{else}}');
          if (chained) {
            // {{else if}} / {{else with}} chains share the closing {{end}}; only in the matching context
            if (extra.text !== top.kind) return fail(extra, `unexpected <${extra.text}> in input`);
            pipelineFrom = 2;
            context = extra.text;
          } else {
            top.elseSeen = true;
          }
        }
      }
    } else if (first?.kind === 'other') {
      return fail(first, `unexpected ${itemString(first)} in command`);
    }

    // the pipeline: declarations ($x :=, $x =, range $i, $e :=), then operands in order
    const pipeline = words.slice(pipelineFrom);
    // actions without a pipeline: {{end}}, {{else}}, {{break}}, {{continue}}, {{define "x"}}
    const noPipeline = first?.kind === 'keyword' && (['end', 'break', 'continue', 'define'].includes(first.text) || (first.text === 'else' && pipelineFrom === 1));
    if (!noPipeline) {
      let k = 0;
      for (;;) {
        const v = pipeline[k];
        const next = pipeline[k + 1];
        if (v?.kind !== 'var' || !next) break;
        if (next.kind === 'declare' || next.kind === 'assign') {
          vars.push(v.text);
          k += 2;
          break;
        }
        if (next.kind === 'other' && next.text === ',' && context === 'range' && k === 0) {
          vars.push(v.text);
          k += 2;
          continue;
        }
        break;
      }
      const operands = pipeline.slice(k);
      if (operands.length === 0 && end.kind === 'right' && context !== 'template clause') {
        return fail(end, `missing value for ${context}`);
      }
      // undefined functions and variables, in order; scanning stops where Go fails with an error not modelled here
      for (const t of operands) {
        if (t.kind === 'other' || t.kind === 'declare' || t.kind === 'assign' || (t.kind === 'keyword' && t.text !== 'nil')) break;
        if (t.kind === 'ident' && !known.has(t.text)) return fail(t, `function ${goQuote(t.text)} not defined`);
        if (t.kind === 'var' && !vars.includes(t.text)) return fail(t, `undefined variable ${goQuote(t.text)}`);
      }
    }
    if (first?.kind === 'keyword' && first.text === 'block') {
      // the block's pipeline belongs to the outer template; its body is a new template with only $
      stack.push({ kind: 'block', elseSeen: false, restore: [...vars] });
      vars = ['$'];
    }

    // field chains: .a.b.c (a FieldNode) or (pipe).a.b / fn.a (a ChainNode); $x.a is a variable, not a field
    for (let k = 0; k < body.length; k++) {
      if (body[k].kind !== 'field') continue;
      const prev = body[k - 1];
      const adjacent = prev && prev.pos + prev.text.length === body[k].pos;
      if (adjacent && (prev.kind === 'field' || prev.kind === 'var')) continue;
      const chain: string[] = [];
      let m = k;
      while (m < body.length && body[m].kind === 'field' && (m === k || body[m - 1].pos + body[m - 1].text.length === body[m].pos)) {
        chain.push(body[m].text.slice(1));
        m++;
      }
      fields.push(chain.join('.'));
    }

    if (end.kind === 'error') {
      const extra = lineOf(end.pos) !== actionLine ? (end.text.endsWith(' action') ? ` started at ${name}:${actionLine}` : ` in action started at ${name}:${actionLine}`) : '';
      return fail(end, end.text + extra);
    }
    i = j + 1;
  }
  return { fields };
}
