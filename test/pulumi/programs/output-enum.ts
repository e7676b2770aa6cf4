/** An MCPServer whose transport is only known later (an Output) and not one the CRD allows. */
import * as pulumi from '@pulumi/pulumi';
import * as toolhive from '../../../src/pulumi';

export default function program(): void {
  const group = new toolhive.McpGroup('tools', { metadata: { namespace: 'demo' } });
  const transport = pulumi.output('websocket') as pulumi.Output<string> as pulumi.Output<'stdio'>;
  new toolhive.McpServer('fetch', { metadata: { namespace: 'demo' }, image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport, groupRef: group, proxyPort: pulumi.output(0) });
}
