/** The reference table against the CRD schemas and the fixtures: nothing left out, nothing untested. */
import { ROWS } from './fixtures';
import { preferredVersion, rootSchema, toolhiveKinds } from '../../src/schema/registry';
import type { SchemaNode } from '../../src/schema/types';
import { REF_SPECS, type RefSpec } from '../../src/validation/references';
import { expand, parsePattern } from '../../src/validation/references/paths';

/**
 * Every schema node that looks like a by-name reference: `{name, key}` objects and `*Ref`/`*Secrets` fields.
 * (sentinelService `{name, namespace, port}`, a Service possibly in another namespace, is not one.)
 */
function referenceLikeFields(kind: string): string[] {
  const out: string[] = [];
  const walk = (node: SchemaNode | undefined, path: string) => {
    if (!node) return;
    if (node.properties) {
      const props = Object.keys(node.properties);
      const last = path.slice(path.lastIndexOf('.') + 1).replace(/(\[\*\]|\{\*\})+$/, '');
      if (props.includes('name') && (props.includes('key') || /(Ref|Refs|Secrets|secrets)$/.test(last))) out.push(path);
      for (const p of props) walk(node.properties[p], `${path}.${p}`);
    }
    if (node.items) walk(node.items, `${path}[*]`);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${path}{*}`);
  };
  walk(rootSchema(kind, preferredVersion(kind)!)?.properties?.spec, 'spec');
  return out;
}

describe('reference table', () => {
  test('covers every reference-like field of every CRD (v0.44.0)', () => {
    const inTable = new Set(REF_SPECS.map(s => `${s.source} ${s.path}`));
    const uncovered = toolhiveKinds().flatMap(k => referenceLikeFields(k.kind).map(p => `${k.kind} ${p}`))
      .filter(f => !inTable.has(f));
    expect(uncovered).toEqual([]);
  });

  test('every row points at a field the CRD defines', () => {
    const fields = new Set(toolhiveKinds().flatMap(k => referenceLikeFields(k.kind).map(p => `${k.kind} ${p}`)));
    expect(REF_SPECS.map(s => `${s.source} ${s.path}`).filter(f => !fields.has(f))).toEqual([]);
  });

  test('has one tested fixture per row, with the same target and keyedness', () => {
    const table = (REF_SPECS as readonly RefSpec[]).map(s => `${s.source} ${s.path} -> ${s.target}${s.keyed ? ' keyed' : ''}`);
    const fixtures = ROWS.map(r => `${r.source} ${r.path} -> ${r.target}${r.keyed ? ' keyed' : ''}`);
    expect(fixtures).toEqual(table);
  });

  test('rows are unique', () => {
    const ids = REF_SPECS.map(s => `${s.source} ${s.path}`);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe('path patterns', () => {
  test('expand lists, maps and fields in document order with API-server paths', () => {
    const root = { spec: { backends: { b: { ref: { name: 'x' } }, a: { ref: { name: 'y' } } }, list: [{ r: 1 }, { r: 2 }, {}] } };
    expect(expand(root, 'spec.backends{*}.ref').map(m => m.path)).toEqual(['spec.backends[b].ref', 'spec.backends[a].ref']);
    expect(expand(root, 'spec.list[*].r').map(m => [m.path, m.value])).toEqual([['spec.list[0].r', 1], ['spec.list[1].r', 2]]);
  });

  test('expand ignores values of the wrong shape instead of throwing', () => {
    expect(expand({ spec: { list: 'nope', map: [1] } }, 'spec.list[*].r')).toEqual([]);
    expect(expand({ spec: { list: 'nope', map: [1] } }, 'spec.map{*}.r')).toEqual([]);
    expect(expand(null, 'spec.a')).toEqual([]);
  });

  test('rejects a pattern that does not start with a field', () => {
    expect(() => parsePattern('[*].name')).toThrow('invalid reference path pattern "[*].name"');
  });
});
