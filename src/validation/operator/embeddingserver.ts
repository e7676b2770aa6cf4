/**
 * EmbeddingServer: the empty image and model the CRD admits (it defaults only an absent field). The reconciler
 * copies both verbatim into the StatefulSet (controllers/embeddingserver_controller.go buildEmbeddingContainer).
 * On the first reconcile ensureFinalizer's Update drops them (`omitempty` in api/v1beta1/embeddingserver_types.go)
 * and the API server's defaulting fills the CRD defaults in, so a first apply runs the defaults; the next apply of
 * the same manifest writes "" back, and the operator then rolls it into the StatefulSet.
 */
import type { ManifestSet, RuleDoc, Violation } from '../../core/types';
import { dict, list, str, violation } from '../../core/util';

const CONTAINER = 'controllers/embeddingserver_controller.go buildEmbeddingContainer';
const DRIFT = 'a first apply runs the CRD default (the finalizer update drops "" and the API server defaults it), so the live object drifts from the manifest; every later apply writes "" back and';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.embedding.image',
    checks: 'spec.image is not empty and has no leading or trailing whitespace (the CRD defaults only an absent image); not reported when spec.podTemplateSpec sets the image of the "embedding" container',
    source: `${CONTAINER}; Kubernetes pkg/apis/core/validation validateContainerCommon (image required in a pod template), validateContainersOnlyForPod (whitespace)`,
    example: 'image is empty: the StatefulSet the operator builds from it is rejected by the API server (containers[0].image: Required value); omit spec.image for the default Text Embeddings Inference image, or name one',
    severityReason: `${DRIFT} the StatefulSet update is rejected by the API server: the reconcile fails on every retry (with whitespace, the Pods are rejected)`,
  },
  {
    id: 'operator.embedding.model',
    checks: 'spec.model is not empty or blank (the CRD defaults only an absent model)',
    source: `${CONTAINER} (--model-id and MODEL_ID); text-embeddings-inference router/src/lib.rs run (a model id that is not a local directory is downloaded from the Hugging Face Hub)`,
    example: 'model is empty: the embedding server starts with --model-id "" and exits, as no model can be downloaded without a name; omit spec.model for the default model, or name a Hugging Face model such as "BAAI/bge-small-en-v1.5"',
    severityReason: `${DRIFT} the embedding server restarts with an empty model id and exits ("Could not download model artifacts")`,
  },
];

/** Whether spec.podTemplateSpec sets a non-empty image on the "embedding" container (the strategic merge keys containers by name). */
function templateSetsImage(spec: Record<string, unknown>): boolean {
  const containers = list(dict(dict(spec.podTemplateSpec)?.spec)?.containers);
  return containers.some(c => str(dict(c)?.name) === 'embedding' && (str(dict(c)?.image) ?? '') !== '');
}

export function embeddingServerLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('EmbeddingServer')) {
    const spec = dict(entry.defaulted.spec);
    if (!spec) continue;
    const image = str(spec.image);
    // mirrors validateContainerCommon (len(image) == 0 in a template) and validateContainersOnlyForPod (whitespace)
    if (image !== undefined && !templateSetsImage(spec)) {
      if (image === '') {
        out.push(violation(entry, 'spec.image', 'operator.embedding.image',
          'image is empty: the StatefulSet the operator builds from it is rejected by the API server (containers[0].image: Required value); omit spec.image for the default Text Embeddings Inference image, or name one'));
      } else if (image.trim() !== image) {
        out.push(violation(entry, 'spec.image', 'operator.embedding.image',
          `Invalid value: ${JSON.stringify(image)}: must not have leading or trailing whitespace (the embedding server Pods the StatefulSet creates from it are rejected by the API server)`));
      }
    }
    const model = str(spec.model);
    // TEI treats a model id that is not a local directory as a Hub repository: "" and blanks cannot be downloaded
    if (model !== undefined && model.trim() === '') {
      out.push(violation(entry, 'spec.model', 'operator.embedding.model',
        `model is ${model === '' ? 'empty' : 'blank'}: the embedding server starts with --model-id ${JSON.stringify(model)} and exits, as no model can be downloaded without a name; omit spec.model for the default model, or name a Hugging Face model such as "BAAI/bge-small-en-v1.5"`));
    }
  }
  return out;
}
