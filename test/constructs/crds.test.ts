import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, Chart, Testing } from 'cdk8s';
import { McpGroup, McpServer, ToolHiveCrds } from '../../src';

/** A small stand-in for the CRD bundle: two CustomResourceDefinitions in one multi-document file. */
function crdFile(): string {
  const crd = (plural: string, kind: string) => [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    `  name: ${plural}.toolhive.stacklok.dev`,
    'spec:',
    '  group: toolhive.stacklok.dev',
    `  names: { kind: ${kind}, plural: ${plural} }`,
    '  scope: Namespaced',
    '  versions: [{ name: v1beta1, served: true, storage: true, schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } } }]',
  ].join('\n');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'toolhive-crds-')), 'crds.yaml');
  fs.writeFileSync(file, `${crd('mcpservers', 'MCPServer')}\n---\n${crd('mcpgroups', 'MCPGroup')}\n`);
  return file;
}

describe('ToolHiveCrds', () => {
  test('includes the CRDs and emits them before every ToolHive object, also those defined earlier', () => {
    const chart = new Chart(Testing.app(), 'platform');
    const group = new McpGroup(chart, 'g');
    new McpServer(chart, 'srv', { image: 'ghcr.io/x/y:1', group });
    const crds = new ToolHiveCrds(chart, 'crds', { url: crdFile() });
    new ApiObject(chart, 'raw', { apiVersion: 'toolhive.stacklok.dev/v1beta1', kind: 'MCPGroup', metadata: { name: 'raw' }, spec: {} });
    expect(crds.apiObjects.map(o => o.name)).toEqual(['mcpservers.toolhive.stacklok.dev', 'mcpgroups.toolhive.stacklok.dev']);
    const kinds = Testing.synth(chart).map((o: any) => o.kind);
    expect(kinds.slice(0, 2)).toEqual(['CustomResourceDefinition', 'CustomResourceDefinition']);
    expect(kinds.slice(2).sort()).toEqual(['MCPGroup', 'MCPGroup', 'MCPServer']);
  });

  test('writes no namespace on the cluster-scoped CRDs of a namespaced chart', () => {
    const chart = new Chart(Testing.app(), 'platform', { namespace: 'tools' });
    new ToolHiveCrds(chart, 'crds', { url: crdFile() });
    new McpGroup(chart, 'g');
    const out = Testing.synth(chart);
    expect(out.filter((o: any) => o.kind === 'CustomResourceDefinition').map((o: any) => o.metadata.namespace)).toEqual([undefined, undefined]);
    expect(out.find((o: any) => o.kind === 'MCPGroup').metadata.namespace).toBe('tools');
  });

  test('CRDs in their own chart put that chart first', () => {
    const app = Testing.app();
    const workloads = new Chart(app, 'workloads');
    new McpGroup(workloads, 'g');
    new ToolHiveCrds(new Chart(app, 'crds'), 'crds', { url: crdFile() });
    const kinds = app.synthYaml().split('\n').filter(l => l.startsWith('kind: '));
    expect(kinds).toEqual(['kind: CustomResourceDefinition', 'kind: CustomResourceDefinition', 'kind: MCPGroup']);
    expect(app.charts.map(c => c.node.id)).toEqual(['crds', 'workloads']);
  });

  test('rejects a second CRD bundle in the same App', () => {
    const chart = Testing.chart();
    const file = crdFile();
    new ToolHiveCrds(chart, 'crds', { url: file });
    expect(() => new ToolHiveCrds(chart, 'again', { url: file })).toThrow('the App already includes the ToolHive CRDs at test/crds: include them once');
  });
});

describe('ToolHiveCrds input', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'toolhive-crds-'));

  test('fails on a missing path, saying there is no file', () => {
    const missing = path.join(tmp(), 'nope.yaml');
    expect(() => new ToolHiveCrds(Testing.chart(), 'crds', { url: missing })).toThrow(
      `ToolHiveCrds: no file at ${JSON.stringify(missing)}: give the path of the CRD manifests (one multi-document YAML file) or a URL`);
  });

  test('fails on a directory, saying it is a directory', () => {
    const dir = tmp();
    expect(() => new ToolHiveCrds(Testing.chart(), 'crds', { url: dir })).toThrow(
      `ToolHiveCrds: ${JSON.stringify(dir)} is a directory: give one file holding every CRD (e.g. the chart's files/crds/*.yaml concatenated)`);
  });

  test('fails on an empty file, saying it is empty', () => {
    const file = path.join(tmp(), 'crds.yaml');
    fs.writeFileSync(file, '');
    expect(() => new ToolHiveCrds(Testing.chart(), 'crds', { url: file })).toThrow(
      `ToolHiveCrds: ${JSON.stringify(file)} is empty: it holds no Kubernetes object, expected the ToolHive CustomResourceDefinitions`);
  });

  test('fails on a file of other objects, saying it holds no CustomResourceDefinition', () => {
    const file = path.join(tmp(), 'crds.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n');
    expect(() => new ToolHiveCrds(Testing.chart(), 'crds', { url: file })).toThrow(
      `ToolHiveCrds: ${JSON.stringify(file)} holds 1 object but no CustomResourceDefinition: give the file of the ToolHive CRDs`);
  });

  test('passes a file of CRDs', () => {
    expect(() => new ToolHiveCrds(Testing.chart(), 'crds', { url: crdFile() })).not.toThrow();
  });
});
