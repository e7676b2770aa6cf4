/**
 * An emulation of the API server's answer to `kubectl apply` (create, strict field validation) of one object,
 * written apart from the engine, from the Go sources:
 *  - kubectl REST mapping: our group with an unknown kind or version fails before the request;
 *  - apiextensions-apiserver customresource_handler.go: metadata decoded strictly (objectmeta/coerce.go), the
 *    object pruned (pruning/algorithm.go); unknown fields fail the request; nulls of non-nullable fields without a
 *    default are dropped and defaults applied (defaulting/prunenulls.go, algorithm.go);
 *  - strategy.go PrepareForCreate (status dropped), Validate: apimachinery ValidateObjectMeta, kube-openapi
 *    SchemaValidator (validate/*.go, strfmt), listtype/validation.go, then CEL unless hasBlockingErr.
 * Its answer is the set of error paths (Go field paths; `<root>` for the object), empty when accepted.
 * Independent of src/validation except for the CRD tables (data) and the CEL evaluator (not a target of the
 * differential suite).
 */
import { isIPv6 } from 'net';
import { RE2JS } from '@bufbuild/re2';
import { STATUS_SUBRESOURCE } from '../../src/schema/generated/v0.44.0/status-subresources';
import { kindInfo, rootSchema } from '../../src/schema/registry';
import type { SchemaNode } from '../../src/schema/types';
import { compileRule, evaluateRule, toCel } from '../../src/validation/cel';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const own = (o: object | undefined, k: string): boolean => o !== undefined && Object.prototype.hasOwnProperty.call(o, k);

export interface EmulatorOptions { readonly intFormats: boolean }

/** A finding: its path and whether its field error type blocks CEL. */
interface Err { readonly path: string; readonly blocking: boolean }

// ---------- regular expressions of the Go sources, run by an RE2 engine ----------
const re = (s: string) => RE2JS.compile(s);
const DNS1123_SUBDOMAIN = re('^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$');
const DNS1123_LABEL = re('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$');
const LABEL_KEY = re('^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$');
const LABEL_VALUE = re('^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$');
// the two with capture groups: JavaScript regular expressions of the same (backtracking-safe, short) patterns
const DURATION_MATCHER = /((\d+)[\t\n\f\r ]*([A-Za-zµ]+))/g;
const DATE_TIME = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/u;
const patterns = new Map<string, RE2JS>();
const pattern = (p: string): RE2JS => patterns.get(p) ?? (patterns.set(p, re(p)), patterns.get(p)!);
const bytes = (s: string) => new TextEncoder().encode(s).length;

function subdomainOk(s: string): boolean { return bytes(s) <= 253 && DNS1123_SUBDOMAIN.matches(s); }
function qualifiedNameOk(s: string): boolean {
  const parts = s.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (parts.length === 2 && (parts[0] === '' || !subdomainOk(parts[0]))) return false;
  return name !== '' && bytes(name) <= 63 && LABEL_KEY.matches(name);
}

// ---------- metadata ----------
const META_TYPES: Readonly<Record<string, string>> = {
  name: 's',
  generateName: 's',
  namespace: 's',
  selfLink: 's',
  uid: 's',
  resourceVersion: 's',
  creationTimestamp: 's',
  deletionTimestamp: 's',
  generation: 'i',
  deletionGracePeriodSeconds: 'i',
  labels: 'm',
  annotations: 'm',
  finalizers: 'ls',
  ownerReferences: 'lo',
  managedFields: 'lf',
};
const OWNER_TYPES: Readonly<Record<string, string>> = { apiVersion: 's', kind: 's', name: 's', uid: 's', controller: 'b', blockOwnerDeletion: 'b' };
const MANAGED_TYPES: Readonly<Record<string, string>> = { manager: 's', operation: 's', apiVersion: 's', time: 's', fieldsType: 's', fieldsV1: 'raw', subresource: 's' };

