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

describe('strategy types the vMCP accepts (validateBackendAuthStrategy)', () => {
  it('accepts type discovered in discovered mode (the converter writes unauthenticated)', () => {
    expect(findings([group, vmcp({ outgoingAuth: { source: 'discovered', default: { type: 'discovered' }, backends: { github: { type: 'discovered' } } } })], BACKEND_AUTH)).toEqual([]);
  });

  it.each(RELEASES)('rejects type discovered in inline mode, where the controller writes it as is (%s)', release => {
    const objects = [group, vmcp({ outgoingAuth: { source: 'inline', default: { type: 'discovered' }, backends: { github: { type: 'discovered' } } } })];
    const fix = '(in inline mode the operator writes type "discovered" as is; remove the entry, which leaves the backend unauthenticated, or use spec.outgoingAuth.source discovered)';
    expect(findings(objects, BACKEND_AUTH, release)).toEqual([
      {
        kind: 'VirtualMCPServer',
        path: 'spec.outgoingAuth.default.type',
        severity: 'error',
        message: `outgoingAuth.default: type must be one of: unauthenticated, header_injection, token_exchange, upstream_inject, aws_sts, obo, xaa ${fix}`,
      },
      {
        kind: 'VirtualMCPServer',
        path: 'spec.outgoingAuth.backends[github].type',
        severity: 'error',
        message: `outgoingAuth.backends.github: type must be one of: unauthenticated, header_injection, token_exchange, upstream_inject, aws_sts, obo, xaa ${fix}`,
      },
    ]);
  });
});

describe('outgoing auth secrets the vMCP resolves from env vars at start (YAMLLoader.processBackendAuthStrategy)', () => {
  const headerInjection = toolhive('MCPExternalAuthConfig', 'api-key', { type: 'headerInjection', headerInjection: { headerName: 'X-API-Key', valueSecretRef: { name: 'api-key', key: 'value' } } });
  const tokenExchange = toolhive('MCPExternalAuthConfig', 'sts', {
    type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'backend', clientId: 'vmcp', clientSecretRef: { name: 'sts', key: 'secret' } },
  });
  const secret = (name: string, stringData: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, stringData });

  it('accepts member secrets in discovered mode and inline-mode members whose config a backend entry also references', () => {
    expect(findings([group, headerInjection, secret('api-key', { value: 'k' }), server('github', 'api-key'), vmcp({ outgoingAuth: { source: 'discovered' } })], BACKEND_AUTH)).toEqual([]);
    const objects = [group, headerInjection, secret('api-key', { value: 'k' }), server('github', 'api-key'), server('fetch', 'api-key'),
      vmcp({ outgoingAuth: { source: 'inline', backends: { fetch: ref('api-key') } } })];
    expect(findings(objects, BACKEND_AUTH)).toEqual([]);
  });

  it.each(RELEASES)('rejects an inline-mode member whose headerInjection Secret the operator does not mount (%s)', release => {
    const objects = [group, headerInjection, secret('api-key', { value: 'k' }), server('github', 'api-key'), vmcp({ outgoingAuth: { source: 'inline' } })];
    expect(findings(objects, BACKEND_AUTH, release)).toEqual([{
      kind: 'VirtualMCPServer',
      path: 'spec.groupRef.name',
      severity: 'error',
      message: 'outgoingAuth: backend github: environment variable TOOLHIVE_HEADER_INJECTION_VALUE_API_KEY not set or empty (from MCPExternalAuthConfig "api-key", referenced by MCPServer "github"): in inline mode the operator mounts the Secrets of spec.outgoingAuth.default and backends only; reference "api-key" from spec.outgoingAuth.backends[github] or use source: discovered',
    }]);
  });

  it.each(RELEASES)('rejects an inline-mode member whose tokenExchange client secret the operator does not mount (%s)', release => {
    const objects = [group, tokenExchange, server('github', 'sts'), vmcp({ outgoingAuth: { source: 'inline' } })];
    expect(findings(objects, BACKEND_AUTH, release).map(f => f.message)).toEqual([
      'outgoingAuth: backend github: environment variable TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_STS not set (from MCPExternalAuthConfig "sts", referenced by MCPServer "github"): in inline mode the operator mounts the Secrets of spec.outgoingAuth.default and backends only; reference "sts" from spec.outgoingAuth.backends[github] or use source: discovered',
    ]);
  });

  it.each(RELEASES)('rejects an empty Secret value behind a written strategy, without printing any value (%s)', release => {
    const objects = [group, headerInjection, secret('api-key', { value: '' }), vmcp({ outgoingAuth: { default: ref('api-key') } })];
    expect(findings(objects, BACKEND_AUTH, release)).toEqual([{
      kind: 'VirtualMCPServer',
      path: 'spec.outgoingAuth.default.externalAuthConfigRef.name',
      severity: 'error',
      message: 'outgoingAuth: backend default: environment variable TOOLHIVE_HEADER_INJECTION_VALUE_API_KEY not set or empty (from MCPExternalAuthConfig "api-key"): Secret "api-key" key "value" is empty; give it a value',
    }]);
  });
});

describe('static backends the vMCP validates at start (validateStaticBackends)', () => {
  const rule = 'operator.vmcp.runtime-static-backends';
  const entry = (caBundle: boolean) => toolhive('MCPServerEntry', 'docs', {
    remoteUrl: 'https://docs.example.com/mcp',
    transport: 'streamable-http',
    groupRef: { name: 'team' },
    ...(caBundle ? { caBundleRef: { configMapRef: { name: 'docs-ca', key: 'ca.crt' } } } : {}),
  });

  it('accepts an MCPServerEntry with a CA bundle in discovered mode, and one without in inline mode', () => {
    expect(findings([group, entry(true), vmcp({})], rule)).toEqual([]);
    expect(findings([group, entry(false), vmcp({ outgoingAuth: { source: 'inline' } })], rule)).toEqual([]);
  });

  it.each(RELEASES)('rejects an MCPServerEntry with a CA bundle in inline mode: the operator writes caBundlePath without type entry (%s)', release => {
    expect(findings([group, entry(true), vmcp({ outgoingAuth: { source: 'inline' } })], rule, release)).toEqual([{
      kind: 'VirtualMCPServer',
      path: 'spec.outgoingAuth.source',
      severity: 'error',
      message: 'backends[<MCPServerEntry "docs">].caBundlePath is only valid when type is "entry": in inline mode the operator writes the spec.caBundleRef of MCPServerEntry "docs" as caBundlePath without type "entry", so the vMCP exits at start once the entry is Valid; use spec.outgoingAuth.source discovered or remove the caBundleRef',
    }]);
  });
});

describe('composite tool references (validateCompositeToolRefs)', () => {
  it.each(RELEASES)('rejects an empty compositeToolRefs name (%s)', release => {
    expect(findings([group, vmcp({ config: { compositeToolRefs: [{ name: '' }] } })], 'operator.vmcp.composite-tool-ref-name', release)).toEqual([{
      kind: 'VirtualMCPServer', path: 'spec.config.compositeToolRefs[0].name', severity: 'error', message: 'compositeToolRefs[0].name is required',
    }]);
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
