/** The ToolHive CRDs, included from a file or URL, emitted before every ToolHive object of the App. */
import * as fs from 'fs';
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
    checkLocalFile(props.url);
    const include = new Include(this, 'Include', { url: props.url });
    this.apiObjects = include.apiObjects;
    checkContents(props.url, this.apiObjects);
    for (const obj of this.apiObjects) {
      if (obj.kind === 'CustomResourceDefinition' && obj.metadata.namespace !== undefined) {
        obj.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
      }
    }
    ToolHiveValidation.of(this)._registerCrds(this);
  }
}

/** A URL (`https://...`) is left to `Include`; anything else is a local path that must name a regular file. */
function checkLocalFile(url: string): void {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(url);
  } catch {
    throw new Error(`ToolHiveCrds: no file at ${JSON.stringify(url)}: give the path of the CRD manifests (one multi-document YAML file) or a URL`);
  }
  if (stat.isDirectory()) {
    throw new Error(`ToolHiveCrds: ${JSON.stringify(url)} is a directory: give one file holding every CRD (e.g. the chart's files/crds/*.yaml concatenated)`);
  }
  // a FIFO or device would block the synchronous read, or never end
  if (!stat.isFile()) throw new Error(`ToolHiveCrds: ${JSON.stringify(url)} is not a regular file: give the path of the CRD manifests`);
}

/** An empty file (or response) or one without CRDs is a mistake the cluster would only show as missing kinds. */
function checkContents(url: string, objects: readonly ApiObject[]): void {
  if (objects.length === 0) {
    throw new Error(`ToolHiveCrds: ${JSON.stringify(url)} is empty: it holds no Kubernetes object, expected the ToolHive CustomResourceDefinitions`);
  }
  if (!objects.some(o => o.kind === 'CustomResourceDefinition')) {
    const n = objects.length;
    throw new Error(`ToolHiveCrds: ${JSON.stringify(url)} holds ${n} ${n === 1 ? 'object' : 'objects'} but no CustomResourceDefinition: give the file of the ToolHive CRDs`);
  }
}