/** The Go field path (no indices) of the first type error in a value, as json.UnmarshalTypeError names it. */
function firstTypeError(v: unknown, t: string, field: string): string | undefined {
  if (v === null || t === 'raw') return undefined;
  if (t === 'lo' || t === 'lf') {
    if (!Array.isArray(v)) return field;
    const table = t === 'lo' ? OWNER_TYPES : MANAGED_TYPES;
    for (const item of v) {
      if (item === null) continue;
      if (!isObj(item)) return field;
      for (const k of Object.keys(item).sort()) {
        if (own(table, k) && !goTypeOk(item[k], table[k], [], '')) return `${field}.${k}`;
      }
    }
    return undefined;
  }
  return goTypeOk(v, t, [], '') ? undefined : field;
}

/** json.Unmarshal of one value into the Go type code: false on a type mismatch. */
function goTypeOk(v: unknown, t: string, unknown: string[], at: string): boolean {
  if (v === null || t === 'raw') return true;
  switch (t) {
    case 's': return typeof v === 'string';
    case 'b': return typeof v === 'boolean';
    case 'i': return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 63;
    case 'm': return isObj(v) && Object.values(v).every(x => x === null || typeof x === 'string');
    case 'ls': return Array.isArray(v) && v.every(x => x === null || typeof x === 'string');
    default: {
      if (!Array.isArray(v)) return false;
      const table = t === 'lo' ? OWNER_TYPES : MANAGED_TYPES;
      return v.every((item, i) => item === null || (isObj(item) && structOk(item, table, unknown, `${at}[${i}]`)));
    }
  }
}

function structOk(o: Obj, table: Readonly<Record<string, string>>, unknown: string[], at: string): boolean {
  let ok = true;
  for (const k of Object.keys(o)) {
    if (!own(table, k)) unknown.push(`${at}.${k}`);
    else if (!goTypeOk(o[k], table[k], unknown, `${at}.${k}`)) ok = false;
  }
  return ok;
}

/** Decoding: undefined when metadata decodes, else the paths of the request's error(s). */
function decodeMetadata(meta: unknown): { fatal?: string; unknown: string[] } {
  const unknown: string[] = [];
  if (meta === undefined || meta === null) return { unknown };
  if (!isObj(meta)) return { fatal: 'metadata', unknown };
  // Go stops at the first type error in sorted key order
  for (const k of Object.keys(meta).sort()) {
    const bad = own(META_TYPES, k) ? firstTypeError(meta[k], META_TYPES[k], k) : undefined;
    if (bad) return { fatal: `metadata.${bad}`, unknown: [] };
  }
  structOk(meta, META_TYPES, unknown, 'metadata');
  return { unknown };
}

