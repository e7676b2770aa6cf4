/** What every ToolHive construct shares: the L1 child, namespaces, references by object, registration. */
import { ApiObject, Chart, Lazy, type ApiObjectMetadata } from 'cdk8s';
import { Construct, type IConstruct } from 'constructs';
import { ConfigMapKey } from './configmap-key';
import { SecretKey } from './secret-key';
import { ToolHiveValidation } from './validation';
import { API_VERSIONS, type ToolHiveKind, type ToolHiveManifest } from '../manifests/common';
import { KIND_TYPE_NAMES } from '../schema/type-names';

/** A ToolHive object: defined in the app by a construct of this library, or imported with `fromName`. */
export interface IToolHiveObject extends IConstruct {
  /** The kind, as in the CRD (`MCPServer`, `MCPOIDCConfig`, ...). */
  readonly kind: ToolHiveKind;
  /** `metadata.name`. */
  readonly name: string;
  /** `metadata.namespace`, or the Chart's namespace; undefined means the default namespace. */
  readonly namespace?: string;
  /** True when the object lives outside the app (`fromName`). */
  readonly external: boolean;
}

/** Props every ToolHive construct accepts. */
export interface ToolHiveObjectProps {
  /**
   * Metadata of the object (name, namespace, labels, annotations).
   *
   * @default - a name generated from the construct path, the Chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * The shape of a workload's `oidcConfigRef` as the base class reads it. The kind files give it its public type
 * (`McpOidcConfigReference`); the base class names no kind of its own library, so it never imports them.
 */
interface OidcConfigReference {
  readonly config: IToolHiveObject;
  readonly audience: string;
  readonly scopes?: readonly string[];
  readonly resourceUrl?: string;
}

/** The namespace references compare: `undefined` is the default namespace. */
export function effectiveNamespace(ns: string | undefined): string {
  return ns ?? 'default';
}

/**
 * Base class of every ToolHive construct. Holds the L1 `ApiObject` (child id `Resource`, exposed as `apiObject`
 * for JSON patches), registers with the App's synth-time validation, and resolves references by object.
 */
export abstract class ToolHiveObject<S> extends Construct implements IToolHiveObject {
  public readonly kind: ToolHiveKind;
  /** The L1 object (child `Resource`): the escape hatch for `addJsonPatch`. */
  public readonly apiObject: ApiObject;
  public readonly name: string;
  public readonly namespace?: string;
  public readonly external = false;
  private specValue?: S;

