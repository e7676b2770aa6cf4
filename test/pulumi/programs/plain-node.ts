/**
 * Run directly (`node -r ts-node/register/transpile-only test/pulumi/programs/plain-node.ts`), without the Pulumi
 * language host and without any handler: Node prints the first unhandled rejection and exits.
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import * as toolhive from '../../../src/pulumi';

void pulumi.runtime.setMocks({
  newResource: args => ({ id: `${args.name}-id`, state: args.inputs }),
  call: args => args.inputs,
}, 'toolhive', 'plain').then(() => {
  const ns = new k8s.core.v1.Namespace('demo', { metadata: { name: 'demo' } });
  new toolhive.McpServer('fetch', { metadata: { namespace: ns }, image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport: 'websocket' as 'stdio' });
  toolhive.validate();
});
