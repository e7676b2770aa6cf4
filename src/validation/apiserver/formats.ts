/**
 * The string formats of the ToolHive CRDs, exactly as the API server checks them: k8s.io/kube-openapi
 * `pkg/validation/strfmt` (duration.go ParseDuration, time.go IsDateTime, date.go IsDate, default.go
 * `uri` = govalidator.IsRequestURI = Go `url.ParseRequestURI`). Hand-written scanners, linear in the input.
 */
import { parseGoRequestURI } from '../operator/go/url';

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

// --- duration ---

const NS = 1n;
const UNIT: ReadonlyMap<string, bigint> = new Map([
  ['ns', NS],
  ['us', 1000n],
  ['\u00b5s', 1000n], // U+00B5 micro sign
  ['\u03bcs', 1000n], // U+03BC greek mu
  ['ms', 1000000n],
  ['s', 1000000000n],
  ['m', 60000000000n],
  ['h', 3600000000000n],
]);
const TWO63 = 2n ** 63n;

/** Go `time.ParseDuration` (src/time/format.go): true when it returns no error (overflow included). */
export function isGoDuration(input: string): boolean {
  let s = input;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  if (s === '0') return true;
  if (s === '') return false;
  let d = 0n;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (!(c === 0x2e || isDigit(c))) return false;
    // leadingInt: [0-9]*, an error on overflow past 1<<63
    const intStart = i;
    let v = 0n;
    while (i < s.length && isDigit(s.charCodeAt(i))) {
      if (v > TWO63 / 10n) return false;
      v = v * 10n + BigInt(s.charCodeAt(i) - 0x30);
      if (v > TWO63) return false;
      i++;
    }
    const pre = i > intStart;
    // leadingFraction: [0-9]* after '.', stops accumulating precision on overflow
    let f = 0n;
    let scale = 1;
    let post = false;
    if (i < s.length && s.charCodeAt(i) === 0x2e) {
      i++;
      const fracStart = i;
      let overflow = false;
      while (i < s.length && isDigit(s.charCodeAt(i))) {
        if (!overflow) {
          if (f > (TWO63 - 1n) / 10n) {
            overflow = true;
          } else {
            const y = f * 10n + BigInt(s.charCodeAt(i) - 0x30);
            if (y > TWO63) {overflow = true;} else { f = y; scale *= 10; }
          }
        }
        i++;
      }
      post = i > fracStart;
    }
    if (!pre && !post) return false;
    const unitStart = i;
    while (i < s.length) {
      const u = s.charCodeAt(i);
      if (u === 0x2e || isDigit(u)) break;
      i++;
    }
    if (i === unitStart) return false;
    const unit = UNIT.get(s.slice(unitStart, i));
    if (unit === undefined) return false;
    if (v > TWO63 / unit) return false;
    v *= unit;
    if (f > 0n) {
      // float64(f) * (float64(unit) / scale), truncated as Go's uint64 conversion does
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO63) return false;
    }
    d += v;
    if (d > TWO63) return false;
  }
  const neg = input[0] === '-';
  return neg || d <= TWO63 - 1n;
}

/** strfmt timeUnits: a unit matches a variant exactly (case-insensitive), or starts with the group's last variant. */
const TIME_UNITS: readonly (readonly string[])[] = [
  ['ns', 'nano'],
  ['us', '\u00b5s', 'micro'],
  ['ms', 'milli'],
  ['s', 'sec'],
  ['m', 'min'],
  ['h', 'hr', 'hour'],
  ['d', 'day'],
  ['w', 'wk', 'week'],
];
const INT64_MAX = '9223372036854775807';

const isUnitLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0xb5;
// Go RE2 \s is [\t\n\f\r ]
const isRe2Space = (c: number): boolean => c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;

/** strconv.Atoi on a run of ASCII digits: false when it overflows int64. */
function atoiFits(digits: string): boolean {
  let k = 0;
  while (k < digits.length - 1 && digits[k] === '0') k++;
  const t = digits.slice(k);
  return t.length < INT64_MAX.length || (t.length === INT64_MAX.length && t <= INT64_MAX);
}

function knownUnit(letters: string): boolean {
  // strings.ToLower of [A-Za-zµ]: µ (U+00B5) is already lower case
  const unit = letters.replace(/[A-Z]/g, c => c.toLowerCase());
  for (const variants of TIME_UNITS) {
    const last = variants.length - 1;
    for (let i = 0; i < variants.length; i++) {
      if ((i === last && unit.startsWith(variants[i])) || unit === variants[i]) return true;
    }
  }
  return false;
}

/**
 * kube-openapi strfmt `IsDuration`: Go `time.ParseDuration`, else every match of the unanchored
 * `((\d+)\s*([A-Za-zµ]+))` (leftmost, non-overlapping): a match whose number overflows int64 is an error,
 * the string is valid when any match names a known unit (`5S`, `5 seconds`, `in 5 days`). The sum may wrap
 * silently, as in Go. Scanned once: at a maximal digit run, `\s*` then at least one letter.
 */
