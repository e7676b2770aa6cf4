/** Valid building blocks for the audit manifest sets (each passes the whole engine on its own or with its targets). */
import { th } from './helpers';

type Spec = Record<string, unknown>;

export const POLICY = 'permit(principal, action, resource);';
export const OKTA_OIDC = { name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'toolhive' } };
export const GITHUB_OIDC = { name: 'github', type: 'oidc', oidcConfig: { issuerUrl: 'https://github.example.com', clientId: 'toolhive' } };
export const ARN = 'arn:aws:iam::123456789012:role/mcp';

export const externalAuth = (name: string, spec: Spec) => th('MCPExternalAuthConfig', name, spec);

/** An embeddedAuthServer MCPExternalAuthConfig issued by https://auth.example.com with one OIDC upstream `okta`. */
export const embedded = (name: string, as: Spec = {}) =>
  externalAuth(name, { type: 'embeddedAuthServer', embeddedAuthServer: { issuer: 'https://auth.example.com', upstreamProviders: [OKTA_OIDC], ...as } });

/** An inline MCPOIDCConfig. */
export const oidc = (name = 'idp', issuer = 'https://auth.example.com', extra: Spec = {}) =>
  th('MCPOIDCConfig', name, { type: 'inline', inline: { issuer, ...extra } });

export const server = (name: string, spec: Spec = {}) => th('MCPServer', name, { image: 'ghcr.io/x/y:1.0.0', ...spec });
export const remoteProxy = (name: string, spec: Spec = {}) => th('MCPRemoteProxy', name, { remoteUrl: 'https://mcp.example.com/mcp', ...spec });
export const entry = (name: string, spec: Spec = {}) =>
  th('MCPServerEntry', name, { remoteUrl: 'https://mcp.example.com/mcp', transport: 'streamable-http', groupRef: { name: 'g' }, ...spec });
export const vmcp = (name: string, spec: Spec = {}) =>
  th('VirtualMCPServer', name, { groupRef: { name: 'g' }, incomingAuth: { type: 'anonymous' }, ...spec });
export const group = (name = 'g') => th('MCPGroup', name, {});

/** The default resourceUrl of an MCPServer or MCPRemoteProxy `n` in `default`. */
export const url = (n: string, port = 8080) => `http://${n}.default.svc.cluster.local:${port}`;
/** The default resourceUrl of a VirtualMCPServer `n` in `default`. */
export const vmcpUrl = (n: string) => `http://${n}.default.svc.cluster.local:4483`;

/** An oidcConfigRef to `idp` whose audience is the workload's default resourceUrl. */
export const oidcRef = (n: string, port = 8080) => ({ name: 'idp', audience: url(n, port) });

/** OIDC incoming auth for vMCP `n`, coherent with an authServerConfig issued by https://auth.example.com. */
export const vmcpOidc = (n: string, extra: Spec = {}) => ({ type: 'oidc', oidcConfigRef: { name: 'idp', audience: vmcpUrl(n) }, ...extra });

/** An authServerConfig for a vMCP. */
export const authServer = (upstreams: unknown[] = [OKTA_OIDC], extra: Spec = {}) =>
  ({ issuer: 'https://auth.example.com', upstreamProviders: upstreams, ...extra });
