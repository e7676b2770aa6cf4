/**
 * Input types of the components: each kind's CRD spec (field names, enums and docs from the CRD) with
 * `pulumi.Input` at every level, and references that accept the referenced object itself.
 */
import type * as pulumi from '@pulumi/pulumi';
import type { ConfigMapKey, ConfigMapSource, SecretKey, SecretSource } from './refs';
import type { ToolHiveComponent } from './resource';
import type { ToolHiveKind } from '../manifests/common';
import type { REF_SPECS } from '../validation/references/specs';

type Leaf = string | number | boolean;

/** A spec value as Pulumi accepts it: any level may be an Input. */
export type SpecInput<T> =
  [T] extends [Leaf] ? pulumi.Input<T> :
    T extends readonly (infer E)[] ? pulumi.Input<readonly SpecInput<E>[]> :
      T extends object ? pulumi.Input<SpecInputs<T>> :
        pulumi.Input<T>;

/** The fields of a spec object, each as an Input; reference fields also take the referenced object. */
export type SpecInputs<T> = { readonly [K in keyof T]: FieldInput<K, T[K]> };

/** The last field of a reference table path: `spec.a.b[*]` → `b`, `spec.m{*}.ref` → `ref`. */
type LastField<P extends string> =
  P extends `${string}.${infer Rest}` ? LastField<Rest> :
    P extends `${infer F}[*]` ? LastField<F> :
      P extends `${infer F}{*}` ? LastField<F> :
        P;

/**
 * What each reference field points at, by field name, derived from the engine's reference table (`REF_SPECS`):
 * `groupRef` → `MCPGroup`, `clientSecretRef` → `Secret`, `secrets` → `Secret`. The runtime resolves by the same
 * names (`referenceFieldTargets`), so the types and the behaviour cannot drift from the table.
 */
type RefTargets = { [R in (typeof REF_SPECS)[number] as LastField<R['path']>]: R['target'] };

/** What a reference field accepts besides its CRD shape: the referenced object (or a key of it). */
type TargetInput<T, V> =
  [T] extends ['Secret'] ? ReferenceInput<V, SecretSource, SecretKey> :
    [T] extends ['ConfigMap'] ? ReferenceInput<V, ConfigMapSource, ConfigMapKey> :
      [T] extends [ToolHiveKind] ? ReferenceInput<V, ToolHiveComponent<T>, never> :
        SpecInput<V>;

type FieldInput<K, V> = K extends keyof RefTargets ? TargetInput<RefTargets[K], NonNullable<V>> : SpecInput<V>;

/** A reference field (or a list of references): the object, a ready-made key, or the CRD's own shape. */
type ReferenceInput<V, Target, Key> =
  [V] extends [readonly (infer E)[]] ? readonly ReferenceItem<E, Target, Key>[] :
    [V] extends [object] ? ReferenceItem<V, Target, Key> :
      SpecInput<V>;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

type ReferenceItem<V, Target, Key> =
  | ReferenceObject<V, Target>
  // the object (or key) alone, when the reference has no other required field
  | ([Exclude<RequiredKeys<V>, 'name' | 'key' | 'kind'>] extends [never] ? WholeReference<V, Target, Key> : never);

/** A keyed reference takes a key (`secret.key('token')`); an optional key also takes the object alone. */
type WholeReference<V, Target, Key> =
  'key' extends RequiredKeys<V> ? Key : 'key' extends keyof V ? Target | Key : Target;

/**
 * The CRD's reference shape, where `name` is the referenced object (created in this program) or a plain name
 * (an object managed elsewhere: declared external, so it is not looked up).
 */
type ReferenceObject<V, Target> = {
  readonly [P in keyof V]: P extends 'name' ? pulumi.Input<string> | Target : SpecInput<V[P]>;
};

/**
 * `group`, the name the cdk8s constructs use, or `groupRef`, the CRD's field: the same reference (the MCPGroup
 * component, `{ name }`, ...), given under either name, not both.
 */
export type WithGroup<A extends { readonly groupRef?: unknown }> =
  | (A & {
    /**
     * The MCPGroup this object belongs to: the cdk8s name of `groupRef` (same values); give one of the two.
     *
     * @default - `groupRef`
     */
    readonly group?: undefined;
  })
  | (Omit<A, 'groupRef'> & {
    /**
     * The MCPGroup this object belongs to: the cdk8s name of `groupRef` (same values); give one of the two.
     *
     * @default - `groupRef`
     */
    readonly group: NonNullable<A['groupRef']>;
    /**
     * The CRD's name of `group`: give one of the two.
     *
     * @default - `group`
     */
    readonly groupRef?: undefined;
  });
