/** What every ToolHive construct shares: the L1 child, namespaces, references by object, registration. */
import { ApiObject, Chart, Lazy, type ApiObjectMetadata } from 'cdk8s';
import { Construct, type IConstruct } from 'constructs';
import { ConfigMapKey } from './configmap-key';
import { SecretKey } from './secret-key';
import { ToolHiveValidation } from './validation';
import { apiVersionOf, type ToolHiveKind, type ToolHiveManifest } from '../manifests/common';
import { KIND_TYPE_NAMES } from '../schema/type-names';
import { referenceTargetAt } from '../validation/references/fields';
import { RULE_MISSING, RULE_WRONG_NAMESPACE } from '../validation/references/resolve';

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

/** A workload's reference to a shared config plus per-workload fields (`oidcConfigRef`, `telemetryConfigRef`). */
interface ConfigReference {
  readonly config: IToolHiveObject;
}

/** The namespace references compare: `undefined` is the default namespace. */
export function effectiveNamespace(ns: string | undefined): string {
  return ns ?? 'default';
}

/**
 * Base class of every ToolHive construct. Holds the L1 `ApiObject` (child id `Resource`, exposed as `apiObject`
 * for JSON patches), registers with the App's synth-time validation, and resolves references by object.
 *
 * Constructs do not judge their props: the engine does, at synth, on the manifest synth emits (after JSON
 * patches), and cdk8s reports every error of the App together, each under its construct path. The only checks
 * made here are the ones the engine cannot make on a manifest, because they are about the objects given rather
 * than the names written: a construct of the wrong kind given as a reference, an object of the app in another
 * namespace than the one referring to it. They are reported at synth too.
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
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: apiVersionOf(kind),
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
   * `{name}` of the reference at `path` (a path of the reference table, e.g. `spec.groupRef`), from the object
   * given for it; undefined when none is. The kind it must be is the table's, not this class's.
   */
  protected ref(target: IToolHiveObject | undefined, path: string): { name: string } | undefined {
    return target === undefined ? undefined : { name: this.refName(target, path) };
  }

  /** `{name, ...rest}` of a reference to a shared config with per-workload fields (`oidcConfigRef`, `telemetryConfigRef`). */
  protected configRef<R extends ConfigReference>(ref: R | undefined, path: string): (Omit<R, 'config'> & { name: string }) | undefined {
    if (ref === undefined) return undefined;
    // what `{ ...rest, name }` of `{ config, ...rest } = ref` gives (symbol keys aside, which the builder drops), without
    // the object rest and spread, slow on the constructor's path
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(ref)) {
      if (k === 'config') continue;
      const v = (ref as unknown as Record<string, unknown>)[k];
      if (k === '__proto__') Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
      else out[k] = v;
    }
    out.name = this.refName(ref.config, path);
    return out as Omit<R, 'config'> & { name: string };
  }

  /**
   * The name of a referenced ToolHive object. ToolHive references carry no namespace, so a construct of the app
   * must be in this object's namespace; the referencing object's manifest is ordered after the referenced one's.
   */
  protected refName(target: IToolHiveObject, path: string): string {
    const kind = referenceTargetAt(this.kind, path);
    if (kind === undefined) throw new Error(`${this.kind} has no reference at ${path}`); // a bug of this library
    if (!ToolHiveValidation.isToolHiveConstruct(target) || typeof target.name !== 'string') {
      const fix = kind in KIND_TYPE_NAMES ? ` (or ${KIND_TYPE_NAMES[kind as ToolHiveKind]}.fromName(...))` : '';
      this.reportAtSynth(path, `must be ${article(kind)} ${kind} construct${fix}, got ${describe(target)}`);
      return typeof (target as { name?: unknown })?.name === 'string' ? (target as { name: string }).name : '';
    }
    if (target.kind !== kind) {
      this.reportAtSynth(path, `must reference ${article(kind)} ${kind}, got ${target.kind} "${target.name}"`);
    }
    this.checkNamespace(`${target.kind} "${target.name}"`, target.namespace, path);
    if (!target.external) this.orderAfter(target);
    return target.name;
  }

  /**
   * Orders this object's manifest after the target's. Between the two L1 objects when the target has one: cdk8s
   * derives exactly this edge from a construct-level dependency at every synth (and again per chart), so the
   * direct edge gives the same order with half the edges to resolve and sort. In the same chart the edge is
   * decided at synth (`ToolHiveValidation._orderAfter`: none when the App has no dependency at all and cdk8s
   * already writes the target first); across charts it is added now, because cdk8s orders charts from edges it
   * reads before it validates.
   */
  private orderAfter(target: IToolHiveObject): void {
    const targetObject = (target as { apiObject?: unknown }).apiObject;
    if (!ApiObject.isApiObject(targetObject)) this.node.addDependency(target);
    else if (Chart.of(targetObject) === Chart.of(this.apiObject)) ToolHiveValidation.of(this)._orderAfter(this.apiObject, targetObject);
    else this.apiObject.node.addDependency(targetObject);
  }

  /**
   * Deep-copies plain spec data, replacing `SecretKey`s by `{name, key}` (declaring external ones) and ToolHive
   * constructs by `{name}` (the kind the reference table expects at that path, same namespace).
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
      if (referenceTargetAt(this.kind, field) === undefined) {
        this.reportAtSynth(field, `${target.kind} "${target.name}" given where no reference is expected: pass plain data`);
        return { name: target.name };
      }
      return { name: this.refName(target, field) };
    }
    if (Array.isArray(value)) return value.map((v, i) => this.resolveValue(v, `${field}[${i}]`));
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      // Another construct where a `{name}` is expected (e.g. a cdk8s-plus Secret): reference it by name.
      const named = value as { name?: unknown; node?: unknown };
      if (named.node !== undefined && typeof named.name === 'string') return { name: named.name };
      this.reportAtSynth(field, 'unsupported value: pass plain data, a SecretKey, a ConfigMapKey or a ToolHive construct');
      return undefined;
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

  /**
   * An object of the app in another namespace. The manifest names it only, so the engine sees a reference to a
   * name in this object's namespace: it reports it (`ref.wrong-namespace`) unless another object of that name
   * lives here, which would silently be the one referenced. This check knows which object was given.
   */
  private checkNamespace(what: string, targetNs: string | undefined, field: string): void {
    const mine = effectiveNamespace(this.namespace);
    const theirs = effectiveNamespace(targetNs);
    if (mine === theirs) return;
    this.reportAtSynth(field, `${this.kind} "${this.name}" in namespace "${mine}" cannot reference ${what} in namespace "${theirs}": `
      + `ToolHive references are same-namespace only; define it in namespace "${mine}"`);
  }

  /**
   * A mistake in the objects given rather than in the manifest, reported with the engine's errors at synth. When
   * the engine finds that the name written does not resolve (most such mistakes do that), its message stands
   * alone: one mistake, one error.
   */
  private reportAtSynth(field: string, message: string): void {
    this.node.addValidation({
      validate: () => {
        const validation = ToolHiveValidation.of(this);
        if (!validation._enabled) return [];
        const engine = validation._currentViolationsOf(this);
        const within = (path: string) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
        return engine.some(v => UNRESOLVED.has(v.rule) && within(v.path)) ? [] : [`${field}: ${message}`];
      },
    });
  }
}