  protected constructor(scope: Construct, id: string, kind: ToolHiveKind, props: ToolHiveObjectProps) {
    super(scope, id);
    this.kind = kind;
    ToolHiveValidation._mark(this);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: API_VERSIONS[kind],
      kind,
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this.specValue }),
    });
    this.name = this.apiObject.name;
    this.namespace = this.apiObject.metadata.namespace;
    ToolHiveValidation.of(this)._register(this);
  }

  /** The spec as emitted (the builder's output), for tests and tooling. */
  public get spec(): S {
    if (this.specValue === undefined) throw new Error(`${this.node.path}: spec read before it was set`);
    return this.specValue;
  }

  /** Sets the spec from a builder's manifest. */
  protected setManifest(manifest: ToolHiveManifest<S>): void {
    this.specValue = manifest.spec;
  }

  /** Metadata handed to the builders (the resolved name and namespace). */
  protected builderMetadata(): { name: string; namespace?: string } {
    return { name: this.name, namespace: this.namespace };
  }

  /**
   * The name of a referenced ToolHive object, after checking it is of the right kind and in this object's
   * namespace (ToolHive references carry no namespace). The referencing object's manifest is ordered after
   * the referenced one's.
   */
  protected refName(target: IToolHiveObject, kind: ToolHiveKind, field: string): string {
    if (!target || typeof target.name !== 'string') {
      throw new Error(`${this.kind} "${this.name}": ${field} must be a ${kind} construct (or ${KIND_TYPE_NAMES[kind]}.fromName(...))`);
    }
    if (target.kind !== kind) {
      throw new Error(`${this.kind} "${this.name}": ${field} must reference a ${kind}, got ${target.kind} "${target.name}"`);
    }
    this.checkNamespace(`${target.kind} "${target.name}"`, target.namespace, field);
    if (!target.external) this.orderAfter(target);
    return target.name;
  }

  /**
   * Orders this object's manifest after the target's. Between the two L1 objects when the target has one: cdk8s
   * derives exactly this edge from a construct-level dependency at every synth (and again per chart), so the
   * direct edge gives the same order with half the edges to resolve and sort.
   */
  private orderAfter(target: IToolHiveObject): void {
    const targetObject = (target as { apiObject?: unknown }).apiObject;
    if (ApiObject.isApiObject(targetObject)) this.apiObject.node.addDependency(targetObject);
    else this.node.addDependency(target);
  }

  /** `{name}` of an optional reference (`groupRef`, `toolConfigRef`, ...). */
  protected nameRef(target: IToolHiveObject | undefined, kind: ToolHiveKind, field: string): { name: string } | undefined {
    return target === undefined ? undefined : { name: this.refName(target, kind, field) };
  }

  /** `spec.groupRef` from a group. */
  protected groupRef(group: IToolHiveObject | undefined): { name: string } | undefined {
    return this.nameRef(group, 'MCPGroup', 'spec.groupRef');
  }

  /** `spec.oidcConfigRef` from an OIDC reference (config plus per-workload audience, scopes, resourceUrl). */
  protected oidcConfigRef(ref: OidcConfigReference | undefined, field = 'spec.oidcConfigRef') {
    if (ref === undefined) return undefined;
    if (typeof ref.audience !== 'string' || ref.audience === '') {
      throw new Error(`${this.kind} ${field}.audience must not be empty: set a per-workload audience (it must be unique per workload)`);
    }
    return {
      name: this.refName(ref.config, 'MCPOIDCConfig', `${field}.name`),
      audience: ref.audience,
      scopes: ref.scopes,
      resourceUrl: ref.resourceUrl,
    };
  }

  /** `spec.telemetryConfigRef` from a telemetry reference. */
  protected telemetryConfigRef(ref: { readonly config: IToolHiveObject; readonly serviceName?: string } | undefined) {
    if (ref === undefined) return undefined;
    return { name: this.refName(ref.config, 'MCPTelemetryConfig', 'spec.telemetryConfigRef.name'), serviceName: ref.serviceName };
  }

  /** `spec.authzConfigRef`; rejects setting both a shared and an inline authz config. */
  protected authzConfigRef(authz: IToolHiveObject | undefined, inline: unknown, field = 'spec') {
    // mirrors the CRD CEL rule: authzConfig and authzConfigRef are mutually exclusive
    if (authz !== undefined && inline !== undefined) {
      throw new Error(`${this.kind} ${field}: authzConfig and authzConfigRef are mutually exclusive; use authzConfigRef to reference a shared MCPAuthzConfig (set either authz or authzConfig)`);
    }
    return this.nameRef(authz, 'MCPAuthzConfig', `${field}.authzConfigRef`);
  }

  /** `spec.externalAuthConfigRef`. */
  protected externalAuthConfigRef(config: IToolHiveObject | undefined, field = 'spec.externalAuthConfigRef') {
    return this.nameRef(config, 'MCPExternalAuthConfig', field);
  }

  /** `spec.toolConfigRef`. */
  protected toolConfigRef(config: IToolHiveObject | undefined) {
    return this.nameRef(config, 'MCPToolConfig', 'spec.toolConfigRef');
  }

  /** `spec.authServerRef`: an MCPExternalAuthConfig of type embeddedAuthServer. */
  protected authServerRef(config: (IToolHiveObject & { readonly authType?: string }) | undefined) {
    if (config === undefined) return undefined;
    // mirrors controllers handleAuthServerRef: only embeddedAuthServer is supported
    if (config.authType !== undefined && config.authType !== 'embeddedAuthServer') {
      throw new Error(`authServerRef '${config.name}' has type "${config.authType}", but only embeddedAuthServer is supported`);
    }
    return { kind: 'MCPExternalAuthConfig' as const, name: this.refName(config, 'MCPExternalAuthConfig', 'spec.authServerRef.name') };
  }

  /**
   * Deep-copies plain spec data, replacing `SecretKey`s by `{name, key}` (declaring external ones) and ToolHive
   * constructs by `{name}` (same-namespace checked).
   */
  protected resolve<T>(value: T, field: string): T {
    return this.resolveValue(value, field) as T;
  }

  private resolveValue(value: unknown, field: string): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (SecretKey.isSecretKey(value)) return this.secretKey(value, field);
    if (ConfigMapKey.isConfigMapKey(value)) return this.configMapKey(value, field);
    if (ToolHiveValidation.isToolHiveConstruct(value)) {
      const target = value as unknown as IToolHiveObject;
      return { name: this.refName(target, target.kind, field) };
    }
    if (Array.isArray(value)) return value.map((v, i) => this.resolveValue(v, `${field}[${i}]`));
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      // Another construct where a `{name}` is expected (e.g. a cdk8s-plus Secret): reference it by name.
      const named = value as { name?: unknown; node?: unknown };
      if (named.node !== undefined && typeof named.name === 'string') return { name: named.name };
      throw new Error(`${this.kind} "${this.name}": unsupported value at ${field}: pass plain data, a SecretKey or a ToolHive construct`);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = this.resolveValue(v, `${field}.${k}`);
    return out;
  }

  /** `{name, key}` of a Secret key; an external Secret is declared external, an app Secret must share the namespace. */
  private secretKey(ref: SecretKey, field: string): { name: string; key: string } {
    if (ref.origin === 'external') {
      ToolHiveValidation.of(this).addExternal(`Secret/${effectiveNamespace(this.namespace)}/${ref.name}`);
    } else {
      this.checkNamespace(`Secret "${ref.name}"`, ref.secretNamespace, field);
    }
    return { name: ref.name, key: ref.key };
  }

  /** `{name, key}` of a ConfigMap key; an external ConfigMap is declared external. */
  private configMapKey(ref: ConfigMapKey, field: string): { name: string; key: string } {
    if (ref.origin === 'external') {
      ToolHiveValidation.of(this).addExternal(`ConfigMap/${effectiveNamespace(this.namespace)}/${ref.name}`);
    } else {
      this.checkNamespace(`ConfigMap "${ref.name}"`, ref.configMapNamespace, field);
    }
    return { name: ref.name, key: ref.key };
  }

  /**
   * `{name}` of a Secret named without a key (`imagePullSecrets`): an imported cdk8s-plus Secret is declared
   * external, one defined in the app must share the namespace, a plain `{ name }` must name a Secret of the app.
   */
  protected secretName(secret: { readonly name: string }, field: string): { name: string } {
    const s = secret as { name: string; apiObject?: unknown; toJson?: unknown; node?: unknown; metadata?: { namespace?: string } };
    if (s.node !== undefined && s.apiObject === undefined && typeof s.toJson !== 'function') {
      ToolHiveValidation.of(this).addExternal(`Secret/${effectiveNamespace(this.namespace)}/${s.name}`);
    } else if (s.node !== undefined) {
      this.checkNamespace(`Secret "${s.name}"`, s.metadata?.namespace, field);
    }
    return { name: s.name };
  }

  private checkNamespace(what: string, targetNs: string | undefined, field: string): void {
    const mine = effectiveNamespace(this.namespace);
    const theirs = effectiveNamespace(targetNs);
    if (mine !== theirs) {
      throw new Error(`${this.kind} "${this.name}" in namespace "${mine}" cannot reference ${what} in namespace "${theirs}" (${field}): ToolHive references are same-namespace only; define it in namespace "${mine}"`);
    }
  }
}

