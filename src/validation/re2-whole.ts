/**
 * `^X$` searched for anywhere in a string is X matched against the whole string (Go's `^` and `$` without the
 * `m` flag are the text's start and end, regexp/syntax OneLine). RE2JS runs the second as a plain DFA walk,
 * while the first makes its DFA resolve the pending `$` at every character: about five times slower on the
 * CRDs' patterns. Only patterns whose shape makes the two certainly equal are rewritten; any other is
 * searched as written.
 */

/** X when `pattern` is `^X$` with no top-level `|`, no inner anchor, no flag group and no `\Q` quoting. */
export function wholeStringBody(pattern: string): string | undefined {
  if (pattern.length < 2 || pattern[0] !== '^' || pattern[pattern.length - 1] !== '$') return undefined;
  const body = pattern.slice(1, -1);
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      const next = body[i + 1];
      // a trailing backslash escapes the final `$` (a literal dollar, not an anchor); \Q...\E quotes anything
      if (next === undefined || next === 'Q' || next === 'E') return undefined;
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[' && body[i + 1] === ':') {
        const end = body.indexOf(':]', i + 2);
        if (end < 0) return undefined;
        i = end + 1;
      } else if (c === ']') {
        inClass = false;
      }
      continue;
    }
    switch (c) {
      case '[':
        inClass = true;
        if (body[i + 1] === '^') i++;
        if (body[i + 1] === ']') i++; // a `]` first in a class is a literal
        break;
      case '(':
        if (body[i + 1] === '?' && body[i + 2] !== ':') return undefined;
        depth++;
        break;
      case ')':
        if (depth === 0) return undefined;
        depth--;
        break;
      case '|':
        if (depth === 0) return undefined;
        break;
      case '^':
      case '$':
        return undefined;
      default:
        break;
    }
  }
  return inClass || depth !== 0 ? undefined : body;
}
