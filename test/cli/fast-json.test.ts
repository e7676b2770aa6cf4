/**
 * The fast JSON path (src/cli/fast-json.ts) against the reference path (`parseReference` in JSON mode, the `yaml`
 * library): for every text the fast path takes, the same objects, document numbers and lines; every text it
 * leaves goes to the reference, which then words the errors.
 */
import fc from 'fast-check';
import { canon } from './helpers';
import { readCommonJson } from '../../src/cli/fast-json';
import { parseReference, parseYamlStream, type LoadedManifests } from '../../src/cli/load';

function empty(): LoadedManifests {
  return { objects: [], sources: [], problems: [], emptyDirectories: [] };
}

function reference(text: string): LoadedManifests {
  const out = empty();
  parseReference(text, 'f.json', out, 'json');
  return out;
}

/** When the fast path takes `text`: the reference reads it without a problem, to the same objects and lines. */
function takenAlike(text: string): boolean {
  const docs = readCommonJson(text);
  if (docs === undefined) return false;
  const r = reference(text);
  expect(r.problems).toEqual([]);
  expect(canon(docs.map(d => d.value))).toBe(canon(r.objects));
  expect(docs.map(d => ({ file: 'f.json', document: d.document, line: d.line }))).toEqual(r.sources);
  return true;
}

const KEYS = ['kind', 'apiVersion', 'metadata', 'name', 'items', 'a', 'é', '日本', '__proto__', 'constructor', 'toString', 'x"y', 'back\\slash', 'line\nbreak', ''];
const scalar = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1.5, 1e21, 1e-7, 12345678901234567890, 9007199254740993, true, false, null),
  fc.constantFrom('', 'yes', 'on', '0755', '1e3', 'null', 'é', '\u2028', '\ud83d\ude00', 'quote"', 'tab\there', 'a\\b', '</script>', 'List'),
  fc.string({ maxLength: 6 }),
);
const json: fc.Arbitrary<unknown> = fc.letrec(tie => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 4 })), tie('value'), { maxKeys: 4 }),
})).value;
/** A `List` as kubectl prints it: kind, items, maybe metadata. */
const list = fc.tuple(fc.constantFrom('List', 'MCPServerList', 'SecretList'), fc.array(json, { maxLength: 4 }), fc.boolean())
  .map(([kind, items, meta]) => ({ apiVersion: 'v1', kind, ...(meta ? { metadata: { resourceVersion: '1' } } : {}), items }));
/** How a text spells it: kubectl's two-space indent, compact, or four spaces with CRLF line ends. */
const spelled = (v: unknown) => fc.constantFrom(2, 0, 4).map(indent => {
  const text = JSON.stringify(v, null, indent) ?? 'null';
  // JSON escapes every line break inside a string: each raw one is between tokens
  return indent === 4 ? text.replace(/\n/g, '\r\n') : text;
});

/** JSON.stringify cannot write a duplicate key or an escape that differs from its character: these texts can. */
const EDGE_TEXTS = [
  '{"a": 1, "a": 2}',
  '{"a": 1, "\\u0061": 2}',
  '{"kind": "List", "items": [{"a": 1}, {"b": {"c": 1, "c": 2}}]}',
  '{"kind": "List", "items": [], "items": [{}]}',
  '{"\\u005f_proto__": {"x": 1}}',
  '{"k": "\\ud800"}',
  '{"k": "\\u0000\\b\\f\\n\\r\\t\\/"}',
  '{"a":\t1}',
  '{"a":1,\r"b":2}', '{"a":1}\r', '{"a":\r\n1,\r\r\n"b":2}',
  '\n\n  {"kind": "List", "items": [\n\n    {"a": 1},\n    2, "x", null, [1]\n  ]}\n',
  '"a string"', '42', 'null', '[]', '[{"kind": "List", "items": [1]}]', '{}', '',
  '{"a": 1}\n---\n{"b": 2}', '{"a": 1} {"b": 2}', '{a: 1}', '{"a": 1,}', '// c\n{}', '{"a": .5}', '{"a": 01}', '{"a": NaN}',
  `${'['.repeat(150)}${']'.repeat(150)}`,
  `{"kind": "List", "items": [${'{"a": '.repeat(60)}1${'}'.repeat(60)}]}`,
];

