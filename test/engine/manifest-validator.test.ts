/**
 * The engine over a stream (`ManifestValidator`): the same verdict as `validateManifests`, while keeping of the
 * kinds no cross-object layer reads only their identity and a digest of their content.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { copy, toolhive } from './helpers';
import { parseYamlStream, type LoadedManifests } from '../../src/cli/load';
import { ManifestValidator, validateManifests, type SourceLocation } from '../../src/validation';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples', 'manifests');

function examples(): { objects: unknown[]; sources: SourceLocation[] } {
  const out: LoadedManifests = { objects: [], sources: [], problems: [], emptyDirectories: [] };
  for (const dir of ['platform', 'rejected']) {
    for (const f of fs.readdirSync(path.join(EXAMPLES, dir)).sort()) {
      parseYamlStream(fs.readFileSync(path.join(EXAMPLES, dir, f), 'utf8'), `${dir}/${f}`, out);
    }
  }
  expect(out.problems).toEqual([]);
  return { objects: out.objects, sources: out.sources };
}

function deployment(name: string, image: string): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'tools' },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }] } } },
  };
}

/** Objects of every layer: schema and CEL errors, a missing Secret key, duplicates of kinds kept whole and not. */
function mixedSet(): unknown[] {
  return [
    toolhive('MCPServer', { image: 'i', transport: 'grpc', secrets: [{ name: 'creds', key: 'missing', targetEnvName: 'TOKEN' }] }, 'alpha'),
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, stringData: { token: 'placeholder-value-1234' } },
    'not an object',
    deployment('web', 'nginx:1'),
    deployment('web', 'nginx:1'),
    deployment('api', 'api:1'),
    deployment('api', 'api:2'),
    // a user Deployment where the operator puts the MCPServer's own
    { ...deployment('alpha', 'x:1'), metadata: { name: 'alpha', namespace: 'default' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: 'b' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: 'c' } },
  ];
}

function streamed(objects: readonly unknown[], sources?: readonly SourceLocation[]) {
  const run = new ManifestValidator();
  objects.forEach((o, i) => run.add(o, sources?.[i]));
  return run.finish();
}

