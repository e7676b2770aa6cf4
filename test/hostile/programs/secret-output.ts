/** An MCPServer whose transport is a `pulumi.secret` the CRD rejects: the error must not unwrap the secret. */
import * as pulumi from '@pulumi/pulumi';
import * as toolhive from '../../../src/pulumi';
import { secretValue } from '../helpers';

export default function program(): void {
  const transport = pulumi.secret(secretValue(7)) as pulumi.Output<string> as pulumi.Output<'stdio'>;
  new toolhive.McpServer('fetch', { metadata: { namespace: 'demo' }, image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport });
}