describe('fast JSON path: the same objects and lines as the reference', () => {
  test('generated documents and Lists, spelled three ways', () => {
    let taken = 0;
    fc.assert(fc.property(fc.oneof(json, list).chain(spelled), text => {
      if (takenAlike(text)) taken++;
    }), { numRuns: 400, seed: 11 });
    // the fast path takes all generated JSON (it leaves only duplicate keys, tabs and deep nesting)
    expect(taken).toBe(400);
  });

  test('edge texts: what the fast path takes reads alike, the rest the reference reads (and words the errors)', () => {
    const left: string[] = [];
    for (const text of EDGE_TEXTS) if (!takenAlike(text)) left.push(text);
    expect(left).toEqual([
      '{"a": 1, "a": 2}',
      '{"a": 1, "\\u0061": 2}',
      '{"kind": "List", "items": [{"a": 1}, {"b": {"c": 1, "c": 2}}]}',
      '{"kind": "List", "items": [], "items": [{}]}',
      '{"a":\t1}',
      '{"a":1,\r"b":2}', '{"a":1}\r', '{"a":\r\n1,\r\r\n"b":2}',
      '',
      '{"a": 1}\n---\n{"b": 2}', '{"a": 1} {"b": 2}', '{a: 1}', '{"a": 1,}', '// c\n{}', '{"a": .5}', '{"a": 01}', '{"a": NaN}',
      `${'['.repeat(150)}${']'.repeat(150)}`,
    ]);
    // a carriage return alone is an error of the reference (JSON.parse takes it as whitespace)
    expect(reference('{"a":1,\r"b":2}').problems).toEqual(['f.json:1:8: JSON syntax error in document 1: unresolved plain scalar']);
    // a duplicate key is the reference's error, with its position and no quoted text
    expect(reference('{"a": 1, "\\u0061": 2}').problems).toEqual([expect.stringMatching(/^f\.json:1:\d+: JSON syntax error in document 1: /)]);
  });

  test('a List gives its items, each at its own line', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": [\n    {"kind": "Secret"},\n\n    {"kind": "ConfigMap"}\n  ]\n}\n';
    const out = empty();
    parseYamlStream(text, 'f.json', out, 'json');
    expect(out).toEqual({ ...empty(), objects: [{ kind: 'Secret' }, { kind: 'ConfigMap' }], sources: [{ file: 'f.json', document: 1, line: 5 }, { file: 'f.json', document: 1, line: 7 }] });
    expect(takenAlike(text)).toBe(true);
  });

  test('edited documents: whatever the fast path takes, the reference reads the same way', () => {
    const base = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Secret', metadata: { name: 'a' }, data: { k: 'dg==' } }, { kind: 'MCPServer', spec: { port: 8080, args: ['x', 'y'], on: true } }] }, null, 2);
    const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete'), fc.constantFrom('"', ',', ':', '{', '}', '[', ']', ' ', '\n', '\r', '\\', 'a', '1', '-', '"items": [', '"a": 1, ')), { minLength: 1, maxLength: 3 });
    let taken = 0;
    fc.assert(fc.property(edits, steps => {
      let text = base;
      for (const [at, op, s] of steps) {
        const i = at % (text.length + 1);
        text = op === 'insert' ? text.slice(0, i) + s + text.slice(i) : text.slice(0, i) + text.slice(i + s.length);
      }
      if (takenAlike(text)) taken++;
    }), { numRuns: 1500, seed: 12 });
    expect(taken).toBeGreaterThan(100);
  });
});
