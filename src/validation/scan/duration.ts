/**
 * The `format: duration` checks as single left-to-right scans, linear on every input (the regular expression the
 * strfmt form used nested `\s*` inside a repeated group and backtracked exponentially).
 */

/** JavaScript `\s`: what the previous regular expression accepted as white space. */
function isSpace(c: string): boolean {
  return c.trim() === '' && c.length === 1;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

const STRFMT_UNITS = new Set([
  'ns', 'us', 'µs', 'ms', 's', 'sec', 'secs', 'm', 'min', 'mins', 'h', 'hr', 'hrs',
  'd', 'day', 'days', 'w', 'wk', 'wks', 'week', 'weeks',
]);

/**
 * kube-openapi strfmt's duration (`ParseDuration` fallback): one or more `<digits><unit>` groups, white space
 * allowed around numbers and units (`1 h 30 min`, `2days`). A unit is the whole run of non-digit, non-space
 * characters after a number, so each character is read once.
 */
export function isStrfmtDuration(s: string): boolean {
  let i = 0;
  let groups = 0;
  for (;;) {
    while (i < s.length && isSpace(s[i])) i++;
    if (i === s.length) return groups > 0;
    if (!isDigit(s[i])) return false;
    while (isDigit(s[i])) i++;
    while (i < s.length && isSpace(s[i])) i++;
    const start = i;
    while (i < s.length && !isDigit(s[i]) && !isSpace(s[i])) i++;
    if (!STRFMT_UNITS.has(s.slice(start, i))) return false;
    groups++;
  }
}
