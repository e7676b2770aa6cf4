/** Builder for `EmbeddingServer` manifests. */
import { toolhiveManifest, type ManifestProps, type ToolHiveManifest } from './common';
import type { EmbeddingServerSpec } from './generated/specs';

export type { EmbeddingServerSpec };

/**
 * Builds a plain `EmbeddingServer` manifest from resolved props (references by name).
 *
 * @example
 * embeddingServerManifest({ metadata: { name: 'example' }, spec: { model: 'BAAI/bge-small-en-v1.5' } })
 */
export function embeddingServerManifest(props: ManifestProps<EmbeddingServerSpec>): ToolHiveManifest<EmbeddingServerSpec> {
  return toolhiveManifest('EmbeddingServer', props);
}
