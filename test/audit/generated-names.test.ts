/**
 * Audit of the objects the operator generates per CR (each controller's deployment, service, configmap and RBAC functions), and the collisions between CRs of
 * different kinds and with user objects that the operator does not detect.
 */
import { errors, th } from './helpers';
import type { KubeObject } from '../../src/validation';

type Spec = Record<string, unknown>;

const k8s = (apiVersion: string, kind: string, name: string, namespace?: string): KubeObject =>
  ({ apiVersion, kind, metadata: namespace ? { name, namespace } : { name } });
const server = (n: string, spec: Spec = {}) => th('MCPServer', n, { image: 'ghcr.io/x/y:1', ...spec });
const proxy = (n: string, spec: Spec = {}) => th('MCPRemoteProxy', n, { remoteUrl: 'https://r.example.com/mcp', ...spec });
const vmcp = (n: string) => th('VirtualMCPServer', n, { groupRef: { name: 'g' }, incomingAuth: { type: 'anonymous' } });
const GROUP = th('MCPGroup', 'g', {});
const POLICY = 'permit(principal, action, resource);';

/** Two CRs that both get one generated object. */
const between = (what: string, name: string, a: string, b: string, plural = false) =>
  `generated ${what} "${name}" ${plural ? 'collide' : 'collides'}: ${a} and ${b} in namespace "default" both get ${plural ? 'them' : 'it'} from the operator, ` +
  'which does not detect this, so the two controllers overwrite each other: rename one of them';
/** A user object that takes a generated name. */
const taken = (kind: string, name: string, cr: string) =>
  `name "${name}" is taken: the operator generates ${kind} "${name}" for ${cr} in namespace "default" and would overwrite this ${kind} or fail on it: rename or remove it`;

const lines = (objects: readonly KubeObject[]) => errors(objects).map(e => `${e.kind}/${e.name} [${e.rule}] ${e.message}`);