function validateMetadata(meta: unknown): Err[] {
  const m = isObj(meta) ? meta : {};
  const s = (x: unknown) => (typeof x === 'string' ? x : '');
  const out: Err[] = [];
  const invalid = (path: string) => out.push({ path, blocking: false });
  const gn = s(m.generateName);
  if (gn) {
    const masked = bytes(gn) > 1 && gn.endsWith('-') ? (bytes(gn.slice(-2)) === 2 ? gn.slice(0, -2) + 'a' : '\u0000') : gn;
    if (!subdomainOk(masked)) invalid('metadata.generateName');
  }
  // names.SimpleNameGenerator: the base is cut to 58 bytes (maxGeneratedNameLength) before 5 random characters
  const base = gn && bytes(gn) > 58 ? new TextDecoder().decode(new TextEncoder().encode(gn).slice(0, 58)) : gn;
  const name = s(m.name) || (gn ? base + 'abcde' : '');
  if (!name) out.push({ path: 'metadata.name', blocking: true });
  else if (!subdomainOk(name)) invalid('metadata.name');
  const ns = s(m.namespace);
  if (ns && !(bytes(ns) <= 63 && DNS1123_LABEL.matches(ns))) invalid('metadata.namespace');
  if (isObj(m.labels)) {
    for (const [k, v] of Object.entries(m.labels)) {
      if (!qualifiedNameOk(k) || bytes(s(v)) > 63 || !LABEL_VALUE.matches(s(v))) invalid('metadata.labels');
    }
  }
  if (isObj(m.annotations)) {
    let size = 0;
    for (const [k, v] of Object.entries(m.annotations)) {
      if (!qualifiedNameOk(k.toLowerCase())) invalid('metadata.annotations');
      size += bytes(k) + bytes(s(v));
    }
    if (size > 262144) out.push({ path: 'metadata.annotations', blocking: true });
  }
  if (Array.isArray(m.ownerReferences)) {
    m.ownerReferences.forEach((r, i) => {
      const ref = isObj(r) ? r : {};
      const at = `metadata.ownerReferences[${i}]`;
      const av = s(ref.apiVersion);
      if (!av) out.push({ path: `${at}.apiVersion`, blocking: true });
      else if (av.split('/').length > 2 || av.endsWith('/')) invalid(`${at}.apiVersion`);
      for (const f of ['kind', 'name', 'uid']) if (!s(ref[f])) out.push({ path: `${at}.${f}`, blocking: true });
    });
    if (m.ownerReferences.filter(r => isObj(r) && r.controller === true).length > 1) invalid('metadata.ownerReferences');
  }
  if (Array.isArray(m.finalizers)) {
    for (const f of m.finalizers) if (!qualifiedNameOk(s(f))) invalid('metadata.finalizers');
    if (m.finalizers.includes('orphan') && m.finalizers.includes('foregroundDeletion')) invalid('metadata.finalizers');
  }
  return out;
}

// ---------- pruning (strict decoding) ----------
function pruneUnknown(x: unknown, s: SchemaNode | undefined, at: string, root: boolean, out: string[]): void {
  const child = (k: string) => (at ? `${at}.${k}` : k);
  if (s?.['x-kubernetes-preserve-unknown-fields']) {
    if (Array.isArray(x)) { if (s.items) x.forEach((v, i) => pruneUnknown(v, { ...s.items!, 'x-kubernetes-preserve-unknown-fields': true }, `${at}[${i}]`, false, out)); return; }
    if (!isObj(x)) return;
    for (const k of Object.keys(x)) {
      if ((root || s['x-kubernetes-embedded-resource']) && ['apiVersion', 'kind', 'metadata'].includes(k)) continue;
      if (own(s.properties, k)) pruneUnknown(x[k], s.properties![k], child(k), false, out);
      else if (isObj(s.additionalProperties)) pruneUnknown(x[k], s.additionalProperties, child(k), false, out);
    }
    return;
  }
  if (Array.isArray(x)) { x.forEach((v, i) => pruneUnknown(v, s?.items, `${at}[${i}]`, false, out)); return; }
  if (!isObj(x)) return;
  for (const k of Object.keys(x)) {
    if (s && (root || s['x-kubernetes-embedded-resource']) && ['apiVersion', 'kind', 'metadata'].includes(k)) continue;
    const ap = s?.additionalProperties;
    if (s && own(s.properties, k)) pruneUnknown(x[k], s.properties![k], child(k), false, out);
    else if (ap !== undefined && ap !== false) pruneUnknown(x[k], isObj(ap) ? ap : undefined, child(k), false, out);
    else out.push(child(k));
  }
}

// ---------- defaulting ----------
function defaulted(x: unknown, s: SchemaNode | undefined, root: boolean): unknown {
  if (Array.isArray(x)) return x.map(v => defaulted(v, s?.items, false));
  if (!isObj(x) || !s) return x;
  const out: Obj = {};
  for (const k of Object.keys(x)) {
    const sub = root && (k === 'metadata' || k === 'status') ? undefined : own(s.properties, k) ? s.properties![k] : isObj(s.additionalProperties) ? s.additionalProperties : undefined;
    // prunenulls.go drops the null of a non-nullable field; algorithm.go Default then fills in its default
    if (x[k] === null && sub && !sub.nullable) continue;
    out[k] = sub ? defaulted(x[k], sub, false) : x[k];
  }
  for (const [k, sub] of Object.entries(s.properties ?? {})) {
    if (!(k in out) && sub.default !== undefined) out[k] = defaulted(JSON.parse(JSON.stringify(sub.default)), sub, false);
  }
  return out;
}

