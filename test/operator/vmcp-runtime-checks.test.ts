/**
 * The vMCP start-time validation of outgoing auth strategies and operational settings (pkg/vmcp/config/validator.go
 * validateBackendAuthStrategy, validateFailureHandling), over what the operator writes. The Go code is the same in
 * every bundled release, so each failing case runs on all of them.
 */
import { admissionErrors, toolhive, type Spec } from './config-fixtures';
import { validateManifests, type KubeObject } from '../../src/validation';

const RELEASES = ['v0.43.0', 'v0.44.0', 'main@e25de16'];
const BACKEND_AUTH = 'operator.vmcp.runtime-backend-auth';
const OPERATIONAL = 'operator.vmcp.runtime-operational';

const group = toolhive('MCPGroup', 'team', {});
const xaa = (name: string, extra: Spec = {}) => toolhive('MCPExternalAuthConfig', name, {
  type: 'xaa', xaa: { idpTokenUrl: 'https://idp.example.com/token', targetTokenUrl: 'https://target.example.com/token', targetAudience: 'target', ...extra },
});
const server = (name: string, authRef?: string) => toolhive('MCPServer', name, {
  image: 'ghcr.io/example/mcp:1.0.0', groupRef: { name: 'team' }, ...(authRef ? { externalAuthConfigRef: { name: authRef } } : {}),
});
const vmcp = (spec: Spec) => toolhive('VirtualMCPServer', 'gateway', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' }, ...spec });
const ref = (name: string) => ({ type: 'externalAuthConfigRef', externalAuthConfigRef: { name } });

/** Findings of one rule on the VirtualMCPServer (fixtures must be admitted). */
function findings(objects: readonly KubeObject[], rule: string, operatorRelease?: string) {
  expect(admissionErrors(objects)).toEqual([]);
  return validateManifests(objects, { operatorRelease })
    .filter(v => v.rule === rule)
    .map(({ kind, path, severity, message }) => ({ kind, path, severity, message }));
}

describe('outgoing auth strategies the vMCP validates at start (validateBackendAuthStrategy)', () => {
  it('accepts xaa with targetTokenUrl and targetAudience, as default, backend and inline member', () => {
    const objects = [group, xaa('xaa'), server('github', 'xaa'), server('fetch'),
      vmcp({ outgoingAuth: { source: 'inline', default: ref('xaa'), backends: { fetch: ref('xaa') } } })];
    expect(findings(objects, BACKEND_AUTH)).toEqual([]);
  });

  it.each(RELEASES)('rejects an empty xaa targetTokenUrl on outgoingAuth.default and backends (%s)', release => {
    const objects = [group, xaa('xaa', { targetTokenUrl: '' }), vmcp({ outgoingAuth: { default: ref('xaa'), backends: { github: ref('xaa') } } })];
    expect(findings(objects, BACKEND_AUTH, release)).toEqual([
      {
        kind: 'VirtualMCPServer',
        path: 'spec.outgoingAuth.default.externalAuthConfigRef.name',
        severity: 'error',
        message: 'outgoingAuth.default: xaa requires targetTokenUrl field (from MCPExternalAuthConfig "xaa")',
      },
      {
        kind: 'VirtualMCPServer',
        path: 'spec.outgoingAuth.backends[github].externalAuthConfigRef.name',
        severity: 'error',
        message: 'outgoingAuth.backends.github: xaa requires targetTokenUrl field (from MCPExternalAuthConfig "xaa")',
      },
    ]);
  });

  it.each(RELEASES)('rejects an empty xaa targetAudience of a group member in inline mode (%s)', release => {
    const objects = [group, xaa('xaa', { targetAudience: '' }), server('github', 'xaa'), vmcp({ outgoingAuth: { source: 'inline' } })];
    expect(findings(objects, BACKEND_AUTH, release)).toEqual([{
      kind: 'VirtualMCPServer',
      path: 'spec.groupRef.name',
      severity: 'error',
      message: 'outgoingAuth.backends.github: xaa requires targetAudience field (from MCPExternalAuthConfig "xaa", referenced by MCPServer "github")',
    }]);
  });

  it('reports targetTokenUrl first when both are empty, as the vMCP does', () => {
    const objects = [group, xaa('xaa', { targetTokenUrl: '', targetAudience: '' }), vmcp({ outgoingAuth: { default: ref('xaa') } })];
    expect(findings(objects, BACKEND_AUTH).map(f => f.message)).toEqual(['outgoingAuth.default: xaa requires targetTokenUrl field (from MCPExternalAuthConfig "xaa")']);
  });

  it('leaves group members alone in discovered mode (not written to the config) and where an inline backend overrides them', () => {
    const bad = xaa('bad', { targetTokenUrl: '' });
    expect(findings([group, bad, server('github', 'bad'), vmcp({})], BACKEND_AUTH)).toEqual([]);
    expect(findings([group, bad, xaa('good'), server('github', 'bad'), vmcp({ outgoingAuth: { source: 'inline', backends: { github: ref('good') } } })], BACKEND_AUTH)).toEqual([]);
  });
});

describe('operational settings the vMCP validates at start (validateOperational, validateFailureHandling)', () => {
  const ops = (operational: Spec) => [group, vmcp({ config: { operational } })];

  it('accepts the defaults and a healthCheckTimeout below the interval', () => {
    expect(findings(ops({}), OPERATIONAL)).toEqual([]);
    expect(findings(ops({ failureHandling: {} }), OPERATIONAL)).toEqual([]);
    expect(findings(ops({ failureHandling: { healthCheckInterval: '15s', healthCheckTimeout: '5s', unhealthyThreshold: 0 }, timeouts: { default: '0s', perWorkload: { a: '1m' } } }), OPERATIONAL)).toEqual([]);
  });

  it.each(RELEASES)('rejects a healthCheckInterval at or below the CRD default healthCheckTimeout of 10s (%s)', release => {
    expect(findings(ops({ failureHandling: { healthCheckInterval: '5s' } }), OPERATIONAL, release)).toEqual([{
      kind: 'VirtualMCPServer',
      path: 'spec.config.operational.failureHandling.healthCheckTimeout',
      severity: 'error',
      message: 'operational.failureHandling: healthCheckTimeout (10s) must be less than healthCheckInterval (5s) to prevent checks from queuing up',
    }]);
  });

  it('compares against the 30s default when healthCheckInterval is zero', () => {
    expect(findings(ops({ failureHandling: { healthCheckInterval: '0s', healthCheckTimeout: '1m30s' } }), OPERATIONAL).map(f => f.message)).toEqual([
      'operational.failureHandling: healthCheckTimeout (1m30s) must be less than healthCheckInterval (30s) to prevent checks from queuing up',
    ]);
  });

  it.each(RELEASES)('rejects a negative unhealthyThreshold (zero is filled with the default) (%s)', release => {
    expect(findings(ops({ failureHandling: { unhealthyThreshold: -1 } }), OPERATIONAL, release)).toEqual([{
      kind: 'VirtualMCPServer',
      path: 'spec.config.operational.failureHandling.unhealthyThreshold',
      severity: 'error',
      message: 'operational.failureHandling: unhealthyThreshold must be positive',
    }]);
  });

  it.each(RELEASES)('rejects a zero perWorkload timeout (%s)', release => {
    expect(findings(ops({ timeouts: { perWorkload: { github: '0s' } } }), OPERATIONAL, release)).toEqual([{
      kind: 'VirtualMCPServer',
      path: 'spec.config.operational.timeouts.perWorkload[github]',
      severity: 'error',
      message: 'operational.timeouts.perWorkload.github must be positive',
    }]);
  });
});
