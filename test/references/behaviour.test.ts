/** How the reference layer resolves: defaults, key locations, hints, options, ordering, odd input. */
import { configMap, NS, OTHER_NS, secret, SECRET_VALUE, TARGET, targetObject, thv } from './fixtures';
import { validateManifests, type ValidateOptions, type Violation } from '../../src/validation';
import { RULE_DOCS } from '../../src/validation/references';

const SERVER = { image: 'ghcr.io/example/mcp:1.0' };
const PROXY = { remoteUrl: 'https://mcp.example.com/mcp' };
const GROUP = thv('MCPGroup', 'grp', {});
const VMCP = { groupRef: { name: 'grp' }, incomingAuth: { type: 'anonymous' } };

function refs(objects: readonly unknown[], options?: ValidateOptions): Violation[] {
  return validateManifests(objects, options).filter(v => v.rule.startsWith('ref.'));
}
const brief = (vs: readonly Violation[]) => vs.map(v => `${v.severity} ${v.kind}/${v.name} ${v.path} [${v.rule}] ${v.message}`);

describe('authz ConfigMap key', () => {
  const server = thv('MCPServer', 'github', { ...SERVER, authzConfig: { configMap: { name: 'authz' } } });

  test('defaults to authz.json (the defaulted object carries it)', () => {
    expect(refs([server, configMap('authz', ['authz.json'])])).toEqual([]);
  });

  test('rejects a ConfigMap without authz.json when no key is given', () => {
    expect(brief(refs([server, configMap('authz', ['policy.json'])]))).toEqual([
      `error MCPServer/github spec.authzConfig.configMap.key [ref.configmap-key-missing] authz ConfigMap ${NS}/authz is missing key "authz.json"; its keys are "policy.json"`,
    ]);
  });

  test('rejects a key held only in binaryData: the operator reads data', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'authz', namespace: NS }, binaryData: { 'authz.json': 'e30=' } };
    expect(brief(refs([server, cm]))).toEqual([
      `error MCPServer/github spec.authzConfig.configMap.key [ref.configmap-key-missing] authz ConfigMap ${NS}/authz is missing key "authz.json"; it has no keys in data`,
    ]);
  });

  test.each([
    ['MCPServer', thv('MCPServer', 'a', { ...SERVER, authzConfig: { configMap: { name: 'authz' } } }), 'spec.authzConfig.configMap.key',
      `authz ConfigMap ${NS}/authz key "authz.json" is empty`],
    ['MCPRemoteProxy', thv('MCPRemoteProxy', 'a', { ...PROXY, authzConfig: { configMap: { name: 'authz' } } }), 'spec.authzConfig.configMap.key',
      `authorization ConfigMap "authz" is invalid: authz ConfigMap ${NS}/authz key "authz.json" is empty`],
    ['VirtualMCPServer', thv('VirtualMCPServer', 'a', { ...VMCP, incomingAuth: { type: 'anonymous', authzConfig: { configMap: { name: 'authz' } } } }),
      'spec.incomingAuth.authzConfig.configMap.key', `Authorization ConfigMap is invalid: authz ConfigMap ${NS}/authz key "authz.json" is empty`],
  ])('rejects a blank authz value on %s', (kind, referrer, path, message) => {
    const blank = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'authz', namespace: NS }, data: { 'authz.json': '  \n' } };
    expect(brief(refs([referrer, blank, GROUP]))).toEqual([
      `error ${kind}/a ${path} [ref.configmap-key-empty] ${message}; give key "authz.json" a non-empty value`,
    ]);
  });

  test('ignores configMap when authz is inline (the CEL rules report the mix)', () => {
    const inline = thv('MCPServer', 'a', { ...SERVER, authzConfig: { type: 'inline', inline: { policies: ['permit(principal, action, resource);'] } } });
    expect(refs([inline])).toEqual([]);
  });
});

