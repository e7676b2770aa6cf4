/**
 * Go's `net/url` `Parse` and `ParseRequestURI` (Go 1.26 semantics), so URL checks accept and reject
 * exactly what the operator does and print the same errors (`parse "x": missing protocol scheme`).
 * The one port of them: the auth rules and the other operator rules all parse URLs here.
 */
import { parseAddr } from './ip';
import { goQuote } from './quote';

/** The parts of a Go `*url.URL` the rules look at. */
export interface GoURL {
  readonly scheme: string;
  readonly opaque: string;
  /** Raw userinfo (`user:pass`, still escaped), undefined when the authority has no `@`. */
  readonly user?: string;
  /** host or host:port, percent-decoded, brackets kept for IPv6 literals (Go's `URL.Host`). */
  readonly host: string;
  /** Percent-decoded path (Go's `URL.Path`). */
  readonly path: string;
  readonly rawQuery: string;
  /** Percent-decoded fragment (Go's `URL.Fragment`). */
  readonly fragment: string;
}

export type URLResult = { ok: true; url: GoURL } | { ok: false; error: string };

/** The same outcome as {@link URLResult}, shaped for callers that test `p.url` / `p.error`. */
export type GoParseResult = { readonly url: GoURL; readonly error?: undefined } | { readonly url?: undefined; readonly error: string };

type Mode = 'path' | 'host' | 'zone' | 'userPassword' | 'fragment';

class ParseError extends Error {}

function isAlnum(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

function shouldEscape(c: string, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  if (mode === 'host' || mode === 'zone') {
    if ('!$&\'()*+,;=:[]<>"'.includes(c)) return false;
  }
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case 'path': return c === '?';
      case 'userPassword': return c === '@' || c === '/' || c === '?' || c === ':';
      case 'fragment': return false;
      default: break;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false;
  return true;
}

/** Go's `unescape`: validates percent-escapes (and host bytes) and decodes them; the bytes are UTF-8, as in Go. */
function unescape(s: string, mode: Mode): string {
  const bytes: Buffer[] = [];
  let plainFrom = 0;
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '%') {
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
        throw new ParseError(`invalid URL escape ${goQuote(s.slice(i, i + 3))}`);
      }
      const v = parseInt(s.slice(i + 1, i + 3), 16);
      // in a host only non-ASCII bytes may be escaped, except %25 (RFC 6874 zone introducer)
      if (mode === 'host' && v < 0x80 && s.slice(i, i + 3) !== '%25') {
        throw new ParseError(`invalid URL escape ${goQuote(s.slice(i, i + 3))}`);
      }
      if (mode === 'zone' && s.slice(i, i + 3) !== '%25' && v !== 0x20 && shouldEscape(String.fromCharCode(v), 'host')) {
        throw new ParseError(`invalid URL escape ${goQuote(s.slice(i, i + 3))}`);
      }
      bytes.push(Buffer.from(s.slice(plainFrom, i), 'utf8'), Buffer.from([v]));
      i += 3;
      plainFrom = i;
    } else {
      if ((mode === 'host' || mode === 'zone') && c.charCodeAt(0) < 0x80 && shouldEscape(c, mode)) {
        throw new ParseError(`invalid character ${goQuote(c)} in host name`);
      }
      i++;
    }
  }
  if (plainFrom === 0) return s;
  bytes.push(Buffer.from(s.slice(plainFrom), 'utf8'));
  return Buffer.concat(bytes).toString('utf8');
}

function getScheme(raw: string): { scheme: string; rest: string } {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new ParseError('missing protocol scheme');
      return { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    }
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  return /^[0-9]*$/.test(port.slice(1));
}

function validUserinfo(s: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}

