/**
 * The fast YAML path (src/cli/fast-yaml.ts) against the reference path (`parseReference`, the `yaml` library): for
 * every text the fast path takes, the same objects, document numbers and lines; every text it leaves goes to the
 * reference, which then words the errors.
 */
import fc from 'fast-check';
import { canon } from './helpers';
import { readCommonYaml } from '../../src/cli/fast-yaml';
import { parseReference, parseYamlStream, type LoadedManifests } from '../../src/cli/load';

function empty(): LoadedManifests {
  return { objects: [], sources: [], problems: [], emptyDirectories: [] };
}

function reference(text: string): LoadedManifests {
  const out = empty();
  parseReference(text, 'f.yaml', out);
  return out;
}

function fast(text: string): { objects: unknown[]; sources: unknown[] } | undefined {
  const docs = readCommonYaml(text);
  return docs && { objects: docs.map(d => d.value), sources: docs.map(d => ({ file: 'f.yaml', document: d.document, line: d.line })) };
}

/** When the fast path takes `text`: asserts the reference reads it without a problem, to the same objects, numbers
 * and lines, and returns true; false when the fast path leaves it. */
function takenAlike(text: string): boolean {
  const f = fast(text);
  if (f === undefined) return false;
  const r = reference(text);
  expect(r.problems).toEqual([]);
  expect(canon(f.objects)).toBe(canon(r.objects));
  expect(f.sources).toEqual(r.sources);
  return true;
}

/** Scalars as written in YAML: YAML 1.1 forms, look-alikes, quoted forms, text that needs care. */
const SCALARS = [
  'yes', 'Yes', 'YES', 'no', 'No', 'on', 'On', 'OFF', 'off', 'y', 'Y', 'n', 'N', 'true', 'True', 'TRUE', 'false', 'FALSE',
  'yEs', 'tRue', 'null', 'Null', 'NULL', 'nULL', '~', '0755', '0o17', '0b101', '0b1_0', '0x1F', '0x_1f', '-0', '+0', '+12', '-12', '1_000',
  '08', '09.5', '007', '1e3', '1E+3', '1.5e-3', '.5', '5.', '-.5', '1__0', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', 'nan',
  '1:20', '1:20:30.5', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '12:30:00', '0.1', '1.0', '100.000', '1.2.3', '0x', '0b', '0o',
  '9007199254740993', '123456789012345678901234567890', '0b_', '-', '+', '.', '._', 'a b', 'a  b', 'ghcr.io/x/y:1.0', 'http://a/b?c=d',
  'é', '日本', '"yes"', "'on'", '"0755"', '""', "''", '"a: b"', '"#c"', '"line\\nbreak"', '"\\u00e9"', "'it''s'", '"tab\\there"',
  '<<x', 'a<<', '%x', '@x'.slice(1), 'a#b', 'a %b', '500m', '256Mi', '1Gi', '-1', '3.14159', '6.02e23', '0.0', '-0.0',
];
const KEYS = ['kind', 'name', 'a', 'b-c', 'd_e', 'f.g', 'yes', 'no', 'on', '1', '0x10', '1.5', 'true', '"quoted"', "'single'", '__proto__', 'constructor', 'toString', 'null', '~', '"null"', '.inf'];

interface Gen {
  value(indent: number, depth: number): fc.Arbitrary<string>;
}

