/**
 * MCPRegistry validateSpec (controllers/mcpregistry_controller.go; reserved volume and init-container names), found missing by the audit and added in
 * src/validation/operator/mcpregistry.ts. MCPRegistry is deprecated, so every set also carries that warning.
 */
import { errors, secret, th, warnings } from './helpers';

type Spec = Record<string, unknown>;

const registry = (spec: Spec = {}) => th('MCPRegistry', 'registry', { configYAML: 'sources: []\n', ...spec });
const PGPASS = { pgpassSecretRef: { name: 'pg', key: '.pgpass' } };
const PG_SECRET = secret('pg', { '.pgpass': 'postgres:5432:registry:app:pw' });

const lines = (objects: readonly unknown[]) => errors(objects).map(e => `${e.rule} ${e.path}: ${e.message}`);

describe('MCPRegistry validateSpec (controllers/mcpregistry_controller.go)', () => {
  test('accepts extra volumes, mounts, a registry-api container and pgpass with names and paths of its own', () => {
    const set = [
      registry({
        ...PGPASS,
        volumes: [{ name: 'git-creds', secret: { secretName: 'git' } }],
        volumeMounts: [{ name: 'git-creds', mountPath: '/secrets/git-creds' }],
        podTemplateSpec: {
          spec: {
            containers: [{ name: 'registry-api', volumeMounts: [{ name: 'cache', mountPath: '/cache' }] }, { name: 'sidecar', volumeMounts: [{ name: 'x', mountPath: '/config' }] }],
            initContainers: [{ name: 'warm-cache' }],
            volumes: [{ name: 'cache', emptyDir: {} }],
          },
        },
      }),
      PG_SECRET,
      secret('git', { token: 't' }),
    ];
    expect(errors(set)).toEqual([]);
    expect(warnings(set).map(w => w.rule)).toEqual(['identity.deprecated-version']);
  });

  test('accepts the pgpass volume names when pgpassSecretRef is not set', () => {
    expect(errors([registry({ volumes: [{ name: 'pgpass', emptyDir: {} }], podTemplateSpec: { spec: { initContainers: [{ name: 'setup-pgpass' }] } } })])).toEqual([]);
  });

  test('rejects the operator\'s config volume name in spec.volumes and in the pod template', () => {
    expect(lines([registry({
      volumes: [{ name: 'registry-server-config', emptyDir: {} }],
      podTemplateSpec: { spec: { volumes: [{ name: 'data' }, { name: 'registry-server-config' }] } },
    })])).toEqual([
      "operator.registry.reserved-name spec.volumes[0].name: volume name 'registry-server-config' is reserved by the operator",
      "operator.registry.reserved-name spec.podTemplateSpec.spec.volumes[1].name: volume name 'registry-server-config' is reserved by the operator",
    ]);
  });

  test('rejects the pgpass volume and init container names when pgpassSecretRef is set', () => {
    expect(lines([registry({
      ...PGPASS,
      volumes: [{ name: 'pgpass-secret', secret: { secretName: 'pg' } }],
      podTemplateSpec: { spec: { volumes: [{ name: 'pgpass' }], initContainers: [{ name: 'setup-pgpass', image: 'busybox' }] } },
    }), PG_SECRET])).toEqual([
      "operator.registry.reserved-name spec.volumes[0].name: volume name 'pgpass-secret' is reserved by the operator",
      "operator.registry.reserved-name spec.podTemplateSpec.spec.volumes[0].name: volume name 'pgpass' is reserved by the operator",
      "operator.registry.reserved-name spec.podTemplateSpec.spec.initContainers[0].name: init container name 'setup-pgpass' is reserved by the operator when pgpassSecretRef is set",
    ]);
  });

  test('rejects mount paths that repeat the operator\'s or each other', () => {
    expect(lines([registry({
      ...PGPASS,
      volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }],
      volumeMounts: [{ name: 'a', mountPath: '/config' }, { name: 'a', mountPath: '/data' }, { name: 'b', mountPath: '/home/appuser/.pgpass' }],
      podTemplateSpec: { spec: { containers: [{ name: 'registry-api', volumeMounts: [{ name: 'b', mountPath: '/data' }] }] } },
    }), PG_SECRET])).toEqual([
      "operator.registry.mount-path spec.volumeMounts[0].mountPath: duplicate mount path '/config'",
      "operator.registry.mount-path spec.volumeMounts[2].mountPath: duplicate mount path '/home/appuser/.pgpass'",
      "operator.registry.mount-path spec.podTemplateSpec.spec.containers[0].volumeMounts[0].mountPath: duplicate mount path '/data'",
    ]);
  });

  test('rejects a pgpassSecretRef whose name (defaulted to "") or key is empty', () => {
    expect(lines([registry({ pgpassSecretRef: { key: '.pgpass' } })])).toEqual([
      'operator.registry.pgpass-ref spec.pgpassSecretRef.name: pgpassSecretRef.name is required',
    ]);
    expect(lines([registry({ pgpassSecretRef: { name: 'pg', key: '' } }), PG_SECRET])).toEqual([
      'operator.registry.pgpass-ref spec.pgpassSecretRef.key: pgpassSecretRef.key is required',
    ]);
  });

  test('rejects volumes and volume mounts Go cannot decode, and skips the name checks that need them', () => {
    expect(lines([registry({ volumes: [{ name: 'ok' }, { name: 5 }], volumeMounts: ['/config'] })])).toEqual([
      'operator.registry.volumes spec.volumes[1]: invalid volumes: failed to unmarshal volumes[1]: json: cannot unmarshal number into Go struct field Volume.name of type string',
      'operator.registry.volumes spec.volumeMounts[0]: invalid volumeMounts: failed to unmarshal volumeMounts[0]: json: cannot unmarshal string into Go value of type v1.VolumeMount',
    ]);
  });

  test('rejects a pod template that does not decode, and ignores its names (Go does not use it)', () => {
    expect(lines([registry({ podTemplateSpec: { spec: { containers: 'registry-api', volumes: [{ name: 'registry-server-config' }] } } })])).toEqual([
      'operator.pod-template.parse spec.podTemplateSpec: Invalid PodTemplateSpec: failed to unmarshal PodTemplateSpec: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
    ]);
  });

  test('rejects a set with two problems, each reported once', () => {
    const set = [registry({ ...PGPASS, volumes: [{ name: 'pgpass' }], volumeMounts: [{ name: 'pgpass', mountPath: '/config' }] }), PG_SECRET];
    expect(errors(set).map(e => e.rule)).toEqual(['operator.registry.reserved-name', 'operator.registry.mount-path']);
  });
});
