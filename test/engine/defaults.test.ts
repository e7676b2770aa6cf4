/**
 * applyDefaults: the CRD schema defaults the API server stores (the `default`s of the CRDs' structural schemas), applied to a copy,
 * recursively into present objects, list items and nested configs; nulls pruned first.
 */
import { copy, toolhive, V1ALPHA1 } from './helpers';
import { applyDefaults } from '../../src/schema/defaults';
import type { KubeObject } from '../../src/validation';

const specOf = (o: KubeObject) => o.spec as Record<string, any>;

describe('applyDefaults', () => {
  test('defaults an MCPServer: transport stdio, proxyPort 8080 and the other top-level defaults', () => {
    expect(specOf(applyDefaults(toolhive('MCPServer', { image: 'i' })))).toEqual({
      image: 'i',
      transport: 'stdio',
      proxyMode: 'streamable-http',
      proxyPort: 8080,
      sessionAffinity: 'ClientIP',
      trustProxyHeaders: false,
    });
  });

  test('applies the same defaults at v1alpha1', () => {
    expect(specOf(applyDefaults(toolhive('MCPServer', { image: 'i' }, 'x', V1ALPHA1)))).toMatchObject({ transport: 'stdio', proxyPort: 8080 });
  });

  test('keeps values that are set, including falsy ones', () => {
    const spec = specOf(applyDefaults(toolhive('MCPServer', { image: 'i', transport: 'sse', proxyPort: 9090, trustProxyHeaders: true, sessionStorage: { provider: 'redis', db: 0 } })));
    expect(spec).toMatchObject({ transport: 'sse', proxyPort: 9090, trustProxyHeaders: true, sessionStorage: { provider: 'redis', db: 0 } });
  });

  test('does not create absent optional objects, but defaults inside present ones', () => {
    const spec = specOf(applyDefaults(toolhive('MCPServer', { image: 'i', permissionProfile: { name: 'network' }, audit: {}, authzConfig: { configMap: { name: 'authz' } } })));
    expect(spec.permissionProfile).toEqual({ name: 'network', type: 'builtin' });
    expect(spec.audit).toEqual({ enabled: false });
    expect(spec.authzConfig).toEqual({ type: 'configMap', configMap: { name: 'authz', key: 'authz.json' } });
    expect(spec).not.toHaveProperty('sessionStorage');
    expect(spec).not.toHaveProperty('resourceOverrides');
  });

  test('defaults every item of a list (volumes[].readOnly)', () => {
    const volumes = [{ name: 'a', hostPath: '/a', mountPath: '/a' }, { name: 'b', hostPath: '/b', mountPath: '/b', readOnly: true }];
    expect(specOf(applyDefaults(toolhive('MCPServer', { image: 'i', volumes }))).volumes).toEqual([
      { name: 'a', hostPath: '/a', mountPath: '/a', readOnly: false },
      { name: 'b', hostPath: '/b', mountPath: '/b', readOnly: true },
    ]);
  });

  test('defaults nested list items in the embedded auth server (trustedIssuers[].allowMayAct, sentinel port)', () => {
    const o = toolhive('MCPExternalAuthConfig', {
      type: 'embeddedAuthServer',
      embeddedAuthServer: {
        issuer: 'https://auth.example.com',
        upstreamProviders: [{ name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'c' } }],
        trustedIssuers: [{ issuerUrl: 'https://a.example.com' }, { issuerUrl: 'https://b.example.com', allowMayAct: true }],
        storage: { redis: { sentinelConfig: { masterName: 'm', sentinelService: { name: 'sentinel' } }, aclUserConfig: { passwordSecretRef: { name: 'r', key: 'p' } } } },
      },
    });
    const eas = specOf(applyDefaults(o)).embeddedAuthServer;
    expect(eas.trustedIssuers.map((t: any) => t.allowMayAct)).toEqual([false, true]);
    expect(eas.storage).toEqual({
      type: 'memory',
      redis: {
        sentinelConfig: { masterName: 'm', db: 0, sentinelService: { name: 'sentinel', port: 26379 } },
        aclUserConfig: { passwordSecretRef: { name: 'r', key: 'p' } },
        dialTimeout: '5s',
        readTimeout: '3s',
        writeTimeout: '3s',
      },
    });
    expect(eas).toMatchObject({ allowConfidentialClientRegistration: false, insecureAllowHTTP: false });
  });

  test('defaults awsSts', () => {
    expect(specOf(applyDefaults(toolhive('MCPExternalAuthConfig', { type: 'awsSts', awsSts: { region: 'us-east-1' } }))).awsSts).toEqual({
      region: 'us-east-1', service: 'aws-mcp', roleClaim: 'groups', sessionDuration: 3600, sessionNameClaim: 'sub',
    });
  });

  test('defaults a VirtualMCPServer and its config (circuit breaker timeout, optimizer provider, composite steps)', () => {
    const o = toolhive('VirtualMCPServer', {
      groupRef: { name: 'g' },
      incomingAuth: { type: 'anonymous' },
      outgoingAuth: {},
      config: {
        operational: { failureHandling: { circuitBreaker: {} } },
        optimizer: {},
        compositeTools: [{ name: 't', steps: [{ id: 'a', tool: 'x.y', onError: {} }] }],
      },
    });
    const spec = specOf(applyDefaults(o));
    expect(spec).toMatchObject({ serviceType: 'ClusterIP', sessionAffinity: 'ClientIP', outgoingAuth: { source: 'discovered' } });
    expect(spec.config.operational.failureHandling).toMatchObject({
      healthCheckInterval: '30s',
      healthCheckTimeout: '10s',
      unhealthyThreshold: 3,
      partialFailureMode: 'fail',
      statusReportingInterval: '30s',
      circuitBreaker: { enabled: false, failureThreshold: 5, timeout: '60s' },
    });
    expect(spec.config.optimizer).toEqual({ embeddingProvider: 'tei', embeddingServiceTimeout: '30s' });
    expect(spec.config.compositeTools[0].steps[0]).toMatchObject({ type: 'tool', onError: { action: 'abort' } });
  });

  test('defaults an EmbeddingServer, and its model cache when present', () => {
    expect(specOf(applyDefaults(toolhive('EmbeddingServer', { modelCache: {} })))).toEqual({
      model: 'BAAI/bge-small-en-v1.5',
      image: 'ghcr.io/huggingface/text-embeddings-inference:cpu-latest',
      imagePullPolicy: 'IfNotPresent',
      port: 8080,
      replicas: 1,
      modelCache: { enabled: true, size: '10Gi', accessMode: 'ReadWriteOnce' },
    });
  });

  test('defaults MCPWebhookConfig (v1alpha1) failurePolicy on every webhook', () => {
    const o = toolhive('MCPWebhookConfig', { validating: [{ name: 'a', url: 'https://a' }], mutating: [{ name: 'b', url: 'https://b', failurePolicy: 'ignore' }] }, 'w', V1ALPHA1);
    const spec = specOf(applyDefaults(o));
    expect([spec.validating[0].failurePolicy, spec.mutating[0].failurePolicy]).toEqual(['fail', 'ignore']);
  });

  test('defaults MCPTelemetryConfig openTelemetry', () => {
    const spec = specOf(applyDefaults(toolhive('MCPTelemetryConfig', { openTelemetry: { tracing: {} } })));
    expect(spec.openTelemetry).toEqual({ enabled: false, insecure: false, useLegacyAttributes: true, tracing: { enabled: false, samplingRate: '0.05' } });
  });

  test('prunes nulls of non-nullable fields, then defaults them', () => {
    const spec = specOf(applyDefaults(toolhive('MCPServer', { image: 'i', transport: null, authzConfig: null, env: null })));
    expect(spec.transport).toBe('stdio');
    expect(spec).not.toHaveProperty('authzConfig');
    expect(spec).not.toHaveProperty('env');
  });

  test('returns a copy and leaves the input untouched', () => {
    const input = toolhive('MCPServer', { image: 'i', volumes: [{ name: 'a', hostPath: '/a', mountPath: '/a' }] });
    const before = copy(input);
    const out = applyDefaults(input);
    expect(input).toEqual(before);
    expect(out).not.toBe(input);
    expect(out.spec).not.toBe(input.spec);
  });

  test('does not default metadata', () => {
    expect(applyDefaults(toolhive('MCPServer', { image: 'i' }, 'fetch')).metadata).toEqual({ name: 'fetch' });
  });

  test('returns other kinds copied and unchanged', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } };
    expect(applyDefaults(cm)).toEqual(cm);
    expect(applyDefaults(cm)).not.toBe(cm);
    const unknown = toolhive('MCPServers', { image: 'i' });
    expect(applyDefaults(unknown)).toEqual(unknown);
    const unserved = toolhive('MCPWebhookConfig', { validating: [{ name: 'a', url: 'https://a' }] });
    expect(applyDefaults(unserved)).toEqual(unserved);
  });
});
