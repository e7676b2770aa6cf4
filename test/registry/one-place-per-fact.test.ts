/**
 * One place per fact: kind names (KIND_TYPE_NAMES), the version each kind is emitted at (the generated schema
 * registry) and the reference fields (the engine's REF_SPECS) are each kept once; the front ends derive from them,
 * and no second copy of these tables is left in src/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { apiVersionOf } from '../../src/manifests/common';
import { referenceTarget } from '../../src/pulumi/refs';
import { GROUP, kindInfo, preferredVersion, toolhiveKinds } from '../../src/schema/registry';
import { KIND_TYPE_NAMES, TOOLHIVE_KINDS } from '../../src/schema/type-names';
import { REF_SPECS, type RefSpec } from '../../src/validation/references';
import { referenceAt, referenceFieldTargets, referenceTargetAt } from '../../src/validation/references/fields';

const SRC = path.join(__dirname, '..', '..', 'src');
/** Generated from the CRDs (kept in step by check:generated), and the one hand-kept table of each fact. */
const SOURCES_OF_TRUTH = new Set([
  'schema/type-names.ts',
  'validation/references/specs.ts',
]);

function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(d => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'generated' || d.name === 'imports' ? [] : sourceFiles(full);
    return d.name.endsWith('.ts') ? [full] : [];
  });
}

const rows = REF_SPECS as readonly RefSpec[];
const files = sourceFiles().map(f => ({ file: path.relative(SRC, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }))
  .filter(f => !SOURCES_OF_TRUTH.has(f.file));

describe('kind names: KIND_TYPE_NAMES, checked against the generated schema registry', () => {
  test('lists exactly the kinds of the release', () => {
    expect([...TOOLHIVE_KINDS].sort()).toEqual(toolhiveKinds().map(k => k.kind).sort());
  });

  test('no other file lists the kinds (eight or more kind names in one literal list; domain subsets are fine)', () => {
    const kind = `'(${TOOLHIVE_KINDS.join('|')})'`;
    const list = new RegExp(`${kind}(\\s*,\\s*${kind}){7}`);
    expect(files.filter(f => list.test(f.text.replace(/\s+/g, ' '))).map(f => f.file)).toEqual([]);
    // a record keyed by kind whose values are kind spellings: TypeScript names, plurals, API versions
    const keyed = new RegExp(`^\\s*(${TOOLHIVE_KINDS.join('|')}): ['\`](Mcp|mcp|Virtual|virtual|Embedding|embedding|toolhive|\\$\\{)`, 'm');
    expect(files.filter(f => keyed.test(f.text)).map(f => f.file)).toEqual([]);
  });

  test('TypeScript names are the PascalCase of the kind', () => {
    for (const kind of TOOLHIVE_KINDS) expect(KIND_TYPE_NAMES[kind].toLowerCase()).toBe(kind.toLowerCase());
  });
});

describe('API versions: from the schema registry', () => {
  test.each(TOOLHIVE_KINDS)('%s is emitted at its preferred served version', kind => {
    const version = preferredVersion(kind)!;
    expect(apiVersionOf(kind)).toBe(`${GROUP}/${version}`);
    expect(kindInfo(kind)!.versions.find(v => v.name === version)?.served).toBe(true);
  });

  test('no file writes a ToolHive apiVersion by hand', () => {
    const code = (text: string) => text.split('\n').filter(l => !/^\s*(\*|\/\/|\/\*)/.test(l)).join('\n');
    const written = /apiVersion\s*:\s*['"`][^'"`]*toolhive\.stacklok\.dev\/v1|\/v1(alpha|beta)1['"`]\s*,?\s*$/m;
    expect(files.filter(f => written.test(code(f.text))).map(f => f.file)).toEqual([]);
  });
});

describe('reference fields: the engine\'s REF_SPECS, read by both front ends', () => {
  test('every field name points at one kind, so resolving by field name is exact', () => {
    const byField = new Map<string, Set<string>>();
    for (const r of rows) {
      const field = r.path.replace(/(\[\*\]|\{\*\})+$/, '').split(/\.|\[\*\]|\{\*\}/).filter(Boolean).pop()!;
      (byField.get(field) ?? byField.set(field, new Set()).get(field)!).add(r.target);
    }
    expect([...byField].filter(([, targets]) => targets.size > 1)).toEqual([]);
    expect(new Map([...referenceFieldTargets()].map(([k, v]) => [k, new Set([v])]))).toEqual(byField);
  });

  test('the Pulumi resolver answers from the table, and only for its fields', () => {
    for (const [field, target] of referenceFieldTargets()) expect(referenceTarget(field)).toBe(target);
    expect(referenceTarget('image')).toBeUndefined();
    expect(referenceTarget('fooSecretRef')).toBeUndefined();
  });

  test('the cdk8s constructs find each row by concrete or pattern path', () => {
    for (const r of rows) {
      expect(referenceAt(r.source, r.path)).toBe(r);
      const concrete = r.path.replace(/\[\*\]/g, '[0]').replace(/\{\*\}/g, '[some-key]');
      expect(referenceTargetAt(r.source, concrete)).toBe(r.target);
    }
    expect(referenceTargetAt('MCPServer', 'spec.image')).toBeUndefined();
    expect(referenceTargetAt('MCPGroup', 'spec.groupRef')).toBeUndefined();
  });

  test('no file keeps a table of reference fields (a reference field name mapped to a kind)', () => {
    const fields = [...referenceFieldTargets().keys()].join('|');
    const targets = [...TOOLHIVE_KINDS, 'Secret', 'ConfigMap'].join('|');
    const entry = new RegExp(`\\b(${fields})\\??\\s*:\\s*(ToolHiveComponent<)?'(${targets})'`);
    expect(files.filter(f => entry.test(f.text)).map(f => f.file)).toEqual([]);
  });
});
