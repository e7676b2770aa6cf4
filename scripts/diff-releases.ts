/**
 * What differs between two bundled releases, for users and for the review of a new release: fields added or
 * removed, fields that became required or optional, and CEL rules added, removed or rewritten (matched by
 * their stable ids). Reads the committed tables (src/schema/generated), so it needs no CRD folder.
 *
 * Usage: ts-node scripts/diff-releases.ts FROM TO      e.g. v0.44.0 main@e25de16 (with the CEL expressions)
 *        ts-node scripts/diff-releases.ts --docs        rewrites the lists of docs/releases.md (messages only)
 */
import * as fs from 'fs';
import * as path from 'path';
import { RELEASES } from '../src/schema/generated';
import { kindTable, rootSchema, toolhiveKinds } from '../src/schema/registry';
import type { SchemaNode } from '../src/schema/types';

type Fields = Map<string, { required: boolean }>;

const SEP = ' :: ';

/** Every field location of a schema (`spec.a[*].b`), and whether its parent requires it. */
function fields(node: SchemaNode | undefined, at: string, required: boolean, out: Fields): Fields {
  if (!node) return out;
  if (at) out.set(at, { required });
  for (const key of Object.keys(node.properties ?? {})) {
    fields(node.properties![key], at ? `${at}.${key}` : key, (node.required ?? []).includes(key), out);
  }
  if (node.items) fields(node.items, `${at}[*]`, false, new Map()).forEach((v, k) => out.set(k, v));
  if (typeof node.additionalProperties === 'object') fields(node.additionalProperties, `${at}{*}`, false, new Map()).forEach((v, k) => out.set(k, v));
  return out;
}

/** The version users write: v1beta1, or the storage version where v1beta1 is not served. */
function servedVersion(kind: string, release: string): string | undefined {
  const t = kindTable(kind, release);
  return (t?.versions.find(v => v.name === 'v1beta1' && v.served) ?? t?.versions.find(v => v.storage))?.name;
}

function rules(kind: string, version: string, release: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: SchemaNode | undefined, at: string): void => {
    if (!node) return;
    for (const r of node['x-kubernetes-validations'] ?? []) out.set(`cel.${kind}.${at || '<root>'}#${r.id}`, `${r.message ?? ''}${SEP}${r.rule}`);
    for (const key of Object.keys(node.properties ?? {})) walk(node.properties![key], at ? `${at}.${key}` : key);
    if (node.items) walk(node.items, `${at}[*]`);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${at}{*}`);
  };
  walk(rootSchema(kind, version, release), '');
  return out;
}

/** The differences; `expressions: false` leaves the CEL expressions out (the user-facing list in docs/releases.md). */
export function diffReleases(from: string, to: string, expressions = true): string[] {
  const lines: string[] = [];
  const kinds = [...new Set([...toolhiveKinds(from), ...toolhiveKinds(to)].map(k => k.kind))].sort();
  for (const kind of kinds) {
    const va = servedVersion(kind, from);
    const vb = servedVersion(kind, to);
    if (!va || !vb) {
      lines.push(`${kind}: ${va ? `removed in ${to}` : `added in ${to}`}`);
      continue;
    }
    const a = fields(rootSchema(kind, va, from), '', false, new Map());
    const b = fields(rootSchema(kind, vb, to), '', false, new Map());
    for (const [f, info] of b) {
      if (!a.has(f)) lines.push(`${kind} ${f}: added${info.required ? ' (required)' : ''}`);
      else if (a.get(f)!.required !== info.required) lines.push(`${kind} ${f}: ${info.required ? 'now required' : 'no longer required'}`);
    }
    for (const f of a.keys()) if (!b.has(f)) lines.push(`${kind} ${f}: removed`);
    const ra = rules(kind, va, from);
    const rb = rules(kind, vb, to);
    const show = (text: string) => (expressions ? text : text.slice(0, text.indexOf(SEP)));
    for (const [id, text] of rb) {
      if (!ra.has(id)) lines.push(`${id}: rule added: ${show(text)}`);
      else if (ra.get(id) !== text) lines.push(`${id}: rule ${expressions ? `rewritten: ${ra.get(id)} => ${text}` : `expression rewritten: ${show(text)}`}`);
    }
    for (const [id, text] of ra) if (!rb.has(id)) lines.push(`${id}: rule removed: ${show(text)}`);
  }
  return lines;
}

export const DOC = path.resolve(__dirname, '..', 'docs', 'releases.md');
const BLOCK = /(<!-- diff (\S+) (\S+) -->\n```text\n)[\s\S]*?(```)/g;

/** docs/releases.md with every `<!-- diff FROM TO -->` list regenerated. */
export function docWithDiffs(text: string): string {
  return text.replace(BLOCK, (_m, head: string, from: string, to: string, end: string) => `${head}${diffReleases(from, to, false).map(l => `${l}\n`).join('')}${end}`);
}

if (require.main === module && process.argv[2] === '--docs') {
  fs.writeFileSync(DOC, docWithDiffs(fs.readFileSync(DOC, 'utf8')));
  process.stdout.write(`rewrote the release differences in ${path.relative(process.cwd(), DOC)}\n`);
} else if (require.main === module) {
  const [from, to] = process.argv.slice(2);
  const names = RELEASES.map(r => r.name);
  if (!names.includes(from) || !names.includes(to)) {
    process.stderr.write(`usage: diff-releases FROM TO (bundled: ${names.join(', ')})\n`);
    process.exit(2);
  }
  process.stdout.write(diffReleases(from, to).map(l => `${l}\n`).join(''));
}
