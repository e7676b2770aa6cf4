/**
 * What Go's `encoding/pem` finds in a byte string, and what the workloads then do with it: the embedded auth
 * server's `LoadSigningKey` (pkg/authserver/server/crypto/keys.go) and `x509.CertPool.AppendCertsFromPEM`
 * (CA bundles). Linear in the input: one forward scan with `indexOf`. Results carry kinds, types and sizes
 * only: never the bytes, and never a parser message (node's errors can quote the input).
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

/** One PEM block: its label (`PRIVATE KEY`, `CERTIFICATE`, ...) and its decoded bytes (undefined when the body is not base64). */
export interface PemBlock {
  readonly type: string;
  readonly der: Buffer | undefined;
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A label we can print: PEM labels are short upper-case words; anything else is not echoed. */
function printable(type: string): boolean {
  return /^[A-Z0-9 ]{1,40}$/.test(type);
}

/** `a PEM "CERTIFICATE" block`, or no label at all when it is not a plain PEM label. */
function blockName(type: string): string {
  return printable(type) ? `a PEM ${JSON.stringify(type)} block` : 'a PEM block with an unrecognised label';
}

/** The label after a `-----BEGIN ` / `-----END ` marker at `from`, when it ends with `-----` on the same line. */
function labelAt(text: string, from: number): { type: string; next: number } | undefined {
  const close = text.indexOf(DASHES, from);
  if (close < 0) return undefined;
  const type = text.slice(from, close);
  return type.includes('\n') ? undefined : { type, next: close + DASHES.length };
}

/**
 * Every well-formed PEM block in order (Go's `pem.Decode` skips text around and between blocks). The END
 * markers are indexed once, with a cursor per label, so the scan stays linear whatever the input.
 */
export function pemBlocks(text: string): PemBlock[] {
  const ends = new Map<string, { at: number[]; next: number }>();
  for (let at = text.indexOf(END); at >= 0; at = text.indexOf(END, at + END.length)) {
    const label = labelAt(text, at + END.length);
    if (!label) continue;
    let e = ends.get(label.type);
    if (!e) ends.set(label.type, e = { at: [], next: 0 });
    e.at.push(at);
  }
  const out: PemBlock[] = [];
  let at = 0;
  for (;;) {
    const begin = text.indexOf(BEGIN, at);
    if (begin < 0) return out;
    const label = labelAt(text, begin + BEGIN.length);
    if (!label) {
      at = begin + BEGIN.length;
      continue;
    }
    const e = ends.get(label.type);
    while (e && e.next < e.at.length && e.at[e.next] < label.next) e.next++;
    if (!e || e.next >= e.at.length) {
      at = label.next;
      continue;
    }
    const endAt = e.at[e.next];
    out.push({ type: label.type, der: decodeBody(text.slice(label.next, endAt)) });
    at = endAt + END.length;
  }
}

/** The base64 body after optional `Key: value` headers (encrypted legacy PEM); undefined when it is not base64. */
function decodeBody(body: string): Buffer | undefined {
  const lines = body.split('\n').map(l => l.trim());
  let first = 0;
  while (first < lines.length && (lines[first] === '' || lines[first].includes(':'))) first++;
  const b64 = lines.slice(first).join('');
  if (b64 === '' || !BASE64.test(b64)) return undefined;
  return Buffer.from(b64, 'base64');
}

/** A private key as `LoadSigningKey` sees it, described without its material. */
export type SigningKeyVerdict =
  | { readonly ok: true; readonly description: string }
  | { readonly ok: false; readonly problem: string };

const EC_CURVES: Readonly<Record<string, string>> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const MIN_RSA_BITS = 2048;

/** Go tries PKCS#1 (RSA), then SEC 1 (EC), then PKCS#8 on the first block's bytes, whatever its label. */
function parseDer(der: Buffer): KeyObject | undefined {
  for (const type of ['pkcs1', 'sec1', 'pkcs8'] as const) {
    try {
      return createPrivateKey({ key: der, format: 'der', type });
    } catch {
      // the message may quote the input: dropped
    }
  }
  return undefined;
}

/**
 * `LoadSigningKey` then `DeriveAlgorithm`: the first PEM block must hold an unencrypted RSA (at least 2048 bits),
 * EC (P-256, P-384, P-521) or Ed25519 private key.
 */
export function checkSigningKey(value: Buffer): SigningKeyVerdict {
  const blocks = pemBlocks(value.toString('latin1'));
  if (blocks.length === 0) return { ok: false, problem: 'holds no PEM block (failed to decode PEM block from signing key)' };
  const { type, der } = blocks[0];
  const key = der && parseDer(der);
  if (!key) {
    const what = /CERTIFICATE|PUBLIC KEY/.test(type) ? `${blockName(type)}, not a private key` : `${blockName(type)} that is not an unencrypted PKCS#1, SEC 1 or PKCS#8 private key`;
    return { ok: false, problem: `holds ${what} (failed to parse signing key)` };
  }
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa': {
      const bits = details.modulusLength ?? 0;
      if (bits < MIN_RSA_BITS) return { ok: false, problem: `is an RSA key of ${bits} bits, below the minimum of ${MIN_RSA_BITS} bits` };
      return { ok: true, description: `RSA ${bits} bits` };
    }
    case 'ec': {
      const curve = EC_CURVES[details.namedCurve ?? ''];
      if (!curve) return { ok: false, problem: `is an EC key on curve ${details.namedCurve ?? 'unknown'}; supported curves are P-256, P-384 and P-521` };
      return { ok: true, description: `EC ${curve}` };
    }
    case 'ed25519':
      return { ok: true, description: 'Ed25519' };
    default:
      return { ok: false, problem: `is an ${key.asymmetricKeyType ?? 'unknown'} key; supported key types are RSA, EC (P-256, P-384, P-521) and Ed25519` };
  }
}

/**
 * `AppendCertsFromPEM`: true when at least one `CERTIFICATE` block parses (Go skips the others silently);
 * otherwise a description of what the bundle holds.
 */
export function checkCertificateBundle(value: Buffer): { ok: true; count: number } | { ok: false; problem: string } {
  const blocks = pemBlocks(value.toString('latin1'));
  let count = 0;
  for (const b of blocks) {
    if (b.type !== 'CERTIFICATE' || !b.der) continue;
    try {
      new X509Certificate(b.der);
      count++;
    } catch {
      // the message may quote the input: dropped
    }
  }
  if (count > 0) return { ok: true, count };
  if (blocks.length === 0) return { ok: false, problem: 'holds no PEM block' };
  const certs = blocks.filter(b => b.type === 'CERTIFICATE').length;
  if (certs > 0) return { ok: false, problem: `holds ${certs} PEM CERTIFICATE block(s), none of which parses as an X.509 certificate` };
  const labels = [...new Set(blocks.map(b => b.type))];
  const types = labels.filter(printable).map(t => JSON.stringify(t));
  if (types.length < labels.length) types.push('unrecognised labels');
  return { ok: false, problem: `holds PEM blocks of type ${types.join(', ')} but no CERTIFICATE` };
}
