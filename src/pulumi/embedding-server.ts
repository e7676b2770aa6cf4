/** `EmbeddingServer`: a HuggingFace Text Embeddings Inference server, used by the vMCP optimizer. */
import type * as pulumi from '@pulumi/pulumi';
import { ToolHiveWorkload, type ToolHiveComponentArgs } from './resource';
import type { SpecInputs } from './types';
import { embeddingServerManifest, type EmbeddingServerSpec } from '../manifests/embedding-server';

/** Args of {@link EmbeddingServer}: the `EmbeddingServer` spec fields (references take the referenced object), `metadata` and `operator`. */
export interface EmbeddingServerArgs extends ToolHiveComponentArgs, SpecInputs<EmbeddingServerSpec> {}

/**
 * A HuggingFace Text Embeddings Inference server, used by the vMCP optimizer.
 *
 * Type token `toolhive:index:EmbeddingServer`; its child is the `EmbeddingServer` custom resource.
 *
 * @example
 * new EmbeddingServer('embeddings', { model: 'BAAI/bge-small-en-v1.5' });
 */
export class EmbeddingServer extends ToolHiveWorkload<'EmbeddingServer', EmbeddingServerSpec> {
  constructor(name: string, args: EmbeddingServerArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:EmbeddingServer', 'EmbeddingServer', embeddingServerManifest, name, args, opts);
  }
}
