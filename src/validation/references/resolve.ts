/** The generic resolver: walks the reference table over every object and reports what does not resolve. */
import { externalAuthConfigConsumed } from './consumers';
import { defaultKeyEmpty, defaultKeyMissing, defaultMissing, quoteList } from './messages';
import { expand } from './paths';
import { REF_SPECS, specsFor } from './specs';
import type { RefContext, RefSpec, TargetKind } from './types';
import { KeyedMap2, KeyedMap3 } from '../../core/keyed-map';
import type { ManifestSet, ObjectEntry, Severity, Violation } from '../../core/types';
import { dict, isDict, str, violation, type Dict } from '../../core/util';
import { goQuote as q } from '../operator/go/quote';

export const RULE_MISSING = 'ref.missing';
export const RULE_WRONG_NAMESPACE = 'ref.wrong-namespace';
export const RULE_SECRET_KEY_MISSING = 'ref.secret-key-missing';
export const RULE_CONFIGMAP_KEY_MISSING = 'ref.configmap-key-missing';
export const RULE_CONFIGMAP_KEY_EMPTY = 'ref.configmap-key-empty';

/** Kinds a name could be confused between; a same-named object of a sibling kind earns a hint. */
const FAMILIES: readonly (readonly string[])[] = [
  // the ToolHive kinds some field references, from the reference table
  [...new Set<string>(REF_SPECS.map(s => s.target))].filter(k => k !== 'Secret' && k !== 'ConfigMap'),
  ['Secret', 'ConfigMap'],
];

const DEFAULT_KEY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Secret: ['data', 'stringData'],
  ConfigMap: ['data', 'binaryData'],
};

/** Every reference problem in the set: objects in input order, references in table then document order. */
export function resolveReferences(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  // indexed loops: this runs for every object and every reference field of its kind
  const entries = set.entries;
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e];
    // the sources are ToolHive kinds: an object of another group with such a name is another resource
    if (!entry.isToolHive) continue;
    const specs = specsFor(entry.kind);
    for (let s = 0; s < specs.length; s++) {
      const spec = specs[s];
      const matches = expand(entry.defaulted, spec.path);
      for (let m = 0; m < matches.length; m++) {
        const match = matches[m];
        const ref = dict(match.value);
        if (!ref) continue;
        const holder = isDict(match.parent) ? match.parent : {};
        if (spec.when && !spec.when(ref, holder)) continue;
        const v = checkReference(set, entry, spec, match.path, ref, holder);
        if (v) out.push(v);
      }
    }
  }
  return out;
}

function checkReference(set: ManifestSet, entry: ObjectEntry, spec: RefSpec, path: string, ref: Dict, holder: Dict): Violation | undefined {
  const name = str(ref.name);
  if (!name) return undefined; // absent or empty names are the schema's to report
  const ns = entry.namespace;
  const key = spec.keyed ? (str(ref.key) || spec.keyed.defaultKey) : undefined;
  const ctx: RefContext = { name, namespace: ns, key, holder };
  const target = set.get(spec.target, ns, name);

  if (!target) {
    if (set.isExternal(spec.target, ns, name)) return undefined;
    return latent(set, entry, spec, unresolved(set, entry, spec, `${path}.name`, ctx));
  }
  if (!spec.keyed || key === undefined) return undefined;
  return latent(set, entry, spec, checkKey(entry, spec, path, ctx, key, target));
}

/**
 * A Secret of an MCPExternalAuthConfig no workload in the set consumes is read by nobody yet (its controller
 * never fetches Secrets): the problem is latent, a warning that says so, until a consumer references the config.
 */
function latent(set: ManifestSet, entry: ObjectEntry, spec: RefSpec, v: Violation | undefined): Violation | undefined {
  if (!v || v.severity === 'warning' || entry.kind !== 'MCPExternalAuthConfig' || spec.target !== 'Secret') return v;
  if (externalAuthConfigConsumed(set, entry.namespace, entry.name)) return v;
  return {
    ...v,
    severity: 'warning',
    message: `${v.message} (no workload in the set references MCPExternalAuthConfig ${q(entry.name)} yet; the operator reads this Secret only when a workload uses the config, and that workload then fails)`,
  };
}

/** The namespaces holding each kind and name, sorted, built once per set: one scan per unresolved reference was quadratic. */
const NAMESPACES = new WeakMap<ManifestSet, KeyedMap2<string[]>>();

