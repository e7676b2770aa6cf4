/**
 * An object of another API group whose kind is named like a ToolHive kind, a Secret or a ConfigMap is another
 * resource: the operator's typed clients never read it. It is not a reference target, not checked as a ToolHive
 * object, and its own fields name nothing (src/validation/manifest-set.ts lookedUpByKind).
 */
import { validateManifests } from '../../src/validation';
import { toolhive } from '../engine/helpers';

const rules = (objects: unknown[]) => validateManifests(objects).map(v => `${v.rule} ${v.kind}/${v.name} ${v.path}`);

describe('objects of other groups named like the kinds the layers look up', () => {
  test('an example.com MCPServer gets none of the operator\'s checks and its references are not followed', () => {
    const foreign = { apiVersion: 'example.com/v1', kind: 'MCPServer', metadata: { name: 'x' }, spec: { image: '', secrets: [{ name: 'nope', key: 'k' }] } };
    expect(rules([foreign])).toEqual([]);
    // the same object in the ToolHive group: the operator's check and the missing Secret
    const ours = { ...foreign, apiVersion: 'toolhive.stacklok.dev/v1beta1' };
    expect(rules([ours])).toEqual(expect.arrayContaining(['operator.mcpserver.image MCPServer/x spec.image', 'ref.missing MCPServer/x spec.secrets[0].name']));
  });

  test('an example.com MCPToolConfig does not satisfy a toolConfigRef', () => {
    const server = toolhive('MCPServer', { image: 'i', toolConfigRef: { name: 'tc' } }, 's');
    const foreign = { apiVersion: 'example.com/v1', kind: 'MCPToolConfig', metadata: { name: 'tc' }, spec: { toolsFilter: ['a,b'] } };
    expect(rules([server, foreign])).toEqual(['ref.missing MCPServer/s spec.toolConfigRef.name']);
    expect(rules([server, toolhive('MCPToolConfig', {}, 'tc')])).toEqual([]);
  });

  test('an example.com Secret does not hold the key a workload reads', () => {
    const server = toolhive('MCPServer', { image: 'i', secrets: [{ name: 'tok', key: 'k', targetEnvName: 'T' }] }, 's');
    const secret = { metadata: { name: 'tok' }, kind: 'Secret', stringData: { k: 'v' } };
    expect(rules([server, { apiVersion: 'example.com/v1', ...secret }])).toEqual(['ref.missing MCPServer/s spec.secrets[0].name']);
    expect(rules([server, { apiVersion: 'v1', ...secret }])).toEqual([]);
  });
});