/** An object managed outside the app, referenced by name (`McpGroup.fromName(...)`). */
export class ImportedToolHiveObject extends Construct implements IToolHiveObject {
  public readonly external = true;
  public readonly namespace?: string;

  /** @internal use the kind's `fromName`. */
  public constructor(scope: Construct, id: string, public readonly kind: ToolHiveKind, public readonly name: string) {
    super(scope, id);
    this.namespace = chartNamespace(scope);
    if (typeof name !== 'string' || name === '') {
      const message = `${KIND_TYPE_NAMES[kind]}.fromName needs the name of the ${kind} managed outside the app`;
      this.node.addValidation({ validate: () => (ToolHiveValidation.of(this)._enabled ? [message] : []) });
      return;
    }
    ToolHiveValidation.of(this).addExternal(`${kind}/${effectiveNamespace(this.namespace)}/${name}`);
  }
}

// the mark `ToolHiveValidation.isToolHiveConstruct` reads, on the prototypes: no property to define per construct
ToolHiveValidation._mark(ToolHiveObject.prototype);
ToolHiveValidation._mark(ImportedToolHiveObject.prototype);

/** The namespace of the Chart `scope` belongs to (undefined outside a Chart or when the Chart sets none). */
export function chartNamespace(scope: IConstruct): string | undefined {
  for (let s: IConstruct | undefined = scope; s; s = s.node.scope) if (Chart.isChart(s)) return s.namespace;
  return undefined;
}

/** The engine's rules for a name that does not resolve: they already tell a wrong object given for a reference. */
const UNRESOLVED = new Set([RULE_MISSING, RULE_WRONG_NAMESPACE]);

function article(kind: string): string {
  return /^(MCP|[AEIOU])/.test(kind) ? 'an' : 'a';
}

function describe(x: unknown): string {
  if (x === null || typeof x !== 'object') return JSON.stringify(x) ?? String(x);
  const name = (x as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'a plain object';
}
