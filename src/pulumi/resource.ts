/**
 * The base of every ToolHive component: resolves references by object, builds the manifest with the shared
 * builder, validates it (with everything it references) through the engine, then creates the
 * `k8s.apiextensions.CustomResource` child.
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { adoptedEntry } from './adopt';
import { isPromptValue, knownFrom, mapKnown, secretValues, toOutput, type Known } from './known';
import { isReferenceable, resolveReferences, type Referenceable } from './refs';
import { objectIdentity, programRegistry, type Entry, type ProgramRegistry } from './registry';
import type { WorkloadEnv } from '../bindings/types';
import type { KubeObject } from '../core/types';
import { apiVersionOf, type ManifestProps, type ToolHiveKind, type ToolHiveManifest } from '../manifests/common';

/** Metadata of a ToolHive object. */
export interface ToolHiveMetadata {
  /**
   * `metadata.name`. References are by name, so it is never auto-generated.
   *
   * @default - the Pulumi resource name
   */
  readonly name?: pulumi.Input<string>;
  /**
   * `metadata.namespace`: a name, or a `k8s.core.v1.Namespace` of the program (the object then depends on it).
   *
   * @default - none: the provider's namespace (tell validation which one with `configure({ defaultNamespace })`)
   */
  readonly namespace?: pulumi.Input<string> | k8s.core.v1.Namespace;
  /** @default - no labels */
  readonly labels?: pulumi.Input<{ readonly [key: string]: pulumi.Input<string> }>;
  /** @default - no annotations */
  readonly annotations?: pulumi.Input<{ readonly [key: string]: pulumi.Input<string> }>;
}

/** Args every ToolHive component takes besides its spec fields. */
export interface ToolHiveComponentArgs {
  /** @default - name from the Pulumi resource name, no namespace, labels or annotations */
  readonly metadata?: ToolHiveMetadata;
  /**
   * The operator's Helm release or the CRDs: the custom resource depends on it, so it never races its
   * CustomResourceDefinition.
   *
   * @default - the program-wide `configure({ operator })`, else no dependency
   */
  readonly operator?: pulumi.Input<pulumi.Resource> | pulumi.Input<pulumi.Input<pulumi.Resource>[]>;
}

type Builder<S> = (props: ManifestProps<S>) => ToolHiveManifest<S>;

/**
 * A ToolHive custom resource as a Pulumi component (type `toolhive:index:<Kind>`). Its child is the
 * `k8s.apiextensions.CustomResource` (exposed as `resource`, the escape hatch).
 */
export abstract class ToolHiveComponent<K extends ToolHiveKind = ToolHiveKind, S = unknown>
  extends pulumi.ComponentResource implements Referenceable {
  /** The kind, as in the CRD. */
  public readonly kind: K;
  /** The custom resource this component manages. */
  public readonly resource: k8s.apiextensions.CustomResource;
  /** @internal */
  public readonly __toolhiveEntry: Entry;
  /** @internal the program this object belongs to */
  protected readonly registry: ProgramRegistry;
  private readonly checked: Known<ToolHiveManifest<S>>;
  // Outputs are created on first use: each one costs promises the engine tracks, for every component.
  private manifestOutput?: pulumi.Output<ToolHiveManifest<S>>;

  protected constructor(type: string, kind: K, builder: Builder<S>, name: string, args: ToolHiveComponentArgs & object,
    opts?: pulumi.ComponentResourceOptions) {
    super(type, name, {}, opts);
    this.kind = kind;
    const reg = this.registry = programRegistry();
    const { metadata, operator, group, ...spec } = args as ToolHiveComponentArgs & Record<string, unknown>;
    if (group !== undefined) {
      // `group` is the cdk8s constructs' name of `groupRef`
      if (spec.groupRef !== undefined) throw new pulumi.ResourceError('give group or groupRef, not both: they are the same reference', this, true);
      spec.groupRef = group;
    }
    const meta = metadataOf(name, metadata);
    const resolved = misuseOn(this, () => resolveReferences(spec, (source, target, path) => entryOf(reg, source, target, path)));

    const manifest = mapKnown(knownFrom({ metadata: meta.value, spec: resolved.value }),
      props => builder(props as unknown as ManifestProps<S>) as unknown as KubeObject);
    const externals = mapKnown(knownFrom({ namespace: meta.value.namespace, names: resolved.externals }),
      ({ namespace, names }) => names.map(x => `${x.kind}/${namespace ?? reg.defaultNamespace}/${x.name}`));
    const secrets = secretValues({ metadata, spec });
    const entry: Entry = { kind, resource: this, name: meta.value.name, manifest, refs: resolved.refs, externals, secrets };
    this.__toolhiveEntry = entry;

    // Prompt values: throws here, before the child exists. Outputs: the child's registration fails with them.
    const checked = reg.checkObject(entry) as unknown as Known<ToolHiveManifest<S>>;
    reg.add(entry);

    this.checked = checked;
    const deps = dependencies([operator ?? reg.options.operator, meta.namespaceResource, ...resolved.refs.map(r => r.dependency ?? r.resource)]);
    this.resource = new k8s.apiextensions.CustomResource(name, customResourceArgs(kind, manifest as unknown as Known<ToolHiveManifest<unknown>>), {
      parent: this,
      // With Outputs, registration waits for the validation and fails with it. The inputs are the object's own
      // values (identical): a preview shows them even while a referenced Secret's keys are still unknown.
      dependsOn: checked.prompt ? deps : pulumi.all([checked.output, pulumi.output(deps)]).apply(([, d]) => d as pulumi.Resource[]),
    });
    entry.dependency = this.resource;
    // The manifest is the child's inputs, already in the state: the component adds no outputs of its own.
    this.registerOutputs({});
  }

  /** The manifest as emitted (the shared builder's output), once validated: the custom resource's inputs. */
  public get manifest(): pulumi.Output<ToolHiveManifest<S>> {
    return this.manifestOutput ??= toOutput(this.checked);
  }

  /** `metadata.name`. */
  public get metadataName(): pulumi.Output<string> {
    return this.manifest.apply(m => m.metadata.name);
  }

  /** `metadata.namespace`; undefined when the object names none. */
  public get metadataNamespace(): pulumi.Output<string | undefined> {
    return this.manifest.apply(m => m.metadata.namespace);
  }
}

