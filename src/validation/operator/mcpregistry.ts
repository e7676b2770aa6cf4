/**
 * MCPRegistry `validateSpec()` (controllers/mcpregistry_controller.go), run on every reconcile before the registry API
 * Deployment is built. A failure sets phase Failed and Ready=False (reason ValidationFailed) with
 * `Spec validation failed: <err>`. The CRD keeps volumes, volumeMounts and podTemplateSpec as raw JSON, so the API
 * server admits all of this. Go stops at the first error; every problem is reported here.
 */
import { goField, goUnmarshalError, type GoType } from './go/json';
import { POD_TEMPLATE_SPEC, VOLUME, VOLUME_MOUNT } from './podtemplatespec';
import type { ManifestSet, ObjectEntry, RuleDoc, Violation } from '../../core/types';
import { dict, list, str, violation } from '../../core/util';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.registry.volumes',
    checks: 'MCPRegistry spec.volumes and spec.volumeMounts entries decode as corev1.Volume and corev1.VolumeMount',
    source: 'cmd/thv-operator/api/v1beta1/mcpregistry_types.go ParseVolumes / ParseVolumeMounts (via controllers/mcpregistry_controller.go validateSpec)',
    example: 'invalid volumes: failed to unmarshal volumes[0]: json: cannot unmarshal number into Go struct field Volume.name of type string',
    severityReason: 'validateSpec fails: the MCPRegistry is not reconciled',
  },
  {
    id: 'operator.registry.reserved-name',
    checks: 'MCPRegistry volumes (spec.volumes and podTemplateSpec) are not named registry-server-config, nor pgpass-secret or pgpass when pgpassSecretRef is set; no init container is named setup-pgpass when pgpassSecretRef is set',
    source: 'controllers/mcpregistry_controller.go validateSpec → validateReservedNames',
    example: 'volume name \'registry-server-config\' is reserved by the operator',
    severityReason: 'validateSpec fails: the MCPRegistry is not reconciled',
  },
  {
    id: 'operator.registry.mount-path',
    checks: 'MCPRegistry mount paths are unique across the operator\'s own (/config, and /home/appuser/.pgpass with pgpassSecretRef), spec.volumeMounts and the registry-api container of podTemplateSpec',
    source: 'controllers/mcpregistry_controller.go validateSpec → validateMountPathCollisions',
    example: 'duplicate mount path \'/config\'',
    severityReason: 'validateSpec fails: the MCPRegistry is not reconciled',
  },
  {
    id: 'operator.registry.pgpass-ref',
    checks: 'MCPRegistry pgpassSecretRef names a Secret and a key (the schema defaults name to "" and accepts key "")',
    source: 'controllers/mcpregistry_controller.go validateSpec → validatePGPassSecretRef',
    example: 'pgpassSecretRef.name is required',
    severityReason: 'validateSpec fails: the MCPRegistry is not reconciled',
  },
];

// cmd/thv-operator/pkg/registryapi/types.go and registryapi/config/config.go
const CONFIG_VOLUME = 'registry-server-config';
const PGPASS_VOLUMES = ['pgpass-secret', 'pgpass'];
const PGPASS_INIT_CONTAINER = 'setup-pgpass';
const CONFIG_MOUNT_PATH = '/config';
const PGPASS_MOUNT_PATH = '/home/appuser/.pgpass';
const API_CONTAINER = 'registry-api';

export function mcpRegistryLayer(set: ManifestSet): Violation[] {
  return set.ofKind('MCPRegistry').flatMap(entry => (entry.isToolHive ? validateSpec(entry) : []));
}

interface Named { readonly value: string; readonly path: string }

