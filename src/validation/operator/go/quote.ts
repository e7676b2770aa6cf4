/** Go's `strconv.Quote` (the `%q` verb), so messages match the operator's byte for byte. */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const SHORT: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Quotes `s` like Go's `strconv.Quote`: printable runes verbatim, everything else escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') {
      out += '\\' + ch;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      out += '\\ufffd'; // a lone surrogate cannot come from valid UTF-8; Go shows the replacement rune
    } else if (PRINTABLE.test(ch)) {
      out += ch;
    } else if (SHORT[ch]) {
      out += SHORT[ch];
    } else if (cp < 0x20 || cp === 0x7f) {
      out += '\\x' + hex(cp, 2);
    } else if (cp <= 0xffff) {
      out += '\\u' + hex(cp, 4);
    } else {
      out += '\\U' + hex(cp, 8);
    }
  }
  return out + '"';
}

/** Go's `%#U` verb: `U+0041 'A'` (the character is omitted when it is not printable). */
export function goRuneU(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const code = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return PRINTABLE.test(ch) ? `${code} '${ch}'` : code;
}