/** A block mapping's lines at `indent`, with unique keys (duplicates are the reference's to judge). */
function mapping(indent: number, depth: number, gen: Gen): fc.Arbitrary<string> {
  const pad = ' '.repeat(indent);
  return fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 4, selector: k => k.replace(/^["']|["']$/g, '') })
    .chain(keys => fc.tuple(...keys.map(k => gen.value(indent, depth).map(v => `${pad}${k}:${v}`)), fc.constantFrom('', `${pad}# note\n`))
      .map(([...parts]) => {
        const comment = parts.pop() as string;
        return comment + parts.join('\n');
      }));
}

const gen: Gen = {
  value(indent, depth) {
    const pad = ' '.repeat(indent + 2);
    const scalar = fc.constantFrom(...SCALARS);
    const leaf = fc.oneof(
      scalar.map(s => ` ${s}`),
      fc.constant(''),
      scalar.map(s => ` ${s} # trailing`),
      fc.array(scalar, { maxLength: 3 }).map(a => ` [${a.join(', ')}]`),
      fc.array(fc.tuple(fc.constantFrom('x', 'y', 'z'), scalar), { maxLength: 3 })
        .map(ps => ` {${[...new Map(ps)].map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
      fc.constantFrom('|', '|-', '>', '>+').chain(h => fc.array(fc.constantFrom('line one', '  indented', '', 'yes', '#x'), { minLength: 1, maxLength: 3 })
        .map(lines => ` ${h}\n${lines.map(l => (l === '' ? '' : `${pad}${l}`)).join('\n')}`)),
    );
    if (depth >= 3) return leaf;
    return fc.oneof(
      { weight: 3, arbitrary: leaf },
      { weight: 1, arbitrary: mapping(indent + 2, depth + 1, gen).map(m => `\n${m}`) },
      { weight: 1, arbitrary: fc.array(fc.oneof(scalar.map(s => `${pad}- ${s}`), mapping(indent + 4, depth + 1, gen).map(m => `${pad}- ${m.trimStart()}`)), { minLength: 1, maxLength: 3 }).map(items => `\n${items.join('\n')}`) },
    );
  },
};

const SEPARATORS = ['---\n', '---\n# between\n', '\n---\n', '--- # marker comment\n', '---\n---\n', '---   \n'];

const stream = fc.tuple(
  fc.constantFrom('', '# head\n', '---\n', '\n\n'),
  fc.array(fc.tuple(mapping(0, 0, gen), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 4 }),
  fc.constantFrom('', '\n', '---\n', '\n# tail\n', '---\n# tail\n'),
).map(([head, docs, tail]) => head + docs.map(([d, sep], i) => (i === 0 ? '' : sep) + d).join('\n') + (tail.startsWith('-') ? '\n' : '') + tail);

describe('the fast YAML path reads what it takes exactly as the reference does', () => {
  test('generated manifests: same objects, document numbers and lines', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(fc.property(stream, text => {
      runs++;
      if (takenAlike(text)) taken++;
    }), { numRuns: 600, seed: 20261207 });
    // the property is about the texts the fast path takes: a good share must be taken (keys equal after
    // resolution, such as `yes` and `true`, are the usual reason to leave one)
    expect(taken).toBeGreaterThan(runs / 3);
  });

  test.each(SCALARS)('scalar %s: same value as a mapping value and as a key', s => {
    const text = `v: ${s}\n${s}: k\n`;
    const r = reference(text);
    const f = fast(text);
    if (r.problems.length > 0 || f === undefined) {
      // only a duplicate key after resolution (`v: v`) or a reference error may send it to the reference
      expect(f).toBeUndefined();
      return;
    }
    expect(canon(f.objects)).toBe(canon(r.objects));
  });

  test('the usual manifest is taken by the fast path', () => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\nstringData:\n  token: "x"\n---\napiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServer\nmetadata: {name: s}\nspec:\n  image: ghcr.io/x:1\n  args: [--a, "--b=1"]\n  env:\n  - name: A\n    value: |\n      multi\n      line\n';
    expect(fast(text)).toEqual({
      objects: reference(text).objects,
      sources: [{ file: 'f.yaml', document: 1, line: 1 }, { file: 'f.yaml', document: 2, line: 8 }],
    });
  });

  test('large streams are read in batches with the same numbering', () => {
    const docs = Array.from({ length: 3000 }, (_, i) => `kind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: "${'v'.repeat(i % 50)}"\n`);
    const text = docs.join('---\n');
    const f = fast(text)!;
    const r = reference(text);
    expect(canon(f.objects)).toBe(canon(r.objects));
    expect(f.sources).toEqual(r.sources);
    // five lines per document and a marker line between documents
    expect(f.sources[2999]).toEqual({ file: 'f.yaml', document: 3000, line: 2999 * 6 + 1 });
  });
});

/** Manifests to mutate: block and flow collections, quoted, block and folded scalars, comments, markers. */
const BASES = [
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\n  labels: {a: "1", b: c}\nstringData:\n  token: "x y"\n  other: |\n    line one\n    line two\n',
  'kind: MCPServer\nspec:\n  args: [--a, "--b=1", \'c\']\n  env:\n  - name: A\n    value: yes\n  - {name: B, value: "0755"}\n  # comment\n  port: 8080\n',
  'a:\n  - b\n  - c: d\n    e: >\n      folded\n      text\n  - [x, {y: z}]\nf: "multi\n  line"\ng: \'it\'\'s\'\n',
  '# head\n---\nkind: A\nm:\n  k: |-\n    keep\n\n    more\n---\n---\nkind: B\nx: "esc \\" \\u00e9"\ny:\n- - 1\n  - 2\n- k: v\n  w: [1, 2,\n    3]\nz: {a: [b, {c: d}], e: f}\n',
];
/** What an edit inserts or writes over: indicators, quotes, line ends, the features the fast path leaves. */
const EDITS = ['? ', '- ', ': ', ':', '-', ' ', '  ', '"', "'", '#', '\n', '\r\n', '\t', '[', ']', '{', '}', ',', '|', '>', 'a', '---\n', '...\n', '&a ', '*a', '!t ', '<<: ', '%', '\\'];

const mutated = fc.tuple(fc.constantFrom(...BASES), fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...EDITS)), { minLength: 1, maxLength: 3 }))
  .map(([base, edits]) => edits.reduce((s, [at, op, edit]) => {
    const i = at % (s.length + 1);
    if (op === 'insert') return s.slice(0, i) + edit + s.slice(i);
    if (op === 'delete') return s.slice(0, i) + s.slice(i + 1);
    return s.slice(0, i) + edit + s.slice(i + 1);
  }, base));

describe('mutated manifests: whatever the fast path takes, the reference reads the same way', () => {
  test('random edits of real-looking manifests (most break them; the fast path must leave every broken one)', () => {
    let taken = 0;
    fc.assert(fc.property(mutated, text => {
      if (takenAlike(text)) taken++;
    }), { numRuns: 4000, seed: 20261208 });
    expect(taken).toBeGreaterThan(500);
  });

  test('regressions the mutation search found: js-yaml accepts, the reference refuses', () => {
    for (const text of [
      'a:\n  - b\n: - c: d\n', // an empty key
      'env:\n- x\n- {n: 1}B, v: 2\n', // text after a flow collection read as a key
      'env:\n- {name: B, value: "1"}?   # c\nport: 8080\n', // an explicit key indicator after a flow collection
      'a:\n  - c: d\n    e: \r\n\n#      folded\n      text\n  - [x, {y: z}]\n', // a value on a later line, after a comment
    ]) {
      expect(readCommonYaml(text)).toBeUndefined();
      expect(reference(text).problems).not.toEqual([]);
    }
  });
});

describe('what the fast path leaves to the reference', () => {
  const LEFT: Array<[string, string]> = [
    ['an anchor and alias', 'a: &x {b: 1}\nc: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a local tag', 'a: !custom 1\n'],
    ['a merge key', 'b: {c: 1}\na:\n  <<: {c: 2}\n'],
    ['a %YAML directive', '%YAML 1.1\n---\na: 1\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['content on the marker line', '--- {a: 1}\n'],
    ['a null document written out', '--- null\n---\nkind: A\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a collection key', '[a]: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['keys equal after resolution', '1: a\n"1": b\n'],
    ['a tab', 'a:\tb\n'],
    ['a lone carriage return', 'a: 1\rb: 2\n'],
    ['a next-line character', 'a: b\u0085c\n'],
    ['a line separator', 'a: b\u2028c\n'],
    ['a byte-order mark inside', 'a: 1\n---\n\ufeffb: 2\n'],
    ['an implicit key over 1024 characters', `${'k'.repeat(1100)}: v\n`],
    ['a List', 'kind: List\nitems:\n- kind: A\n'],
    ['a ConfigMapList', 'kind: ConfigMapList\nitems: []\n'],
    ['a scalar document', 'just text\n'],
    ['a sequence document', '- a\n- b\n'],
    ['a syntax error', 'a: "unterminated\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['nesting deeper than 100', `${'['.repeat(150)}${']'.repeat(150)}\n`],
  ];

  test.each(LEFT)('%s', (_, text) => {
    expect(readCommonYaml(text)).toBeUndefined();
    // and the stream reader then gives exactly the reference's result
    const viaStream = empty();
    parseYamlStream(text, 'f.yaml', viaStream);
    expect(viaStream).toStrictEqual(reference(text));
  });

  test('CRLF line ends are taken, with the same lines', () => {
    const text = 'kind: A\r\nmetadata:\r\n  name: a\r\n---\r\nkind: B\r\n';
    expect(fast(text)).toEqual({ objects: reference(text).objects, sources: reference(text).sources });
  });

  test('__proto__ is an own key, never the prototype', () => {
    const [doc] = readCommonYaml('__proto__:\n  polluted: yes\n')!;
    expect(Object.getPrototypeOf(doc.value)).toBe(Object.prototype);
    expect(Object.keys(doc.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
