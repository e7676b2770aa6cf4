/** `ToolHiveSecret`: a Kubernetes Secret whose values are Pulumi secrets and whose keys are validated. */
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { secretShape } from './adopt';
import { allKnown, allValues, knownFrom, mapKnown, promptly, type Known } from './known';
import { SecretKey, type Referenceable } from './refs';
import { programRegistry, type Entry } from './registry';
import { metadataOf, type ToolHiveMetadata } from './resource';

export interface ToolHiveSecretArgs {
  /** @default - name from the Pulumi resource name, no namespace */
  readonly metadata?: ToolHiveMetadata;
  /**
   * The values, by key. Every value is marked secret (`pulumi.secret`), so it is encrypted in the state and
   * masked in the CLI output; validation only ever sees the key names.
   */
  readonly stringData: pulumi.Input<{ readonly [key: string]: pulumi.Input<string> }>;
  /**
   * The Secret's type.
   *
   * @default 'Opaque'
   */
  readonly type?: pulumi.Input<string>;
}

/**
 * A Kubernetes Secret for ToolHive objects to reference (`secret.key('client-secret')`). Its values are
 * Pulumi secrets; it joins the program's validated set, so referencing a key it lacks is an error.
 *
 * @example
 * const oidcClient = new ToolHiveSecret('oidc-client', {
 *   metadata: { namespace: 'toolhive' },
 *   stringData: { 'client-secret': config.requireSecret('oidcClientSecret') },
 * });
 * new McpOidcConfig('corp-oidc', { type: 'inline', inline: { issuer, clientId, clientSecretRef: oidcClient.key('client-secret') } });
 */
export class ToolHiveSecret extends pulumi.ComponentResource implements Referenceable {
  /** The Kubernetes Secret. */
  public readonly secret: k8s.core.v1.Secret;
  /** `metadata.name`. */
  public readonly metadataName: pulumi.Output<string>;
  /** @internal */
  public readonly __toolhiveEntry: Entry;

  constructor(name: string, args: ToolHiveSecretArgs, opts?: pulumi.ComponentResourceOptions) {
    super('toolhive:index:Secret', name, {}, opts);
    const reg = programRegistry();
    const meta = metadataOf(name, args.metadata);
    const keys: Known<string[]> = isPlainObject(args.stringData)
      ? promptly(Object.keys(args.stringData))
      : { prompt: false, output: pulumi.unsecret(pulumi.output(args.stringData)).apply(d => Object.keys(d ?? {})) };
    const shape = knownFrom({ name: meta.value.name, namespace: meta.value.namespace, type: args.type });
    const manifest = mapKnown(allKnown<unknown>([keys, shape]), ([k, sh]) => {
      const { name: n, namespace, type } = sh as { name: string; namespace?: string; type?: string };
      return secretShape({ name: n, namespace }, k as string[], type);
    });
    this.__toolhiveEntry = { kind: 'Secret', resource: this, name: meta.value.name, manifest, refs: [], externals: promptly([]), secrets: allValues(args.stringData) };
    reg.add(this.__toolhiveEntry);

    this.secret = new k8s.core.v1.Secret(name, {
      metadata: meta.value,
      type: args.type ?? 'Opaque',
      stringData: pulumi.secret(args.stringData),
    }, { parent: this, dependsOn: meta.namespaceResource ? [meta.namespaceResource] : [] });
    this.__toolhiveEntry.dependency = this.secret;
    this.metadataName = pulumi.output(meta.value.name);
    this.registerOutputs({ metadataName: this.metadataName });
  }

  /** A key of this Secret, for a reference field. */
  public key(key: pulumi.Input<string>): SecretKey {
    return SecretKey.fromSecret(this, key);
  }
}

/** Creates a `ToolHiveSecret` (values marked secret, keys validated). */
export function createSecret(name: string, args: ToolHiveSecretArgs, opts?: pulumi.ComponentResourceOptions): ToolHiveSecret {
  return new ToolHiveSecret(name, args, opts);
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !pulumi.Output.isInstance(x) && !(x instanceof Promise) && !Array.isArray(x);
}
