/**
 * The operator's host predicates, `oauthproto.IsLoopbackHost` (= `networking.IsLocalhost`) and
 * `networking.IsPrivateIP`, over Go's `net.SplitHostPort`, `net.ParseIP` and `net.IP` classifiers.
 * No DNS lookups: a host name is never private, `localhost` is the only loopback name.
 */
import { cidr, cidrContains, parseIP, to4, type Cidr } from './ip';

/** Go's `net.SplitHostPort`: undefined where Go returns an error (no port, too many colons, stray brackets). */
function splitHostPort(hostport: string): { host: string; port: string } | undefined {
  const colon = hostport.lastIndexOf(':');
  if (colon < 0) return undefined;
  let host: string;
  let hostFrom = 0;
  let portFrom = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    // the first ']' must stand just before the last ':'
    if (end < 0 || end + 1 !== colon) return undefined;
    host = hostport.slice(1, end);
    hostFrom = 1;
    portFrom = end + 1;
  } else {
    host = hostport.slice(0, colon);
    if (host.includes(':')) return undefined;
  }
  if (hostport.slice(hostFrom).includes('[') || hostport.slice(portFrom).includes(']')) return undefined;
  return { host, port: hostport.slice(colon + 1) };
}

const LOOPBACK_V6 = [...new Array<number>(15).fill(0), 1];
const sameBytes = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Go's `net.IP.IsLoopback` on a 16-byte address. */
function isLoopbackIP(ip: readonly number[]): boolean {
  const v4 = to4(ip);
  return v4 ? v4[0] === 127 : sameBytes(ip, LOOPBACK_V6);
}

/** `oauthproto.IsLoopbackHost`: `localhost` (any case) or a loopback IP (127.0.0.0/8, ::1), with or without port or brackets. */
export function isLoopbackHost(hostport: string): boolean {
  const h = (splitHostPort(hostport)?.host ?? hostport).replace(/\]$/, '').replace(/^\[/, '');
  if (h.toLowerCase() === 'localhost') return true;
  const ip = parseIP(h);
  return ip !== undefined && isLoopbackIP(ip);
}

/** The operator's fixed blocks, built on first use (a run without a remote URL to check never needs them). */
let blocks: { readonly private: readonly Cidr[]; readonly nat64: readonly Cidr[]; readonly sixToFour: Cidr } | undefined;
function fixedBlocks(): NonNullable<typeof blocks> {
  return blocks ??= {
    private: [
      '0.0.0.0/8', '127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '::1/128', 'fe80::/10',
      'fc00::/7', '100.64.0.0/10', '192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4', 'ff00::/8',
      // NAT64 local-use outside its /96, and Teredo: their embedded IPv4 cannot be decoded, so they are blocked whole
      '64:ff9b:1::/48', '2001::/32',
    ].map(cidr),
    /** NAT64 prefixes with the IPv4 in the low 32 bits, and 6to4 with it in bits 16-47 (`networking.embeddedIPv4`). */
    nat64: ['64:ff9b::/96', '64:ff9b:1::/96'].map(cidr),
    sixToFour: cidr('2002::/16'),
  };
}

const v4Mapped = (b: readonly number[]) => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...b];

function embeddedIPv4(ip: readonly number[]): number[] | undefined {
  if (to4(ip)) return undefined;
  if (fixedBlocks().nat64.some(b => cidrContains(b, ip))) return v4Mapped(ip.slice(12, 16));
  if (cidrContains(fixedBlocks().sixToFour, ip)) return v4Mapped(ip.slice(2, 6));
  return undefined;
}

/** `networking.IsPrivateIP` on a 16-byte address: loopback, unspecified, link-local, private, reserved, or translating to one. */
function isPrivateIP(ip: readonly number[]): boolean {
  const v4 = to4(ip);
  const unspecified = v4 ? v4.every(b => b === 0) : ip.every(b => b === 0);
  const linkLocalUnicast = v4 ? v4[0] === 169 && v4[1] === 254 : ip[0] === 0xfe && ip[1] >= 0x80 && ip[1] <= 0xbf;
  const linkLocalMulticast = v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : ip[0] === 0xff && ip[1] % 16 === 2;
  if (isLoopbackIP(ip) || unspecified || linkLocalUnicast || linkLocalMulticast) return true;
  const embedded = embeddedIPv4(ip);
  if (embedded) return isPrivateIP(embedded);
  return fixedBlocks().private.some(b => cidrContains(b, ip));
}

/** `networking.IsPrivateIP(net.ParseIP(hostname))` for an IP literal; host names (and zoned addresses) are never private. */
export function isPrivateIpLiteral(hostname: string): boolean {
  const ip = parseIP(hostname);
  return ip !== undefined && isPrivateIP(ip);
}
