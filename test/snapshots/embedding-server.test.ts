import { Testing } from 'cdk8s';
import { EmbeddingServer, SecretKey } from '../../src';

test('EmbeddingServer', () => {
  const chart = Testing.chart();
  new EmbeddingServer(chart, 'default-model');
  new EmbeddingServer(chart, 'e5', {
    model: 'intfloat/e5-small-v2',
    image: 'ghcr.io/huggingface/text-embeddings-inference:cpu-1.8',
    hfTokenSecretRef: SecretKey.external('hf', 'token'),
    modelCache: { enabled: true, size: '5Gi' },
    resources: { limits: { cpu: '2', memory: '2Gi' } },
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
});