// ---------- kube-openapi ----------
const INT64 = 2 ** 63;
const apiInteger = (v: number) => Number.isInteger(v) && Math.abs(v) < INT64;

function goParseDuration(s0: string): boolean {
  let s = s0.replace(/^[-+]/, '');
  if (s === '0') return true;
  if (s === '') return false;
  let total = 0n;
  const unitNs: Record<string, bigint> = {
    ns: 1n, us: 1000n, µs: 1000n, μs: 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n,
  };
  const limit = 2n ** 63n;
  while (s !== '') {
    const m = /^([0-9]*)(\.([0-9]*))?([^0-9.]*)/.exec(s)!;
    if ((m[1] === '' && (m[3] ?? '') === '') || m[4] === '' || !Object.prototype.hasOwnProperty.call(unitNs, m[4])) return false;
    const unit = unitNs[m[4]];
    const whole = BigInt(m[1] || '0');
    if (whole > limit) return false;
    let v = whole * unit;
    if (whole > limit / unit) return false;
    const frac = (m[3] ?? '').slice(0, 18);
    if (frac && /[1-9]/.test(frac)) v += BigInt(Math.trunc(Number(BigInt(frac)) * (Number(unit) / 10 ** frac.length)));
    if (v > limit) return false;
    total += v;
    if (total > limit) return false;
    s = s.slice(m[0].length);
  }
  return s0.startsWith('-') || total < limit;
}

function strfmtDuration(s: string): boolean {
  if (goParseDuration(s)) return true;
  const units = [['ns', 'nano'], ['us', 'µs', 'micro'], ['ms', 'milli'], ['s', 'sec'], ['m', 'min'], ['h', 'hr', 'hour'], ['d', 'day'], ['w', 'wk', 'week']];
  let ok = false;
  for (const m of s.matchAll(DURATION_MATCHER)) {
    if (BigInt(m[2]) > (2n ** 63n) - 1n) return false;
    const unit = m[3].toLowerCase();
    if (units.some(vs => vs.some((v, i) => (i === vs.length - 1 && unit.startsWith(v)) || unit === v))) ok = true;
  }
  return ok;
}

function strfmtDateTime(s: string): boolean {
  if (bytes(s) < 4) return false;
  const parts = s.replace(/[A-Z]/g, c => c.toLowerCase()).split('t');
  if (parts.length < 2) return false;
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(parts[0]);
  if (!d) return false;
  const [y, mo, da] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (mo < 1 || mo > 12 || da < 1 || da > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return false;
  const m = DATE_TIME.exec(parts[1]);
  if (!m) return false;
  return m[1] <= '23' && m[2] <= '59' && m[3] <= '59';
}

/** Go url.ParseRequestURI (src/net/url/url.go parse with viaRequest, Go 1.26), written again for the emulation. */
function requestURI(raw: string): boolean {
  if (/[\x00-\x1f\x7f]/.test(raw) || raw === '') return false;
  if (raw === '*') return true;
  const sm = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw);
  if (!sm && raw.startsWith(':')) return false;
  const scheme = sm ? sm[1].toLowerCase() : '';
  let rest = sm ? raw.slice(sm[0].length) : raw;
  rest = rest.endsWith('?') && rest.indexOf('?') === rest.length - 1 ? rest.slice(0, -1) : rest.split('?')[0];
  if (!rest.startsWith('/')) return scheme !== '';
  const escapesOk = (t: string, host: boolean) => {
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '%') {
        if (!/^[0-9a-fA-F]{2}$/.test(t.slice(i + 1, i + 3))) return false;
        if (host && parseInt(t[i + 1], 16) < 8 && t.slice(i, i + 3) !== '%25') return false;
        i += 2;
      } else if (host && t.charCodeAt(i) < 0x80 && !/[A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"]/.test(t[i])) {
        return false;
      }
    }
    return true;
  };
  if (scheme && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    const at = authority.lastIndexOf('@');
    const host = authority.slice(at + 1);
    if (at >= 0 && (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(authority.slice(0, at)) || !escapesOk(authority.slice(0, at), false))) return false;
    const port = (p: string) => /^(:[0-9]*)?$/.test(p);
    if (host.includes('[')) {
      const close = host.lastIndexOf(']');
      if (!host.startsWith('[') || host.lastIndexOf('[') > 0 || close < 0 || !port(host.slice(close + 1))) return false;
      const inner = host.slice(1, close);
      const zone = inner.indexOf('%25');
      if (!isIPv6(zone < 0 ? inner : inner.slice(0, zone)) || !escapesOk(zone < 0 ? inner : inner.slice(0, zone), true)) return false;
    } else {
      const colon = scheme === 'http' || scheme === 'https' ? host.indexOf(':') : host.lastIndexOf(':');
      if (colon >= 0 && !port(host.slice(colon))) return false;
      if (!escapesOk(host, true)) return false;
    }
  }
  return escapesOk(rest, false);
}

