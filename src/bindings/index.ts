/** Pod env bindings the operator derives for each workload (one file per workload names its Go function). See docs/env-bindings.md. */
import type { WorkloadContext } from './common';
import { embeddingContainers } from './embedding';
import { mcpServerContainers } from './mcpserver';
import { registryContainers } from './registry';
import { remoteProxyContainers } from './remoteproxy';
import { resolverFromManifests, TOOLHIVE_GROUP, type Resolver } from './resolver';
import type { EnvBindingsOptions, SourcedContainerEnv, SourcedWorkloadEnv, WorkloadEnv } from './types';
import { vmcpContainers } from './vmcp';
import { describeInput, dict } from '../core/util';

export * from './types';

const WORKLOADS: ReadonlyMap<string, (ctx: WorkloadContext) => SourcedContainerEnv[]> = new Map([
  ['MCPServer', mcpServerContainers],
  ['MCPRemoteProxy', remoteProxyContainers],
  ['VirtualMCPServer', vmcpContainers],
  ['EmbeddingServer', embeddingContainers],
  ['MCPRegistry', registryContainers],
]);

/**
 * For every workload in the manifest set, the containers the operator creates and the exact env list it
 * derives, in the operator's order. Secret values never appear: only `valueFrom.secretKeyRef`.
 *
 * Workloads come out in input order. Objects are defaulted as the API server would before deriving.
 * References are resolved by name in the workload's namespace; what depends on an object that is not in
 * the set is left out (see docs/env-bindings.md).
 *
 * @example
 * for (const w of envBindings(yamlDocs)) {
 *   for (const c of w.containers) console.log(w.kind, w.name, c.name, c.env.map(e => e.name));
 * }
 */
export function envBindings(manifests: readonly unknown[], options: EnvBindingsOptions = {}): WorkloadEnv[] {
  return envBindingSources(manifests, options).map(w => ({
    kind: w.kind,
    namespace: w.namespace,
    name: w.name,
    containers: w.containers.map(c => ({ name: c.name, env: c.env.map(e => e.binding) })),
  }));
}

/** Like {@link envBindings}, with the source of every entry (object, field path, who chose the name). */
export function envBindingSources(manifests: readonly unknown[], options: EnvBindingsOptions = {}): SourcedWorkloadEnv[] {
  if (!Array.isArray(manifests)) {
    throw new TypeError(`envBindings expects an array of Kubernetes objects, got ${describeInput(manifests)}`);
  }
  return deriveWorkloadEnv(resolverFromManifests(manifests, options.defaultNamespace ?? 'default'), options);
}

/** The derivation over an already indexed set. */
export function deriveWorkloadEnv(resolver: Resolver, options: EnvBindingsOptions = {}): SourcedWorkloadEnv[] {
  const out: SourcedWorkloadEnv[] = [];
  forEachWorkloadEnv(resolver, options, w => out.push(w));
  return out;
}

/**
 * The derivation one workload at a time, in input order: the collision layer checks each workload's env and drops
 * it, so a large set never holds every env list at once.
 */
export function forEachWorkloadEnv(resolver: Resolver, options: EnvBindingsOptions, each: (w: SourcedWorkloadEnv) => void): void {
  const objects = resolver.objects;
  for (let i = 0; i < objects.length; i++) {
    const self = objects[i];
    const derive = self.group === TOOLHIVE_GROUP ? WORKLOADS.get(self.kind) : undefined;
    if (!derive) continue;
    const ctx: WorkloadContext = { resolver, self, spec: dict(self.object.spec) ?? {}, options };
    each({ kind: self.kind, namespace: self.namespace, name: self.name, containers: derive(ctx) });
  }
}
