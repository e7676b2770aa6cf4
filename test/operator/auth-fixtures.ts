/** Real, schema-valid objects for the operator auth rule tests, and a runner that keeps only those rules. */
import { validateManifests, type KubeObject } from '../../src/validation';
import { RULE_DOCS as CONSUMERS } from '../../src/validation/operator/auth-consumers';
import { RULE_DOCS as EMBEDDED } from '../../src/validation/operator/embedded-auth-server';
import { RULE_DOCS as EXTERNAL } from '../../src/validation/operator/mcpexternalauthconfig';
import { RULE_DOCS as VMCP } from '../../src/validation/operator/virtualmcpserver-auth';

const V1BETA1 = 'toolhive.stacklok.dev/v1beta1';
const AUTH_RULES = new Set([...CONSUMERS, ...EMBEDDED, ...EXTERNAL, ...VMCP].map(d => d.id));
const ADMISSION = /^(identity|schema|cel|hygiene)\./;

type Spec = Record<string, unknown>;

export interface Finding {
  kind: string;
  name: string;
  path: string;
  rule: string;
  message: string;
  severity: string;
}

function obj(kind: string, name: string, spec: Spec): KubeObject {
  return { apiVersion: V1BETA1, kind, metadata: { name }, spec };
}

/** Layer 1–4 errors (fixtures must be admitted unless a test says otherwise). */
export function admissionErrors(objects: readonly KubeObject[], operatorRelease?: string): string[] {
  return validateManifests(objects, { operatorRelease }).filter(v => v.severity === 'error' && ADMISSION.test(v.rule)).map(v => `${v.kind}/${v.name} ${v.path}: ${v.message}`);
}

/** `admitted: false` skips the admission check; `operatorRelease` selects the bundled release (main@e25de16 for jwtBearerGrant, actorMatcher). */
export interface AuthOptions { readonly admitted?: boolean; readonly operatorRelease?: string }

/** The auth rule violations of a set whose objects all pass admission. */
export function authFindings(objects: readonly KubeObject[], opts: AuthOptions = {}): Finding[] {
  if (opts.admitted !== false) expect(admissionErrors(objects, opts.operatorRelease)).toEqual([]);
  return validateManifests(objects, { operatorRelease: opts.operatorRelease })
    .filter(v => AUTH_RULES.has(v.rule))
    .map(({ kind, name, path, rule, message, severity }) => ({ kind, name, path, rule, message, severity }));
}

/** The messages of one rule. */
export function messages(objects: readonly KubeObject[], rule: string, opts: AuthOptions = {}): string[] {
  return authFindings(objects, opts).filter(f => f.rule === rule).map(f => f.message);
}

export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// ---- MCPExternalAuthConfig -------------------------------------------------------------------------

export const GITHUB_OIDC = { name: 'github', type: 'oidc', oidcConfig: { issuerUrl: 'https://token.actions.example.com', clientId: 'mcp-client' } };
export const GITLAB_OIDC = { name: 'gitlab', type: 'oidc', oidcConfig: { issuerUrl: 'https://gitlab.example.com', clientId: 'mcp-client' } };
export const SLACK_OAUTH2 = {
  name: 'slack',
  type: 'oauth2',
  oauth2Config: { authorizationEndpoint: 'https://slack.example.com/oauth/authorize', tokenEndpoint: 'https://slack.example.com/api/oauth.access', clientId: 'slack-client' },
};

export function extAuth(name: string, spec: Spec): KubeObject {
  return obj('MCPExternalAuthConfig', name, spec);
}

/** An embeddedAuthServer config with one OIDC upstream; `embedded` is merged over the defaults. */
export function embeddedAuth(name: string, embedded: Spec = {}): KubeObject {
  return extAuth(name, { type: 'embeddedAuthServer', embeddedAuthServer: { issuer: 'https://auth.example.com', upstreamProviders: [GITHUB_OIDC], ...embedded } });
}

export const tokenExchange = (name: string, extra: Spec = {}) =>
  extAuth(name, { type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'backend', ...extra } });