/** An object managed outside the app, referenced by name (`McpGroup.fromName(...)`). */
export class ImportedToolHiveObject extends Construct implements IToolHiveObject {
  public readonly external = true;
  public readonly namespace?: string;

  /** @internal use the kind's `fromName`. */
  public constructor(scope: Construct, id: string, public readonly kind: ToolHiveKind, public readonly name: string) {
    super(scope, id);
    if (typeof name !== 'string' || name === '') {
      throw new Error(`${KIND_TYPE_NAMES[kind]}.fromName needs the name of the ${kind} managed outside the app`);
    }
    ToolHiveValidation._mark(this);
    this.namespace = chartNamespace(scope);
    ToolHiveValidation.of(this).addExternal(`${kind}/${effectiveNamespace(this.namespace)}/${name}`);
  }
}

/** The namespace of the Chart `scope` belongs to (undefined outside a Chart or when the Chart sets none). */
export function chartNamespace(scope: IConstruct): string | undefined {
  for (let s: IConstruct | undefined = scope; s; s = s.node.scope) if (Chart.isChart(s)) return s.namespace;
  return undefined;
}

/** Throws when a required string prop is empty. */
export function requireNonEmpty(kind: string, field: string, value: string | undefined): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`${kind} ${field} must not be empty: got ${JSON.stringify(value ?? null)}`);
  }
}
