/**
 * The one redaction policy. No byte of a Secret's `data`/`stringData` value, of a value the caller marks secret
 * (a resolved `pulumi.secret`) or of a credential field the CRDs define inline ever reaches a message.
 *
 * Every channel goes through it: `validateManifests` redacts its violations before returning them (so the CLI,
 * cdk8s synth errors and warnings, Pulumi errors and warnings all print redacted text), and the CLI redacts what
 * it prints besides violations (env values) with the same `Redactor`.
 *
 * The engine is written never to quote a secret; this is the line of defence behind it, for every way a value can
 * reach a message: verbatim, trimmed, one line of a multi-line value, JSON-escaped, Go-quoted (`%q`), base64 or
 * base64-decoded, in any column (kind, namespace, name, path, message, file). Values shorter than
 * `MIN_SECRET_LENGTH` characters are not redacted, and values shorter than `WORD_LENGTH` only where they stand
 * alone (not inside a word): they would mangle ordinary words (a Secret holding `cert` must not turn "certificate"
 * into "[redacted]ificate"). Documented in docs/security.md.
 */
import type { Violation } from '../core/types';
import { goQuote } from './operator/go/quote';

export const REDACTED = '[redacted]';

/** Shorter values are not redacted (see the module comment). */
export const MIN_SECRET_LENGTH = 4;

/** Values shorter than this are redacted only as whole words. */
export const WORD_LENGTH = 8;

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/**
 * Credential fields the CRDs define inline (the value itself is the secret, not a reference to one): the kind,
 * then dotted paths where `{*}` is any map key. VirtualMCPServer's embedded vMCP config
 * (`spec.config.outgoingAuth`) takes client secrets inline for its backends (cmd/vmcp/app config types
 * `TokenExchangeConfig.ClientSecret`, `OBOConfig.ClientSecret`, `XAAConfig.IDPClientSecret` /
 * `TargetClientSecret`).
 */
export const CREDENTIAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  VirtualMCPServer: ['default', 'backends.{*}'].flatMap(at => [
    `spec.config.outgoingAuth.${at}.tokenExchange.clientSecret`,
    `spec.config.outgoingAuth.${at}.obo.clientSecret`,
    `spec.config.outgoingAuth.${at}.xaa.idpClientSecret`,
    `spec.config.outgoingAuth.${at}.xaa.targetClientSecret`,
  ]),
};

export type Redactor = (text: string) => string;

function isDict(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Every scalar under `v` as text (a Secret value the API server would reject is still a secret). */
function scalars(v: unknown, out: string[], depth = 0): void {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') out.push(String(v));
  else if (depth < 32 && Array.isArray(v)) for (const x of v) scalars(x, out, depth + 1);
  else if (depth < 32 && isDict(v)) for (const k of Object.keys(v)) scalars(v[k], out, depth + 1);
}

/** The values at a dotted path with `{*}` steps. */
function valuesAt(root: unknown, steps: readonly string[], out: string[]): void {
  if (steps.length === 0) {
    scalars(root, out);
    return;
  }
  if (!isDict(root)) return;
  const [step, ...rest] = steps;
  if (step === '{*}') {
    for (const k of Object.keys(root)) valuesAt(root[k], rest, out);
  } else if (Object.prototype.hasOwnProperty.call(root, step)) {
    valuesAt(root[step], rest, out);
  }
}

const SPLIT_PATHS = new Map<string, readonly string[]>();

/** The secret values held by a set of objects: Secret data and stringData, inline credential fields. */
export function secretValuesOf(objects: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const o of objects) {
    if (!isDict(o) || typeof o.kind !== 'string') continue;
    if (o.kind === 'Secret') {
      scalars(o.stringData, out);
      const data: string[] = [];
      scalars(o.data, data);
      for (const v of data) {
        out.push(v);
        const decoded = Buffer.from(v, 'base64').toString('utf8');
        if (!decoded.includes('\ufffd')) out.push(decoded);
      }
      continue;
    }
    const paths = Object.prototype.hasOwnProperty.call(CREDENTIAL_FIELDS, o.kind) ? CREDENTIAL_FIELDS[o.kind] : undefined;
    for (const p of paths ?? []) {
      let steps = SPLIT_PATHS.get(p);
      if (!steps) SPLIT_PATHS.set(p, steps = p.split('.'));
      valuesAt(o, steps, out);
    }
  }
  return out;
}

/** Every form in which a value can appear in a message. */
function forms(value: string): string[] {
  const base = [value, value.trim(), ...value.split('\n').map(l => l.replace(/\r$/, '').trim())];
  const out: string[] = [];
  for (const v of base) {
    if (v.length < MIN_SECRET_LENGTH) continue;
    out.push(v, JSON.stringify(v).slice(1, -1), goQuote(v).slice(1, -1), Buffer.from(v, 'utf8').toString('base64'));
  }
  return out;
}

/**
 * A function replacing every form of every value with `[redacted]`, longest match first. Candidates are indexed
 * by their first characters, so a text is scanned once and only positions that start a value are compared.
 */
export function redactor(values: readonly string[]): Redactor {
  const all = new Set<string>();
  // a set of objects repeats the same values (every Secret of a generated app): their forms are computed once
  for (const v of new Set(values)) for (const f of forms(v)) if (f.length >= MIN_SECRET_LENGTH) all.add(f);
  if (all.size === 0) return text => text;
  const index = new Map<string, string[]>();
  // the first two UTF-16 units of every form: most positions of a text are passed over without slicing it
  const starts = new Set<number>();
  for (const f of all) {
    const key = f.slice(0, MIN_SECRET_LENGTH);
    let l = index.get(key);
    if (!l) index.set(key, l = []);
    l.push(f);
    starts.add(f.charCodeAt(0) * 0x10000 + f.charCodeAt(1));
  }
  for (const l of index.values()) l.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return text => {
    let out = '';
    let from = 0;
    for (let i = 0; i + MIN_SECRET_LENGTH <= text.length;) {
      if (!starts.has(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      const candidates = index.get(text.slice(i, i + MIN_SECRET_LENGTH));
      const hit = candidates?.find(c => text.startsWith(c, i)
        && (c.length >= WORD_LENGTH || (!isWordChar(text.charCodeAt(i - 1)) && !isWordChar(text.charCodeAt(i + c.length)))));
      if (hit === undefined) {
        i++;
        continue;
      }
      out += text.slice(from, i) + REDACTED;
      i += hit.length;
      from = i;
    }
    return from === 0 ? text : out + text.slice(from);
  };
}

/** Redacts every text column of the violations (rule ids and severities are ours). */
export function redactViolations(violations: readonly Violation[], redact: Redactor): Violation[] {
  return violations.map(v => {
    const kind = redact(v.kind);
    const namespace = redact(v.namespace);
    const name = redact(v.name);
    const path = redact(v.path);
    const message = redact(v.message);
    const file = v.file !== undefined ? redact(v.file) : undefined;
    // the common case quotes no secret: the violation is kept as it is, not copied
    if (kind === v.kind && namespace === v.namespace && name === v.name && path === v.path && message === v.message && file === v.file) return v;
    const r: Violation = { ...v, kind, namespace, name, path, message, ...(v.file !== undefined ? { file } : {}) };
    return r;
  });
}
