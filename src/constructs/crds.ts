/** The ToolHive CRDs, included from a file or URL, emitted before every ToolHive object of the App. */
import { ApiObject, Include, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { ToolHiveValidation } from './validation';

export interface ToolHiveCrdsProps {
  /**
   * A file path or URL of the CRD manifests (one multi-document YAML), e.g. the `files/crds` of the
   * `toolhive-operator-crds` chart concatenated, or a release asset.
   */
  readonly url: string;
}

/**
 * The ToolHive CRDs (`cdk8s.Include`). Every ToolHive object of the App depends on it, so the CRDs are emitted
 * first. CustomResourceDefinitions are cluster-scoped: a Chart namespace is not written on them.
 *
 * @example
 * new ToolHiveCrds(chart, 'crds', { url: 'crds/toolhive-v0.44.0.yaml' });
 */
export class ToolHiveCrds extends Construct {
  /** The included objects (the CustomResourceDefinitions). */
  public readonly apiObjects: ApiObject[];

  public constructor(scope: Construct, id: string, props: ToolHiveCrdsProps) {
    super(scope, id);
    if (typeof props.url !== 'string' || props.url === '') {
      throw new Error('ToolHiveCrds needs the url (or file path) of the CRD manifests');
    }
    const include = new Include(this, 'Include', { url: props.url });
    this.apiObjects = include.apiObjects;
    for (const obj of this.apiObjects) {
      if (obj.kind === 'CustomResourceDefinition' && obj.metadata.namespace !== undefined) {
        obj.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
      }
    }
    ToolHiveValidation.of(this)._registerCrds(this);
  }
}
