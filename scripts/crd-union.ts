/**
 * The union of the bundled releases' CRDs, which the typed props are generated from: a field that only a newer
 * (or older) bundled release has stays accepted by the types, and the engine reports it when the selected release
 * lacks it ("field X needs operator release Y or later"). Descriptions, defaults and every other keyword come from
 * the default release where it has the node; a node only another release has says which releases have it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

type Json = any;

/** The CRDs of one folder, in file order (the order cdk8s import and the spec types follow). */
export function readCrds(dir: string): Json[] {
  const files = fs.readdirSync(dir).filter(f => /\.ya?ml$/.test(f)).sort();
  if (files.length === 0) throw new Error(`no .yaml files in ${dir}`);
  const crds: Json[] = [];
  for (const f of files) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8'))) {
      const crd = doc.toJS();
      if (crd?.kind === 'CustomResourceDefinition') crds.push(crd);
    }
  }
  return crds;
}

export interface ReleaseCrds { readonly name: string; readonly crds: readonly Json[] }

/** Marks a schema node (and its documentation) as present only in some releases. */
function onlyIn(node: Json, releases: readonly string[]): Json {
  const note = `Only operator release${releases.length > 1 ? 's' : ''} ${releases.join(', ')} ${releases.length > 1 ? 'have' : 'has'} this field; the validator reports it for any other release.`;
  return { ...node, description: node.description ? `${node.description}\n\n${note}` : note };
}

/** Merges `other` (present in release `name`) into `base` (the default release's node). */
function mergeNode(base: Json, other: Json, name: string, seen: Map<Json, string[]>): Json {
  if (!base || !other || typeof base !== 'object' || typeof other !== 'object') return base;
  const out: Json = { ...base };
  if (base.properties || other.properties) {
    const props: Json = { ...(base.properties ?? {}) };
    for (const key of Object.keys(other.properties ?? {})) {
      if (props[key]) {
        props[key] = mergeNode(props[key], other.properties[key], name, seen);
      } else {
        props[key] = other.properties[key];
        seen.set(props[key], [name]);
      }
    }
    out.properties = props;
    // a field required by one release and optional in another is optional in the types
    const required = (base.required ?? []).filter((r: string) => (other.required ?? []).includes(r) || !other.properties?.[r]);
    if (required.length) out.required = required;
    else delete out.required;
  }
  if (base.items && other.items) out.items = mergeNode(base.items, other.items, name, seen);
  if (typeof base.additionalProperties === 'object' && typeof other.additionalProperties === 'object') {
    out.additionalProperties = mergeNode(base.additionalProperties, other.additionalProperties, name, seen);
  }
  if (Array.isArray(base.enum) && Array.isArray(other.enum)) {
    out.enum = [...base.enum, ...other.enum.filter((e: unknown) => !base.enum.includes(e))];
  }
  const releases = seen.get(base);
  if (releases) seen.set(out, releases);
  return out;
}

/** Adds the release notes to the nodes that came from one release only, and to nodes that more releases then merged into. */
function annotate(node: Json, seen: Map<Json, string[]>): Json {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  let out: Json = { ...node };
  if (out.properties) {
    const props: Json = {};
    for (const key of Object.keys(out.properties)) {
      const child = out.properties[key];
      const releases = seen.get(child);
      props[key] = releases ? onlyIn(annotate(child, seen), releases) : annotate(child, seen);
    }
    out.properties = props;
  }
  if (out.items) out.items = annotate(out.items, seen);
  if (typeof out.additionalProperties === 'object') out.additionalProperties = annotate(out.additionalProperties, seen);
  return out;
}

/**
 * The union of the releases' CRDs, `base` first: kinds, versions and fields of every release, with the base
 * release's documentation. Each field present only in non-base releases names those releases in its description.
 */
export function unionCrds(base: ReleaseCrds, others: readonly ReleaseCrds[]): Json[] {
  const seen = new Map<Json, string[]>();
  const result: Json[] = base.crds.map(c => structuredClone(c));
  for (const rel of others) {
    for (const crd of rel.crds) {
      const mine = result.find(c => c.spec.names.kind === crd.spec.names.kind);
      if (!mine) {
        result.push(structuredClone(crd));
        continue;
      }
      for (const v of crd.spec.versions) {
        const mv = mine.spec.versions.find((x: Json) => x.name === v.name);
        if (!mv) {
          mine.spec.versions.push(structuredClone(v));
          continue;
        }
        const before = mv.schema.openAPIV3Schema;
        mv.schema.openAPIV3Schema = mergeNode(before, v.schema.openAPIV3Schema, rel.name, seen);
        // a field a later release also has: record every release, not only the first that added it
        recordShared(mv.schema.openAPIV3Schema, v.schema.openAPIV3Schema, rel.name, seen);
      }
    }
  }
  for (const crd of result) {
    for (const v of crd.spec.versions) v.schema.openAPIV3Schema = annotate(v.schema.openAPIV3Schema, seen);
  }
  return result;
}

/** A node already recorded as non-base that release `name` also has gets `name` added to its list. */
function recordShared(merged: Json, other: Json, name: string, seen: Map<Json, string[]>): void {
  if (!merged || !other || typeof merged !== 'object' || typeof other !== 'object') return;
  for (const key of Object.keys(other.properties ?? {})) {
    const child = merged.properties?.[key];
    if (!child) continue;
    const list = seen.get(child);
    if (list && !list.includes(name)) list.push(name);
    recordShared(child, other.properties[key], name, seen);
  }
  if (merged.items && other.items) recordShared(merged.items, other.items, name, seen);
  if (typeof merged.additionalProperties === 'object' && typeof other.additionalProperties === 'object') {
    recordShared(merged.additionalProperties, other.additionalProperties, name, seen);
  }
}