describe('key locations', () => {
  const server = thv('MCPServer', 'github', { ...SERVER, secrets: [{ name: 'gh', key: 'token' }] });

  test('accepts a Secret key in data (base64) or stringData', () => {
    const inData = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'gh', namespace: NS }, data: { token: Buffer.from(SECRET_VALUE).toString('base64') } };
    expect(refs([server, inData])).toEqual([]);
    expect(refs([server, secret('gh', ['token'])])).toEqual([]);
  });

  test('rejects a Secret with no keys at all, without printing any value', () => {
    const empty = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'gh', namespace: NS }, type: 'Opaque' };
    expect(brief(refs([server, empty]))).toEqual([
      `error MCPServer/github spec.secrets[0].key [ref.secret-key-missing] Secret "gh" in namespace "${NS}" has no key "token"; it has no keys in data or stringData`,
    ]);
  });

  test('lists the keys of data and stringData together, sorted, never their values', () => {
    const both = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'gh', namespace: NS },
      data: { zeta: Buffer.from(SECRET_VALUE).toString('base64') },
      stringData: { alpha: SECRET_VALUE },
    };
    const vs = refs([server, both]);
    expect(vs.map(v => v.message)).toEqual([`Secret "gh" in namespace "${NS}" has no key "token"; its keys are "alpha", "zeta"`]);
    expect(JSON.stringify(vs)).not.toContain(SECRET_VALUE);
  });

  test('accepts a generic ConfigMap key in binaryData (mounted by the kubelet)', () => {
    const profile = thv('MCPServer', 'a', { ...SERVER, permissionProfile: { type: 'configmap', name: 'profiles', key: 'net.json' } });
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'profiles', namespace: NS }, binaryData: { 'net.json': 'e30=' } };
    expect(refs([profile, cm])).toEqual([]);
  });

  test('checks only existence when a ConfigMap reference names no key', () => {
    const profile = thv('MCPServer', 'a', { ...SERVER, permissionProfile: { type: 'configmap', name: 'profiles' } });
    expect(refs([profile, configMap('profiles', [])])).toEqual([]);
    expect(refs([profile]).map(v => v.rule)).toEqual(['ref.missing']);
  });
});

describe('conditions on a reference', () => {
  test('skips a builtin permission profile', () => {
    expect(refs([thv('MCPServer', 'a', { ...SERVER, permissionProfile: { type: 'builtin', name: 'network' } })])).toEqual([]);
  });

  test('skips the externalAuthConfigRef of a discovered vMCP backend, checks an externalAuthConfigRef one', () => {
    const vmcp = thv('VirtualMCPServer', 'a', {
      ...VMCP,
      outgoingAuth: {
        source: 'inline',
        backends: {
          discovered: { type: 'discovered', externalAuthConfigRef: { name: 'ignored' } },
          github: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'gh-auth' } },
        },
      },
    });
    expect(refs([vmcp, GROUP]).map(v => v.path)).toEqual(['spec.outgoingAuth.backends[github].externalAuthConfigRef.name']);
  });

  test('checks authServerRef when kind is left to its default', () => {
    expect(refs([thv('MCPServer', 'a', { ...SERVER, authServerRef: { name: 'as' } })]).map(v => v.message)).toEqual([
      `MCPExternalAuthConfig 'as' not found in namespace '${NS}'; add MCPExternalAuthConfig "as" to namespace "${NS}" or declare it external (MCPExternalAuthConfig/${NS}/as)`,
    ]);
  });
});

