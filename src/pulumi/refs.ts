/**
 * References by object: a component, a Secret or a ConfigMap given where the CRD expects a `{name}` or
 * `{name, key}` reference is replaced by its name, and the referenced object joins the validated closure.
 * A plain name (`{ name: 'shared-oidc' }`) declares the object external: it is managed elsewhere.
 */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { Entry } from './registry';
import { referenceFieldTargets } from '../validation/references/fields';

/** Something a reference can point at: its registry entry, found through the program's registry. */
export interface Referenceable {
  /** @internal */
  readonly __toolhiveEntry: Entry;
}

const ENTRY = '__toolhiveEntry';

/** True for ToolHive components and `ToolHiveSecret`s. */
export function isReferenceable(x: unknown): x is Referenceable {
  return typeof x === 'object' && x !== null && ENTRY in x && pulumi.Resource.isInstance(x);
}

/**
 * A Secret this library defines (`ToolHiveSecret`), described by what a reference reads from it, so this module
 * does not import the component.
 */
export interface ReferenceableSecret extends Referenceable {
  /** The Kubernetes Secret. */
  readonly secret: k8s.core.v1.Secret;
}

/** A Kubernetes Secret created by this program (or with `ToolHiveSecret`). */
export type SecretSource = k8s.core.v1.Secret | ReferenceableSecret;

/** A Kubernetes ConfigMap created by this program. */
export type ConfigMapSource = k8s.core.v1.ConfigMap;

const SECRET_KEY = Symbol.for('toolhive-constructs.SecretKey');
const CONFIGMAP_KEY = Symbol.for('toolhive-constructs.ConfigMapKey');

/**
 * A key in a Secret: built from a Secret of this program (`SecretKey.fromSecret(secret, 'token')`,
 * `toolhiveSecret.key('token')`) or declared external (`SecretKey.external('github-token', 'token')`).
 * Secrets of the program take part in validation, so a missing key is an error.
 */
export class SecretKey {
  /** A key of a Secret created by this program (a `k8s.core.v1.Secret` or a `ToolHiveSecret`). */
  public static fromSecret(secret: SecretSource, key: pulumi.Input<string>): SecretKey {
    return new SecretKey(key, secret, undefined);
  }

  /** A key of a Secret managed outside this program (declared external: its keys cannot be checked). */
  public static external(name: pulumi.Input<string>, key: pulumi.Input<string>): SecretKey {
    return new SecretKey(key, undefined, name);
  }

  /** True when `x` is a `SecretKey` (works across copies of this library). */
  public static isSecretKey(x: unknown): x is SecretKey {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[SECRET_KEY] === true;
  }

  private constructor(
    public readonly key: pulumi.Input<string>,
    public readonly secret: SecretSource | undefined,
    public readonly externalName: pulumi.Input<string> | undefined,
  ) {
    Object.defineProperty(this, SECRET_KEY, { value: true });
  }
}

/** A key in a ConfigMap of this program (`ConfigMapKey.fromConfigMap`) or an external one (`ConfigMapKey.external`). */
export class ConfigMapKey {
  public static fromConfigMap(configMap: ConfigMapSource, key: pulumi.Input<string>): ConfigMapKey {
    return new ConfigMapKey(key, configMap, undefined);
  }

  public static external(name: pulumi.Input<string>, key: pulumi.Input<string>): ConfigMapKey {
    return new ConfigMapKey(key, undefined, name);
  }

  public static isConfigMapKey(x: unknown): x is ConfigMapKey {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[CONFIGMAP_KEY] === true;
  }

  private constructor(
    public readonly key: pulumi.Input<string>,
    public readonly configMap: ConfigMapSource | undefined,
    public readonly externalName: pulumi.Input<string> | undefined,
  ) {
    Object.defineProperty(this, CONFIGMAP_KEY, { value: true });
  }
}

/**
 * The kind a field named `field` references, if it is a reference field: from the engine's reference table, by
 * the last field of each path (the input types in types.ts derive from the same table the same way).
 */
export function referenceTarget(field: string): string | undefined {
  return referenceFieldTargets().get(field);
}

/** An object referenced by plain name: declared external, resolved against the referrer's namespace. */
export interface ExternalName {
  readonly kind: string;
  readonly name: pulumi.Input<string>;
}

/** What resolving one spec collects: the objects referenced and the names declared external. */
export interface ResolvedRefs {
  readonly refs: Entry[];
  readonly externals: ExternalName[];
}

/** Resolves a referenceable source (component, Secret, ConfigMap) to its registry entry. */
export type EntryOf = (source: unknown, kind: string, path: string) => Entry;

