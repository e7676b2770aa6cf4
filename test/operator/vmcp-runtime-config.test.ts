/**
 * The vMCP start-time validation over the config the operator assembles by reference: composite tool definitions
 * (compositeToolRefs) and MCPToolConfig overrides (aggregation.tools[].toolConfigRef), plus the aggregation
 * defaults the converter applies.
 */
import { admissionErrors, toolhive } from './config-fixtures';
import { validateManifests, type KubeObject } from '../../src/validation';

type Spec = Record<string, unknown>;

const group = toolhive('MCPGroup', 'team', {});
const vmcp = (config: Spec) => toolhive('VirtualMCPServer', 'gateway', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' }, config });
const toolConfig = (toolsOverride: Spec) => toolhive('MCPToolConfig', 'fetch-tools', { toolsOverride });
const definition = (name: string, tool: string) => toolhive('VirtualMCPCompositeToolDefinition', name, {
  name, description: 'Deploy', steps: [{ id: 'run', type: 'tool', tool }],
});

/** Findings on the VirtualMCPServer from the vMCP start-time rules (fixtures must be admitted). */
function onVmcp(objects: readonly KubeObject[]) {
  expect(admissionErrors(objects)).toEqual([]);
  return validateManifests(objects)
    .filter(v => v.kind === 'VirtualMCPServer' && (v.rule === 'operator.vmcp.runtime-aggregation' || v.rule.startsWith('operator.composite-tool.')))
    .map(({ path, rule, severity, message }) => ({ path, rule, severity, message }));
}

describe('MCPToolConfig overrides pulled in through aggregation.tools[].toolConfigRef', () => {
  const rule = 'operator.vmcp.runtime-aggregation';
  const tools = (entry: Spec) => vmcp({ aggregation: { tools: [{ workload: 'fetch', toolConfigRef: { name: 'fetch-tools' }, ...entry }] } });

  it('accepts overrides that rename or describe', () => {
    expect(onVmcp([group, toolConfig({ fetch: { name: 'get' }, search: { description: 'Search the docs' } }), tools({})])).toEqual([]);
  });

  it('rejects an override with annotations only, naming the MCPToolConfig (the vMCP needs a name or a description)', () => {
    expect(onVmcp([group, toolConfig({ fetch: { annotations: { readOnlyHint: true } } }), tools({})])).toEqual([{
      path: 'spec.config.aggregation.tools[0].toolConfigRef.name',
      rule,
      severity: 'error',
      message: 'tools[0].overrides.fetch: at least one of name or description must be specified (from MCPToolConfig "fetch-tools" spec.toolsOverride[fetch])',
    }]);
  });

  it('lets an inline override win over the MCPToolConfig one (mergeToolConfigOverrides)', () => {
    expect(onVmcp([group, toolConfig({ fetch: { annotations: { readOnlyHint: true } } }), tools({ overrides: { fetch: { name: 'get' } } })])).toEqual([]);
  });

  it('rejects an inline override with annotations only', () => {
    expect(onVmcp([group, vmcp({ aggregation: { tools: [{ workload: 'fetch', overrides: { fetch: { annotations: { readOnlyHint: true } } } }] } })])).toEqual([{
      path: 'spec.config.aggregation.tools[0].overrides[fetch]',
      rule,
      severity: 'error',
      message: 'tools[0].overrides.fetch: at least one of name or description must be specified',
    }]);
  });
});

describe('aggregation after the converter\'s defaults', () => {
  const rule = 'operator.vmcp.runtime-aggregation';

  it('accepts priority with a priorityOrder, and the default prefix strategy', () => {
    expect(onVmcp([group, vmcp({ aggregation: { conflictResolution: 'priority', conflictResolutionConfig: { priorityOrder: ['a'] } } })])).toEqual([]);
    expect(onVmcp([group, vmcp({ aggregation: {} })])).toEqual([]);
  });

  it('rejects priority without a conflictResolutionConfig (the converter supplies an empty one)', () => {
    expect(onVmcp([group, vmcp({ aggregation: { conflictResolution: 'priority' } })])).toEqual([{
      path: 'spec.config.aggregation.conflictResolution', rule, severity: 'error', message: 'priorityOrder is required for priority strategy',
    }]);
  });

  it('keeps the CRD default prefixFormat, and rejects an explicit empty one (the converter copies the config as is)', () => {
    expect(onVmcp([group, vmcp({ aggregation: { conflictResolutionConfig: {} } })])).toEqual([]);
    for (const operatorRelease of ['v0.43.0', 'v0.44.0', 'main@e25de16']) {
      const objects = [group, vmcp({ aggregation: { conflictResolution: 'prefix', conflictResolutionConfig: { prefixFormat: '' } } })];
      expect(validateManifests(objects, { operatorRelease }).filter(v => v.rule === rule).map(({ path, message }) => ({ path, message }))).toEqual([{
        path: 'spec.config.aggregation.conflictResolutionConfig.prefixFormat', message: 'prefixFormat is required for prefix strategy',
      }]);
    }
  });

  it('rejects manual without tools entries', () => {
    expect(onVmcp([group, vmcp({ aggregation: { conflictResolution: 'manual' } })]).map(f => f.message)).toEqual(['tool overrides are required for manual strategy']);
  });

  it('rejects defaultToolVisibility deny with a priorityOrder workload that has no tools entry', () => {
    const agg = (tools: Spec[]) => vmcp({ aggregation: { conflictResolution: 'priority', defaultToolVisibility: 'deny', conflictResolutionConfig: { priorityOrder: ['a', 'b'] }, tools } });
    expect(onVmcp([group, agg([{ workload: 'a' }, { workload: 'b' }])])).toEqual([]);
    expect(onVmcp([group, agg([{ workload: 'a' }])]).map(f => f.message)).toEqual([
      'defaultToolVisibility deny with priority strategy: priorityOrder entry "b" has no tools entry; it could win a name conflict and then be withheld, hiding the tool entirely. Add a tools entry for "b" or remove it from priorityOrder',
    ]);
  });

  it('rejects a workload configured twice', () => {
    expect(onVmcp([group, vmcp({ aggregation: { tools: [{ workload: 'a' }, { workload: 'a' }] } })])).toEqual([{
      path: 'spec.config.aggregation.tools[1].workload', rule, severity: 'error', message: 'duplicate workload configuration: a',
    }]);
  });
});

describe('composite tool definitions pulled in through compositeToolRefs', () => {
  const inline = { name: 'inline_tool', description: 'Inline', steps: [{ id: 'one', type: 'tool', tool: 'fetch' }] };

  it('accepts a valid referenced definition', () => {
    expect(onVmcp([group, definition('deploy', 'deploy.run'), vmcp({ compositeTools: [inline], compositeToolRefs: [{ name: 'deploy' }] })])).toEqual([]);
  });

  it('reports a definition that fails ValidateCompositeToolConfig on every vMCP that references it, at its index in the assembled list', () => {
    const objects = [group, definition('deploy', '-bad tool'), vmcp({ compositeTools: [inline], compositeToolRefs: [{ name: 'deploy' }] })];
    expect(onVmcp(objects)).toEqual([{
      path: 'spec.config.compositeToolRefs[0].name',
      rule: 'operator.composite-tool.step',
      severity: 'error',
      message: 'compositeTools[1].steps[0].tool must be a valid tool name (from VirtualMCPCompositeToolDefinition "deploy", which the vMCP validates at start)',
    }]);
    // the definition keeps its own finding
    expect(validateManifests(objects).filter(v => v.kind === 'VirtualMCPCompositeToolDefinition').map(v => v.message)).toEqual(['spec.steps[0].tool must be a valid tool name']);
  });
});
