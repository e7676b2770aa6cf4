/**
 * The `spec.podTemplateSpec` parse check of MCPServer, MCPRemoteProxy, VirtualMCPServer,
 * EmbeddingServer (`ctrlutil.NewPodTemplateSpecBuilder` → `json.Unmarshal` into corev1.PodTemplateSpec)
 * and MCPRegistry (`registryapi.ValidatePodTemplateSpec`, the same unmarshal).
 * The CRD keeps the field as preserve-unknown-fields, so the API server admits any shape; a type error
 * blocks the Deployment (condition PodTemplateValid=False). The fields most often customised are
 * modelled; other fields are not checked (Go ignores unknown keys, so nothing is rejected wrongly).
 */
import { GO_BOOL, GO_INT32, GO_INT64, GO_STRING, goMap, goSlice, goStruct, goUnmarshalError, type GoType } from './go/json';
import type { ManifestSet, RuleDoc, Violation } from '../../core/types';
import { dict, violation } from '../../core/util';
import { isQuantity } from '../hygiene';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.pod-template.parse',
    checks: 'spec.podTemplateSpec decodes as a corev1.PodTemplateSpec (metadata, containers, env, ports, resources, volumes, tolerations, security contexts, ...)',
    source: 'cmd/thv-operator/pkg/controllerutil/podtemplatespec_builder.go parsePodTemplateSpec; for MCPRegistry pkg/registryapi/podtemplatespec.go ValidatePodTemplateSpec (condition PodTemplateValid, reason InvalidPodTemplateSpec)',
    example: 'Invalid PodTemplateSpec: failed to unmarshal PodTemplateSpec: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    severityReason: 'the controller sets a False condition (InvalidPodTemplateSpec) and does not build the workload',
  },
];

const QUANTITY_ERROR = 'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'';
const QUANTITY: GoType = { kind: 'custom', accepts: v => typeof v === 'number' || (typeof v === 'string' && isQuantity(v.trim())), error: QUANTITY_ERROR };
const STRINGS = goSlice(GO_STRING);
const STRING_MAP = goMap(GO_STRING);
const REF = goStruct('v1', 'LocalObjectReference', { name: GO_STRING });

const KEY_SELECTOR = (name: string) => goStruct('v1', name, { name: GO_STRING, key: GO_STRING, optional: GO_BOOL });
const ENV = goStruct('v1', 'EnvVar', {
  name: GO_STRING,
  value: GO_STRING,
  valueFrom: goStruct('v1', 'EnvVarSource', {
    secretKeyRef: KEY_SELECTOR('SecretKeySelector'),
    configMapKeyRef: KEY_SELECTOR('ConfigMapKeySelector'),
    fieldRef: goStruct('v1', 'ObjectFieldSelector', { apiVersion: GO_STRING, fieldPath: GO_STRING }),
  }),
});
const ENV_FROM = goStruct('v1', 'EnvFromSource', {
  prefix: GO_STRING,
  secretRef: goStruct('v1', 'SecretEnvSource', { name: GO_STRING, optional: GO_BOOL }),
  configMapRef: goStruct('v1', 'ConfigMapEnvSource', { name: GO_STRING, optional: GO_BOOL }),
});
const SECURITY_CONTEXT = goStruct('v1', 'SecurityContext', {
  runAsUser: GO_INT64,
  runAsGroup: GO_INT64,
  runAsNonRoot: GO_BOOL,
  privileged: GO_BOOL,
  readOnlyRootFilesystem: GO_BOOL,
  allowPrivilegeEscalation: GO_BOOL,
  capabilities: goStruct('v1', 'Capabilities', { add: STRINGS, drop: STRINGS }),
});
export const VOLUME_MOUNT = goStruct('v1', 'VolumeMount', { name: GO_STRING, mountPath: GO_STRING, subPath: GO_STRING, readOnly: GO_BOOL });
export const VOLUME = goStruct('v1', 'Volume', {
  name: GO_STRING,
  secret: goStruct('v1', 'SecretVolumeSource', { secretName: GO_STRING, optional: GO_BOOL }),
  configMap: goStruct('v1', 'ConfigMapVolumeSource', { name: GO_STRING, optional: GO_BOOL }),
  emptyDir: goStruct('v1', 'EmptyDirVolumeSource', { medium: GO_STRING, sizeLimit: QUANTITY }),
});
const CONTAINER = goStruct('v1', 'Container', {
  name: GO_STRING,
  image: GO_STRING,
  command: STRINGS,
  args: STRINGS,
  workingDir: GO_STRING,
  env: goSlice(ENV),
  envFrom: goSlice(ENV_FROM),
  ports: goSlice(goStruct('v1', 'ContainerPort', { name: GO_STRING, containerPort: GO_INT32, hostPort: GO_INT32, protocol: GO_STRING })),
  resources: goStruct('v1', 'ResourceRequirements', { limits: goMap(QUANTITY, 'v1.ResourceList'), requests: goMap(QUANTITY, 'v1.ResourceList') }),
  volumeMounts: goSlice(VOLUME_MOUNT),
  imagePullPolicy: GO_STRING,
  securityContext: SECURITY_CONTEXT,
});
export const POD_TEMPLATE_SPEC = goStruct('v1', 'PodTemplateSpec', {
  metadata: goStruct('v1', 'ObjectMeta', { name: GO_STRING, namespace: GO_STRING, labels: STRING_MAP, annotations: STRING_MAP }),
  spec: goStruct('v1', 'PodSpec', {
    containers: goSlice(CONTAINER),
    initContainers: goSlice(CONTAINER),
    volumes: goSlice(VOLUME),
    serviceAccountName: GO_STRING,
    automountServiceAccountToken: GO_BOOL,
    nodeSelector: STRING_MAP,
    tolerations: goSlice(goStruct('v1', 'Toleration', { key: GO_STRING, operator: GO_STRING, value: GO_STRING, effect: GO_STRING, tolerationSeconds: GO_INT64 })),
    imagePullSecrets: goSlice(REF),
    priorityClassName: GO_STRING,
    terminationGracePeriodSeconds: GO_INT64,
    hostNetwork: GO_BOOL,
    dnsPolicy: GO_STRING,
    restartPolicy: GO_STRING,
    schedulerName: GO_STRING,
    runtimeClassName: GO_STRING,
    securityContext: goStruct('v1', 'PodSecurityContext', { runAsUser: GO_INT64, runAsGroup: GO_INT64, runAsNonRoot: GO_BOOL, fsGroup: GO_INT64 }),
  }),
});

const KINDS = ['MCPServer', 'MCPRemoteProxy', 'VirtualMCPServer', 'EmbeddingServer', 'MCPRegistry'];

export function podTemplateSpecLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const kind of KINDS) {
    for (const entry of set.ofKind(kind)) {
      const pts = dict(entry.defaulted.spec)?.podTemplateSpec;
      if (pts === undefined || pts === null) continue;
      // mirrors parsePodTemplateSpec: json.Unmarshal(raw, &corev1.PodTemplateSpec{})
      const error = goUnmarshalError(pts, POD_TEMPLATE_SPEC);
      if (error) {
        out.push(violation(entry, 'spec.podTemplateSpec', 'operator.pod-template.parse', `Invalid PodTemplateSpec: failed to unmarshal PodTemplateSpec: ${error}`));
      }
    }
  }
  return out;
}
