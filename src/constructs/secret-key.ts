/** A key inside a Kubernetes Secret, referenced by object rather than by name. */
import type { SecretKeyRef } from '../bindings/types';

export type { SecretKeyRef };

/**
 * A Secret as seen by this library: any cdk8s-plus 2.x `ISecret` (`kplus.Secret`, or the object returned by
 * `kplus.Secret.fromSecretName`), or a cdk8s `ApiObject` of kind `Secret`. Typed structurally so that every
 * cdk8s-plus line (28, 33, ...) is accepted without this library loading one at runtime.
 */
export interface SecretLike {
  /** The Secret's `metadata.name`. */
  readonly name: string;
}


/** How a Secret key relates to the app. */
export type SecretKeyOrigin =
  /** The Secret is defined in the app (a `kplus.Secret` or an `ApiObject`): the key must be in it. */
  | 'app'
  /** The Secret lives outside the app (`SecretKey.external`, `kplus.Secret.fromSecretName`). */
  | 'external';

interface SecretWithMetadata extends SecretLike {
  readonly metadata?: { readonly namespace?: string };
  readonly apiObject?: unknown;
  toJson?: () => unknown;
}

/**
 * A key inside a Kubernetes Secret. Wherever a ToolHive spec takes a Secret key reference (`tokenSecretRef`,
 * `clientSecretRef`, `valueSecretRef`, ...) pass a `SecretKey`, or a plain `{ name, key }`.
 *
 * - `SecretKey.fromSecret(secret, key)` binds the key to a cdk8s-plus Secret. A Secret defined in the app must
 *   contain the key (checked at synth); an imported one (`kplus.Secret.fromSecretName`) is declared external.
 * - `SecretKey.external(name, key)` declares `Secret/<namespace>/<name>` external: it lives outside the app.
 * - A plain `{ name, key }` must resolve to a Secret of the app, or synth fails.
 *
 * @example
 * const token = new kplus.Secret(chart, 'github', { stringData: { token: process.env.GH_TOKEN! } });
 * McpExternalAuthConfig.bearerToken(chart, 'github-auth', { tokenSecretRef: SecretKey.fromSecret(token, 'token') });
 */
export class SecretKey implements SecretKeyRef {
  /**
   * A key of a cdk8s-plus Secret (`kplus.Secret` of any cdk8s-plus 2.x line, or `kplus.Secret.fromSecretName`)
   * or of a cdk8s `ApiObject` of kind `Secret`.
   */
  public static fromSecret(secret: SecretLike, key: string): SecretKey {
    if (!secret || typeof secret.name !== 'string' || secret.name === '') {
      throw new Error('SecretKey.fromSecret needs a Secret with a name: pass a kplus.Secret or kplus.Secret.fromSecretName(...)');
    }
    checkKey(key, secret.name);
    const s = secret as SecretWithMetadata;
    // A defined kplus Secret has an `apiObject`; an ApiObject renders itself; an imported one has neither.
    const inApp = s.apiObject !== undefined || typeof s.toJson === 'function';
    return new SecretKey(secret.name, key, inApp ? 'app' : 'external', secret, inApp ? s.metadata?.namespace : undefined);
  }

  /** A key of a Secret that lives outside the app (declares `Secret/<namespace>/<name>` external). */
  public static external(name: string, key: string): SecretKey {
    if (typeof name !== 'string' || name === '') {
      throw new Error('SecretKey.external needs a Secret name: pass the name of a Secret managed outside the app');
    }
    checkKey(key, name);
    return new SecretKey(name, key, 'external');
  }

  /** True when `x` is a `SecretKey` (from any copy of this library). */
  public static isSecretKey(x: unknown): x is SecretKey {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[SECRET_KEY_SYMBOL] === true;
  }

  /** Whether the Secret is defined in the app or lives outside it. */
  public readonly origin: SecretKeyOrigin;
  /** The cdk8s-plus Secret (or ApiObject) the key belongs to, when built with `fromSecret`. */
  public readonly secret?: SecretLike;
  /** Namespace of a Secret defined in the app, when it sets one. */
  public readonly secretNamespace?: string;

  private constructor(public readonly name: string, public readonly key: string, origin: SecretKeyOrigin, secret?: SecretLike, namespace?: string) {
    this.origin = origin;
    this.secret = secret;
    this.secretNamespace = namespace;
    Object.defineProperty(this, SECRET_KEY_SYMBOL, { value: true });
  }

  /** The plain `{name, key}` written into manifests. */
  public toJSON(): SecretKeyRef {
    return { name: this.name, key: this.key };
  }
}

const SECRET_KEY_SYMBOL = Symbol.for('toolhive-constructs.SecretKey');

function checkKey(key: string, secretName: string): void {
  if (typeof key !== 'string' || key === '') {
    throw new Error(`secret key of Secret "${secretName}" must not be empty: name the key inside the Secret`);
  }
}
