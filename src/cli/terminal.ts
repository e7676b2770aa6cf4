/**
 * Text output is read on a terminal: a name, path or message taken from a manifest (or a file name) must not be
 * able to forge lines or send escape sequences. Control characters (C0, DEL, C1), line and paragraph separators
 * and the bidirectional overrides (which reorder what is displayed) are shown as `\xNN` / `\u{NNNN}` escapes.
 * (Backslashes stay: messages quote regular expressions and JSON strings.) JSON output is escaped by JSON itself.
 */

function needsEscape(c: number): boolean {
  return c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)
    || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
    || c === 0x200e || c === 0x200f || c === 0x061c;
}

/** `text` with every control, separator and bidi character escaped (see the module comment). */
export function escapeText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!needsEscape(c)) continue;
    out += text.slice(from, i) + (c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u{${c.toString(16)}}`);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