/** A ToolHive workload (MCPServer, MCPRemoteProxy, VirtualMCPServer, EmbeddingServer): it has env bindings. */
export abstract class ToolHiveWorkload<K extends ToolHiveKind = ToolHiveKind, S = unknown> extends ToolHiveComponent<K, S> {
  private envBindingsOutput?: pulumi.Output<WorkloadEnv>;

  protected constructor(type: string, kind: K, builder: Builder<S>, name: string, args: ToolHiveComponentArgs & object,
    opts?: pulumi.ComponentResourceOptions) {
    super(type, kind, builder, name, args, opts);
  }

  /**
   * The containers the operator creates for this workload and the env each gets (names and `secretKeyRef`s,
   * never secret values), derived over the whole program's set: it resolves once `validate()` has run.
   * Created on first use, so a program that never reads it does not wait for `validate()`.
   */
  public get envBindings(): pulumi.Output<WorkloadEnv> {
    if (!this.envBindingsOutput) {
      const reg = this.registry;
      this.envBindingsOutput = pulumi.all([pulumi.output(reg.bindings), this.manifest]).apply(([all, m]) => {
        const own = objectIdentity(m as unknown as KubeObject, reg.defaultNamespace);
        return all.find(w => `${w.kind}/${w.namespace}/${w.name}` === own)
          ?? { kind: m.kind, namespace: m.metadata.namespace ?? reg.defaultNamespace, name: m.metadata.name, containers: [] };
      });
    }
    return this.envBindingsOutput;
  }
}

interface ResolvedMetadata {
  readonly value: {
    readonly name: pulumi.Input<string>;
    readonly namespace?: pulumi.Input<string>;
    readonly labels?: ToolHiveMetadata['labels'];
    readonly annotations?: ToolHiveMetadata['annotations'];
  };
  readonly namespaceResource?: k8s.core.v1.Namespace;
}

/** Metadata with the name defaulted and a Namespace resource replaced by its name. */
export function metadataOf(resourceName: string, metadata: ToolHiveMetadata | undefined): ResolvedMetadata {
  const ns = metadata?.namespace;
  const namespaceResource = k8s.core.v1.Namespace.isInstance(ns) ? ns : undefined;
  const namespace = namespaceResource ? namespaceResource.metadata.name : ns as pulumi.Input<string> | undefined;
  return {
    value: {
      name: metadata?.name ?? resourceName,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(metadata?.labels !== undefined ? { labels: metadata.labels } : {}),
      ...(metadata?.annotations !== undefined ? { annotations: metadata.annotations } : {}),
    },
    namespaceResource,
  };
}

/** Runs `f`, reporting a misused reference (wrong kind, object outside a reference field) on `resource`. */
export function misuseOn<T>(resource: pulumi.Resource, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new pulumi.ResourceError(e instanceof Error ? e.message : String(e), resource, true);
  }
}

/** The registry entry of a referenced object; Kubernetes Secrets and ConfigMaps join the set on first use. */
function entryOf(reg: ProgramRegistry, source: unknown, target: string, path: string): Entry {
  const entry = isReferenceable(source) ? source.__toolhiveEntry : adoptedEntry(reg, source as pulumi.Resource);
  if (entry.kind !== target) {
    throw new Error(`${path}: this field references ${article(target)} ${target}, but ${article(entry.kind)} ${entry.kind} was given`);
  }
  return entry;
}

function article(kind: string): string {
  return /^(MCP|[AEIOU])/.test(kind) ? 'an' : 'a';
}

/** The CustomResource args: the manifest itself when prompt, else its fields as Outputs. */
function customResourceArgs(kind: ToolHiveKind, m: Known<ToolHiveManifest<unknown>>): k8s.apiextensions.CustomResourceArgs {
  if (m.prompt) return m.value as unknown as k8s.apiextensions.CustomResourceArgs;
  return {
    apiVersion: apiVersionOf(kind),
    kind,
    metadata: m.output.metadata as pulumi.Output<k8s.types.input.meta.v1.ObjectMeta>,
    spec: m.output.apply(x => x.spec),
  };
}

/** A flat `dependsOn` list: plain when every part is, else one Output. */
function dependencies(parts: readonly unknown[]): pulumi.Input<pulumi.Input<pulumi.Resource>[]> {
  const flat = parts.flat(2).filter(p => p !== undefined && p !== null);
  if (isPromptValue(flat)) return [...new Set(flat)] as pulumi.Resource[];
  return pulumi.all(flat).apply(xs => [...new Set(xs.flat(2).filter(x => x !== undefined && x !== null))] as pulumi.Resource[]);
}
