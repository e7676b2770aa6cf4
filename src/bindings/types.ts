/** The Pod env bindings the operator derives for each workload. */

export interface SecretKeyRef { readonly name: string; readonly key: string; readonly optional?: boolean }
export interface FieldRef { readonly apiVersion?: string; readonly fieldPath: string }
export interface ConfigMapKeyRef { readonly name: string; readonly key: string; readonly optional?: boolean }
export interface ResourceFieldRef { readonly containerName?: string; readonly resource: string; readonly divisor?: string | number }

/** A container env entry, shaped like a Kubernetes `EnvVar`. Never carries a secret's value. */
export interface EnvBinding {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: {
    readonly secretKeyRef?: SecretKeyRef;
    readonly fieldRef?: FieldRef;
    /** Only in entries the user wrote into a `podTemplateSpec`. */
    readonly configMapKeyRef?: ConfigMapKeyRef;
    /** Only in entries the user wrote into a `podTemplateSpec`. */
    readonly resourceFieldRef?: ResourceFieldRef;
  };
}

export interface ContainerEnv {
  /** Container name the operator creates: `toolhive`, `mcp`, `vmcp`, `embedding`. */
  readonly name: string;
  /** The env list in the operator's order. */
  readonly env: readonly EnvBinding[];
}

export interface WorkloadEnv {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly containers: readonly ContainerEnv[];
}

export interface EnvBindingsOptions {
  /** Namespace of objects that name none. @default 'default' */
  readonly defaultNamespace?: string;
  /**
   * The chart's default session Redis password Secret (operator env `TOOLHIVE_DEFAULT_REDIS_ADDR` set and
   * `TOOLHIVE_DEFAULT_REDIS_SECRET_NAME`/`_KEY`). A VirtualMCPServer without `spec.sessionStorage` then gets
   * `THV_SESSION_REDIS_PASSWORD` from it. Unknown offline, so nothing is derived unless this is given.
   * @default - no chart default: the fallback env var is omitted
   */
  readonly defaultRedisSecret?: { readonly name: string; readonly key?: string };
}

/** Where one derived env entry comes from (for explanations and the collision layer). */
export interface EnvSource {
  /** The object holding the field the entry is derived from: the workload itself or a referenced config. */
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** Field path in that object (API server style); `''` for the operator's fixed defaults. */
  readonly path: string;
  /** Who chose the env var name: the operator (fixed or derived name) or the user (a name written in a spec). */
  readonly namedBy: 'operator' | 'user';
  /** Field path in the workload that brings the source in, e.g. `spec.externalAuthConfigRef.name`. */
  readonly via: string;
}

/** A derived env entry with its source. */
export interface SourcedEnvBinding {
  readonly binding: EnvBinding;
  readonly source: EnvSource;
}

/** A user entry the operator (or the proxyrunner) silently overwrites because it builds a map, not a list. */
export interface OverwrittenEnvBinding {
  readonly entry: SourcedEnvBinding;
  readonly by: SourcedEnvBinding;
}

export interface SourcedContainerEnv {
  readonly name: string;
  readonly env: readonly SourcedEnvBinding[];
  /** Entries dropped before the list was built (map semantics). */
  readonly overwritten: readonly OverwrittenEnvBinding[];
  /** True when the operator builds the container itself (Kubernetes then uses the later of two equal names). */
  readonly builtByOperator: boolean;
}

export interface SourcedWorkloadEnv {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly containers: readonly SourcedContainerEnv[];
}
