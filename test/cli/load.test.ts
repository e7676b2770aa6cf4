import type { LoadedManifests } from '../../src/cli/load';
import { parseYamlStream } from '../../src/cli/load';
import { REDACTED, redactor, secretValuesOf } from '../../src/validation/redact';

const secretRedactor = (objects: readonly unknown[]) => redactor(secretValuesOf(objects));

function parse(text: string): LoadedManifests {
  const out: LoadedManifests = { objects: [], sources: [], problems: [], emptyDirectories: [] };
  parseYamlStream(text, 'f.yaml', out);
  return out;
}

describe('parseYamlStream: kubectl scalar semantics (sigs.k8s.io/yaml, YAML 1.1)', () => {
  test('reads yes/on/off as booleans and 0755 as octal, like kubectl', () => {
    expect(parse('a: yes\nb: on\nc: off\nd: 0755\ne: "on"\n').objects).toEqual([{ a: true, b: true, c: false, d: 493, e: 'on' }]);
  });

  test('keeps timestamps and sexagesimal numbers as strings, like kubectl', () => {
    expect(parse('t: 2024-01-01\nd: 2024-01-01T10:00:00Z\nx: 1:30\n').objects).toEqual([{ t: '2024-01-01', d: '2024-01-01T10:00:00Z', x: '1:30' }]);
  });

  test('resolves anchors and merge keys', () => {
    expect(parse('base: &b {image: x}\nserver: {<<: *b, port: 1}\n').objects).toEqual([{ base: { image: 'x' }, server: { image: 'x', port: 1 } }]);
  });

  test('strips a byte-order mark', () => {
    expect(parse('\ufeffkind: ConfigMap\n').objects).toEqual([{ kind: 'ConfigMap' }]);
  });
});

describe('parseYamlStream: sources', () => {
  test('numbers documents as they appear, counting empty ones, with the line of their first key', () => {
    const out = parse('# head\nkind: A\n---\n---\n# comment only\n---\n\n\nkind: B\n');
    expect(out.objects).toEqual([{ kind: 'A' }, { kind: 'B' }]);
    expect(out.sources).toEqual([{ file: 'f.yaml', document: 1, line: 2 }, { file: 'f.yaml', document: 4, line: 9 }]);
  });

  test('skips an explicit null document', () => {
    expect(parse('--- null\n---\nkind: A\n').objects).toEqual([{ kind: 'A' }]);
  });

  test('expands a <Kind>List into its items, each at its own line', () => {
    const out = parse('apiVersion: toolhive.stacklok.dev/v1beta1\nkind: MCPServerList\nitems:\n- kind: MCPServer\n- kind: MCPServer\n  metadata: {name: b}\n');
    expect(out.objects).toEqual([{ kind: 'MCPServer' }, { kind: 'MCPServer', metadata: { name: 'b' } }]);
    expect(out.sources.map(s => [s.document, s.line])).toEqual([[1, 4], [1, 5]]);
  });

  test('keeps a List without items as one object', () => {
    expect(parse('kind: List\n').objects).toEqual([{ kind: 'List' }]);
  });

  test('fails a whole file on a syntax error, naming file, line and column', () => {
    const out = parse('kind: A\n---\nkind: B\nspec: a: b\n');
    expect(out.objects).toEqual([]);
    expect(out.problems).toEqual(['f.yaml:4:7: YAML syntax error in document 2: Nested mappings are not allowed in compact mappings']);
  });

  test('fails on an alias bomb instead of expanding it', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n' +
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const out = parse(bomb);
    expect(out.objects).toEqual([]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatch(/^f\.yaml:1: YAML error in document 1: /);
  });
});

describe('secretRedactor', () => {
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 's' },
    stringData: { token: 'plain-token-value' },
    data: { key: Buffer.from('decoded-key-value').toString('base64') },
  };

  test('redacts stringData values, data values and their decoding', () => {
    const redact = secretRedactor([secret]);
    const b64 = secret.data.key;
    expect(redact(`x plain-token-value y ${b64} z decoded-key-value`)).toBe(`x ${REDACTED} y ${REDACTED} z ${REDACTED}`);
  });

  test('leaves text alone when no Secret is read', () => {
    expect(secretRedactor([{ kind: 'ConfigMap', data: { a: 'plain-token-value' } }])('plain-token-value')).toBe('plain-token-value');
  });

  test('does not redact values too short to be secrets', () => {
    expect(secretRedactor([{ kind: 'Secret', stringData: { a: 'ab' } }])('a tab b')).toBe('a tab b');
  });
});
