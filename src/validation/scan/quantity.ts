/**
 * The Kubernetes quantity grammar (k8s.io/apimachinery/pkg/api/resource ParseQuantity), as a single left-to-right
 * scan: linear in the input on every string (the regular expression it replaces backtracked quadratically on a
 * long run of digits followed by a bad character).
 *
 * Accepted: `[+-]? (digits [. digits?] | . digits) suffix?`, where suffix is a binary SI suffix
 * (`Ki Mi Gi Ti Pi Ei`), a decimal SI suffix (`n u m k M G T P E`) or a decimal exponent (`e`/`E`, sign, digits).
 */

const DECIMAL_SI = new Set(['n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);
const BINARY_SI = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Index of the first non-digit at or after `i`. */
function skipDigits(s: string, i: number): number {
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** True when `s` is a Kubernetes quantity (`100m`, `1.5Gi`, `2e3`). */
export function isQuantity(s: string): boolean {
  let i = 0;
  if (s[i] === '+' || s[i] === '-') i++;
  const intEnd = skipDigits(s, i);
  const intDigits = intEnd - i;
  i = intEnd;
  let fracDigits = 0;
  if (s[i] === '.') {
    const fracEnd = skipDigits(s, i + 1);
    fracDigits = fracEnd - i - 1;
    i = fracEnd;
  }
  if (intDigits === 0 && fracDigits === 0) return false;
  const suffix = s.slice(i);
  if (suffix === '' || DECIMAL_SI.has(suffix) || BINARY_SI.has(suffix)) return true;
  // a decimal exponent: e or E, an optional sign, at least one digit
  if (suffix[0] !== 'e' && suffix[0] !== 'E') return false;
  let j = 1;
  if (suffix[j] === '+' || suffix[j] === '-') j++;
  const expEnd = skipDigits(suffix, j);
  return expEnd > j && expEnd === suffix.length;
}