describe('hints', () => {
  test('names a same-named object of a sibling kind', () => {
    const server = thv('MCPServer', 'a', { ...SERVER, toolConfigRef: { name: TARGET } });
    expect(refs([server, targetObject('MCPOIDCConfig', TARGET)]).map(v => v.message)).toEqual([
      `MCPToolConfig ${TARGET} not found in namespace ${NS}; an MCPOIDCConfig named "${TARGET}" exists in namespace "${NS}", but this field references an MCPToolConfig`,
    ]);
  });

  test('names a ConfigMap where a Secret is referenced', () => {
    const server = thv('MCPServer', 'a', { ...SERVER, secrets: [{ name: TARGET, key: 'k' }] });
    expect(refs([server, configMap(TARGET, ['k'])]).map(v => v.message)).toEqual([
      `Secret "${TARGET}" not found in namespace "${NS}"; a ConfigMap named "${TARGET}" exists in namespace "${NS}", but this field references a Secret`,
    ]);
  });

  test('does not hint across unrelated kinds (a Secret named like a missing MCPGroup)', () => {
    const server = thv('MCPServer', 'a', { ...SERVER, groupRef: { name: TARGET } });
    expect(refs([server, secret(TARGET, ['k'])]).map(v => v.message)).toEqual([
      `MCPGroup '${TARGET}' not found in namespace '${NS}'; add MCPGroup "${TARGET}" to namespace "${NS}" or declare it external (MCPGroup/${NS}/${TARGET})`,
    ]);
  });

  test('lists every other namespace holding the name, sorted', () => {
    const server = thv('MCPServer', 'a', { ...SERVER, groupRef: { name: TARGET } });
    expect(refs([server, targetObject('MCPGroup', TARGET, 'team-c'), targetObject('MCPGroup', TARGET, OTHER_NS)]).map(v => v.message)).toEqual([
      `MCPGroup '${TARGET}' not found in namespace '${NS}'; MCPGroup "${TARGET}" exists only in namespaces "${OTHER_NS}", "team-c", but ToolHive references are same-namespace: move it to namespace "${NS}"`,
    ]);
  });

  test('warns about a wrong namespace under assumeExternal', () => {
    const server = thv('MCPServer', 'a', { ...SERVER, groupRef: { name: TARGET } });
    expect(refs([server, targetObject('MCPGroup', TARGET, OTHER_NS)], { assumeExternal: true }).map(v => [v.severity, v.rule])).toEqual([
      ['warning', 'ref.wrong-namespace'],
    ]);
  });
});

describe('external objects', () => {
  test('still checks the key of a Secret that is in the set even when Secret/* is declared external', () => {
    const server = thv('MCPServer', 'a', { ...SERVER, secrets: [{ name: 'gh', key: 'token' }] });
    expect(refs([server, secret('gh', ['other'])], { external: ['Secret/*'] }).map(v => v.rule)).toEqual(['ref.secret-key-missing']);
  });

  test('fails when another kind is declared external', () => {
    const server = thv('MCPServer', 'a', { ...SERVER, secrets: [{ name: 'gh', key: 'token' }] });
    expect(refs([server], { external: ['ConfigMap/gh'] }).map(v => v.rule)).toEqual(['ref.missing']);
  });
});

