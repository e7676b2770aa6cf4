/**
 * `envBindings` of the workload components: the operator's env derivation (src/bindings) over the whole program's
 * set, available once `validate()` has run.
 */
import * as pulumi from '@pulumi/pulumi';
import { mockProgram, valueOf } from './harness';
import { envBindings } from '../../src/bindings';
import * as toolhive from '../../src/pulumi';

const metadata = { namespace: 'demo' };
const IMAGE = 'ghcr.io/stackloklabs/gofetch/server:1.0.1';

beforeEach(async () => {
  await mockProgram();
});

test('a gateway gets the env of group members created after it (outgoing auth discovered from the members)', async () => {
  const group = new toolhive.McpGroup('tools', { metadata });
  const gateway = new toolhive.VirtualMcpServer('gateway', { metadata, groupRef: group, incomingAuth: { type: 'anonymous' }, outgoingAuth: { source: 'discovered' } });
  const exchange = new toolhive.ToolHiveSecret('exchange', { metadata, stringData: { 'client-secret': 'c' } });
  const tokenExchange = new toolhive.McpExternalAuthConfig('github.exchange', {
    metadata,
    type: 'tokenExchange',
    tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'github', clientId: 'toolhive', clientSecretRef: exchange.key('client-secret') },
  });
  const member = new toolhive.McpServer('github', { metadata, image: IMAGE, groupRef: group, externalAuthConfigRef: tokenExchange });
  toolhive.validate();

  const env = await valueOf(gateway.envBindings);
  expect(env.containers.map(c => c.name)).toEqual(['vmcp']);
  expect(env.containers[0].env.find(e => e.name === 'TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_GITHUB_EXCHANGE')).toEqual({
    name: 'TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_GITHUB_EXCHANGE',
    valueFrom: { secretKeyRef: { name: 'exchange', key: 'client-secret' } },
  });

  // the same as the derivation over every manifest of the program (what `toolhive-constructs env` prints)
  const manifests = await Promise.all([group, gateway, tokenExchange, member].map(c => valueOf(c.manifest as pulumi.Output<unknown>)));
  const all = envBindings([...manifests, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'exchange', namespace: 'demo' }, stringData: { 'client-secret': '' } }]);
  expect(env).toEqual(all.find(w => w.name === 'gateway'));
  expect(await valueOf(member.envBindings)).toEqual(all.find(w => w.name === 'github'));
});

test('an EmbeddingServer gets HF_TOKEN from its Secret', async () => {
  const hf = new toolhive.ToolHiveSecret('hf', { metadata, stringData: { token: pulumi.secret('hf_xxx') } });
  const embeddings = new toolhive.EmbeddingServer('embeddings', { metadata, hfTokenSecretRef: hf.key('token') });
  toolhive.validate();
  const env = (await valueOf(embeddings.envBindings)).containers[0].env;
  expect(env.find(e => e.name === 'HF_TOKEN')).toEqual({ name: 'HF_TOKEN', valueFrom: { secretKeyRef: { name: 'hf', key: 'token' } } });
  expect(JSON.stringify(env)).not.toContain('hf_xxx');
});

test('envBindings resolve once validate() has run, not before', async () => {
  const server = new toolhive.McpServer('fetch', { metadata, image: IMAGE });
  let resolved = false;
  const env = valueOf(server.envBindings).then(v => {
    resolved = true;
    return v;
  });
  await new Promise(r => setTimeout(r, 50));
  expect(resolved).toBe(false);
  toolhive.validate();
  expect((await env).containers.map(c => c.name)).toEqual(['toolhive', 'mcp']);
});
