/** EmbeddingServer: container `embedding` (controllers/embeddingserver_controller.go buildEnvVars). */
import { EnvList, source, type WorkloadContext } from './common';
import type { SourcedContainerEnv } from './types';
import { at, dict, list, str } from '../core/util';

/** mirrors controllers/embeddingserver_controller.go buildEmbeddingContainer / buildEnvVars */
export function embeddingContainers(ctx: WorkloadContext): SourcedContainerEnv[] {
  const out = new EnvList();
  const self = ctx.self;
  out.plain('MODEL_ID', str(ctx.spec.model) ?? '', source(self, 'spec.model', 'operator', 'spec.model'));
  out.secret('HF_TOKEN', ctx.spec.hfTokenSecretRef, source(self, 'spec.hfTokenSecretRef', 'operator', 'spec.hfTokenSecretRef'));
  list(ctx.spec.env).forEach((e, i) => {
    const d = dict(e);
    if (!d) return;
    const path = `spec.env[${i}]`;
    out.plain(str(d.name) ?? '', str(d.value) ?? '', source(self, path, 'user', path));
  });
  // IsModelCacheEnabled: only when spec.modelCache is present (its `enabled` defaults to true)
  if (at(ctx.spec, 'modelCache.enabled') === true) {
    out.plain('HF_HOME', '/data', source(self, 'spec.modelCache.enabled', 'operator', 'spec.modelCache.enabled'));
  }
  return [{ name: 'embedding', env: out.env, overwritten: [], builtByOperator: true }];
}
