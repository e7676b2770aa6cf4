/**
 * Go's `netip.ParseAddr` / `net.ParseIP` and `net.IPNet.Contains`, for the operator's SSRF checks.
 * Addresses are byte arrays: 4 bytes for IPv4, 16 for IPv6, as in Go.
 */
import type { BlockList } from 'net';
import { goQuote } from './quote';

export interface ParsedAddr {
  /** 4 bytes (IPv4) or 16 bytes (IPv6). */
  readonly bytes: number[];
  readonly zone: string;
}

export type AddrResult = { ok: true; addr: ParsedAddr } | { ok: false; error: string };

function fail(input: string, msg: string, at?: string): AddrResult {
  const base = `ParseAddr(${goQuote(input)}): ${msg}`;
  return { ok: false, error: at ? `${base} (at ${goQuote(at)})` : base };
}

interface FieldError { msg: string; at?: string }

function parseIPv4Fields(s: string, out: number[]): FieldError | undefined {
  let val = 0;
  let pos = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c >= '0' && c <= '9') {
      if (digits === 1 && val === 0) return { msg: 'IPv4 field has octet with leading zero' };
      val = val * 10 + (c.charCodeAt(0) - 48);
      digits++;
      if (val > 255) return { msg: 'IPv4 field has value >255' };
    } else if (c === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') return { msg: 'IPv4 field must have at least one digit', at: s.slice(i) };
      if (pos === 3) return { msg: 'IPv4 address too long' };
      out[pos++] = val;
      val = 0;
      digits = 0;
    } else {
      return { msg: 'unexpected character', at: s.slice(i) };
    }
  }
  if (pos < 3) return { msg: 'IPv4 address too short' };
  out[3] = val;
  return undefined;
}

function parseIPv4(input: string): AddrResult {
  const out = [0, 0, 0, 0];
  const err = parseIPv4Fields(input, out);
  if (err) return fail(input, err.msg, err.at);
  return { ok: true, addr: { bytes: out, zone: '' } };
}

function isHex(c: string): boolean {
  return /^[0-9a-fA-F]$/.test(c);
}

function parseIPv6(input: string): AddrResult {
  let s = input;
  let zone = '';
  const pct = s.indexOf('%');
  if (pct !== -1) {
    zone = s.slice(pct + 1);
    s = s.slice(0, pct);
    if (zone === '') return fail(input, 'zone must be a non-empty string');
  }
  const ip = new Array<number>(16).fill(0);
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return { ok: true, addr: { bytes: ip, zone } };
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length && isHex(s[off]); off++) {
      acc = acc * 16 + parseInt(s[off], 16);
      if (off > 3) return fail(input, 'each group must have 4 or less digits', s);
      if (acc > 0xffff) return fail(input, 'IPv6 field has value >=2^16', s);
    }
    if (off === 0) return fail(input, 'each colon-separated field must have at least one digit', s);
    if (off < s.length && s[off] === '.') {
      if (ellipsis < 0 && i !== 12) return fail(input, 'embedded IPv4 address must replace the final 2 fields of the address', s);
      if (i + 4 > 16) return fail(input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s);
      const v4 = [0, 0, 0, 0];
      const err = parseIPv4Fields(s, v4);
      if (err) return fail(input, err.msg, err.at);
      for (let k = 0; k < 4; k++) ip[i + k] = v4[k];
      s = '';
      i += 4;
      break;
    }
    ip[i] = Math.floor(acc / 256);
    ip[i + 1] = acc % 256;
    i += 2;
    s = s.slice(off);
    if (s.length === 0) break;
    if (s[0] !== ':') return fail(input, 'unexpected character, want colon', s);
    if (s.length === 1) return fail(input, 'colon must be followed by more characters', s);
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return fail(input, 'multiple :: in address', s);
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return fail(input, 'trailing garbage after address', s);
  if (i < 16) {
    if (ellipsis < 0) return fail(input, 'address string too short');
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    for (let j = ellipsis; j < ellipsis + n; j++) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return fail(input, 'the :: must expand to at least one field of zeros', s);
  }
  return { ok: true, addr: { bytes: ip, zone } };
}

/** Go's `netip.ParseAddr`, with its error texts. */
export function parseAddr(s: string): AddrResult {
  for (const c of s) {
    if (c === '.') return parseIPv4(s);
    if (c === ':') return parseIPv6(s);
    if (c === '%') return fail(s, 'missing IPv6 address');
  }
  return fail(s, 'unable to parse IP');
}

/** Go's `net.ParseIP`: a 16-byte address (IPv4 as IPv4-mapped IPv6), or undefined; zones are rejected. */
export function parseIP(s: string): number[] | undefined {
  const r = parseAddr(s);
  if (!r.ok || r.addr.zone !== '') return undefined;
  return r.addr.bytes.length === 4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...r.addr.bytes] : r.addr.bytes;
}

/** Go's `net.IP.To4`: the 4-byte form of an IPv4 or IPv4-mapped address, else undefined. */
export function to4(ip: readonly number[]): number[] | undefined {
  if (ip.length === 4) return [...ip];
  if (ip.length === 16 && ip.slice(0, 10).every(b => b === 0) && ip[10] === 0xff && ip[11] === 0xff) return ip.slice(12);
  return undefined;
}

/**
 * A CIDR block of the operator's fixed lists, matched with `node:net` `BlockList`. One list per block, so a
 * match names its block, and one family per list: Node matches IPv4 addresses against IPv4-mapped IPv6 rules
 * and back, Go's `net.IPNet.Contains` does not.
 */
export interface Cidr {
  readonly text: string;
  readonly family: 'ipv4' | 'ipv6';
  readonly list: BlockList;
}

/** A block from its CIDR text (`10.0.0.0/8`, `fe80::/10`); the operator's lists are constants. */
export function cidr(text: string): Cidr {
  const [addr, bits] = text.split('/');
  const family = addr.includes(':') ? 'ipv6' : 'ipv4';
  // node:net loads on first use: most runs check no remote URL
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const list = new (require('net') as typeof import('net')).BlockList();
  list.addSubnet(addr, Number(bits), family);
  return { text, family, list };
}

/** Go's `net.IPNet.Contains`: IPv4 addresses (or IPv4-mapped) only match IPv4 blocks, IPv6 only IPv6 blocks. */
export function cidrContains(block: Cidr, ip: readonly number[]): boolean {
  const ip4 = to4(ip);
  if (ip4) return block.family === 'ipv4' && block.list.check(ip4.join('.'), 'ipv4');
  if (ip.length !== 16 || block.family !== 'ipv6') return false;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((ip[i] * 256 + ip[i + 1]).toString(16));
  return block.list.check(groups.join(':'), 'ipv6');
}