function parseHost(scheme: string, host: string): string {
  const open = host.lastIndexOf('[');
  if (open !== -1) {
    // An IP-literal must start the host and hold an IPv6 address (RFC 3986, CVE-2026-25679).
    if (open > 0) throw new ParseError('invalid IP-literal');
    const close = host.lastIndexOf(']');
    if (close < 0) throw new ParseError('missing \']\' in host');
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) throw new ParseError(`invalid port ${goQuote(colonPort)} after host`);
    const inner = host.slice(1, close);
    const zoneAt = inner.indexOf('%25');
    const name = zoneAt >= 0 ? unescape(inner.slice(0, zoneAt), 'host') + unescape(inner.slice(zoneAt), 'zone') : unescape(inner, 'host');
    const addr = parseAddr(name);
    if (!addr.ok) throw new ParseError(`invalid host: ${addr.error}`);
    if (addr.addr.bytes.length === 4) throw new ParseError('invalid IP-literal');
    return `[${name}]${colonPort}`;
  }
  const first = host.indexOf(':');
  if (first !== -1) {
    // Go 1.26 (urlstrictcolons=1): in http and https hosts the port starts at the first colon, elsewhere at the last
    const colon = scheme === 'http' || scheme === 'https' ? first : host.lastIndexOf(':');
    const colonPort = host.slice(colon);
    if (!validOptionalPort(colonPort)) throw new ParseError(`invalid port ${goQuote(colonPort)} after host`);
  }
  return unescape(host, 'host');
}

function parseAuthority(scheme: string, authority: string): { user?: string; host: string } {
  const at = authority.lastIndexOf('@');
  const host = parseHost(scheme, at < 0 ? authority : authority.slice(at + 1));
  if (at < 0) return { host };
  const userinfo = authority.slice(0, at);
  if (!validUserinfo(userinfo)) throw new ParseError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) {
    unescape(userinfo, 'userPassword');
  } else {
    unescape(userinfo.slice(0, colon), 'userPassword');
    unescape(userinfo.slice(colon + 1), 'userPassword');
  }
  return { user: userinfo, host };
}

function parse(raw: string, viaRequest: boolean): GoURL {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new ParseError('net/url: invalid control character in URL');
  if (raw === '' && viaRequest) throw new ParseError('empty url');
  if (raw === '*') return { scheme: '', opaque: '', host: '', path: '*', rawQuery: '', fragment: '' };
  const sr = getScheme(raw);
  const scheme = sr.scheme.toLowerCase();
  let rest = sr.rest;
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
    if (scheme !== '') return { scheme, opaque: rest, host: '', path: '', rawQuery, fragment: '' };
    if (viaRequest) throw new ParseError('invalid URI for request');
    const slash = rest.indexOf('/');
    const segment = slash >= 0 ? rest.slice(0, slash) : rest;
    if (segment.includes(':')) throw new ParseError('first path segment in URL cannot contain colon');
  }
  let user: string | undefined;
  let host = '';
  if ((scheme !== '' || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    ({ user, host } = parseAuthority(scheme, authority));
  }
  const path = unescape(rest, 'path');
  return { scheme, opaque: '', ...(user !== undefined ? { user } : {}), host, path, rawQuery, fragment: '' };
}

function attempt(op: () => GoURL, quoted: string): URLResult {
  try {
    return { ok: true, url: op() };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: `parse ${goQuote(quoted)}: ${e.message}` };
    throw e;
  }
}

/** Go's `url.Parse`. On failure `error` is the full `*url.Error` text: `parse "<url>": <reason>`. */
export function parseGoURL(raw: string): URLResult {
  const hash = raw.indexOf('#');
  const u = hash >= 0 ? raw.slice(0, hash) : raw;
  const frag = hash >= 0 ? raw.slice(hash + 1) : '';
  const r = attempt(() => parse(u, false), u);
  if (!r.ok || frag === '') return r;
  return attempt(() => ({ ...r.url, fragment: unescape(frag, 'fragment') }), raw);
}

/** {@link parseGoURL} as `{ url }` or `{ error }`. */
export function goParseUrl(raw: string): GoParseResult {
  const r = parseGoURL(raw);
  return r.ok ? { url: r.url } : { error: r.error };
}

/** Go's `url.ParseRequestURI` (no fragment handling; absolute URI or absolute path only). */
export function parseGoRequestURI(raw: string): URLResult {
  return attempt(() => parse(raw, true), raw);
}

/** Go's `URL.Hostname()` of a parsed URL or of its `host`: without a valid port and without IPv6 brackets. */
export function goHostname(u: GoURL | string): string {
  let host = typeof u === 'string' ? u : u.host;
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(host.slice(colon))) host = host.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host;
}
