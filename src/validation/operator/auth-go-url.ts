/**
 * Go's `net/url.Parse` and the host predicates the operator's auth code builds on, reproduced closely
 * enough that the messages match (`parse "<url>": invalid port ":x" after host`). Used by the auth rules.
 */

/** The parts of a Go `*url.URL` the auth rules look at. */
export interface GoUrl {
  readonly scheme: string;
  readonly opaque: string;
  /** Raw userinfo (`user:pass`), undefined when the URL has no `@` in its authority. */
  readonly user?: string;
  /** Host with port, as Go's `URL.Host`. */
  readonly host: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly fragment: string;
}

export type GoParseResult = { readonly url: GoUrl; readonly error?: undefined } | { readonly url?: undefined; readonly error: string };

const isAlpha = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string) => c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

type Mode = 'host' | 'path' | 'fragment' | 'user';

/** Go `shouldEscape` for the host mode (the only one where an unescaped byte is an error). */
function hostCharAllowed(c: string): boolean {
  if (isAlpha(c) || isDigit(c)) return true;
  return '!$&\'()*+,;=:[]<>"-_.~'.includes(c);
}

/** Go `unescape`: returns an error message or undefined. */
function unescapeError(s: string, mode: Mode): string | undefined {
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '%') {
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
        return `invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`;
      }
      // Go rejects escapes of bytes below 0x80 in hosts, except %25
      if (mode === 'host' && parseInt(s[i + 1], 16) < 8 && s.slice(i, i + 3) !== '%25') {
        return `invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`;
      }
      i += 3;
      continue;
    }
    if (mode === 'host' && c.charCodeAt(0) < 0x80 && !hostCharAllowed(c)) {
      return `invalid character ${JSON.stringify(c)} in host name`;
    }
    i++;
  }
  return undefined;
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  return [...port.slice(1)].every(isDigit);
}

const USERINFO = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

function parseHost(host: string): { host?: string; error?: string } {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) return { error: 'missing \']\' in host' };
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) return { error: `invalid port ${JSON.stringify(colonPort)} after host` };
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) return { error: `invalid port ${JSON.stringify(colonPort)} after host` };
    }
  }
  const err = unescapeError(host, 'host');
  return err ? { error: err } : { host };
}

function getScheme(raw: string): { scheme: string; rest: string; error?: string } {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (isAlpha(c)) continue;
    if (isDigit(c) || c === '+' || c === '-' || c === '.') {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') {
      if (i === 0) return { scheme: '', rest: '', error: 'missing protocol scheme' };
      return { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    }
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

function parseNoFragment(raw: string): { url?: Omit<GoUrl, 'fragment'>; error?: string } {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) return { error: 'net/url: invalid control character in URL' };
  if (raw === '*') return { url: { scheme: '', opaque: '', host: '', path: '*', rawQuery: '' } };
  const sch = getScheme(raw);
  if (sch.error) return { error: sch.error };
  const scheme = sch.scheme.toLowerCase();
  let rest = sch.rest;
  let rawQuery = '';
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (scheme !== '') return { url: { scheme, opaque: rest, host: '', path: '', rawQuery } };
    const segment = rest.split('/')[0];
    if (segment.includes(':')) return { error: 'first path segment in URL cannot contain colon' };
  }
  let user: string | undefined;
  let host = '';
  if ((scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    const at = authority.lastIndexOf('@');
    const h = parseHost(at < 0 ? authority : authority.slice(at + 1));
    if (h.error) return { error: h.error };
    host = h.host ?? '';
    if (at >= 0) {
      user = authority.slice(0, at);
      if (!USERINFO.test(user)) return { error: 'net/url: invalid userinfo' };
      const ue = unescapeError(user, 'user');
      if (ue) return { error: ue };
    }
  }
  const pe = unescapeError(rest, 'path');
  if (pe) return { error: pe };
  return { url: { scheme, opaque: '', ...(user !== undefined ? { user } : {}), host, path: rest, rawQuery } };
}

/**
 * Go `url.Parse`. Errors are rendered as Go's `*url.Error` prints them: `parse "<url>": <reason>`.
 */
export function goParseUrl(raw: string): GoParseResult {
  const hash = raw.indexOf('#');
  const noFrag = hash >= 0 ? raw.slice(0, hash) : raw;
  const frag = hash >= 0 ? raw.slice(hash + 1) : '';
  const parsed = parseNoFragment(noFrag);
  if (parsed.error || !parsed.url) return { error: `parse ${JSON.stringify(noFrag)}: ${parsed.error}` };
  if (frag !== '') {
    const fe = unescapeError(frag, 'fragment');
    if (fe) return { error: `parse ${JSON.stringify(raw)}: ${fe}` };
  }
  return { url: { ...parsed.url, fragment: frag } };
}

/** Go `URL.Hostname()`: the host without port and IPv6 brackets. */
export function goHostname(host: string): string {
  let h = host;
  const colon = h.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(h.slice(colon))) h = h.slice(0, colon);
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h;
}

/** Strips `host:port` to host, tolerating a bare host (Go `net.SplitHostPort` fallback). */
function stripPort(host: string): string {
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end > 0 ? host.slice(1, end) : host;
  }
  const colons = host.split(':').length - 1;
  if (colons === 1) return host.slice(0, host.indexOf(':'));
  return host;
}

function parseIPv4(s: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every(p => p <= 255) ? parts : undefined;
}

function isIPv6(s: string): boolean {
  return s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s);
}

/** `oauthproto.IsLoopbackHost` / `networking.IsLocalhost`: `localhost`, 127.0.0.0/8 or ::1, with or without port. */
export function isLoopbackHost(hostport: string): boolean {
  const h = stripPort(hostport);
  if (h.toLowerCase() === 'localhost') return true;
  const v4 = parseIPv4(h);
  if (v4) return v4[0] === 127;
  return isIPv6(h) && /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(h);
}

const PRIVATE_V4: readonly [number[], number][] = [
  [[0, 0, 0, 0], 8], [[127, 0, 0, 0], 8], [[10, 0, 0, 0], 8], [[172, 16, 0, 0], 12], [[192, 168, 0, 0], 16],
  [[169, 254, 0, 0], 16], [[100, 64, 0, 0], 10], [[192, 0, 2, 0], 24], [[198, 51, 100, 0], 24], [[203, 0, 113, 0], 24],
  [[224, 0, 0, 0], 4], [[240, 0, 0, 0], 4],
];

function inV4(ip: number[], [base, bits]: [number[], number]): boolean {
  const toInt = (a: number[]) => ((a[0] * 256 + a[1]) * 256 + a[2]) * 256 + a[3];
  const block = 2 ** (32 - bits);
  return Math.floor(toInt(ip) / block) === Math.floor(toInt(base) / block);
}

/**
 * `networking.IsPrivateIP` for an IP literal (loopback, RFC 1918, link-local, CGN, documentation, multicast,
 * and the IPv6 loopback, link-local, unique-local and multicast ranges). Hostnames are never private.
 */
export function isPrivateIpLiteral(hostname: string): boolean {
  const v4 = parseIPv4(hostname);
  if (v4) return PRIVATE_V4.some(r => inV4(v4, r));
  if (!isIPv6(hostname)) return false;
  const h = hostname.toLowerCase();
  if (h === '::1' || h === '::') return true;
  return /^fe[89ab]/.test(h) || /^f[cd]/.test(h) || /^ff/.test(h);
}
