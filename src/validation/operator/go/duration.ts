/**
 * Go's `time.ParseDuration` and `time.Duration.String()`, in nanoseconds as BigInt. Used where the
 * operator decodes a duration string (metav1.Duration) and prints it back with `%s`/`%v`.
 */

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MAX = 2n ** 63n;

export const SECOND = 1_000_000_000n;

/** The `time` package's own quoting: non-ASCII and control bytes as `\xNN`. */
function timeQuote(s: string): string {
  let out = '"';
  for (const byte of Buffer.from(s, 'utf8')) {
    if (byte >= 0x80 || byte < 0x20) {out += '\\x' + byte.toString(16).padStart(2, '0');} else {
      const c = String.fromCharCode(byte);
      out += c === '"' || c === '\\' ? '\\' + c : c;
    }
  }
  return out + '"';
}

export type DurationResult = { ok: true; ns: bigint } | { ok: false; error: string };

/** Parses like Go's `time.ParseDuration`, with its error texts. */
export function parseGoDuration(orig: string): DurationResult {
  const invalid = (): DurationResult => ({ ok: false, error: `time: invalid duration ${timeQuote(orig)}` });
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, ns: 0n };
  if (s === '') return invalid();
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid();
    // leading integer
    let i = 0;
    let v = 0n;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') {
      if (v > MAX / 10n) return invalid(); // overflow
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > MAX) return invalid();
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') {
        // once the fraction overflows, further digits are ignored, as in Go
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (!overflow && (f > (MAX - 1n) / 10n || y > MAX)) overflow = true;
        if (!overflow) {
          f = y;
          scale *= 10;
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return invalid();
    let k = 0;
    while (k < s.length && s[k] !== '.' && !(s[k] >= '0' && s[k] <= '9')) k++;
    if (k === 0) return { ok: false, error: `time: missing unit in duration ${timeQuote(orig)}` };
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = Object.prototype.hasOwnProperty.call(UNITS, u) ? UNITS[u] : undefined;
    if (unit === undefined) return { ok: false, error: `time: unknown unit ${timeQuote(u)} in duration ${timeQuote(orig)}` };
    if (v > MAX / unit) return invalid();
    v *= unit;
    if (f > 0n) {
      // float64 arithmetic, truncated to an integer, exactly as Go does it
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > MAX) return invalid();
    }
    total += v;
    if (total > MAX) return invalid();
  }
  if (neg) return { ok: true, ns: -total };
  if (total > MAX - 1n) return invalid();
  return { ok: true, ns: total };
}

/** Formats the fraction `v / 10**prec`, omitting trailing zeros (and the point when it is zero). */
function fmtFrac(v: bigint, prec: number): { text: string; rest: bigint } {
  let text = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) text = digit.toString() + text;
    v /= 10n;
  }
  return { text: print ? '.' + text : '', rest: v };
}

/** Go's `time.Duration.String()`: `1h2m3.5s`, `1.5ms`, `0s`. */
export function formatGoDuration(d: bigint): string {
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < SECOND) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < 1_000n) {
      prec = 0;
      unit = 'ns';
    } else if (u < 1_000_000n) {
      prec = 3;
      unit = '\u00b5s';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const { text, rest } = fmtFrac(u, prec);
    out = rest.toString() + text + unit;
  } else {
    const { text, rest } = fmtFrac(u, 9);
    u = rest;
    out = (u % 60n).toString() + text + 's';
    u /= 60n;
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out;
      u /= 60n;
      if (u > 0n) out = u.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}