describe('namespaces', () => {
  test('objects without a namespace resolve in the default namespace', () => {
    const server = { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPServer', metadata: { name: 'a' }, spec: { ...SERVER, groupRef: { name: 'g' } } };
    const group = { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPGroup', metadata: { name: 'g', namespace: 'default' }, spec: {} };
    expect(refs([server, group])).toEqual([]);
    expect(refs([server, group], { defaultNamespace: 'tools' }).map(v => v.message)).toEqual([
      'MCPGroup \'g\' not found in namespace \'tools\'; MCPGroup "g" exists only in namespace "default", but ToolHive references are same-namespace: move it to namespace "tools"',
    ]);
  });
});

describe('ordering and robustness', () => {
  test('reports in input order, then table order, then document order, identically on every run', () => {
    const objects = [
      thv('MCPServer', 'first', { ...SERVER, secrets: [{ name: 's1', key: 'k' }, { name: 's2', key: 'k' }], groupRef: { name: 'g' } }),
      thv('MCPRemoteProxy', 'second', { ...PROXY, toolConfigRef: { name: 't' } }),
    ];
    const paths = refs(objects).map(v => `${v.name} ${v.path}`);
    expect(paths).toEqual(['first spec.groupRef.name', 'first spec.secrets[0].name', 'first spec.secrets[1].name', 'second spec.toolConfigRef.name']);
    expect(refs(objects)).toEqual(refs(objects));
  });

  test('reports every reference to the same missing object', () => {
    const vmcp = thv('VirtualMCPServer', 'a', { ...VMCP, config: { compositeToolRefs: [{ name: 'x' }, { name: 'x' }] } });
    expect(refs([vmcp, GROUP]).map(v => v.path)).toEqual(['spec.config.compositeToolRefs[0].name', 'spec.config.compositeToolRefs[1].name']);
  });

  test('skips references whose name is empty or of the wrong type, without throwing', () => {
    const odd = thv('MCPServer', 'a', { ...SERVER, groupRef: { name: 42 }, toolConfigRef: 'tc', secrets: 'gh', oidcConfigRef: { name: '', audience: 'x' } });
    expect(refs([odd])).toEqual([]);
    expect(validateManifests([odd]).some(v => v.rule.startsWith('schema.'))).toBe(true);
  });
});

describe('RULE_DOCS', () => {
  test('documents exactly the rules the layer emits', () => {
    expect(RULE_DOCS.map(d => d.id).sort()).toEqual(['ref.configmap-key-empty', 'ref.configmap-key-missing', 'ref.missing', 'ref.secret-key-missing', 'ref.wrong-namespace']);
  });
});

describe('Secrets of an MCPExternalAuthConfig no workload uses (latent until referenced)', () => {
  // the MCPExternalAuthConfig controller never reads Secrets; only a consumer does (and then fails)
  const config = thv('MCPExternalAuthConfig', 'exchange', {
    type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'backend', clientId: 'toolhive', clientSecretRef: { name: 'sts', key: 'secret' } },
  });
  const consumer = thv('MCPRemoteProxy', 'remote', { ...PROXY, externalAuthConfigRef: { name: 'exchange' } });

  test('warns on a missing key while nothing references the config', () => {
    expect(brief(refs([config, secret('sts', ['other'])]))).toEqual([
      `warning MCPExternalAuthConfig/exchange spec.tokenExchange.clientSecretRef.key [ref.secret-key-missing] client secret ${NS}/sts is missing key "secret"; its keys are "other" (no workload in the set references MCPExternalAuthConfig "exchange" yet; the operator reads this Secret only when a workload uses the config, and that workload then fails)`,
    ]);
  });

  test('warns on a missing Secret while nothing references the config', () => {
    expect(refs([config]).map(v => [v.severity, v.rule])).toEqual([['warning', 'ref.missing']]);
  });

  test('fails on the missing key once a workload references the config', () => {
    expect(brief(refs([config, consumer, secret('sts', ['other'])]))).toEqual([
      `error MCPExternalAuthConfig/exchange spec.tokenExchange.clientSecretRef.key [ref.secret-key-missing] client secret ${NS}/sts is missing key "secret"; its keys are "other"`,
    ]);
  });

  test('still warns when the only reference sits next to type discovered (the operator never reads it)', () => {
    const ignoring = thv('VirtualMCPServer', 'gw', { ...VMCP, outgoingAuth: { source: 'inline', default: { type: 'discovered', externalAuthConfigRef: { name: 'exchange' } } } });
    expect(refs([config, GROUP, ignoring, secret('sts', ['other'])]).map(v => [v.severity, v.rule])).toEqual([['warning', 'ref.secret-key-missing']]);
  });

  test('accepts the config with its key, referenced or not', () => {
    expect(refs([config, secret('sts', ['secret'])])).toEqual([]);
    expect(refs([config, consumer, secret('sts', ['secret'])])).toEqual([]);
  });
});