function validateSpec(entry: ObjectEntry): Violation[] {
  const spec = dict(entry.defaulted.spec) ?? {};
  const pgpass = spec.pgpassSecretRef !== undefined && spec.pgpassSecretRef !== null;
  // mirrors validateSpec: the user PodTemplateSpec is used only when it parses (the parse error is its own condition)
  const pts = spec.podTemplateSpec !== undefined && spec.podTemplateSpec !== null && !goUnmarshalError(spec.podTemplateSpec, POD_TEMPLATE_SPEC)
    ? spec.podTemplateSpec : undefined;
  const out: Violation[] = [];

  // mirrors ParseVolumes / ParseVolumeMounts: json.Unmarshal of each raw entry
  const volumes = decode(entry, spec.volumes, 'volumes', VOLUME, out);
  const mounts = decode(entry, spec.volumeMounts, 'volumeMounts', VOLUME_MOUNT, out);

  // mirrors validateReservedNames
  const reserved = new Set([CONFIG_VOLUME, ...(pgpass ? PGPASS_VOLUMES : [])]);
  const ptsSpec = goField(pts, 'spec');
  const userVolumes = [
    ...(volumes ?? []).map((v, i) => named(goField(v, 'name'), `spec.volumes[${i}].name`)),
    ...goList(goField(ptsSpec, 'volumes')).map((v, i) => named(goField(v, 'name'), `spec.podTemplateSpec.spec.volumes[${i}].name`)),
  ];
  for (const v of userVolumes) {
    if (reserved.has(v.value)) out.push(violation(entry, v.path, 'operator.registry.reserved-name', `volume name '${v.value}' is reserved by the operator`));
  }
  if (pgpass) {
    goList(goField(ptsSpec, 'initContainers')).forEach((c, i) => {
      if (goField(c, 'name') !== PGPASS_INIT_CONTAINER) return;
      out.push(violation(entry, `spec.podTemplateSpec.spec.initContainers[${i}].name`, 'operator.registry.reserved-name',
        `init container name '${PGPASS_INIT_CONTAINER}' is reserved by the operator when pgpassSecretRef is set`));
    });
  }

  // mirrors validateMountPathCollisions: the operator's mounts, then spec.volumeMounts, then the registry-api container
  const seen = new Set([CONFIG_MOUNT_PATH, ...(pgpass ? [PGPASS_MOUNT_PATH] : [])]);
  const containers = goList(goField(ptsSpec, 'containers'));
  const api = containers.findIndex(c => goField(c, 'name') === API_CONTAINER);
  const paths = [
    ...(mounts ?? []).map((m, i) => named(goField(m, 'mountPath'), `spec.volumeMounts[${i}].mountPath`)),
    ...(api < 0 ? [] : goList(goField(containers[api], 'volumeMounts'))
      .map((m, i) => named(goField(m, 'mountPath'), `spec.podTemplateSpec.spec.containers[${api}].volumeMounts[${i}].mountPath`))),
  ];
  for (const p of paths) {
    if (seen.has(p.value)) out.push(violation(entry, p.path, 'operator.registry.mount-path', `duplicate mount path '${p.value}'`));
    seen.add(p.value);
  }

  // mirrors validatePGPassSecretRef
  const ref = dict(spec.pgpassSecretRef);
  if (ref) {
    if (!str(ref.name)) out.push(violation(entry, 'spec.pgpassSecretRef.name', 'operator.registry.pgpass-ref', 'pgpassSecretRef.name is required'));
    if (!str(ref.key)) out.push(violation(entry, 'spec.pgpassSecretRef.key', 'operator.registry.pgpass-ref', 'pgpassSecretRef.key is required'));
  }
  return out;
}

/** The decoded entries of a raw list, or undefined (and a violation) when Go's decoder rejects one. */
function decode(entry: ObjectEntry, raw: unknown, field: 'volumes' | 'volumeMounts', t: GoType, out: Violation[]): unknown[] | undefined {
  const items = list(raw);
  for (let i = 0; i < items.length; i++) {
    const error = goUnmarshalError(items[i], t);
    if (error) {
      out.push(violation(entry, `spec.${field}[${i}]`, 'operator.registry.volumes', `invalid ${field}: failed to unmarshal ${field}[${i}]: ${error}`));
      return undefined;
    }
  }
  return items;
}

/** A Go string field's value (the zero value "" when absent or null). */
function named(value: unknown, path: string): Named {
  return { value: typeof value === 'string' ? value : '', path };
}

/** The entries of a decoded Go slice (absent and null are empty; a null entry is the zero value). */
function goList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
