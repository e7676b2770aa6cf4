/**
 * The name checks of k8s.io/apimachinery, as hand-written linear scanners with the API server's messages:
 * `pkg/util/validation/validation.go` (IsDNS1123Subdomain, IsDNS1123Label, MaxLenError in "characters"),
 * `pkg/api/validate/content/kube.go` (IsLabelKey = IsQualifiedName, IsLabelValue, MaxLenError in "bytes"),
 * `pkg/api/validation/generic.go` (maskTrailingDash). Lengths are Go `len`, i.e. UTF-8 bytes.
 */

const LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN_FMT = `${LABEL_FMT}(\\.${LABEL_FMT})*`;
const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';

/** apimachinery RegexError: `msg (e.g. 'a' or 'b', regex used for validation is 're')`. */
function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  return `${msg} (e.g. ${examples.map(e => `'${e}', `).join(' or ')}regex used for validation is '${re}')`;
}

export const SUBDOMAIN_MESSAGE = regexError('a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character', SUBDOMAIN_FMT, 'example.com');
export const DNS_LABEL_MESSAGE = regexError('a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character', LABEL_FMT, 'my-name', '123-abc');
const LABEL_KEY_MESSAGE = regexError('must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character', LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc');
const LABEL_VALUE_MESSAGE = regexError('a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character', `(${LABEL_KEY_FMT})?`, 'MyValue', 'my_value', '12345');

/** Go's `len(s)`: the UTF-8 byte length. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

const isLowerAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const isAlnum = (c: number): boolean => isLowerAlnum(c) || (c >= 0x41 && c <= 0x5a);

/** `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$` over s[from, to). */
function isLabelSpan(s: string, from: number, to: number): boolean {
  if (to <= from || !isLowerAlnum(s.charCodeAt(from)) || !isLowerAlnum(s.charCodeAt(to - 1))) return false;
  for (let i = from + 1; i < to - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isLowerAlnum(c) && c !== 0x2d) return false;
  }
  return true;
}

/** `^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$` in one pass. */
export function matchesSubdomain(s: string): boolean {
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s.charCodeAt(i) === 0x2e) {
      if (!isLabelSpan(s, start, i)) return false;
      start = i + 1;
    }
  }
  return true;
}

/** `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$` (a label key name part, a non-empty label value). */
function matchesLabelKeyName(s: string): boolean {
  if (s.length === 0 || !isAlnum(s.charCodeAt(0)) || !isAlnum(s.charCodeAt(s.length - 1))) return false;
  for (let i = 1; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 0x2d && c !== 0x5f && c !== 0x2e) return false;
  }
  return true;
}

/** validation.IsDNS1123Subdomain (names): the messages, none when valid. */
export function dns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 253) errs.push('must be no more than 253 characters');
  if (!matchesSubdomain(value)) errs.push(SUBDOMAIN_MESSAGE);
  return errs;
}

/** validation.IsDNS1123Label (namespaces). */
export function dns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push('must be no more than 63 characters');
  if (!isLabelSpan(value, 0, value.length)) errs.push(matchesSubdomain(value) ? 'must not contain dots' : DNS_LABEL_MESSAGE);
  return errs;
}

/** content.IsLabelKey (= IsQualifiedName): label keys, annotation keys, finalizers. */
export function qualifiedName(value: string): string[] {
  const errs: string[] = [];
  const slash = value.indexOf('/');
  let name = value;
  if (slash >= 0) {
    if (value.indexOf('/', slash + 1) >= 0) {
      return [`a valid label key ${LABEL_KEY_MESSAGE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
    }
    const prefix = value.slice(0, slash);
    name = value.slice(slash + 1);
    if (prefix.length === 0) {
      errs.push('prefix part must be non-empty');
    } else {
      // content.IsDNS1123Subdomain counts bytes
      if (utf8Length(prefix) > 253) errs.push('prefix part must be no more than 253 bytes');
      if (!matchesSubdomain(prefix)) errs.push(`prefix part ${SUBDOMAIN_MESSAGE}`);
    }
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (utf8Length(name) > 63) errs.push('name part must be no more than 63 bytes');
  if (!matchesLabelKeyName(name)) errs.push(`name part ${LABEL_KEY_MESSAGE}`);
  return errs;
}

/** content.IsLabelValue. */
export function labelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push('must be no more than 63 bytes');
  if (value.length > 0 && !matchesLabelKeyName(value)) errs.push(LABEL_VALUE_MESSAGE);
  return errs;
}

/**
 * generic.go maskTrailingDash: a name longer than one byte ending in `-` loses its last two bytes and gets
 * an `a`, so a generateName prefix is checked as the start of a name. Byte-wise in Go: when the byte before
 * the dash belongs to a multi-byte character, Go keeps a partial (invalid) character; the result is
 * invalid then, which the returned `\u0000` reproduces.
 */
export function maskTrailingDash(name: string): string {
  if (utf8Length(name) > 1 && name.endsWith('-')) {
    const before = name.charCodeAt(name.length - 2);
    return name.slice(0, -2) + (before >= 0x80 ? '\u0000a' : 'a');
  }
  return name;
}