describe('ManifestValidator', () => {
  test('gives the violations of validateManifests, in the same order, on the examples and on a mixed set', () => {
    const { objects, sources } = examples();
    const whole = validateManifests(objects, { sources });
    expect(whole.filter(v => v.severity === 'error')).toHaveLength(6);
    expect(streamed(objects, sources)).toEqual(whole);

    const mixed = validateManifests(mixedSet());
    const rules = mixed.map(v => v.rule);
    expect(rules).toEqual(expect.arrayContaining(['identity.not-an-object', 'schema.enum', 'ref.secret-key-missing', 'collision.duplicate-object', 'collision.deployment']));
    expect(streamed(mixedSet())).toEqual(mixed);
  });

  test('any order and choice of the examples, the mixed set and copies of them: the verdict of validateManifests', () => {
    const { objects } = examples();
    // objects of another group named like ToolHive kinds: the set layers select by kind name, so they are kept whole
    const foreign = [
      { apiVersion: 'example.com/v1', kind: 'MCPServer', metadata: { name: 'x' }, spec: { image: '' } },
      { apiVersion: 'example.com/v1', kind: 'MCPToolConfig', metadata: { name: 'tc' }, spec: { toolsFilter: ['a,b'] } },
      toolhive('MCPServer', { image: 'i', toolConfigRef: { name: 'tc' } }, 's'),
    ];
    const pool = [...objects, ...mixedSet(), ...foreign, deployment('web', 'nginx:2'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } }];
    expect(streamed(foreign).map(v => v.rule)).toEqual(validateManifests(foreign).map(v => v.rule));
    expect(validateManifests(foreign).map(v => v.rule)).toEqual(['ref.missing']);
    fc.assert(fc.property(fc.array(fc.nat(pool.length - 1), { maxLength: 30 }), picks => {
      const set = picks.map(i => pool[i]);
      expect(streamed(set)).toEqual(validateManifests(set));
    }), { numRuns: 150, seed: 7 });
  });

  test('tells duplicates of a kind kept by identity only apart by content: same content warns, different fails', () => {
    const found = streamed(mixedSet()).filter(v => v.rule === 'collision.duplicate-object');
    expect(found.map(v => [v.kind, v.name, v.severity, v.message.split(':')[0]])).toEqual([
      ['Deployment', 'web', 'warning', 'Deployment "web" in namespace "tools" is defined twice with the same content'],
      ['Deployment', 'api', 'error', expect.stringContaining('Deployment "api" in namespace "tools" is defined more than once with different content')],
      ['ConfigMap', 'cfg', 'error', expect.stringContaining('ConfigMap "cfg" in namespace "default" is defined more than once with different content')],
    ]);
  });

  test('keeps only the identity and a digest of a Deployment: a change after add does not reach the verdict', () => {
    const run = new ManifestValidator();
    const first = deployment('web', 'nginx:1');
    const second = deployment('web', 'nginx:1');
    run.add(first);
    run.add(second);
    // with the objects kept, this edit would turn "same content" into "different content"
    ((first.spec as any).template.spec.containers[0] as Record<string, unknown>).image = 'changed:2';
    const found = run.finish().filter(v => v.rule === 'collision.duplicate-object');
    expect(found.map(v => v.severity)).toEqual(['warning']);

    // validateManifests keeps the objects whole (its caller holds them): the same edit before it is seen there
    const objects = [deployment('web', 'nginx:1'), deployment('web', 'changed:2')];
    expect(validateManifests(objects).filter(v => v.rule === 'collision.duplicate-object').map(v => v.severity)).toEqual(['error']);
  });

  test('redacts a Secret value added after the object whose message quotes it', () => {
    const value = 'an-inline-credential-4321';
    const server = toolhive('MCPServer', { image: 'i', env: [{ name: '1BAD', value }] }, 'alpha');
    const run = new ManifestValidator();
    run.add(server);
    run.add({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { k: value } });
    const text = JSON.stringify(run.finish());
    expect(text).toContain('1BAD');
    expect(text).not.toContain(value);
    expect(run.secretValues()).toContain(value);
  });

  test('never throws on data, and never mutates what it is given', () => {
    const input: unknown[] = [null, 42, [], { kind: 'MCPServer' }, Object.create(null), ...mixedSet()];
    const before = copy(input);
    const run = new ManifestValidator();
    for (const o of input) expect(() => run.add(o)).not.toThrow();
    expect(run.size).toBe(input.length);
    expect(run.finish().length).toBeGreaterThan(5);
    expect(input).toEqual(before);
  });

  test('rollback forgets what was added since the mark: violations, Secrets to redact, positions', () => {
    const run = new ManifestValidator();
    const [bad, secret] = mixedSet();
    run.add(bad);
    const at = run.mark();
    run.add({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, stringData: { missing: 'a-value-taken-back-99' } });
    run.add('not an object');
    run.rollback(at);
    expect(run.size).toBe(1);
    expect(run.secretValues()).toEqual([]);
    run.add(secret);
    expect(run.finish()).toEqual(validateManifests([bad, secret]));
    expect(() => run.rollback(at)).toThrow(new TypeError('ManifestValidator.rollback called after finish'));
  });

  test('misuse is a TypeError: add after finish, finish twice, a bad option', () => {
    const run = new ManifestValidator();
    run.finish();
    expect(() => run.add({})).toThrow(new TypeError('ManifestValidator.add called after finish'));
    expect(() => run.finish()).toThrow(new TypeError('ManifestValidator.finish called twice'));
    expect(() => new ManifestValidator({ external: 'Secret/x' as never })).toThrow(TypeError);
  });
});