/**
 * Replaces every reference by object in `value` (a spec of Inputs) with `{name}` / `{name, key}`, collecting
 * the referenced entries and the plain names (declared external). Outputs are left as they are.
 */
export function resolveReferences(value: unknown, entryOf: EntryOf, path = 'spec'): { value: unknown } & ResolvedRefs {
  const out: ResolvedRefs = { refs: [], externals: [] };
  const resolved = walk(value, undefined, path, entryOf, out, new Set());
  return { value: resolved, ...out };
}

function walk(value: unknown, target: string | undefined, path: string, entryOf: EntryOf, out: ResolvedRefs, ancestors: Set<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return value;
  // args are code, not data: a cycle is a programming error, named here instead of a stack overflow
  if (ancestors.has(value)) throw new TypeError(`${path}: props must be plain data, but this value refers back to one of its parents (a cycle)`);
  ancestors.add(value);
  try {
    return walkObject(value, target, path, entryOf, out, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function walkObject(value: object, target: string | undefined, path: string, entryOf: EntryOf, out: ResolvedRefs, ancestors: Set<object>): unknown {
  if (Array.isArray(value)) return value.map((item, i) => walk(item, target, `${path}[${i}]`, entryOf, out, ancestors));
  if (target !== undefined) {
    const whole = wholeReference(value, target, path, entryOf, out);
    if (whole) return whole;
  } else if (isSource(value)) {
    const kind = describe(value);
    throw new Error(`${path}: ${/^(MCP|[AEIOU])/.test(kind) ? 'an' : 'a'} ${kind} can only be given in a reference field (such as groupRef or clientSecretRef)`);
  }
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const child = record[key];
    const childPath = `${path}.${key}`;
    if (target !== undefined && key === 'name') {
      copy.name = referenceName(child, target, childPath, record, entryOf, out);
      continue;
    }
    const v = walk(child, referenceTarget(key), childPath, entryOf, out, ancestors);
    // a `__proto__` key stays an own key (validation rejects it) instead of replacing the prototype
    if (key === '__proto__') Object.defineProperty(copy, key, { value: v, writable: true, enumerable: true, configurable: true });
    else copy[key] = v;
  }
  return copy;
}

/** A component, Secret, ConfigMap or SecretKey given as the whole reference. */
function wholeReference(value: object, target: string, path: string, entryOf: EntryOf, out: ResolvedRefs): Record<string, unknown> | undefined {
  if (SecretKey.isSecretKey(value) || ConfigMapKey.isConfigMapKey(value)) {
    const keyed = value as SecretKey & ConfigMapKey;
    const source = SecretKey.isSecretKey(value) ? keyed.secret : keyed.configMap;
    const kind = SecretKey.isSecretKey(value) ? 'Secret' : 'ConfigMap';
    if (kind !== target) throw new Error(`${path}: this field references a ${target}, but a ${kind} key was given`);
    if (source === undefined) {
      out.externals.push({ kind, name: keyed.externalName! });
      return { name: keyed.externalName, key: keyed.key };
    }
    const entry = entryOf(source, kind, path);
    out.refs.push(entry);
    return { name: entry.name, key: keyed.key };
  }
  if (isSource(value)) {
    const entry = entryOf(value, target, path);
    out.refs.push(entry);
    return { name: entry.name };
  }
  return undefined;
}

/** The `name` of a reference object: a source object, or a plain name declared external. */
function referenceName(name: unknown, target: string, path: string, holder: Record<string, unknown>, entryOf: EntryOf, out: ResolvedRefs): unknown {
  if (isSource(name)) {
    const entry = entryOf(name, target, path);
    out.refs.push(entry);
    return entry.name;
  }
  // A builtin permission profile (`none`, `network`) names no ConfigMap.
  const isBuiltinProfile = target === 'ConfigMap' && holder.type !== undefined && holder.type !== 'configmap';
  if (name !== undefined && name !== null && !isBuiltinProfile && (typeof name === 'string' || pulumi.Output.isInstance(name) || name instanceof Promise)) {
    out.externals.push({ kind: target, name: name as pulumi.Input<string> });
  }
  return name;
}

function isSource(x: unknown): boolean {
  return isReferenceable(x) || k8s.core.v1.Secret.isInstance(x) || k8s.core.v1.ConfigMap.isInstance(x);
}

function describe(x: object): string {
  if (isReferenceable(x)) return x.__toolhiveEntry.kind;
  if (k8s.core.v1.Secret.isInstance(x)) return 'Secret';
  if (k8s.core.v1.ConfigMap.isInstance(x)) return 'ConfigMap';
  return 'resource';
}
