/** `EmbeddingServer`: a HuggingFace Text Embeddings Inference server used by the vMCP optimizer. */
import type { Construct } from 'constructs';
import { ImportedToolHiveObject, type IToolHiveObject, type ToolHiveObjectProps } from './base';
import type { SecretKeyRef } from './secret-key';
import { ToolHiveWorkload } from './workload';
import { embeddingServerManifest, type EmbeddingServerSpec } from '../manifests/embedding-server';

/** An `EmbeddingServer`, defined in the app or imported with `EmbeddingServer.fromName`. */
export interface IEmbeddingServer extends IToolHiveObject {
  readonly kind: 'EmbeddingServer';
}

export interface EmbeddingServerProps extends ToolHiveObjectProps {
  /**
   * Model is the HuggingFace embedding model to use.
   *
   * @default - the operator's default, `BAAI/bge-small-en-v1.5`
   */
  readonly model?: string;
  /**
   * Image is the container image; it must be a HuggingFace Text Embeddings Inference image.
   *
   * @default - the operator's default, `ghcr.io/huggingface/text-embeddings-inference:cpu-latest`
   */
  readonly image?: string;
  /**
   * ImagePullPolicy defines the pull policy for the container image.
   *
   * @default - the operator's default, `IfNotPresent`
   */
  readonly imagePullPolicy?: EmbeddingServerSpec['imagePullPolicy'];
  /**
   * Args are additional arguments to pass to the embedding inference server.
   *
   * @default - no extra arguments
   */
  readonly args?: readonly string[];
  /**
   * Env are environment variables to set in the container.
   *
   * @default - no extra env vars
   */
  readonly env?: EmbeddingServerSpec['env'];
  /**
   * The HuggingFace token, exposed to the server as `HF_TOKEN` (`spec.hfTokenSecretRef`).
   *
   * @default - no token (public models only)
   */
  readonly hfTokenSecretRef?: SecretKeyRef;
  /**
   * ModelCache configures a PVC caching downloaded models across restarts (10Gi ReadWriteOnce unless set).
   *
   * @default - no model cache: the model is downloaded at every start
   */
  readonly modelCache?: EmbeddingServerSpec['modelCache'];
  /**
   * PodTemplateSpec customises the pod; name the container `embedding` to change the server container.
   *
   * @default - the operator's pod template
   */
  readonly podTemplateSpec?: EmbeddingServerSpec['podTemplateSpec'];
  /**
   * Port is the port to expose the embedding service on.
   *
   * @default - the operator's default, 8080
   */
  readonly port?: number;
  /**
   * Replicas is the number of embedding server replicas to run.
   *
   * @default - the operator's default, 1
   */
  readonly replicas?: number;
  /**
   * ResourceOverrides allows overriding annotations and labels of the resources created by the operator.
   *
   * @default - no overrides
   */
  readonly resourceOverrides?: EmbeddingServerSpec['resourceOverrides'];
  /**
   * Resources defines compute resources for the embedding server (valid quantities).
   *
   * @default - no requests or limits
   */
  readonly resources?: EmbeddingServerSpec['resources'];
}

/**
 * An `EmbeddingServer` (StatefulSet and Service `<name>`, container `embedding`), referenced by a
 * `VirtualMcpServer` through `embeddingServer`.
 *
 * @example
 * const embeddings = new EmbeddingServer(chart, 'embeddings', { model: 'BAAI/bge-small-en-v1.5' });
 */
export class EmbeddingServer extends ToolHiveWorkload<EmbeddingServerSpec> implements IEmbeddingServer {
  /** Imports an `EmbeddingServer` managed outside the app (declared external). */
  public static fromName(scope: Construct, id: string, name: string): IEmbeddingServer {
    return new ImportedToolHiveObject(scope, id, 'EmbeddingServer', name) as IEmbeddingServer;
  }

  public declare readonly kind: 'EmbeddingServer';
  public readonly mainContainer = 'embedding';

  public constructor(scope: Construct, id: string, props: EmbeddingServerProps = {}) {
    super(scope, id, 'EmbeddingServer', props);
    this.setManifest(embeddingServerManifest({
      metadata: this.builderMetadata(),
      spec: {
        model: props.model,
        image: props.image,
        imagePullPolicy: props.imagePullPolicy,
        args: props.args,
        env: props.env,
        hfTokenSecretRef: this.resolve(props.hfTokenSecretRef, 'spec.hfTokenSecretRef'),
        modelCache: props.modelCache,
        podTemplateSpec: props.podTemplateSpec,
        port: props.port,
        replicas: props.replicas,
        resourceOverrides: props.resourceOverrides,
        resources: props.resources,
      },
    }));
  }
}
