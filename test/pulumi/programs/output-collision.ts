/** An MCPServer and an MCPRemoteProxy with the same name, whose namespace is an Output: found by validate(). */
import * as k8s from '@pulumi/kubernetes';
import * as toolhive from '../../../src/pulumi';

export default function program(): void {
  const ns = new k8s.core.v1.Namespace('demo', { metadata: { name: 'demo' } });
  new toolhive.McpServer('fetch', { metadata: { namespace: ns }, image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport: 'streamable-http' });
  new toolhive.McpRemoteProxy('fetch', { metadata: { namespace: ns }, remoteUrl: 'https://mcp.example.com/mcp', transport: 'streamable-http' });
  toolhive.validate();
}
