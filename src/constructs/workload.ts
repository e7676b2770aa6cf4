/** Workload constructs (MCPServer, MCPRemoteProxy, VirtualMCPServer, EmbeddingServer) and their env bindings. */
import type { Construct } from 'constructs';
import { envBindings } from '../bindings';
import { ToolHiveObject, effectiveNamespace, type ToolHiveObjectProps } from './base';
import { ToolHiveValidation } from './validation';
import type { EnvBinding } from '../bindings/types';
import type { ToolHiveKind } from '../manifests/common';

/**
 * The parts of a cdk8s-plus module `envValues` uses, typed structurally so any cdk8s-plus 2.x line fits:
 * pass the module itself (`import * as kplus from 'cdk8s-plus-33'`).
 */
export interface CdkPlusEnvModule<E, S> {
  readonly EnvValue: {
    fromValue(value: string): E;
    fromSecretValue(secretValue: { readonly secret: S; readonly key: string }, options?: { readonly optional?: boolean }): E;
    fromFieldRef(fieldPath: any, options?: { readonly apiVersion?: string }): E;
  };
  readonly Secret: {
    fromSecretName(scope: Construct, id: string, name: string): S;
  };
}

/**
 * Base class of the workloads: exposes the env vars the operator injects into the Pods it creates, computed
 * by `envBindings` over the App's resolved manifests (so referenced configs are taken into account).
 */
export abstract class ToolHiveWorkload<S> extends ToolHiveObject<S> {
  /** The container the operator runs the workload in (`toolhive`, `vmcp`, `embedding`). */
  public abstract readonly mainContainer: string;

  protected constructor(scope: Construct, id: string, kind: ToolHiveKind, props: ToolHiveObjectProps) {
    super(scope, id, kind, props);
  }

  /**
   * The env lists the operator derives for each container of this workload, keyed by container name, in the
   * operator's order. Computed from the App's manifests on each access (after JSON patches). Secret values
   * never appear: Secret-backed entries carry `valueFrom.secretKeyRef`.
   */
  public get envVars(): Record<string, readonly EnvBinding[]> {
    const manifests = ToolHiveValidation.of(this).manifests();
    const ns = effectiveNamespace(this.namespace);
    const workload = envBindings(manifests).find(w => w.kind === this.kind && w.namespace === ns && w.name === this.name);
    const out: Record<string, readonly EnvBinding[]> = {};
    for (const c of workload?.containers ?? []) out[c.name] = c.env;
    return out;
  }

  /**
   * The env of one container as cdk8s-plus `EnvValue`s, e.g. to give a sidecar or a Job the same settings.
   * Secret-backed entries reference the Secret by name (`kplus.Secret.fromSecretName`); a later entry of the
   * same name wins, as in Kubernetes.
   *
   * @param kplus the cdk8s-plus module (any 2.x line): `import * as kplus from 'cdk8s-plus-33'`
   * @param container the container name @default - the workload's main container (`mainContainer`)
   * @example
   * const env = server.envValues(kplus);
   * deployment.addContainer({ image: 'busybox', envVariables: env });
   */
  public envValues<E, SecretT>(kplus: CdkPlusEnvModule<E, SecretT>, container?: string): Record<string, E> {
    const name = container ?? this.mainContainer;
    const env = this.envVars[name];
    if (!env) throw new Error(`${this.kind} "${this.name}" has no container "${name}" with env; containers: ${Object.keys(this.envVars).join(', ') || 'none'}`);
    const out: Record<string, E> = {};
    for (const e of env) {
      const secretRef = e.valueFrom?.secretKeyRef;
      const fieldRef = e.valueFrom?.fieldRef;
      if (secretRef) {
        const id = `EnvSecret-${secretRef.name}`;
        const secret = (this.node.tryFindChild(id) as unknown as SecretT | undefined) ?? kplus.Secret.fromSecretName(this, id, secretRef.name);
        const options = secretRef.optional !== undefined ? { optional: secretRef.optional } : undefined;
        out[e.name] = kplus.EnvValue.fromSecretValue({ secret, key: secretRef.key }, options);
      } else if (fieldRef) {
        out[e.name] = kplus.EnvValue.fromFieldRef(fieldRef.fieldPath, fieldRef.apiVersion ? { apiVersion: fieldRef.apiVersion } : undefined);
      } else {
        out[e.name] = kplus.EnvValue.fromValue(e.value ?? '');
      }
    }
    return out;
  }
}