describe('generated object names', () => {
  test.each<[string, KubeObject[], string[]]>([
    ['MCPServer "x-remote" and MCPRemoteProxy "x": Service mcp-x-remote-proxy and ServiceAccount x-remote-proxy-runner', [server('x-remote'), proxy('x')], [
      `MCPRemoteProxy/x [collision.service] ${between('Service', 'mcp-x-remote-proxy', 'MCPServer "x-remote"', 'MCPRemoteProxy "x"')}`,
      `MCPRemoteProxy/x [collision.serviceaccount] ${between('ServiceAccount, Role and RoleBinding', 'x-remote-proxy-runner', 'MCPServer "x-remote"', 'MCPRemoteProxy "x"', true)}`,
    ]],
    ['EmbeddingServer "mcp-a-proxy" and MCPServer "a": Service mcp-a-proxy', [server('a'), th('EmbeddingServer', 'mcp-a-proxy', { model: 'm' })], [
      `EmbeddingServer/mcp-a-proxy [collision.service] ${between('Service', 'mcp-a-proxy', 'MCPServer "a"', 'EmbeddingServer "mcp-a-proxy"')}`,
    ]],
    ['MCPRegistry "a" and MCPServer "a-api": Deployment a-api', [th('MCPRegistry', 'a', { configYAML: 'sources: []\n' }), server('a-api')], [
      `MCPServer/a-api [collision.deployment] ${between('Deployment', 'a-api', 'MCPRegistry "a"', 'MCPServer "a-api"')}`,
    ]],
    ['VirtualMCPServer "x" and MCPRemoteProxy "x": Deployment x', [GROUP, vmcp('x'), proxy('x')], [
      `MCPRemoteProxy/x [collision.deployment] ${between('Deployment', 'x', 'VirtualMCPServer "x"', 'MCPRemoteProxy "x"')}`,
    ]],
    ['a user ConfigMap named like the vMCP config', [GROUP, vmcp('a'), k8s('v1', 'ConfigMap', 'a-vmcp-config')], [
      `ConfigMap/a-vmcp-config [collision.configmap] ${taken('ConfigMap', 'a-vmcp-config', 'VirtualMCPServer "a"')}`,
    ]],
    ['a user Service named like the MCPServer proxy Service', [server('fetch'), k8s('v1', 'Service', 'mcp-fetch-proxy')], [
      `Service/mcp-fetch-proxy [collision.service] ${taken('Service', 'mcp-fetch-proxy', 'MCPServer "fetch"')}`,
    ]],
    ['a user ServiceAccount named like the MCPServer backend account', [server('a'), k8s('v1', 'ServiceAccount', 'a-sa')], [
      `ServiceAccount/a-sa [collision.serviceaccount] ${taken('ServiceAccount', 'a-sa', 'MCPServer "a"')}`,
    ]],
    ['a user Deployment named like an MCPServer', [server('fetch'), k8s('apps/v1', 'Deployment', 'fetch')], [
      `Deployment/fetch [collision.deployment] ${taken('Deployment', 'fetch', 'MCPServer "fetch"')}`,
    ]],
    ['a user StatefulSet named like an EmbeddingServer', [th('EmbeddingServer', 'embed', { model: 'm' }), k8s('apps/v1', 'StatefulSet', 'embed')], [
      `StatefulSet/embed [collision.statefulset] ${taken('StatefulSet', 'embed', 'EmbeddingServer "embed"')}`,
    ]],
    ['a user Service named like the backend Service of an HTTP MCPServer', [server('a', { transport: 'sse' }), k8s('v1', 'Service', 'mcp-a')], [
      `Service/mcp-a [collision.service] ${taken('Service', 'mcp-a', 'MCPServer "a"')}`,
    ]],
    ['a user ConfigMap named like the inline authz ConfigMap', [server('a', { authzConfig: { type: 'inline', inline: { policies: [POLICY] } } }), k8s('v1', 'ConfigMap', 'a-authz-inline')], [
      `ConfigMap/a-authz-inline [collision.configmap] ${taken('ConfigMap', 'a-authz-inline', 'MCPServer "a"')}`,
    ]],
    ['a user ServiceAccount named like the remote proxy runner', [proxy('a'), k8s('v1', 'ServiceAccount', 'a-remote-proxy-runner')], [
      `ServiceAccount/a-remote-proxy-runner [collision.serviceaccount] ${taken('ServiceAccount', 'a-remote-proxy-runner', 'MCPRemoteProxy "a"')}`,
    ]],
    ['a user Role named like the vMCP Role', [GROUP, vmcp('a'), k8s('rbac.authorization.k8s.io/v1', 'Role', 'a-vmcp')], [
      `Role/a-vmcp [collision.serviceaccount] ${taken('Role', 'a-vmcp', 'VirtualMCPServer "a"')}`,
    ]],
  ])('rejects %s', (_title, objects, want) => {
    expect(lines(objects)).toEqual(want);
  });

  test.each<[string, KubeObject[]]>([
    ['a user ServiceAccount <n>-sa when the MCPServer names its own serviceAccount', [server('a', { serviceAccount: 'custom' }), k8s('v1', 'ServiceAccount', 'a-sa')]],
    ['a user Service mcp-<n> next to a stdio MCPServer (no backend Service)', [server('a'), k8s('v1', 'Service', 'mcp-a')]],
    ['a user ConfigMap <n>-authz-inline when authz is not inline', [server('a'), k8s('v1', 'ConfigMap', 'a-authz-inline')]],
    ['a user ServiceAccount <n>-remote-proxy-runner when the proxy names its own serviceAccount', [proxy('a', { serviceAccount: 'custom' }), k8s('v1', 'ServiceAccount', 'a-remote-proxy-runner')]],
    ['the same names in another namespace', [server('fetch'), k8s('apps/v1', 'Deployment', 'fetch', 'other'), k8s('v1', 'Service', 'mcp-fetch-proxy', 'other')]],
    ['a Deployment kind of another API group', [server('fetch'), k8s('example.com/v1', 'Deployment', 'fetch')]],
    ['an MCPServer, an MCPRemoteProxy and a vMCP with distinct names', [GROUP, server('a'), proxy('b'), vmcp('c'), th('EmbeddingServer', 'd', { model: 'm' })]],
  ])('accepts %s', (_title, objects) => {
    expect(errors(objects)).toEqual([]);
  });
});