export const FORMATS: Readonly<Record<string, (s: string) => boolean>> = {
  'date-time': strfmtDateTime,
  'duration': strfmtDuration,
  'uri': requestURI,
};

function kind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return apiInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeOk(t: string | undefined, v: unknown): boolean {
  if (t === undefined) return true;
  const k = kind(v);
  return t === k || (t === 'number' && k === 'integer');
}

interface Walk { readonly errs: Err[]; readonly cel: string[]; readonly intFormats: boolean }

function validate(s: SchemaNode, v: unknown, at: string, celAt: string, w: Walk): void {
  const here = at || '<root>';
  if (v === null) {
    if (s.type !== undefined && !s.nullable) w.errs.push({ path: here, blocking: true });
    if (s.enum && !s.enum.includes(null)) w.errs.push({ path: here, blocking: true });
    return;
  }
  const typed = typeOk(s.type, v);
  if (!typed) w.errs.push({ path: here, blocking: true });
  if (s.enum && !s.enum.some(e => e === v)) w.errs.push({ path: here, blocking: true });
  if (typeof v === 'number') {
    if (s.type === 'integer') {
      const f = w.intFormats && s.format === 'int32' ? 32 : 64;
      if (!Number.isInteger(v) || (f === 32 ? Math.abs(v + 0.5) > 2147483648 : Math.abs(v) >= INT64)) w.errs.push({ path: '<root>', blocking: false });
    }
    if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) w.errs.push({ path: here, blocking: false });
    if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) w.errs.push({ path: here, blocking: false });
  }
  if (!typed) return;
  if (typeof v === 'string') {
    const n = [...v].length;
    if (s.maxLength !== undefined && n > s.maxLength) w.errs.push({ path: here, blocking: true });
    if (s.minLength !== undefined && n < s.minLength) w.errs.push({ path: here, blocking: false });
    if (s.pattern !== undefined && !pattern(s.pattern).test(v)) w.errs.push({ path: here, blocking: false });
    if (s.format && own(FORMATS, s.format) && !FORMATS[s.format](v)) w.errs.push({ path: here, blocking: true });
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) w.errs.push({ path: here, blocking: false });
    if (s.maxItems !== undefined && v.length > s.maxItems) w.errs.push({ path: here, blocking: true });
    if (s.items) v.forEach((x, i) => validate(s.items!, x, `${at}[${i}]`, `${celAt}[${i}]`, w));
    if (s['x-kubernetes-list-type'] === 'set' || s['x-kubernetes-list-type'] === 'map') {
      const keyOf = (x: unknown) => (s['x-kubernetes-list-type'] === 'set' ? JSON.stringify(x) : JSON.stringify((s['x-kubernetes-list-map-keys'] ?? []).map(k => (isObj(x) ? x[k] : undefined) ?? null)));
      const count = new Map<string, number>();
      v.forEach((x, i) => {
        if (s['x-kubernetes-list-type'] === 'map' && !isObj(x)) return;
        const k = keyOf(x);
        const c = (count.get(k) ?? 0) + 1;
        count.set(k, c);
        if (c === 2) w.errs.push({ path: `${celAt}[${i}]`, blocking: false });
      });
    }
  } else if (isObj(v)) {
    const keys = Object.keys(v);
    for (const r of s.required ?? []) if (!(r in v)) w.errs.push({ path: at ? `${at}.${r}` : r, blocking: true });
    if (s.minProperties !== undefined && keys.length < s.minProperties) w.errs.push({ path: here, blocking: false });
    if (s.maxProperties !== undefined && keys.length > s.maxProperties) w.errs.push({ path: here, blocking: true });
    for (const k of keys) {
      if (!at && (k === 'metadata' || k === 'apiVersion' || k === 'kind')) continue;
      if (own(s.properties, k)) validate(s.properties![k], v[k], at ? `${at}.${k}` : k, celAt ? `${celAt}.${k}` : k, w);
      else if (isObj(s.additionalProperties)) validate(s.additionalProperties, v[k], at ? `${at}.${k}` : k, `${celAt}[${k}]`, w);
    }
  }
  for (const r of s['x-kubernetes-validations'] ?? []) {
    if (!evaluateRule(compileRule(r.rule, r.message ?? ''), toCel(s, v, new WeakMap())).ok) w.cel.push(celAt || '<root>');
  }
}

