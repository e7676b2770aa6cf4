/** Pod env bindings the operator derives for each workload (notes §4.2). */
import type { EnvBindingsOptions, WorkloadEnv } from './types';

export * from './types';

/**
 * For every workload in the manifest set, the containers the operator creates and the exact env list it
 * derives, in the operator's order. Secret values never appear: only `valueFrom.secretKeyRef`.
 */
export function envBindings(_manifests: readonly unknown[], _options: EnvBindingsOptions = {}): WorkloadEnv[] {
  return [];
}
