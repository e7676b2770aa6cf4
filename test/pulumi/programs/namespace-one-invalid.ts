/** One invalid MCPServer in a Namespace of the program (so its namespace is an Output), then validate(). */
import * as k8s from '@pulumi/kubernetes';
import * as toolhive from '../../../src/pulumi';

export default function program(): void {
  const ns = new k8s.core.v1.Namespace('demo', { metadata: { name: 'demo' } });
  new toolhive.McpServer('fetch', { metadata: { namespace: ns }, image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport: 'websocket' as 'stdio' });
  toolhive.validate();
}
