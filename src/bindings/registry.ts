/** MCPRegistry (deprecated): container `registry-api`. */
import { EnvList, source, type WorkloadContext } from './common';
import type { SourcedContainerEnv } from './types';

/** mirrors pkg/registryapi/podtemplatespec.go withPGPassMountFromVolume: `PGPASSFILE` when pgpassSecretRef is set */
export function registryContainers(ctx: WorkloadContext): SourcedContainerEnv[] {
  const out = new EnvList();
  if (ctx.spec.pgpassSecretRef !== undefined && ctx.spec.pgpassSecretRef !== null) {
    out.plain('PGPASSFILE', '/home/appuser/.pgpass', source(ctx.self, 'spec.pgpassSecretRef', 'operator', 'spec.pgpassSecretRef'));
  }
  return [{ name: 'registry-api', env: out.env, overwritten: [], builtByOperator: true }];
}
