/** The Pod env bindings the operator derives for each workload (notes §4.2). */

export interface SecretKeyRef { readonly name: string; readonly key: string; readonly optional?: boolean }
export interface FieldRef { readonly apiVersion?: string; readonly fieldPath: string }

/** A container env entry, shaped like a Kubernetes `EnvVar`. Never carries a secret's value. */
export interface EnvBinding {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { readonly secretKeyRef?: SecretKeyRef; readonly fieldRef?: FieldRef };
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
}
