/**
 * `collision.duplicate-object` (src/validation/collisions.ts), added by the audit: the engine looked up references in
 * the first of two objects with one identity while the cluster keeps the one applied last, so a set could pass with
 * checks made against the wrong object.
 */
import { oidc, oidcRef, server } from './fixtures';
import { errors, secret, th, warnings } from './helpers';
import { validateManifests } from '../../src/validation';

const dup = (kind: string, name: string, ns = 'default') =>
  `${kind} "${name}" in namespace "${ns}" is defined more than once with different content; the cluster keeps one object per name, so the ` +
  'definition applied last replaces the other, while references are checked against the first: remove one definition or rename it';

describe('collision.duplicate-object', () => {
  test('rejects a second, different MCPOIDCConfig of one name (the checks would see the first, the cluster would keep the last)', () => {
    const set = [oidc('idp'), oidc('idp', 'https://other.example.com'), server('fetch', { oidcConfigRef: oidcRef('fetch') })];
    expect(errors(set).map(e => `${e.kind}/${e.name} ${e.path} [${e.rule}] ${e.message}`)).toEqual([
      `MCPOIDCConfig/idp metadata.name [collision.duplicate-object] ${dup('MCPOIDCConfig', 'idp')}`,
    ]);
  });

  test('rejects two Secrets of one name in a namespace, reporting the later one', () => {
    const set = [secret('token', { a: 'x' }), secret('token', { b: 'y' })];
    expect(errors(set).map(e => [e.kind, e.path, e.message])).toEqual([['Secret', 'metadata.name', dup('Secret', 'token')]]);
  });

  test('warns, and does not fail, when the copies are identical', () => {
    const set = [th('MCPGroup', 'g', {}), th('MCPGroup', 'g', {})];
    expect(errors(set)).toEqual([]);
    expect(warnings(set).map(w => [w.rule, w.message])).toEqual([
      ['collision.duplicate-object', 'MCPGroup "g" in namespace "default" is defined twice with the same content: remove the copy'],
    ]);
  });

  test('accepts one name across kinds, namespaces and API groups', () => {
    const set = [
      th('MCPGroup', 'shared', {}),
      { ...th('MCPGroup', 'shared', {}), metadata: { name: 'shared', namespace: 'other' } },
      th('MCPToolConfig', 'shared', {}),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shared' }, data: {} },
      { apiVersion: 'example.com/v1', kind: 'ConfigMap', metadata: { name: 'shared' } },
    ];
    expect(errors(set)).toEqual([]);
    expect(warnings(set)).toEqual([]);
  });

  test('rejects an MCPServer defined twice once, not again as a generated-object collision', () => {
    const set = [server('fetch'), server('fetch', { image: 'ghcr.io/x/z:2.0.0' })];
    expect(errors(set).map(e => e.rule)).toEqual(['collision.duplicate-object']);
  });

  test('names both files (as file#document) when the copies came from files', () => {
    const set = [oidc('idp'), oidc('idp', 'https://other.example.com'), th('MCPGroup', 'g', {}), th('MCPGroup', 'g', {})];
    const sources = [{ file: 'base/oidc.yaml', document: 1 }, { file: 'overlay/oidc.yaml', document: 3 }, { file: 'a.yaml', document: 1 }, { file: 'a.yaml', document: 2 }];
    expect(validateManifests(set, { sources }).filter(v => v.rule === 'collision.duplicate-object').map(v => [v.severity, v.file, v.document, v.message])).toEqual([
      ['error', 'overlay/oidc.yaml', 3, 'MCPOIDCConfig "idp" in namespace "default" is defined more than once with different content (base/oidc.yaml#1 and ' +
        'overlay/oidc.yaml#3); the cluster keeps one object per name, so the definition applied last replaces the other, while references are ' +
        'checked against the first: remove one definition or rename it'],
      ['warning', 'a.yaml', 2, 'MCPGroup "g" in namespace "default" is defined twice with the same content (a.yaml#1 and a.yaml#2): remove the copy'],
    ]);
  });
});