export const headerInjection = (name: string) =>
  extAuth(name, { type: 'headerInjection', headerInjection: { headerName: 'X-API-Key', valueSecretRef: { name: 'api-key', key: 'value' } } });
export const bearerToken = (name: string) => extAuth(name, { type: 'bearerToken', bearerToken: { tokenSecretRef: { name: 'github-token', key: 'token' } } });
export const awsSts = (name: string, extra: Spec = {}) =>
  extAuth(name, { type: 'awsSts', awsSts: { region: 'us-east-1', fallbackRoleArn: 'arn:aws:iam::123456789012:role/mcp', ...extra } });
export const upstreamInject = (name: string, providerName: string) => extAuth(name, { type: 'upstreamInject', upstreamInject: { providerName } });
export const xaa = (name: string, extra: Spec = {}) =>
  extAuth(name, { type: 'xaa', xaa: { idpTokenUrl: 'https://idp.example.com/token', targetTokenUrl: 'https://target.example.com/token', targetAudience: 'target', ...extra } });
export const unauthenticated = (name: string) => extAuth(name, { type: 'unauthenticated' });

// ---- OIDC, workloads, groups -----------------------------------------------------------------------

export function oidcConfig(name: string, issuer = 'https://auth.example.com'): KubeObject {
  return obj('MCPOIDCConfig', name, { type: 'inline', inline: { issuer } });
}

export function mcpServer(name: string, spec: Spec = {}): KubeObject {
  return obj('MCPServer', name, { image: 'ghcr.io/example/mcp:1.0.0', ...spec });
}

export function remoteProxy(name: string, spec: Spec = {}): KubeObject {
  return obj('MCPRemoteProxy', name, { remoteUrl: 'https://mcp.example.com/mcp', ...spec });
}

export function serverEntry(name: string, spec: Spec = {}): KubeObject {
  return obj('MCPServerEntry', name, { remoteUrl: 'https://mcp.example.com/mcp', transport: 'streamable-http', groupRef: { name: 'team' }, ...spec });
}

export function group(name = 'team'): KubeObject {
  return obj('MCPGroup', name, {});
}

/** The default resourceUrl of an MCPServer/MCPRemoteProxy named `name` in `default` (proxyPort 8080). */
export const workloadUrl = (name: string, port = 8080) => `http://${name}.default.svc.cluster.local:${port}`;

/** An oidcConfigRef whose audience matches the workload's default resourceUrl. */
export const oidcRef = (workload: string, extra: Spec = {}) => ({ name: 'idp', audience: workloadUrl(workload), ...extra });

/** A VirtualMCPServer in group `team` with anonymous incoming auth unless `spec` says otherwise. */
export function vmcp(name: string, spec: Spec = {}): KubeObject {
  return obj('VirtualMCPServer', name, { groupRef: { name: 'team' }, incomingAuth: { type: 'anonymous' }, ...spec });
}

export const VMCP_URL = 'http://gateway.default.svc.cluster.local:4483';

/** authServerConfig issued by https://auth.example.com with the given upstreams. */
export const authServerConfig = (upstreams: unknown[] = [GITHUB_OIDC], extra: Spec = {}) =>
  ({ issuer: 'https://auth.example.com', upstreamProviders: upstreams, ...extra });

/** OIDC incoming auth coherent with `authServerConfig()` for a vMCP named `gateway`. */
export const OIDC_INCOMING = { type: 'oidc', oidcConfigRef: { name: 'idp', audience: VMCP_URL } };

/** A coherent vMCP `gateway` with an embedded auth server, plus its MCPOIDCConfig and group. */
export function vmcpWithAuthServer(spec: Spec = {}, asExtra: Spec = {}, upstreams: unknown[] = [GITHUB_OIDC]): KubeObject[] {
  return [group(), oidcConfig('idp'), vmcp('gateway', { incomingAuth: OIDC_INCOMING, authServerConfig: authServerConfig(upstreams, asExtra), ...spec })];
}