function namespacesOf(set: ManifestSet): KeyedMap2<string[]> {
  let index = NAMESPACES.get(set);
  if (index) return index;
  index = new KeyedMap2<string[]>();
  const seen = new KeyedMap3<true>();
  const lists: string[][] = [];
  for (const e of set.entries) {
    if (seen.has(e.kind, e.name, e.namespace)) continue;
    seen.set(e.kind, e.name, e.namespace, true);
    let l = index.get(e.kind, e.name);
    if (!l) {
      index.set(e.kind, e.name, l = []);
      lists.push(l);
    }
    l.push(e.namespace);
  }
  for (const l of lists) l.sort();
  NAMESPACES.set(set, index);
  return index;
}

/** The target is neither in the set nor declared external. */
function unresolved(set: ManifestSet, entry: ObjectEntry, spec: RefSpec, path: string, ctx: RefContext): Violation {
  const kind = spec.target;
  const base = spec.missing ? spec.missing(ctx) : defaultMissing(kind, ctx.name, ctx.namespace);
  const severity: Severity = set.options.assumeExternal ? 'warning' : 'error';

  const elsewhere = (namespacesOf(set).get(kind, ctx.name) ?? []).filter(ns => ns !== ctx.namespace);
  if (elsewhere.length > 0) {
    const where = elsewhere.length === 1 ? `namespace ${q(elsewhere[0])}` : `namespaces ${quoteList(elsewhere)}`;
    return violation(entry, path, RULE_WRONG_NAMESPACE,
      `${base}; ${kind} ${q(ctx.name)} exists only in ${where}, but ToolHive references are same-namespace: move it to namespace ${q(ctx.namespace)}`,
      severity);
  }

  if (set.options.assumeExternal) {
    return violation(entry, path, RULE_MISSING, `${base}; assuming ${kind} ${q(ctx.name)} exists outside the manifest set`, severity);
  }
  const sibling = siblingKinds(kind).find(k => set.get(k, ctx.namespace, ctx.name));
  const hint = sibling
    ? `${article(sibling)} ${sibling} named ${q(ctx.name)} exists in namespace ${q(ctx.namespace)}, but this field references ${article(kind)} ${kind}`
    : `add ${kind} ${q(ctx.name)} to namespace ${q(ctx.namespace)} or declare it external (${kind}/${ctx.namespace}/${ctx.name})`;
  return violation(entry, path, RULE_MISSING, `${base}; ${hint}`, severity);
}

/** The target is in the set: its key must be there (and non-empty where the operator says so). Always an error. */
function checkKey(entry: ObjectEntry, spec: RefSpec, path: string, ctx: RefContext, key: string, target: ObjectEntry): Violation | undefined {
  const kind = spec.target;
  const fields = spec.keyed?.in ?? DEFAULT_KEY_FIELDS[kind] ?? ['data'];
  const maps = fields.map(f => dict(target.object[f])).filter((m): m is Dict => m !== undefined);
  const holderOfKey = maps.find(m => Object.prototype.hasOwnProperty.call(m, key));
  if (holderOfKey && !(spec.keyed?.nonEmpty && typeof holderOfKey[key] === 'string')) return undefined; // the common case
  const keyPath = `${path}.key`;

  if (!holderOfKey) {
    const keys = [...new Set(maps.flatMap(m => Object.keys(m)))].sort();
    const base = spec.keyMissing ? spec.keyMissing(ctx) : defaultKeyMissing(kind, ctx.name, ctx.namespace, key);
    const has = keys.length > 0 ? `its keys are ${quoteList(keys)}` : `it has no keys in ${fields.join(' or ')}`;
    return violation(entry, keyPath, kind === 'Secret' ? RULE_SECRET_KEY_MISSING : RULE_CONFIGMAP_KEY_MISSING, `${base}; ${has}`);
  }
  // Only the emptiness is inspected, the value itself is never reported.
  if (spec.keyed?.nonEmpty && typeof holderOfKey[key] === 'string' && (holderOfKey[key] as string).trim() === '') {
    const base = spec.keyEmpty ? spec.keyEmpty(ctx) : defaultKeyEmpty(kind, ctx.name, ctx.namespace, key);
    return violation(entry, keyPath, RULE_CONFIGMAP_KEY_EMPTY, `${base}; give key ${q(key)} a non-empty value`);
  }
  return undefined;
}

/** `an MCPGroup`, `an EmbeddingServer`, `a Secret`. */
function article(kind: string): string {
  return /^(MCP|[AEIOU])/.test(kind) ? 'an' : 'a';
}

function siblingKinds(kind: TargetKind): readonly string[] {
  return (FAMILIES.find(f => f.includes(kind)) ?? []).filter(k => k !== kind);
}
