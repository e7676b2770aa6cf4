import { rootCertificates } from 'node:tls';
import { Testing } from 'cdk8s';
import * as kplus28 from 'cdk8s-plus-28';
import * as kplus33 from 'cdk8s-plus-33';
import { errorLines } from './helpers';
import { ConfigMapKey, McpGroup, McpServer, McpServerEntry, ToolHiveValidation, VirtualMcpServer } from '../../src';

const entry = (chart: any, configMapRef: { name: string; key: string }) => new McpServerEntry(chart, 'docs', {
  remoteUrl: 'https://docs.example.com/mcp',
  transport: 'streamable-http',
  group: McpGroup.fromName(chart, 'g', 'platform'),
  caBundleRef: { configMapRef },
});

describe.each([
  ['cdk8s-plus-28', kplus28],
  ['cdk8s-plus-33', kplus33],
] as const)('ConfigMapKey with %s', (_line, kplus) => {
  test('a ConfigMap of the app holding the key passes', () => {
    const chart = Testing.chart();
    const ca = new kplus.ConfigMap(chart, 'ca', { metadata: { name: 'corp-ca' }, data: { 'ca.crt': rootCertificates[0] } });
    const e = entry(chart, ConfigMapKey.fromConfigMap(ca, 'ca.crt'));
    expect(e.spec.caBundleRef).toEqual({ configMapRef: { name: 'corp-ca', key: 'ca.crt' } });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('an imported ConfigMap is declared external', () => {
    const chart = Testing.chart();
    entry(chart, ConfigMapKey.fromConfigMap(kplus.ConfigMap.fromConfigMapName(chart, 'ca', 'corp-ca'), 'ca.crt'));
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(ToolHiveValidation.of(chart).external).toEqual(['ConfigMap/default/corp-ca', 'MCPGroup/default/platform']);
  });
});

describe('ConfigMap references', () => {
  test('fails when an authz ConfigMap of the app lacks the key', () => {
    const chart = Testing.chart();
    const authz = new kplus33.ConfigMap(chart, 'authz', { metadata: { name: 'authz' }, data: { 'policy.json': '{}' } });
    new McpServer(chart, 'srv', {
      image: 'ghcr.io/x/y:1',
      authzConfig: { type: 'configMap', configMap: ConfigMapKey.fromConfigMap(authz, 'authz.json') },
    });
    expect(errorLines(chart)).toEqual([
      '[test/srv] spec.authzConfig.configMap.key: authz ConfigMap default/authz is missing key "authz.json"; its keys are "policy.json" (ref.configmap-key-missing)',
    ]);
  });

  test('ConfigMapKey.external declares ConfigMap/<namespace>/<name> external', () => {
    const chart = Testing.chart();
    entry(chart, ConfigMapKey.external('corp-ca', 'ca.crt'));
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('rejects an empty key', () => {
    expect(() => ConfigMapKey.external('corp-ca', '')).toThrow('key of ConfigMap "corp-ca" must not be empty: name the key inside the ConfigMap');
  });
});

describe('image pull Secrets', () => {
  test('an imported cdk8s-plus Secret is declared external; a plain { name } must be in the app', () => {
    const chart = Testing.chart();
    new VirtualMcpServer(chart, 'gw', {
      group: McpGroup.fromName(chart, 'g', 'platform'),
      incomingAuth: {},
      imagePullSecrets: [kplus33.Secret.fromSecretName(chart, 'pull', 'ghcr-pull'), { name: 'quay-pull' }],
    });
    expect(errorLines(chart)).toEqual([
      '[test/gw] spec.imagePullSecrets[1].name: Secret "quay-pull" not found in namespace "default"; add Secret "quay-pull" to namespace "default" '
      + 'or declare it external (Secret/default/quay-pull) (ref.missing)',
    ]);
  });
});
