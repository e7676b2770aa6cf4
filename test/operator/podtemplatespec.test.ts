import { findings, messages, toolhive } from './config-fixtures';

const rule = 'operator.pod-template.parse';
const server = (podTemplateSpec: unknown) => toolhive('MCPServer', 'fetch', { image: 'ghcr.io/example/fetch:1.0', podTemplateSpec });

describe('podTemplateSpec decodes as a corev1.PodTemplateSpec', () => {
  it('accepts a typical customisation on every workload kind', () => {
    const pts = {
      metadata: { labels: { team: 'ai' }, annotations: { 'prometheus.io/scrape': 'true' } },
      spec: {
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
        securityContext: { runAsNonRoot: true, runAsUser: 1000 },
        containers: [{
          name: 'mcp',
          env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'github', key: 'token' } } }],
          resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: 0.1 } },
          volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
          unknownField: 'ignored, as Go does',
        }],
        volumes: [{ name: 'cache', emptyDir: { sizeLimit: '1Gi' } }],
      },
    };
    const group = toolhive('MCPGroup', 'team', {});
    expect(findings([
      server(pts),
      toolhive('MCPRemoteProxy', 'remote', { remoteUrl: 'https://mcp.example.com/mcp', podTemplateSpec: pts }),
      group,
      toolhive('VirtualMCPServer', 'gateway', { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' }, podTemplateSpec: pts }),
      toolhive('EmbeddingServer', 'embeddings', { podTemplateSpec: pts }),
    ])).toEqual([]);
  });

  it('rejects containers given as a map', () => {
    expect(findings([server({ spec: { containers: { mcp: { image: 'x' } } } })])).toEqual([{
      kind: 'MCPServer',
      name: 'fetch',
      path: 'spec.podTemplateSpec',
      rule,
      severity: 'error',
      message: 'Invalid PodTemplateSpec: failed to unmarshal PodTemplateSpec: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    }]);
  });

  it.each([
    [{ spec: { containers: [{ name: 'mcp', env: { TOKEN: 'x' } }] } },
      'json: cannot unmarshal object into Go struct field Container.spec.containers.env of type []v1.EnvVar'],
    [{ spec: { containers: [{ name: 'mcp', ports: [{ containerPort: '8080' }] }] } },
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32'],
    [{ metadata: { labels: { replicas: 3 } } }, 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    [{ spec: { containers: [{ name: 'mcp', resources: { limits: { memory: '1 GB' } } }] } },
      'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\''],
    [{ spec: { securityContext: { runAsNonRoot: 'true' } } }, 'json: cannot unmarshal string into Go struct field PodSecurityContext.spec.securityContext.runAsNonRoot of type bool'],
  ])('rejects the podTemplateSpec %j', (pts, error) => {
    expect(messages([server(pts)], rule)).toEqual([`Invalid PodTemplateSpec: failed to unmarshal PodTemplateSpec: ${error}`]);
  });

  it('rejects a bad podTemplateSpec on an EmbeddingServer', () => {
    expect(messages([toolhive('EmbeddingServer', 'embeddings', { podTemplateSpec: { spec: 'none' } })], rule)).toEqual([
      'Invalid PodTemplateSpec: failed to unmarshal PodTemplateSpec: json: cannot unmarshal string into Go struct field PodTemplateSpec.spec of type v1.PodSpec',
    ]);
  });
});