const hasRules = (s: SchemaNode | undefined): boolean => !!s && ((s['x-kubernetes-validations']?.length ?? 0) > 0
  || Object.values(s.properties ?? {}).some(hasRules) || hasRules(s.items)
  || (isObj(s.additionalProperties) && hasRules(s.additionalProperties as SchemaNode)));

/** The error paths of the API server's answer (sorted, duplicates kept once); [] when it accepts the object. */
export function emulate(doc: unknown, options: EmulatorOptions): string[] {
  if (!isObj(doc)) return ['<root>'];
  const k = typeof doc.kind === 'string' ? doc.kind : '';
  const av = typeof doc.apiVersion === 'string' ? doc.apiVersion : '';
  if (!k || !av) return [...(av ? [] : ['apiVersion']), ...(k ? [] : ['kind'])];
  const G = 'toolhive.stacklok.dev';
  const ours = av === G || av.startsWith(`${G}/`);
  const decoded = decodeMetadata(doc.metadata);
  const done = (paths: string[]) => [...new Set(paths)].sort();
  if (!ours) {
    if (decoded.fatal) return [decoded.fatal];
    if (decoded.unknown.length) return done(decoded.unknown);
    return done(validateMetadata(doc.metadata).map(e => e.path));
  }
  const info = kindInfo(k);
  if (!info) return ['kind'];
  const version = av === G ? '' : av.slice(G.length + 1);
  if (!info.versions.some(v => v.name === version && v.served)) return ['apiVersion'];
  const schema = rootSchema(k, version)!;
  if (decoded.fatal) return [decoded.fatal];
  const unknown = [...decoded.unknown];
  pruneUnknown(doc, schema, '', true, unknown);
  if (unknown.length) return done(unknown);
  const obj = defaulted(doc, schema, true) as Obj;
  if ((STATUS_SUBRESOURCE[k] ?? []).includes(version)) delete obj.status;
  const w: Walk = { errs: validateMetadata(doc.metadata), cel: [], intFormats: options.intFormats };
  validate(schema, obj, '', '', w);
  const paths = w.errs.map(e => e.path);
  if (hasRules(schema)) {
    if (w.errs.some(e => e.blocking)) paths.push('<root>');
    else paths.push(...w.cel);
  }
  return done(paths);
}
