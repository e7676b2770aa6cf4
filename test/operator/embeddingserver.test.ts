import { findings, messages, toolhive, type Spec } from './config-fixtures';

const embedding = (spec: Spec = {}) => toolhive('EmbeddingServer', 'embeddings', spec);

const IMAGE_EMPTY = 'image is empty: the StatefulSet the operator builds from it is rejected by the API server (containers[0].image: Required value); omit spec.image for the default Text Embeddings Inference image, or name one';
const MODEL_EMPTY = 'model is empty: the embedding server starts with --model-id "" and exits, as no model can be downloaded without a name; omit spec.model for the default model, or name a Hugging Face model such as "BAAI/bge-small-en-v1.5"';

describe('EmbeddingServer image', () => {
  const rule = 'operator.embedding.image';

  it('accepts an absent image (the CRD default) and a named one', () => {
    expect(findings([embedding()])).toEqual([]);
    expect(findings([embedding({ image: 'ghcr.io/huggingface/text-embeddings-inference:cpu-1.8' })])).toEqual([]);
  });

  it('rejects an empty image, which the schema admits', () => {
    expect(findings([embedding({ image: '' })])).toEqual([{
      kind: 'EmbeddingServer',
      name: 'embeddings',
      path: 'spec.image',
      rule,
      severity: 'error',
      message: IMAGE_EMPTY,
    }]);
  });

  it.each(['v0.43.0', 'v0.44.0', 'main@e25de16'])('rejects an empty image in %s', release => {
    expect(messages([embedding({ image: '' })], rule, release)).toEqual([IMAGE_EMPTY]);
  });

  it.each([' ', ' ghcr.io/huggingface/text-embeddings-inference:cpu-latest'])('rejects an image with leading or trailing whitespace: %j', image => {
    expect(messages([embedding({ image })], rule)).toEqual([
      `Invalid value: ${JSON.stringify(image)}: must not have leading or trailing whitespace (the embedding server Pods the StatefulSet creates from it are rejected by the API server)`,
    ]);
  });

  it('accepts an empty image that spec.podTemplateSpec replaces on the "embedding" container', () => {
    const podTemplateSpec = { spec: { containers: [{ name: 'embedding', image: 'registry.example.com/tei:1.8' }] } };
    expect(findings([embedding({ image: '', podTemplateSpec })])).toEqual([]);
  });

  it('rejects an empty image when spec.podTemplateSpec sets the image of another container', () => {
    const podTemplateSpec = { spec: { containers: [{ name: 'sidecar', image: 'registry.example.com/tei:1.8' }] } };
    expect(messages([embedding({ image: '', podTemplateSpec })], rule)).toEqual([IMAGE_EMPTY]);
  });
});

describe('EmbeddingServer model', () => {
  const rule = 'operator.embedding.model';

  it('accepts an absent model (the CRD default) and a named one', () => {
    expect(findings([embedding({ model: 'sentence-transformers/all-MiniLM-L6-v2' })])).toEqual([]);
  });

  it('rejects an empty model, which the schema admits', () => {
    expect(findings([embedding({ model: '' })])).toEqual([{
      kind: 'EmbeddingServer',
      name: 'embeddings',
      path: 'spec.model',
      rule,
      severity: 'error',
      message: MODEL_EMPTY,
    }]);
  });

  it('rejects a blank model', () => {
    expect(messages([embedding({ model: ' ' })], rule)).toEqual([
      'model is blank: the embedding server starts with --model-id " " and exits, as no model can be downloaded without a name; omit spec.model for the default model, or name a Hugging Face model such as "BAAI/bge-small-en-v1.5"',
    ]);
  });

  it('reports an empty image and an empty model together', () => {
    expect(findings([embedding({ image: '', model: '' })]).map(f => f.rule)).toEqual(['operator.embedding.image', 'operator.embedding.model']);
  });
});
