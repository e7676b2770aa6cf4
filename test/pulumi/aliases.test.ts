/** `group`, the cdk8s constructs' name of `groupRef`: the same reference under the name cdk8s users know. */
import { customResource, mockProgram, settle } from './harness';
import * as toolhive from '../../src/pulumi';

const metadata = { namespace: 'demo' };
const IMAGE = 'ghcr.io/stackloklabs/gofetch/server:1.0.1';

test('group writes spec.groupRef, exactly as groupRef does', async () => {
  const regs = await mockProgram();
  const group = new toolhive.McpGroup('tools', { metadata });
  const a = new toolhive.McpServer('a', { metadata, image: IMAGE, group });
  const b = new toolhive.McpServer('b', { metadata, image: IMAGE, groupRef: group });
  const gateway = new toolhive.VirtualMcpServer('gw', { metadata, group, incomingAuth: { type: 'anonymous' } });
  await settle(a.resource.urn, b.resource.urn, gateway.resource.urn);
  expect((customResource(regs, 'MCPServer', 'a').inputs.spec as Record<string, unknown>).groupRef).toEqual({ name: 'tools' });
  expect(customResource(regs, 'MCPServer', 'a').inputs.spec).toEqual({ ...(customResource(regs, 'MCPServer', 'b').inputs.spec as object) });
  expect((customResource(regs, 'VirtualMCPServer', 'gw').inputs.spec as Record<string, unknown>).groupRef).toEqual({ name: 'tools' });
  // the group joins the validation closure and the dependencies, as with groupRef
  expect(customResource(regs, 'MCPServer', 'a').dependencies).toContain(await new Promise(r => group.resource.urn.apply(r)));
});

test('rejects group and groupRef given together', async () => {
  await mockProgram();
  const group = new toolhive.McpGroup('tools', { metadata });
  const args = { metadata, image: IMAGE, group, groupRef: group } as unknown as toolhive.McpServerArgs;
  expect(() => new toolhive.McpServer('a', args)).toThrow('give group or groupRef, not both: they are the same reference');
});
