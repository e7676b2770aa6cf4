/**
 * Bytes to text, refusing what is not a YAML text: binary files (a NUL byte), invalid UTF-8, and control
 * characters YAML does not allow (c-printable in YAML 1.2 §5.1: anything but TAB, LF, CR below U+0020, DEL,
 * the C1 block except NEL, U+FFFE and U+FFFF). Each is reported with its position, never with the text around it.
 * All checks are single linear scans.
 */

export type Decoded = { readonly text: string } | { readonly problem: string };

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
/* eslint-disable no-bitwise -- UTF-8 is defined on bits */
function invalidUtf8At(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    if (i + n >= b.length) return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // overlong forms, surrogates and code points past U+10FFFF are not UTF-8
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += n + 1;
  }
  return -1;
}
/* eslint-enable no-bitwise */

/** Decodes a file's bytes as UTF-8 (a leading BOM dropped), or says why it is not a YAML text. */
export function decodeText(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: `binary file (a NUL byte at offset ${nul}), not YAML text` };
  const bad = invalidUtf8At(bytes);
  if (bad >= 0) return { problem: `not UTF-8 text (an invalid byte sequence at offset ${bad}); save the file as UTF-8` };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** True for a UTF-16 code unit YAML does not allow in a stream (see the module comment). */
function forbidden(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if (c === 0x7f) return true;
  if (c >= 0x80 && c <= 0x9f) return c !== 0x85;
  return c === 0xfffe || c === 0xffff;
}

/** Offset of the first character YAML does not allow, or -1. */
export function forbiddenCharAt(text: string): number {
  for (let i = 0; i < text.length; i++) if (forbidden(text.charCodeAt(i))) return i;
  return -1;
}

/** `U+001B` */
export function codePointName(text: string, at: number): string {
  return `U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;
}
