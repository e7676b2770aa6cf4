/** A key inside a Kubernetes ConfigMap, referenced by object rather than by name. */

/**
 * A ConfigMap as seen by this library: any cdk8s-plus 2.x `IConfigMap` (`kplus.ConfigMap`, or
 * `kplus.ConfigMap.fromConfigMapName`), or a cdk8s `ApiObject` of kind `ConfigMap`. Typed structurally.
 */
export interface ConfigMapLike {
  /** The ConfigMap's `metadata.name`. */
  readonly name: string;
}

interface ConfigMapWithMetadata extends ConfigMapLike {
  readonly metadata?: { readonly namespace?: string };
  readonly apiObject?: unknown;
  toJson?: () => unknown;
}

/**
 * A key inside a ConfigMap, for the ConfigMap references of the specs (`authzConfig.configMap`,
 * `caBundleRef.configMapRef`). A ConfigMap defined in the app must contain the key (checked at synth); an
 * imported one (`kplus.ConfigMap.fromConfigMapName`) or `ConfigMapKey.external(...)` is declared external.
 *
 * @example
 * const ca = new kplus.ConfigMap(chart, 'corp-ca', { data: { 'ca.crt': pem } });
 * new McpServerEntry(chart, 'docs', { ..., caBundleRef: { configMapRef: ConfigMapKey.fromConfigMap(ca, 'ca.crt') } });
 */
export class ConfigMapKey {
  /** A key of a cdk8s-plus ConfigMap (any 2.x line, defined or imported) or of an `ApiObject` of kind `ConfigMap`. */
  public static fromConfigMap(configMap: ConfigMapLike, key: string): ConfigMapKey {
    if (!configMap || typeof configMap.name !== 'string' || configMap.name === '') {
      throw new Error('ConfigMapKey.fromConfigMap needs a ConfigMap with a name: pass a kplus.ConfigMap or kplus.ConfigMap.fromConfigMapName(...)');
    }
    checkKey(key, configMap.name);
    const c = configMap as ConfigMapWithMetadata;
    const inApp = c.apiObject !== undefined || typeof c.toJson === 'function';
    return new ConfigMapKey(configMap.name, key, inApp ? 'app' : 'external', inApp ? c.metadata?.namespace : undefined);
  }

  /** A key of a ConfigMap that lives outside the app (declares `ConfigMap/<namespace>/<name>` external). */
  public static external(name: string, key: string): ConfigMapKey {
    if (typeof name !== 'string' || name === '') {
      throw new Error('ConfigMapKey.external needs a ConfigMap name: pass the name of a ConfigMap managed outside the app');
    }
    checkKey(key, name);
    return new ConfigMapKey(name, key, 'external');
  }

  /** True when `x` is a `ConfigMapKey` (from any copy of this library). */
  public static isConfigMapKey(x: unknown): x is ConfigMapKey {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[CONFIGMAP_KEY_SYMBOL] === true;
  }

  private constructor(
    public readonly name: string,
    public readonly key: string,
    /** Whether the ConfigMap is defined in the app or lives outside it. */
    public readonly origin: 'app' | 'external',
    /** Namespace of a ConfigMap defined in the app, when it sets one. */
    public readonly configMapNamespace?: string,
  ) {
    Object.defineProperty(this, CONFIGMAP_KEY_SYMBOL, { value: true });
  }

  /** The plain `{name, key}` written into manifests. */
  public toJSON(): { name: string; key: string } {
    return { name: this.name, key: this.key };
  }
}

const CONFIGMAP_KEY_SYMBOL = Symbol.for('toolhive-constructs.ConfigMapKey');

function checkKey(key: string, name: string): void {
  if (typeof key !== 'string' || key === '') {
    throw new Error(`key of ConfigMap "${name}" must not be empty: name the key inside the ConfigMap`);
  }
}