export function isDuration(s: string): boolean {
  if (isGoDuration(s)) return true;
  let ok = false;
  let i = 0;
  while (i < s.length) {
    if (!isDigit(s.charCodeAt(i))) { i++; continue; }
    const start = i;
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
    const digits = s.slice(start, i);
    let j = i;
    while (j < s.length && isRe2Space(s.charCodeAt(j))) j++;
    const letters = j;
    while (j < s.length && isUnitLetter(s.charCodeAt(j))) j++;
    if (j === letters) continue; // no match starts inside this digit run
    if (!atoiFits(digits)) return false;
    if (knownUnit(s.slice(letters, j))) ok = true;
    i = j;
  }
  return ok;
}

// --- date-time ---

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** strfmt IsDate: Go `time.Parse("2006-01-02", s)` (four-digit year, month 01-12, a day the month has). */
export function isDate(s: string): boolean {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false;
  for (const k of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(s.charCodeAt(k))) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

const twoDigits = (s: string, at: number): boolean => isDigit(s.charCodeAt(at)) && isDigit(s.charCodeAt(at + 1));
const isOffset = (s: string, at: number): boolean =>
  (s[at] === '+' || s[at] === '-') && twoDigits(s, at + 1) && s[at + 3] === ':' && twoDigits(s, at + 4);

/** `^(z|[+-][0-9]{2}:[0-9]{2})$` over s[from..]. */
function isZone(s: string, from: number): boolean {
  return (s.length - from === 1 && s[from] === 'z') || (s.length - from === 6 && isOffset(s, from));
}

/** `[0-9]+` over s[from, to). */
function allDigits(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/**
 * strfmt IsDateTime: at least 4 bytes; lower-cased and split at `t`, the first part is a date and the second
 * matches `^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$` (`.` is any character but
 * a newline) with hour <= 23, minute and second <= 59. Text after a second `t` is ignored, as in Go.
 */
export function isDateTime(str: string): boolean {
  if (Buffer.byteLength(str, 'utf8') < 4) return false;
  // only ASCII letters can lower-case to 't' or to anything the grammar accepts
  const lower = str.replace(/[A-Z]/g, c => c.toLowerCase());
  const t1 = lower.indexOf('t');
  if (t1 < 0 || !isDate(lower.slice(0, t1))) return false;
  const t2 = lower.indexOf('t', t1 + 1);
  const time = t2 < 0 ? lower.slice(t1 + 1) : lower.slice(t1 + 1, t2);
  if (time.length < 9 || !twoDigits(time, 0) || time[2] !== ':' || !twoDigits(time, 3) || time[5] !== ':' || !twoDigits(time, 6)) return false;
  let ok = isZone(time, 8);
  if (!ok && time.length > 8 && time[8] !== '\n') {
    // the optional `.[0-9]+`: one character (a whole code point), digits, then the zone
    const cp = time.codePointAt(8)!;
    const from = 8 + (cp > 0xffff ? 2 : 1);
    if (time.endsWith('z')) ok = allDigits(time, from, time.length - 1);
    if (!ok && time.length - from >= 7 && isOffset(time, time.length - 6)) ok = allDigits(time, from, time.length - 6);
  }
  return ok && time.slice(0, 2) <= '23' && time.slice(3, 5) <= '59' && time.slice(6, 8) <= '59';
}

// --- uri ---

/** strfmt `uri`: govalidator.IsRequestURI, i.e. Go `url.ParseRequestURI` returns no error (`*` is valid). */
export function isRequestURI(s: string): boolean {
  return parseGoRequestURI(s).ok;
}

// --- numbers ---

/** swag.IsFloat64AJSONInteger bounds: a float64 is accepted as an integer within [-2^53, 2^53]. */
const MAX_JSON_FLOAT = 2 ** 53;
const INT64_LIMIT = 2 ** 63;

/**
 * Whether a JSON number is an integer for the API server. The request is decoded with integers that fit int64
 * as int64 and every other number as float64; a float64 is an integer only within ±2^53 (kube-openapi
 * validate/type.go, swag.IsFloat64AJSONInteger). Parsed input no longer says how a number was written, so an
 * integral value below 2^63 is taken as an int64 literal.
 */
export function isApiInteger(v: number): boolean {
  return Number.isInteger(v) && (Math.abs(v) < INT64_LIMIT || Math.abs(v) <= MAX_JSON_FLOAT);
}

/** swag.ConvertInt32 / ConvertInt64 of the number's decimal form (kube-openapi validate/values.go IsValueValidAgainstRange). */
export function fitsIntFormat(format: string, v: number): boolean {
  if (format === 'int32') return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;
  if (format === 'int64') return Number.isInteger(v) && Math.abs(v) < INT64_LIMIT;
  return true;
}

export const STRING_FORMATS: Readonly<Record<string, (s: string) => boolean>> = {
  'date-time': isDateTime,
  'duration': isDuration,
  'uri': isRequestURI,
};
