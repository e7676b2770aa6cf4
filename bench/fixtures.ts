/** Generated objects of mixed kinds for the benchmarks. Deterministic: object i is always the same. */
import type { KubeObject } from '../src/core/types';

const API = 'toolhive.stacklok.dev/v1beta1';

/** A realistic platform slice: n objects cycling through 8 shapes (all valid, same namespace). */
export function mixedObjects(n: number, namespace = 'bench'): KubeObject[] {
  const out: KubeObject[] = [];
  for (let i = 0; out.length < n; i++) {
    const shapes = [
      () => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `secret-${i}`, namespace }, stringData: { 'token': 'not-a-real-secret', 'client-secret': 'not-a-real-secret' } }),
      () => ({ apiVersion: API, kind: 'MCPOIDCConfig', metadata: { name: `oidc-${i}`, namespace }, spec: { type: 'inline', inline: { issuer: 'https://idp.example.com', clientId: 'toolhive', clientSecretRef: { name: `secret-${i - 1}`, key: 'client-secret' } } } }),
      () => ({ apiVersion: API, kind: 'MCPAuthzConfig', metadata: { name: `authz-${i}`, namespace }, spec: { type: 'cedarv1', config: { policies: ['permit(principal, action, resource);'], entities_json: '[]' } } }),
      () => ({ apiVersion: API, kind: 'MCPToolConfig', metadata: { name: `tools-${i}`, namespace }, spec: { toolsFilter: ['fetch', 'search'], toolsOverride: { fetch: { name: 'web_fetch', description: 'Fetch a URL' } } } }),
      () => ({
        apiVersion: API,
        kind: 'MCPServer',
        metadata: { name: `server-${i}`, namespace },
        spec: {
          image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1',
          transport: 'streamable-http',
          mcpPort: 8080,
          oidcConfigRef: { name: `oidc-${i - 3}`, audience: `https://server-${i}.example.com` },
          authzConfigRef: { name: `authz-${i - 2}` },
          toolConfigRef: { name: `tools-${i - 1}` },
          secrets: [{ name: `secret-${i - 4}`, key: 'token', targetEnvName: 'GITHUB_TOKEN' }],
          env: [{ name: 'LOG_LEVEL', value: 'info' }],
          resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
        },
      }),
      () => ({
        apiVersion: API,
        kind: 'MCPExternalAuthConfig',
        metadata: { name: `as-${i}`, namespace },
        spec: {
          type: 'embeddedAuthServer',
          embeddedAuthServer: {
            issuer: 'https://auth.example.com',
            upstreamProviders: [
              { name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'abc', clientSecretRef: { name: `secret-${i - 5}`, key: 'client-secret' } } },
              { name: 'github', type: 'oauth2', oauth2Config: { authorizationEndpoint: 'https://github.com/login/oauth/authorize', tokenEndpoint: 'https://github.com/login/oauth/access_token', clientId: 'def' } },
            ],
          },
        },
      }),
      () => ({ apiVersion: API, kind: 'MCPRemoteProxy', metadata: { name: `proxy-${i}`, namespace }, spec: { remoteUrl: 'https://mcp.example.com/mcp', oidcConfigRef: { name: `oidc-${i - 5}`, audience: 'https://proxy.example.com' } } }),
      () => ({
        apiVersion: API,
        kind: 'VirtualMCPServer',
        metadata: { name: `vmcp-${i}`, namespace },
        spec: {
          groupRef: { name: 'group' },
          incomingAuth: { type: 'anonymous' },
          config: { aggregation: { conflictResolution: 'prefix' }, operational: { failureHandling: { circuitBreaker: { enabled: true, timeout: '30s' } } } },
        },
      }),
    ];
    out.push(shapes[i % shapes.length]() as KubeObject);
  }
  return out;
}
