/**
 * The key rules (apiVersion per kind, the auth unions, upstream providers, references, env collisions ...) as manifest sets: for every sub-bullet the engine is meant to catch, a
 * failing set whose only errors are the expected ones, and per item a passing set that uses the same features.
 */
import { rootCertificates } from 'node:tls';
import {
  ARN, authServer, embedded, entry, externalAuth, GITHUB_OIDC, group, OKTA_OIDC, oidc, oidcRef, POLICY, remoteProxy,
  server, url, vmcp, vmcpOidc, vmcpUrl,
} from './fixtures';
import { cel, configMap, secret, th, V1ALPHA1, V1BETA1 } from './helpers';
import type { KubeObject, ValidateOptions } from '../../src/validation';
import { celId } from '../engine/helpers';

/** Trusted issuers (item 7) and remote URLs (item 13) use fields of main@e25de16; test/releases/ covers the tagged releases. */
const ON_MAIN: ValidateOptions = { operatorRelease: 'main@e25de16' };

type Spec = Record<string, unknown>;

/** One expected error. */
export interface Want {
  readonly kind: string;
  readonly name: string;
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

export interface Failing {
  /** Item number in the list of key rules (the `item` of test names). */
  readonly item: number;
  readonly title: string;
  readonly objects: readonly KubeObject[];
  /** Every error (or, with `severity: 'warning'`, every warning) the set must produce, nothing more. */
  readonly want: readonly Want[];
  readonly options?: ValidateOptions;
  /** The operator accepts the set and ignores something: it must give these warnings and no error. @default 'error' */
  readonly severity?: 'warning';
}

export interface Passing {
  readonly item: number;
  readonly title: string;
  readonly objects: readonly KubeObject[];
  readonly options?: ValidateOptions;
}

/** `o` in namespace `ns`. */
const inNs = (ns: string, o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, namespace: ns } });

const w = (kind: string, name: string, path: string, rule: string, message: string): Want => ({ kind, name, path, rule, message });
/** The API server's line instead of the CEL rules when a schema error of a blocking type was found (strategy.go hasBlockingErr). */
const nc = (kind: string, name: string): Want => w(kind, name, '<root>', 'cel.not-checked', 'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation');

// ---- shorthands -------------------------------------------------------------------------------------------

/** A real, public CA certificate (node's bundle): CA bundles are parsed (operator.secret.ca-bundle). */
const CA_PEM = rootCertificates[0];

const EA = 'MCPExternalAuthConfig';
const MS = 'MCPServer';
const VM = 'VirtualMCPServer';
const RP = 'MCPRemoteProxy';

const sts = (awsSts: Spec) => externalAuth('aws', { type: 'awsSts', awsSts: { region: 'us-east-1', ...awsSts } });
/** An embedded auth server MCPExternalAuthConfig `as` whose only upstream is `upstream`. */
const withUpstream = (upstream: Spec) => embedded('as', { upstreamProviders: [upstream] });
const oauth2 = (config: Spec) => ({
  name: 'corp',
  type: 'oauth2',
  oauth2Config: { authorizationEndpoint: 'https://corp.example.com/authorize', tokenEndpoint: 'https://corp.example.com/token', ...config },
});
const trusted = (issuer: Spec) => embedded('as', { trustedIssuers: [{ issuerUrl: 'https://partner.example.com', ...issuer }] });
const JWT_GRANT = { maxAssertionAge: '5m', subjectBindings: [{ subject: 'svc', allowedResources: ['https://api.example.com'] }] };
const webhook = (hook: Spec) => th('MCPWebhookConfig', 'hooks', { validating: [{ name: 'policy', url: 'https://webhook.example.com/validate', ...hook }] }, V1ALPHA1);
const telemetry = (otel: Spec) => th('MCPTelemetryConfig', 'otel', { openTelemetry: { endpoint: 'otel:4317', tracing: { enabled: true }, ...otel } });
const compositeTool = (spec: Spec) => th('VirtualMCPCompositeToolDefinition', 'deploy', {
  name: 'deploy',
  description: 'deploy the service',
  steps: [{ id: 'fetch', tool: 'backend.fetch' }],
  ...spec,
});
const EMBED = th('EmbeddingServer', 'embed', { model: 'BAAI/bge-small-en-v1.5' });
const AS_SECRET = secret('okta-client', { 'client-secret': 'x' });

/** A vMCP `gw` with OIDC incoming auth and an embedded auth server, plus group `g` and MCPOIDCConfig `idp`. */
const vmcpWithAS = (spec: Spec = {}, as: Spec = {}, upstreams: unknown[] = [OKTA_OIDC]): KubeObject[] =>
  [group(), oidc(), vmcp('gw', { incomingAuth: vmcpOidc('gw'), authServerConfig: authServer(upstreams, as), ...spec })];

/** The position of each C1–C8 rule among the CEL rules on MCPExternalAuthConfig spec (obo, C7, is #6). */

// =============================================================================================================
// Failing cases

export const FAILING: Failing[] = [
  // ---- 1. apiVersion per kind; schema field names only --------------------------------------------------
  {
    item: 1,
    title: 'MCPWebhookConfig at v1beta1 (it is served at v1alpha1 only)',
    objects: [th('MCPWebhookConfig', 'hooks', { validating: [{ name: 'policy', url: 'https://webhook.example.com/validate' }] }, V1BETA1)],
    want: [w('MCPWebhookConfig', 'hooks', 'apiVersion', 'identity.unserved-version', 'no matches for kind "MCPWebhookConfig" in version "toolhive.stacklok.dev/v1beta1"; served versions: v1alpha1')],
  },
  {
    item: 1,
    title: 'an MCPServer at a version the CRD does not serve',
    objects: [{ ...server('fetch'), apiVersion: 'toolhive.stacklok.dev/v1' }],
    want: [w(MS, 'fetch', 'apiVersion', 'identity.unserved-version', 'no matches for kind "MCPServer" in version "toolhive.stacklok.dev/v1"; served versions: v1alpha1, v1beta1')],
  },
  {
    item: 1,
    title: 'a snake_case field name on an MCPServer (proxy_port)',
    objects: [server('fetch', { proxy_port: 9090 })],
    want: [w(MS, 'fetch', 'spec.proxy_port', 'schema.unknown-field', 'unknown field "spec.proxy_port"')],
  },
  {
    item: 1,
    title: 'maxRetries in a composite tool step (the upstream examples\' field, not in the schema)',
    objects: [compositeTool({ steps: [{ id: 'fetch', tool: 'backend.fetch', onError: { action: 'retry', retryCount: 2, maxRetries: 3 } }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps[0].onError.maxRetries', 'schema.unknown-field', 'unknown field "spec.steps[0].onError.maxRetries"')],
  },
  {
    item: 1,
    title: 'token_url in a token exchange',
    objects: [externalAuth('te', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'api', token_url: 'https://x' } })],
    want: [w(EA, 'te', 'spec.tokenExchange.token_url', 'schema.unknown-field', 'unknown field "spec.tokenExchange.token_url"')],
  },

  // ---- 2. MCPExternalAuthConfig discriminated union ------------------------------------------------------
  ...(['tokenExchange', 'headerInjection', 'bearerToken', 'embeddedAuthServer', 'awsSts', 'upstreamInject', 'xaa'] as const).map(type => ({
    item: 2,
    title: `type ${type} without its ${type} block`,
    objects: [externalAuth('ea', { type })],
    want: [w(EA, 'ea', 'spec', celId(EA, 'spec', `${type} configuration must be set if and only if type is '${type}'`), cel(`${type} configuration must be set if and only if type is '${type}'`))],
  })),
  {
    item: 2,
    title: 'type unauthenticated with a tokenExchange block',
    objects: [externalAuth('ea', { type: 'unauthenticated', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'api' } })],
    want: [
      w(EA, 'ea', 'spec', 'cel.MCPExternalAuthConfig.spec#4ec414d1', cel("tokenExchange configuration must be set if and only if type is 'tokenExchange'")),
      w(EA, 'ea', 'spec', 'cel.MCPExternalAuthConfig.spec#6640e55a', cel("no configuration must be set when type is 'unauthenticated'")),
    ],
  },
  {
    item: 2,
    title: 'type tokenExchange with an extra awsSts block',
    objects: [externalAuth('ea', {
      type: 'tokenExchange',
      tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'api' },
      awsSts: { region: 'us-east-1', fallbackRoleArn: ARN },
    })],
    want: [w(EA, 'ea', 'spec', 'cel.MCPExternalAuthConfig.spec#db0e88b7', cel("awsSts configuration must be set if and only if type is 'awsSts'"))],
  },
  {
    item: 2,
    title: 'type obo (upstream builds mark it EnterpriseRequired)',
    objects: [externalAuth('ea', { type: 'obo', obo: {} })],
    want: [w(EA, 'ea', 'spec.type', 'operator.external-auth.obo-enterprise', 'on-behalf-of (OBO) external auth type requires an enterprise build')],
  },
  {
    item: 2,
    title: 'an obo subjectTokenProviderName that is not a DNS label (the DNS-label pattern of upstream provider names)',
    objects: [externalAuth('ea', { type: 'obo', obo: { subjectTokenProviderName: 'Okta' } })],
    want: [w(EA, 'ea', 'spec.obo.subjectTokenProviderName', 'schema.pattern', 'Invalid value: "Okta": spec.obo.subjectTokenProviderName in body should match \'^[a-z0-9]([a-z0-9-]*[a-z0-9])?$\''), w(EA, 'ea', 'spec.type', 'operator.external-auth.obo-enterprise', 'on-behalf-of (OBO) external auth type requires an enterprise build')],
  },
  {
    item: 2,
    title: 'tokenExchange without tokenUrl and audience',
    objects: [externalAuth('ea', { type: 'tokenExchange', tokenExchange: { clientId: 'c' } })],
    want: [
      w(EA, 'ea', 'spec.tokenExchange.tokenUrl', 'schema.required', 'Required value'),
      w(EA, 'ea', 'spec.tokenExchange.audience', 'schema.required', 'Required value'),
      nc(EA, 'ea'),
    ],
  },
  {
    item: 2,
    title: 'headerInjection without headerName and valueSecretRef',
    objects: [externalAuth('ea', { type: 'headerInjection', headerInjection: {} })],
    want: [
      w(EA, 'ea', 'spec.headerInjection.headerName', 'schema.required', 'Required value'),
      w(EA, 'ea', 'spec.headerInjection.valueSecretRef', 'schema.required', 'Required value'),
      nc(EA, 'ea'),
    ],
  },
  {
    item: 2,
    title: 'bearerToken without tokenSecretRef',
    objects: [externalAuth('ea', { type: 'bearerToken', bearerToken: {} })],
    want: [w(EA, 'ea', 'spec.bearerToken.tokenSecretRef', 'schema.required', 'Required value'), nc(EA, 'ea')],
  },
  {
    item: 2,
    title: 'awsSts without region',
    objects: [externalAuth('ea', { type: 'awsSts', awsSts: { fallbackRoleArn: ARN } })],
    want: [w(EA, 'ea', 'spec.awsSts.region', 'schema.required', 'Required value'), nc(EA, 'ea')],
  },
  {
    item: 2,
    title: 'xaa without idpTokenUrl, targetTokenUrl and targetAudience',
    objects: [externalAuth('ea', { type: 'xaa', xaa: {} })],
    want: [
      w(EA, 'ea', 'spec.xaa.idpTokenUrl', 'schema.required', 'Required value'),
      w(EA, 'ea', 'spec.xaa.targetTokenUrl', 'schema.required', 'Required value'),
      w(EA, 'ea', 'spec.xaa.targetAudience', 'schema.required', 'Required value'),
      nc(EA, 'ea'),
    ],
  },
  {
    item: 2,
    title: 'upstreamInject without providerName',
    objects: [externalAuth('ea', { type: 'upstreamInject', upstreamInject: {} })],
    want: [w(EA, 'ea', 'spec.upstreamInject.providerName', 'schema.required', 'Required value'), nc(EA, 'ea')],
  },
  {
    item: 2,
    title: 'awsSts with neither fallbackRoleArn nor roleMappings (Go only)',
    objects: [sts({})],
    want: [w(EA, 'aws', 'spec.awsSts', 'operator.external-auth.aws-sts-role', 'awsSts: at least one of fallbackRoleArn or roleMappings must be configured')],
  },
  {
    item: 2,
    title: 'an awsSts role mapping with neither claim nor matcher (Go only)',
    objects: [sts({ roleMappings: [{ roleArn: ARN }] })],
    want: [w(EA, 'aws', 'spec.awsSts.roleMappings[0]', 'operator.external-auth.aws-sts-mapping', 'awsSts.roleMappings[0]: exactly one of claim or matcher must be set')],
  },
  {
    item: 2,
    title: 'an awsSts role mapping with both claim and matcher (Go only)',
    objects: [sts({ roleMappings: [{ roleArn: ARN, claim: 'admins', matcher: '"admins" in claims.groups' }] })],
    want: [w(EA, 'aws', 'spec.awsSts.roleMappings[0]', 'operator.external-auth.aws-sts-mapping', 'awsSts.roleMappings[0]: claim and matcher are mutually exclusive')],
  },

  // ---- 3. MCPOIDCConfig union and inline URL checks ----------------------------------------------------------
  {
    item: 3,
    title: 'type inline with a kubernetesServiceAccount block (C28)',
    objects: [th('MCPOIDCConfig', 'idp', { type: 'inline', inline: { issuer: 'https://auth.example.com' }, kubernetesServiceAccount: {} })],
    want: [w('MCPOIDCConfig', 'idp', 'spec', 'cel.MCPOIDCConfig.spec#28a2f66f', cel("kubernetesServiceAccount must be set when type is 'kubernetesServiceAccount', and must not be set otherwise"))],
  },
  {
    item: 3,
    title: 'type kubernetesServiceAccount with an inline block (C29)',
    objects: [th('MCPOIDCConfig', 'idp', { type: 'kubernetesServiceAccount', kubernetesServiceAccount: {}, inline: { issuer: 'https://auth.example.com' } })],
    want: [w('MCPOIDCConfig', 'idp', 'spec', 'cel.MCPOIDCConfig.spec#ec0a58e7', cel("inline must be set when type is 'inline', and must not be set otherwise"))],
  },
  {
    item: 3,
    title: 'an inline issuer without a scheme',
    objects: [oidc('idp', 'auth.example.com')],
    want: [w('MCPOIDCConfig', 'idp', 'spec.inline.issuer', 'operator.oidc.issuer-url', 'OIDC issuer URL "auth.example.com" is malformed: missing scheme or host')],
  },
  {
    item: 3,
    title: 'an http inline issuer without insecureAllowHTTP',
    objects: [oidc('idp', 'http://auth.example.com')],
    want: [w('MCPOIDCConfig', 'idp', 'spec.inline.issuer', 'operator.oidc.issuer-url', 'OIDC issuer URL "http://auth.example.com" uses HTTP scheme, which is insecure; use HTTPS or set insecureAllowHTTP: true for development only')],
  },
  {
    item: 3,
    title: 'an inline issuer with an ftp scheme',
    objects: [oidc('idp', 'ftp://auth.example.com')],
    want: [w('MCPOIDCConfig', 'idp', 'spec.inline.issuer', 'operator.oidc.issuer-url', 'OIDC issuer URL "ftp://auth.example.com" has unsupported scheme "ftp"; must be http or https')],
  },
  {
    item: 3,
    title: 'an http jwksUrl without insecureAllowHTTP',
    objects: [oidc('idp', 'https://auth.example.com', { jwksUrl: 'http://auth.example.com/keys' })],
    want: [w('MCPOIDCConfig', 'idp', 'spec.inline.jwksUrl', 'operator.oidc.jwks-url', 'JWKS URL "http://auth.example.com/keys" uses HTTP scheme, which is insecure; use HTTPS or set insecureAllowHTTP: true for development only')],
  },
  {
    item: 3,
    title: 'a CA bundle ConfigMap name longer than 48 characters',
    objects: [
      oidc('idp', 'https://auth.example.com', { caBundleRef: { configMapRef: { name: 'a-very-long-config-map-name-for-the-corporate-ca-x', key: 'ca.crt' } } }),
      configMap('a-very-long-config-map-name-for-the-corporate-ca-x', { 'ca.crt': CA_PEM }),
    ],
    want: [w('MCPOIDCConfig', 'idp', 'spec.inline.caBundleRef.configMapRef.name', 'operator.oidc.ca-bundle', 'configMapRef.name "a-very-long-config-map-name-for-the-corporate-ca-x" is too long (50 chars); maximum is 48 characters to fit in Kubernetes volume name')],
  },
  {
    item: 3,
    title: 'a CA bundle ConfigMap reference without key',
    objects: [oidc('idp', 'https://auth.example.com', { caBundleRef: { configMapRef: { name: 'corp-ca' } } }), configMap('corp-ca', { 'ca.crt': CA_PEM })],
    want: [w('MCPOIDCConfig', 'idp', 'spec.inline.caBundleRef.configMapRef.key', 'schema.required', 'Required value'), nc('MCPOIDCConfig', 'idp')],
  },

  // ---- 4. upstream providers -----------------------------------------------------------------------------------
  {
    item: 4,
    title: 'an upstream name longer than 63 characters',
    objects: [withUpstream({ ...OKTA_OIDC, name: 'a'.repeat(64) })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.upstreamProviders[0].name', 'schema.max-length', 'Too long: may not be more than 63 bytes'), nc(EA, 'as')],
  },
  {
    item: 4,
    title: 'two upstreams with one name',
    objects: [embedded('as', { upstreamProviders: [OKTA_OIDC, { ...GITHUB_OIDC, name: 'okta' }] })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.upstreamProviders[1]', 'schema.duplicate', 'Duplicate value: {"name":"okta"}')],
  },
  {
    item: 4,
    title: 'an oidc upstream with an http issuerUrl',
    objects: [withUpstream({ ...OKTA_OIDC, oidcConfig: { issuerUrl: 'http://okta.example.com', clientId: 'toolhive' } })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.upstreamProviders[0].oidcConfig.issuerUrl', 'schema.pattern',
      'Invalid value: "http://okta.example.com": spec.embeddedAuthServer.upstreamProviders[0].oidcConfig.issuerUrl in body should match \'^https://.*$\'')],
  },
  {
    item: 4,
    title: 'an oauth2 upstream with both clientId and dcrConfig',
    objects: [withUpstream(oauth2({ clientId: 'c', dcrConfig: { discoveryUrl: 'https://corp.example.com/.well-known/openid-configuration' }, userInfo: { endpointUrl: 'https://corp.example.com/userinfo' } }))],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.upstreamProviders[0].oauth2Config', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.upstreamProviders[*].oauth2Config#316e6d25', cel('exactly one of clientId or dcrConfig must be set'))],
  },
  {
    item: 4,
    title: 'an oauth2 upstream with neither clientId nor dcrConfig',
    objects: [withUpstream(oauth2({ userInfo: { endpointUrl: 'https://corp.example.com/userinfo' } }))],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.upstreamProviders[0].oauth2Config', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.upstreamProviders[*].oauth2Config#316e6d25', cel('exactly one of clientId or dcrConfig must be set'))],
  },
  {
    item: 4,
    title: 'an oauth2 upstream with clientSecretRef and dcrConfig',
    objects: [
      withUpstream(oauth2({
        dcrConfig: { discoveryUrl: 'https://corp.example.com/.well-known/openid-configuration' },
        clientSecretRef: { name: 'okta-client', key: 'client-secret' },
        userInfo: { endpointUrl: 'https://corp.example.com/userinfo' },
      })),
      AS_SECRET,
    ],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.upstreamProviders[0].oauth2Config', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.upstreamProviders[*].oauth2Config#58639704',
      cel('clientSecretRef must not be set when dcrConfig is set; the client_secret is obtained at runtime via Dynamic Client Registration'))],
  },
  {
    item: 4,
    title: 'a dcrConfig with both discoveryUrl and registrationEndpoint',
    objects: [withUpstream(oauth2({
      dcrConfig: { discoveryUrl: 'https://corp.example.com/.well-known/openid-configuration', registrationEndpoint: 'https://corp.example.com/register' },
      userInfo: { endpointUrl: 'https://corp.example.com/userinfo' },
    }))],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.upstreamProviders[0].oauth2Config.dcrConfig', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.upstreamProviders[*].oauth2Config.dcrConfig#3a57993e', cel('exactly one of discoveryUrl or registrationEndpoint must be set'))],
  },
  {
    item: 4,
    title: 'a reserved additionalAuthorizationParams key (Go only)',
    objects: [withUpstream({ ...OKTA_OIDC, oidcConfig: { ...OKTA_OIDC.oidcConfig, additionalAuthorizationParams: { scope: 'openid', prompt: 'login' } } })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.upstreamProviders[0].oidcConfig.additionalAuthorizationParams[scope]', 'operator.embedded-auth.reserved-param', 'upstreamProviders[0].additionalAuthorizationParams: reserved parameter "scope" is managed by the framework and cannot be overridden')],
  },
  {
    item: 4,
    title: 'a primaryUpstreamProvider that is not a DNS label (the DNS-label pattern of upstream provider names)',
    objects: [embedded('as', { primaryUpstreamProvider: 'Okta' })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.primaryUpstreamProvider', 'schema.pattern', 'Invalid value: "Okta": spec.embeddedAuthServer.primaryUpstreamProvider in body should match \'^[a-z0-9]([a-z0-9-]*[a-z0-9])?$\'')],
  },
  {
    item: 4,
    title: 'an MCPRemoteProxy whose externalAuthConfigRef names a two-upstream auth server',
    objects: [
      embedded('as', { upstreamProviders: [OKTA_OIDC, GITHUB_OIDC] }),
      remoteProxy('remote', { externalAuthConfigRef: { name: 'as' }, oidcConfigRef: oidcRef('remote') }),
      oidc(),
    ],
    want: [w(RP, 'remote', 'spec.externalAuthConfigRef.name', 'operator.embedded-auth.single-upstream', 'MCPRemoteProxy supports only one upstream provider (found 2); use VirtualMCPServer for multi-upstream')],
  },
  {
    item: 4,
    title: 'a vMCP auth server with several upstreams, one named default',
    objects: vmcpWithAS({}, {}, [OKTA_OIDC, { ...GITHUB_OIDC, name: 'default' }]),
    want: [w(VM, 'gw', 'spec.authServerConfig.upstreamProviders[1].name', 'operator.vmcp.upstream-name-reserved', 'upstream[1]: name "default" is reserved for single-upstream configs; use a descriptive name')],
  },

  // ---- 5. embedded AS transport ------------------------------------------------------------------------------
  {
    item: 5,
    title: 'delegateClients with an http issuer (C11)',
    objects: [
      embedded('as', {
        issuer: 'http://auth.toolhive.svc',
        insecureAllowHTTP: true,
        delegateClients: [{ clientId: 'agent', clientSecretRef: { name: 'agent', key: 'secret' }, scopes: ['openid'], audiences: ['https://mcp.example.com'] }],
      }),
      secret('agent', { secret: 'x' }),
    ],
    want: [
      w(EA, 'as', 'spec.embeddedAuthServer', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer#85e42462', cel('delegateClients require an https:// issuer; delegate client secrets must not be sent over plaintext HTTP')),
      // delegate clients make the server confidential, which Go refuses next to insecureAllowHTTP whatever the issuer
      w(EA, 'as', 'spec.embeddedAuthServer.insecureAllowHTTP', 'operator.embedded-auth.confidential-transport', 'allow_confidential_client_registration cannot be combined with insecure_allow_http: confidential clients would send secrets over cleartext HTTP'),
    ],
  },
  {
    item: 5,
    title: 'forceConfidentialRedirectUris without allowConfidentialClientRegistration (C12)',
    objects: [embedded('as', { forceConfidentialRedirectUris: ['https://app.example.com/callback'] })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer#e8da3942', cel('forceConfidentialRedirectUris requires allowConfidentialClientRegistration to be true'))],
  },
  {
    item: 5,
    title: 'a loopback forceConfidentialRedirectUris entry (Go only)',
    objects: [embedded('as', { allowConfidentialClientRegistration: true, forceConfidentialRedirectUris: ['https://localhost/callback'] })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.forceConfidentialRedirectUris[0]', 'operator.embedded-auth.force-confidential-uri', 'force_confidential_redirect_uris: "https://localhost/callback" must not be a loopback redirect URI; a loopback client is a public client by construction and must not be issued a secret')],
  },
  {
    item: 5,
    title: 'an http forceConfidentialRedirectUris entry',
    objects: [embedded('as', { allowConfidentialClientRegistration: true, forceConfidentialRedirectUris: ['http://app.example.com/callback'] })],
    want: [
      w(EA, 'as', 'spec.embeddedAuthServer.forceConfidentialRedirectUris[0]', 'schema.pattern', 'Invalid value: "http://app.example.com/callback": spec.embeddedAuthServer.forceConfidentialRedirectUris[0] in body should match \'^https://[^\\s?#]+$\''),
      w(EA, 'as', 'spec.embeddedAuthServer.forceConfidentialRedirectUris[0]', 'operator.embedded-auth.force-confidential-uri', 'force_confidential_redirect_uris: "http://app.example.com/callback": redirect_uri must use http (for loopback) or https scheme'),
    ],
  },
  {
    item: 5,
    title: 'an issuer with a trailing slash',
    objects: [embedded('as', { issuer: 'https://auth.example.com/' })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.issuer', 'schema.pattern', 'Invalid value: "https://auth.example.com/": spec.embeddedAuthServer.issuer in body should match \'^https?://[^\\s?#]+[^/\\s?#]$\'')],
  },
  {
    item: 5,
    title: 'an issuer with a query',
    objects: [embedded('as', { issuer: 'https://auth.example.com?tenant=a' })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.issuer', 'schema.pattern', 'Invalid value: "https://auth.example.com?tenant=a": spec.embeddedAuthServer.issuer in body should match \'^https?://[^\\s?#]+[^/\\s?#]$\'')],
  },
  {
    item: 5,
    title: 'a vMCP auth server with an http non-localhost issuer and no insecureAllowHTTP',
    objects: [group(), oidc('idp', 'http://auth.toolhive.svc', { insecureAllowHTTP: true }),
      vmcp('gw', { incomingAuth: vmcpOidc('gw'), authServerConfig: authServer([OKTA_OIDC], { issuer: 'http://auth.toolhive.svc' }) })],
    want: [w(VM, 'gw', 'spec.authServerConfig.issuer', 'operator.vmcp.auth-server-http-issuer', 'spec.authServerConfig.issuer "http://auth.toolhive.svc" uses http:// with a non-localhost host; set spec.authServerConfig.insecureAllowHTTP: true to allow this for trusted in-cluster deployments, or use https:// for production deployments')],
  },

  // ---- 6. embedded AS ↔ OIDC coherence --------------------------------------------------------------------------
  {
    item: 6,
    title: 'an MCPServer with authServerRef and no oidcConfigRef',
    objects: [embedded('as'), server('fetch', { authServerRef: { kind: EA, name: 'as' } })],
    want: [w(MS, 'fetch', 'spec.oidcConfigRef', 'operator.embedded-auth.oidc-required', 'OIDC config is required for embedded auth server: OIDCConfigRef must be set on the MCPServer')],
  },
  {
    item: 6,
    title: 'an MCPRemoteProxy with an embedded-AS externalAuthConfigRef and no oidcConfigRef',
    objects: [embedded('as'), remoteProxy('remote', { externalAuthConfigRef: { name: 'as' } })],
    want: [w(RP, 'remote', 'spec.oidcConfigRef', 'operator.embedded-auth.oidc-required', 'OIDC config is required for embedded auth server: OIDCConfigRef must be set on the MCPServer')],
  },
  {
    item: 6,
    title: 'an MCPRemoteProxy on port 9090 whose audience is the port-8080 URL',
    objects: [embedded('as'), oidc(), remoteProxy('remote', { proxyPort: 9090, authServerRef: { kind: EA, name: 'as' }, oidcConfigRef: oidcRef('remote') })],
    want: [w(RP, 'remote', 'spec.oidcConfigRef.audience', 'operator.embedded-auth.audience-mismatch', 'oidcConfigRef.audience "http://remote.default.svc.cluster.local:8080" must match resourceUrl "http://remote.default.svc.cluster.local:9090" when an embedded auth server is active; set audience to "http://remote.default.svc.cluster.local:9090" or set resourceUrl to match audience')],
  },
  {
    item: 6,
    title: 'an MCPServer in namespace tools whose audience is the URL of namespace default',
    objects: [inNs('tools', embedded('as')), inNs('tools', oidc()),
      inNs('tools', server('fetch', { authServerRef: { kind: EA, name: 'as' }, oidcConfigRef: oidcRef('fetch') }))],
    want: [w(MS, 'fetch', 'spec.oidcConfigRef.audience', 'operator.embedded-auth.audience-mismatch', 'oidcConfigRef.audience "http://fetch.default.svc.cluster.local:8080" must match resourceUrl "http://fetch.tools.svc.cluster.local:8080" when an embedded auth server is active; set audience to "http://fetch.tools.svc.cluster.local:8080" or set resourceUrl to match audience')],
  },
  {
    item: 6,
    title: 'an MCPServer whose authServerRef and externalAuthConfigRef both name embedded auth servers',
    objects: [embedded('as'), embedded('as2'), oidc(),
      server('fetch', { authServerRef: { kind: EA, name: 'as' }, externalAuthConfigRef: { name: 'as2' }, oidcConfigRef: oidcRef('fetch') })],
    want: [w(MS, 'fetch', 'spec.externalAuthConfigRef.name', 'operator.auth-server-ref.conflict', 'conflict: both authServerRef and externalAuthConfigRef reference an embedded auth server; use authServerRef for the embedded auth server and externalAuthConfigRef for outgoing auth only')],
  },
  {
    item: 6,
    title: 'a vMCP authServerConfig with anonymous incoming auth',
    objects: [group(), vmcp('gw', { authServerConfig: authServer() })],
    want: [w(VM, 'gw', 'spec.incomingAuth', 'operator.vmcp.auth-server-incoming', 'auth server requires at least one allowed audience (MCP clients must send RFC 8707 resource parameter)')],
  },
  {
    item: 6,
    title: 'a vMCP authServerConfig issuer that differs from the MCPOIDCConfig issuer',
    objects: [group(), oidc('idp', 'https://other.example.com'), vmcp('gw', { incomingAuth: vmcpOidc('gw'), authServerConfig: authServer() })],
    want: [w(VM, 'gw', 'spec.authServerConfig.issuer', 'operator.vmcp.auth-server-issuer-mismatch', 'auth server issuer mismatch: auth server issuer "https://auth.example.com" != incomingAuth.oidc.issuer "https://other.example.com"')],
  },
  {
    item: 6,
    title: 'a vMCP with an auth server whose audience is not its resourceUrl',
    objects: [group(), oidc(), vmcp('gw', { incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'idp', audience: 'https://gw.example.com' } }, authServerConfig: authServer() })],
    want: [w(VM, 'gw', 'spec.incomingAuth.oidcConfigRef.audience', 'operator.vmcp.auth-server-audience-mismatch', 'incomingAuth.oidc.audience "https://gw.example.com" not in auth server\'s allowed audiences [http://gw.default.svc.cluster.local:4483]')],
  },
  {
    item: 6,
    title: 'a delegate client audience that is not the workload resourceUrl',
    objects: [
      embedded('as', { delegateClients: [{ clientId: 'agent', clientSecretRef: { name: 'agent', key: 'secret' }, scopes: ['openid'], audiences: ['https://other.example.com'] }] }),
      secret('agent', { secret: 'x' }), oidc(),
      server('fetch', { authServerRef: { kind: EA, name: 'as' }, oidcConfigRef: oidcRef('fetch') }),
    ],
    want: [w(MS, 'fetch', 'spec.authServerRef.name', 'operator.embedded-auth.delegate-audience', 'delegate_clients: client_id "agent": audience "https://other.example.com" is not in allowed_audiences (allowed_audiences: ["http://fetch.default.svc.cluster.local:8080"])')],
  },
  {
    item: 6,
    title: 'a delegate client scope outside the OIDC scopes',
    objects: [
      embedded('as', { delegateClients: [{ clientId: 'agent', clientSecretRef: { name: 'agent', key: 'secret' }, scopes: ['admin'], audiences: [url('fetch')] }] }),
      secret('agent', { secret: 'x' }), oidc(),
      server('fetch', { authServerRef: { kind: EA, name: 'as' }, oidcConfigRef: oidcRef('fetch') }),
    ],
    want: [w(MS, 'fetch', 'spec.authServerRef.name', 'operator.embedded-auth.delegate-scope', 'delegate_clients[agent].scopes contains "admin" which is not in scopes_supported (scopes_supported: ["openid", "profile", "email", "offline_access"])')],
  },

  {
    item: 6,
    title: 'a delegate client scope outside the scopes the oidcConfigRef names',
    objects: [
      embedded('as', { delegateClients: [{ clientId: 'agent', clientSecretRef: { name: 'agent', key: 'secret' }, scopes: ['profile'], audiences: [url('fetch')] }] }),
      secret('agent', { secret: 'x' }), oidc(),
      server('fetch', { authServerRef: { kind: EA, name: 'as' }, oidcConfigRef: { ...oidcRef('fetch'), scopes: ['openid'] } }),
    ],
    want: [w(MS, 'fetch', 'spec.authServerRef.name', 'operator.embedded-auth.delegate-scope', 'delegate_clients[agent].scopes contains "profile" which is not in scopes_supported (scopes_supported: ["openid"])')],
  },

  // ---- 7. trusted issuers -----------------------------------------------------------------------------------------
  {
    item: 7,
    options: ON_MAIN,
    title: 'a trusted issuer with neither expectedAudience nor jwtBearerGrant (C20)',
    objects: [trusted({ allowedDelegateClients: ['*'] })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.trustedIssuers[0]', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]#1b17c438',
      cel('expectedAudience is required unless jwtBearerGrant is configured without actorClaim, actorMatcher, allowMayAct, or allowedActors'))],
  },
  {
    item: 7,
    options: ON_MAIN,
    title: 'a jwtBearerGrant issuer with a delegation signal and no expectedAudience (C20)',
    objects: [trusted({ jwtBearerGrant: JWT_GRANT, actorClaim: 'azp', allowedDelegateClients: ['*'] })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.trustedIssuers[0]', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]#1b17c438',
      cel('expectedAudience is required unless jwtBearerGrant is configured without actorClaim, actorMatcher, allowMayAct, or allowedActors'))],
  },
  {
    item: 7,
    options: ON_MAIN,
    title: 'a delegation signal without allowedDelegateClients (C21)',
    objects: [trusted({ expectedAudience: 'https://auth.example.com', actorClaim: 'azp' })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.trustedIssuers[0]', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]#feb14c0c',
      cel('allowedDelegateClients is required when expectedAudience, actorClaim, actorMatcher, or allowMayAct is set'))],
  },
  {
    item: 7,
    options: ON_MAIN,
    title: 'the wildcard mixed with specific clients (C16)',
    objects: [trusted({ expectedAudience: 'https://auth.example.com', allowedDelegateClients: ['*', 'agent'] })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.trustedIssuers[0]', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]#dc0e356a', cel('allowedDelegateClients must not combine the wildcard "*" with specific client IDs'))],
  },
  {
    item: 7,
    options: ON_MAIN,
    title: 'allowMayAct with the wildcard (C17)',
    objects: [trusted({ expectedAudience: 'https://auth.example.com', allowedDelegateClients: ['*'], allowMayAct: true })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.trustedIssuers[0]', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]#ee7f453e', cel('allowMayAct must not be enabled when allowedDelegateClients contains the wildcard "*"'))],
  },
  {
    item: 7,
    options: ON_MAIN,
    title: 'a reserved actorClaim (C18)',
    objects: [trusted({ expectedAudience: 'https://auth.example.com', allowedDelegateClients: ['agent'], actorClaim: 'sub' })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.trustedIssuers[0]', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]#7b07e516',
      cel('actorClaim must name a readable claim; use client_id or a non-reserved claim such as azp, appid, or cid'))],
  },
  {
    item: 7,
    options: ON_MAIN,
    title: 'allowPrivateIPs without jwksUrl (C19)',
    objects: [trusted({ expectedAudience: 'https://auth.example.com', allowedDelegateClients: ['agent'], allowPrivateIPs: true })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.trustedIssuers[0]', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]#7763d2d9', cel('allowPrivateIPs requires jwksUrl to be set explicitly'))],
  },
  {
    item: 7,
    options: ON_MAIN,
    title: 'a zero maxAssertionAge (C22)',
    objects: [trusted({ jwtBearerGrant: { ...JWT_GRANT, maxAssertionAge: '0s' } })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*].jwtBearerGrant#e99f66d2', cel('maxAssertionAge must be greater than zero'))],
  },
  {
    item: 7,
    options: ON_MAIN,
    title: 'duplicate JWT-bearer subjects (C23)',
    objects: [trusted({ jwtBearerGrant: { ...JWT_GRANT, subjectBindings: [JWT_GRANT.subjectBindings[0], JWT_GRANT.subjectBindings[0]] } })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.trustedIssuers[0].jwtBearerGrant', 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*].jwtBearerGrant#04f40561', cel('subjectBindings must not contain duplicate subjects'))],
  },
  {
    item: 7,
    options: ON_MAIN,
    title: 'a trusted issuer listed twice (Go only)',
    objects: [embedded('as', {
      trustedIssuers: [
        { issuerUrl: 'https://partner.example.com', expectedAudience: 'https://auth.example.com', allowedDelegateClients: ['*'] },
        { issuerUrl: 'https://partner.example.com', expectedAudience: 'https://auth.example.com', allowedDelegateClients: ['agent'] },
      ],
    })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.trustedIssuers[1].issuerUrl', 'operator.embedded-auth.trusted-issuer', 'trustedIssuers: issuer_url "https://partner.example.com": configured more than once')],
  },
  {
    item: 7,
    options: ON_MAIN,
    title: 'a trusted issuer equal to the auth server issuer (Go only)',
    objects: [trusted({ issuerUrl: 'https://auth.example.com', expectedAudience: 'https://auth.example.com', allowedDelegateClients: ['*'] })],
    want: [w(EA, 'as', 'spec.embeddedAuthServer.trustedIssuers[0].issuerUrl', 'operator.embedded-auth.trusted-issuer', 'trustedIssuers: issuer_url "https://auth.example.com": must not equal the authorization server\'s own issuer; self-issued tokens are already handled separately')],
  },

  // ---- 8. authz --------------------------------------------------------------------------------------------------
  {
    item: 8,
    title: 'authzConfig and authzConfigRef on an MCPRemoteProxy (C30)',
    objects: [
      remoteProxy('remote', { authzConfig: { type: 'inline', inline: { policies: [POLICY] } }, authzConfigRef: { name: 'authz' } }),
      th('MCPAuthzConfig', 'authz', { type: 'cedarv1', config: { policies: [POLICY] } }),
    ],
    want: [w(RP, 'remote', 'spec', 'cel.MCPRemoteProxy.spec#c12c8451', cel('authzConfig and authzConfigRef are mutually exclusive; use authzConfigRef to reference a shared MCPAuthzConfig'))],
  },
  {
    item: 8,
    title: 'authzConfig type inline with a configMap block (C31)',
    objects: [server('fetch', { authzConfig: { type: 'inline', inline: { policies: [POLICY] }, configMap: { name: 'authz' } } }), configMap('authz', { 'authz.json': '{}' })],
    want: [w(MS, 'fetch', 'spec.authzConfig', 'cel.MCPServer.spec.authzConfig#b15f5771', cel("configMap must be set when type is 'configMap', and must not be set otherwise"))],
  },
  {
    item: 8,
    title: 'an inline policy list that is empty',
    objects: [server('fetch', { authzConfig: { type: 'inline', inline: { policies: [] } } })],
    want: [w(MS, 'fetch', 'spec.authzConfig.inline.policies', 'schema.min-items', 'Invalid value: 0: spec.authzConfig.inline.policies in body should have at least 1 items')],
  },
  {
    item: 8,
    title: 'an empty inline policy string',
    objects: [server('fetch', { authzConfig: { type: 'inline', inline: { policies: [''] } } })],
    want: [w(MS, 'fetch', 'spec.authzConfig.inline.policies[0]', 'operator.authz.policy-empty', 'cedar policy at index 0 is empty; write a permit or forbid statement or remove the entry')],
  },
  {
    item: 8,
    title: 'an MCPRemoteProxy inline policy that is not Cedar',
    objects: [remoteProxy('remote', { authzConfig: { type: 'inline', inline: { policies: ['allow everything'] } } })],
    want: [w(RP, 'remote', 'spec.authzConfig.inline.policies[0]', 'operator.authz.cedar-syntax', 'cedar policy at index 0 has invalid syntax: expected "permit" or "forbid" but found "allow"')],
  },
  {
    item: 8,
    title: 'an MCPRemoteProxy authz ConfigMap that holds an HTTP-PDP config (the remote proxy needs Cedar)',
    objects: [remoteProxy('remote', { authzConfig: { type: 'configMap', configMap: { name: 'authz' } } }),
      configMap('authz', { 'authz.json': JSON.stringify({ version: '1.0', type: 'httpv1', pdp: { http: { url: 'https://pdp' }, claim_mapping: 'standard' } }) })],
    want: [w(RP, 'remote', 'spec.authzConfig.configMap', 'operator.authz.configmap-content', 'authorization ConfigMap "authz" is invalid: authz ConfigMap "authz" is not a Cedar config: cedar config is nil')],
  },
  {
    item: 8,
    title: 'an MCPAuthzConfig of an unregistered type',
    objects: [th('MCPAuthzConfig', 'authz', { type: 'opa', config: { policies: [POLICY] } })],
    want: [w('MCPAuthzConfig', 'authz', 'spec.type', 'operator.authz.type', 'type "opa" is not a registered authorizer backend (registered: [cedarv1 httpv1])')],
  },
  {
    item: 8,
    title: 'a cedarv1 MCPAuthzConfig without policies',
    objects: [th('MCPAuthzConfig', 'authz', { type: 'cedarv1', config: { entities_json: '[]' } })],
    want: [w('MCPAuthzConfig', 'authz', 'spec.config', 'operator.authz.config', 'at least one policy is required for Cedar authorization')],
  },
  {
    item: 8,
    title: 'an httpv1 MCPAuthzConfig without http.url',
    objects: [th('MCPAuthzConfig', 'authz', { type: 'httpv1', config: { http: {}, claim_mapping: 'standard' } })],
    want: [w('MCPAuthzConfig', 'authz', 'spec.config', 'operator.authz.config', 'http.url is required')],
  },
  {
    item: 8,
    title: 'an httpv1 MCPAuthzConfig with an unknown claim_mapping',
    objects: [th('MCPAuthzConfig', 'authz', { type: 'httpv1', config: { http: { url: 'https://pdp' }, claim_mapping: 'custom' } })],
    want: [w('MCPAuthzConfig', 'authz', 'spec.config', 'operator.authz.config', 'invalid claim_mapping "custom" (valid values: mpe, standard)')],
  },
  {
    item: 8,
    title: 'a vMCP authz ConfigMap that holds an HTTP-PDP config',
    objects: [group(), vmcp('gw', { incomingAuth: { type: 'anonymous', authzConfig: { type: 'configMap', configMap: { name: 'authz' } } } }),
      configMap('authz', { 'authz.json': JSON.stringify({ version: '1.0', type: 'httpv1', pdp: { http: { url: 'https://pdp' }, claim_mapping: 'standard' } }) })],
    want: [w(VM, 'gw', 'spec.incomingAuth.authzConfig.configMap', 'operator.authz.configmap-content', 'Authorization ConfigMap is invalid: authz ConfigMap default/authz is not a Cedar config: cedar config is nil')],
  },

  // ---- 9. rate limiting --------------------------------------------------------------------------------------------
  {
    item: 9,
    title: 'a per-tool perUser limit on an MCPServer without authentication (C35)',
    objects: [server('fetch', { sessionStorage: { provider: 'redis', address: 'redis:6379' }, rateLimiting: { tools: [{ name: 'fetch', perUser: { maxTokens: 5, refillPeriod: '1m' } }] } })],
    want: [w(MS, 'fetch', 'spec', 'cel.MCPServer.spec#0aa767ed', cel('per-tool perUser rate limiting requires authentication (oidcConfigRef or externalAuthConfigRef)'))],
  },
  {
    item: 9,
    title: 'vMCP rate limiting without redis session storage (C40)',
    objects: [group(), vmcp('gw', { config: { rateLimiting: { shared: { maxTokens: 5, refillPeriod: '1m' } } } })],
    want: [w(VM, 'gw', 'spec', 'cel.VirtualMCPServer.spec#82c8e25b', cel("config.rateLimiting requires sessionStorage with provider 'redis'"))],
  },
  {
    item: 9,
    title: 'vMCP perUser rate limiting with anonymous incoming auth (C41)',
    objects: [group(), vmcp('gw', { sessionStorage: { provider: 'redis', address: 'redis:6379' }, config: { rateLimiting: { perUser: { maxTokens: 5, refillPeriod: '1m' } } } })],
    want: [w(VM, 'gw', 'spec', 'cel.VirtualMCPServer.spec#d817c36d', cel('config.rateLimiting.perUser requires incomingAuth.type oidc'))],
  },
  {
    item: 9,
    title: 'vMCP per-tool perUser rate limiting with anonymous incoming auth (C42)',
    objects: [group(), vmcp('gw', {
      sessionStorage: { provider: 'redis', address: 'redis:6379' },
      config: { rateLimiting: { tools: [{ name: 'fetch', perUser: { maxTokens: 5, refillPeriod: '1m' } }] } },
    })],
    want: [w(VM, 'gw', 'spec', 'cel.VirtualMCPServer.spec#acd26439', cel('per-tool perUser rate limiting requires incomingAuth.type oidc'))],
  },
  {
    item: 9,
    title: 'an empty rateLimiting block (C36)',
    objects: [server('fetch', { sessionStorage: { provider: 'redis', address: 'redis:6379' }, rateLimiting: {} })],
    want: [w(MS, 'fetch', 'spec.rateLimiting', 'cel.MCPServer.spec.rateLimiting#775527c2', cel('at least one of shared, perUser, or tools must be configured'))],
  },
  {
    item: 9,
    title: 'a tool entry with neither shared nor perUser (C37)',
    objects: [server('fetch', { sessionStorage: { provider: 'redis', address: 'redis:6379' }, rateLimiting: { tools: [{ name: 'fetch' }] } })],
    want: [w(MS, 'fetch', 'spec.rateLimiting.tools[0]', 'cel.MCPServer.spec.rateLimiting.tools[*]#9c32552e', cel('at least one of shared or perUser must be configured'))],
  },
  {
    item: 9,
    title: 'maxTokens 0',
    objects: [server('fetch', { sessionStorage: { provider: 'redis', address: 'redis:6379' }, rateLimiting: { shared: { maxTokens: 0, refillPeriod: '1m' } } })],
    want: [w(MS, 'fetch', 'spec.rateLimiting.shared.maxTokens', 'schema.minimum', 'Invalid value: 0: spec.rateLimiting.shared.maxTokens in body should be greater than or equal to 1')],
  },
  {
    item: 9,
    title: 'a refillPeriod that is not a Go duration',
    objects: [server('fetch', { sessionStorage: { provider: 'redis', address: 'redis:6379' }, rateLimiting: { shared: { maxTokens: 5, refillPeriod: '1 minute' } } })],
    want: [w(MS, 'fetch', 'spec.rateLimiting.shared.refillPeriod', 'operator.rate-limit.refill-period', 'refillPeriod "1 minute" is not a Go duration (time: unknown unit " minute" in duration "1 minute"); use a value such as "1m0s" or "30s"')],
  },
  {
    item: 9,
    title: 'a zero refillPeriod',
    objects: [server('fetch', { sessionStorage: { provider: 'redis', address: 'redis:6379' }, rateLimiting: { shared: { maxTokens: 5, refillPeriod: '0s' } } })],
    want: [w(MS, 'fetch', 'spec.rateLimiting.shared.refillPeriod', 'operator.rate-limit.refill-period', 'refillPeriod must be positive, got 0s')],
  },
  {
    item: 9,
    title: 'redis session storage without an address (C32)',
    objects: [server('fetch', { sessionStorage: { provider: 'redis' } })],
    want: [w(MS, 'fetch', 'spec.sessionStorage', 'cel.MCPServer.spec.sessionStorage#1d15c5be', cel('address is required'))],
  },

  // ---- 10. VirtualMCPServer structure ----------------------------------------------------------------------------
  {
    item: 10,
    title: 'a vMCP without groupRef and incomingAuth',
    objects: [th(VM, 'gw', {})],
    want: [w(VM, 'gw', 'spec.groupRef', 'schema.required', 'Required value'), w(VM, 'gw', 'spec.incomingAuth', 'schema.required', 'Required value'), nc(VM, 'gw')],
  },
  {
    item: 10,
    title: 'an outgoing-auth backend of type externalAuthConfigRef without a ref',
    objects: [group(), vmcp('gw', { outgoingAuth: { source: 'inline', backends: { fetch: { type: 'externalAuthConfigRef' } } } })],
    want: [w(VM, 'gw', 'spec.outgoingAuth.backends[fetch].externalAuthConfigRef', 'operator.vmcp.backend-auth', 'spec.outgoingAuth.backends[fetch].externalAuthConfigRef is required when type is externalAuthConfigRef')],
  },
  {
    item: 10,
    title: 'an outgoing-auth default of type externalAuthConfigRef without a ref',
    objects: [group(), vmcp('gw', { outgoingAuth: { source: 'inline', default: { type: 'externalAuthConfigRef' } } })],
    want: [w(VM, 'gw', 'spec.outgoingAuth.default', 'operator.vmcp.outgoing-ref', 'backend default: externalAuthConfigRef type requires externalAuthConfigRef field')],
  },
  {
    item: 10,
    title: 'an outgoing-auth backend that references a bearerToken config',
    objects: [group(), secret('token', { token: 'x' }),
      externalAuth('bearer', { type: 'bearerToken', bearerToken: { tokenSecretRef: { name: 'token', key: 'token' } } }),
      vmcp('gw', { outgoingAuth: { source: 'inline', backends: { fetch: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'bearer' } } } } })],
    want: [w(VM, 'gw', 'spec.outgoingAuth.backends[fetch].externalAuthConfigRef.name', 'operator.vmcp.outgoing-auth-type', 'unsupported auth type: bearerToken')],
  },
  {
    item: 10,
    title: 'an outgoing-auth default that references an embeddedAuthServer config',
    objects: [group(), embedded('as'),
      vmcp('gw', { outgoingAuth: { source: 'inline', default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'as' } } } })],
    want: [w(VM, 'gw', 'spec.outgoingAuth.default.externalAuthConfigRef.name', 'operator.vmcp.outgoing-auth-type', 'unsupported auth type: embeddedAuthServer')],
  },
  {
    item: 10,
    title: 'upstreamInject naming an upstream the vMCP auth server does not declare',
    objects: [...vmcpWithAS({ outgoingAuth: { source: 'inline', default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'inject' } } } }),
      externalAuth('inject', { type: 'upstreamInject', upstreamInject: { providerName: 'github' } })],
    want: [w(VM, 'gw', 'spec.outgoingAuth.default.externalAuthConfigRef.name', 'operator.upstream-name.unknown', 'backend "<default-strategy>": upstream_inject providerName "github" not found in auth server upstreams')],
  },
  {
    item: 10,
    title: 'a token exchange subjectProviderName the vMCP auth server does not declare',
    objects: [...vmcpWithAS({ outgoingAuth: { source: 'inline', default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'te' } } } }),
      externalAuth('te', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'api', subjectProviderName: 'github' } })],
    want: [w(VM, 'gw', 'spec.outgoingAuth.default.externalAuthConfigRef.name', 'operator.upstream-name.unknown', 'backend "<default-strategy>": tokenExchange subjectProviderName "github" not found in auth server upstreams; name one of "okta"')],
  },
  {
    item: 10,
    title: 'an awsSts subjectProviderName the vMCP auth server does not declare',
    objects: [...vmcpWithAS({ outgoingAuth: { source: 'inline', default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'aws' } } } }),
      sts({ fallbackRoleArn: ARN, subjectProviderName: 'github' })],
    want: [w(VM, 'gw', 'spec.outgoingAuth.default.externalAuthConfigRef.name', 'operator.upstream-name.unknown', 'backend "<default-strategy>": awsSts subjectProviderName "github" not found in auth server upstreams; name one of "okta"')],
  },
  {
    item: 10,
    title: 'a discovered group member whose externalAuthConfigRef is a bearerToken config',
    objects: [group(), vmcp('gw'), secret('token', { token: 'x' }),
      externalAuth('bearer', { type: 'bearerToken', bearerToken: { tokenSecretRef: { name: 'token', key: 'token' } } }),
      remoteProxy('remote', { groupRef: { name: 'g' }, externalAuthConfigRef: { name: 'bearer' } })],
    want: [w(VM, 'gw', 'spec.groupRef.name', 'operator.vmcp.outgoing-auth-type', 'backend "remote": MCPRemoteProxy "remote" references MCPExternalAuthConfig "bearer": unsupported auth type: bearerToken; the vMCP drops this backend')],
  },
  {
    item: 10,
    title: 'xaa without subjectProviderName when the vMCP auth server has two upstreams',
    objects: [...vmcpWithAS({ outgoingAuth: { source: 'inline', default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'xaa' } } } }, {}, [OKTA_OIDC, GITHUB_OIDC]),
      externalAuth('xaa', { type: 'xaa', xaa: { idpTokenUrl: 'https://idp.example.com/token', targetTokenUrl: 'https://target.example.com/token', targetAudience: 'target' } })],
    want: [w(VM, 'gw', 'spec.outgoingAuth.default.externalAuthConfigRef.name', 'operator.vmcp.xaa-subject-provider', 'SubjectProviderName must be set explicitly for xaa when more than one upstream is configured')],
  },
  {
    item: 10,
    title: 'primaryUpstreamProvider that matches no upstream, with an authzConfigRef (the converter\'s check)',
    objects: [
      ...vmcpWithAS({ incomingAuth: { ...vmcpOidc('gw'), authzConfigRef: { name: 'authz' } } }, { primaryUpstreamProvider: 'github' }),
      th('MCPAuthzConfig', 'authz', { type: 'cedarv1', config: { policies: [POLICY] } }),
    ],
    want: [w(VM, 'gw', 'spec.authServerConfig.primaryUpstreamProvider', 'operator.vmcp.primary-upstream', 'authz primaryUpstreamProvider "github" does not match any upstream declared on spec.authServerConfig.upstreamProviders')],
  },
  {
    item: 10,
    title: 'the deprecated inline primaryUpstreamProvider without authServerConfig',
    objects: [group(), vmcp('gw', { incomingAuth: { type: 'anonymous', authzConfig: { type: 'inline', inline: { policies: [POLICY], primaryUpstreamProvider: 'okta' } } } })],
    want: [w(VM, 'gw', 'spec.incomingAuth.authzConfig.inline.primaryUpstreamProvider', 'operator.vmcp.primary-upstream', 'primaryUpstreamProvider="okta" is set but spec.authServerConfig is not configured. The field names an upstream IDP on the embedded auth server, which is required for it to take effect. Remove primaryUpstreamProvider, or configure spec.authServerConfig with an upstream of that name.')],
  },
  {
    item: 10,
    title: 'a restricted passthrough header',
    objects: [group(), vmcp('gw', { config: { passthroughHeaders: ['X-Tenant', 'Authorization'] } })],
    want: [w(VM, 'gw', 'spec.config.passthroughHeaders[1]', 'operator.vmcp.passthrough-headers', 'passthroughHeaders[1]: "Authorization" is a restricted header and cannot be forwarded')],
  },
  {
    item: 10,
    title: 'an invalid passthrough header name',
    objects: [group(), vmcp('gw', { config: { passthroughHeaders: ['X Tenant'] } })],
    want: [w(VM, 'gw', 'spec.config.passthroughHeaders[0]', 'operator.vmcp.passthrough-headers', 'passthroughHeaders[0]: invalid header name "X Tenant": invalid HTTP header name: contains invalid characters')],
  },

  // ---- 11. optimizer and embedding ------------------------------------------------------------------------------------
  {
    item: 11,
    title: 'an optimizer with neither embeddingServerRef nor embeddingService',
    objects: [group(), vmcp('gw', { config: { optimizer: {} } })],
    want: [w(VM, 'gw', 'spec.config.optimizer', 'operator.vmcp.embedding', 'spec.config.optimizer requires an embedding service: set spec.embeddingServerRef (recommended) or spec.config.optimizer.embeddingService')],
  },
  {
    item: 11,
    title: 'embeddingHeaders without the openai provider (C45)',
    objects: [group(), EMBED, vmcp('gw', { embeddingServerRef: { name: 'embed' }, config: { optimizer: { embeddingHeaders: { 'X-Org': 'acme' } } } })],
    want: [w(VM, 'gw', 'spec.config.optimizer', 'cel.VirtualMCPServer.spec.config.optimizer#81c8f965', cel("embeddingHeaders is only supported when embeddingProvider is 'openai'"))],
  },
  {
    item: 11,
    title: 'an Authorization embedding header (C46)',
    objects: [group(), vmcp('gw', { config: { optimizer: { embeddingProvider: 'openai', embeddingService: 'https://api.openai.com', embeddingHeaders: { authorization: 'Bearer x' } } } })],
    want: [w(VM, 'gw', 'spec.config.optimizer', 'cel.VirtualMCPServer.spec.config.optimizer#ba48db07', cel('embeddingHeaders names must be valid HTTP header names and must not include Authorization or Content-Type'))],
  },
  {
    item: 11,
    title: 'an embedding header name with a space (C46)',
    objects: [group(), vmcp('gw', { config: { optimizer: { embeddingProvider: 'openai', embeddingService: 'https://api.openai.com', embeddingHeaders: { 'X Org': 'acme' } } } })],
    want: [w(VM, 'gw', 'spec.config.optimizer', 'cel.VirtualMCPServer.spec.config.optimizer#ba48db07', cel('embeddingHeaders names must be valid HTTP header names and must not include Authorization or Content-Type'))],
  },
  {
    item: 11,
    title: 'more than 32 embedding headers',
    objects: [group(), vmcp('gw', {
      config: { optimizer: { embeddingProvider: 'openai', embeddingService: 'https://api.openai.com', embeddingHeaders: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`X-H${i}`, 'v'])) } },
    })],
    want: [w(VM, 'gw', 'spec.config.optimizer.embeddingHeaders', 'schema.max-properties', 'Too many: 33: must have at most 32 items'), nc(VM, 'gw')],
  },

  // ---- 12. composite tools ----------------------------------------------------------------------------------------------
  {
    item: 12,
    title: 'a composite tool definition without description (Go requires it)',
    objects: [th('VirtualMCPCompositeToolDefinition', 'deploy', { name: 'deploy', steps: [{ id: 'fetch', tool: 'backend.fetch' }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.description', 'operator.composite-tool.fields', 'spec.description is required')],
  },
  {
    item: 12,
    title: 'an inline composite tool without steps',
    objects: [group(), vmcp('gw', { config: { compositeTools: [{ name: 'deploy', description: 'deploy', steps: [] }] } })],
    want: [w(VM, 'gw', 'spec.config.compositeTools[0].steps', 'operator.composite-tool.fields', 'spec.config.compositeTools[0].steps must have at least one step')],
  },
  {
    item: 12,
    title: 'duplicate step ids',
    objects: [compositeTool({ steps: [{ id: 'fetch', tool: 'backend.fetch' }, { id: 'fetch', tool: 'backend.store' }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps[1].id', 'operator.composite-tool.step-id', 'spec.steps[1].id "fetch" is duplicated')],
  },
  {
    item: 12,
    title: 'an empty step id',
    objects: [compositeTool({ steps: [{ id: '', tool: 'backend.fetch' }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps[0].id', 'operator.composite-tool.step-id', 'spec.steps[0].id is required')],
  },
  {
    item: 12,
    title: 'an invalid tool name',
    objects: [compositeTool({ steps: [{ id: 'fetch', tool: '-fetch' }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps[0].tool', 'operator.composite-tool.step', 'spec.steps[0].tool must be a valid tool name')],
  },
  {
    item: 12,
    title: 'retry without retryCount',
    objects: [compositeTool({ steps: [{ id: 'fetch', tool: 'backend.fetch', onError: { action: 'retry' } }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps[0].onError.retryCount', 'operator.composite-tool.step',
      'spec.steps[0].onError.retryCount must be at least 1 when action is retry')],
  },
  {
    item: 12,
    title: 'dependsOn an unknown step',
    objects: [compositeTool({ steps: [{ id: 'fetch', tool: 'backend.fetch', dependsOn: ['plan'] }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps[0].dependsOn', 'operator.composite-tool.depends-on', 'spec.steps[0].dependsOn references unknown step "plan"')],
  },
  {
    item: 12,
    title: 'a dependency cycle',
    objects: [compositeTool({ steps: [{ id: 'a', tool: 'backend.a', dependsOn: ['b'] }, { id: 'b', tool: 'backend.b', dependsOn: ['a'] }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps', 'operator.composite-tool.depends-on', 'spec.steps: dependency cycle detected involving step "a"')],
  },
  {
    item: 12,
    title: 'forEach maxParallel over 50',
    objects: [compositeTool({ steps: [{ id: 'each', type: 'forEach', collection: '{{ .params.items }}', maxParallel: 51, step: { type: 'tool', tool: 'backend.fetch' } }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps[0].maxParallel', 'operator.composite-tool.step', 'spec.steps[0].maxParallel must be <= 50 (got 51)')],
  },
  {
    item: 12,
    title: 'forEach maxIterations over 1000',
    objects: [compositeTool({ steps: [{ id: 'each', type: 'forEach', collection: '{{ .params.items }}', maxIterations: 1001, step: { type: 'tool', tool: 'backend.fetch' } }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps[0].maxIterations', 'operator.composite-tool.step', 'spec.steps[0].maxIterations must be <= 1000 (got 1001)')],
  },
  {
    item: 12,
    title: 'forEach itemVar index',
    objects: [compositeTool({ steps: [{ id: 'each', type: 'forEach', collection: '{{ .params.items }}', itemVar: 'index', step: { type: 'tool', tool: 'backend.fetch' } }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps[0].itemVar', 'operator.composite-tool.step', "spec.steps[0].itemVar cannot be 'index' (reserved)")],
  },
  {
    item: 12,
    title: 'forEach itemVar that is not an identifier',
    objects: [compositeTool({ steps: [{ id: 'each', type: 'forEach', collection: '{{ .params.items }}', itemVar: 'my-item', step: { type: 'tool', tool: 'backend.fetch' } }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps[0].itemVar', 'operator.composite-tool.step', 'spec.steps[0].itemVar must be a valid Go identifier (got "my-item")')],
  },
  {
    item: 12,
    title: 'an argument template that does not parse',
    objects: [compositeTool({ steps: [{ id: 'fetch', tool: 'backend.fetch', arguments: { url: '{{ .params.url ' } }] })],
    want: [w('VirtualMCPCompositeToolDefinition', 'deploy', 'spec.steps[0].arguments[url]', 'operator.composite-tool.template', 'spec.steps[0].arguments[url]: invalid template: invalid template syntax: template: validation:1: unclosed action')],
  },
  {
    item: 12,
    title: 'two inline composite tools of one name',
    objects: [group(), vmcp('gw', {
      config: {
        compositeTools: [
          { name: 'deploy', description: 'deploy', steps: [{ id: 'fetch', tool: 'backend.fetch' }] },
          { name: 'deploy', description: 'deploy again', steps: [{ id: 'fetch', tool: 'backend.fetch' }] },
        ],
      },
    })],
    want: [w(VM, 'gw', 'spec.config.compositeTools[1].name', 'operator.composite-tool.duplicate-name', 'spec.config.compositeTools[1].name "deploy" is duplicated')],
  },
  {
    item: 12,
    title: 'one definition referenced twice',
    objects: [group(), compositeTool({}), vmcp('gw', { config: { compositeToolRefs: [{ name: 'deploy' }, { name: 'deploy' }] } })],
    want: [w(VM, 'gw', 'spec.config.compositeToolRefs[1].name', 'operator.composite-tool.duplicate-name', 'duplicate composite tool reference: deploy')],
  },
  {
    item: 12,
    title: 'an inline composite tool with the name of a referenced definition',
    objects: [group(), compositeTool({}), vmcp('gw', {
      config: {
        compositeToolRefs: [{ name: 'deploy' }],
        compositeTools: [{ name: 'deploy', description: 'deploy', steps: [{ id: 'fetch', tool: 'backend.fetch' }] }],
      },
    })],
    want: [w(VM, 'gw', 'spec.config.compositeToolRefs[0].name', 'operator.composite-tool.duplicate-name', 'invalid composite tools: duplicate composite tool name: "deploy"')],
  },

  // ---- 13. remote URLs ---------------------------------------------------------------------------------------------------
  {
    item: 13,
    options: ON_MAIN,
    title: 'a remoteUrl with an ftp scheme',
    objects: [remoteProxy('remote', { remoteUrl: 'ftp://mcp.example.com/mcp' })],
    want: [
      w(RP, 'remote', 'spec.remoteUrl', 'schema.pattern', 'Invalid value: "ftp://mcp.example.com/mcp": spec.remoteUrl in body should match \'^https?://\''),
      w(RP, 'remote', 'spec.remoteUrl', 'operator.remote-url.invalid', 'remote URL must use http or https scheme, got "ftp"'),
    ],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'the cloud metadata address',
    objects: [remoteProxy('remote', { remoteUrl: 'http://169.254.169.254/latest' })],
    want: [w(RP, 'remote', 'spec.remoteUrl', 'operator.remote-url.blocked-ip', 'remote URL host is not allowed: IP address 169.254.169.254 falls within blocked range 169.254.0.0/16')],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'metadata.google.internal, even with allowPrivateEndpoint',
    objects: [remoteProxy('remote', { remoteUrl: 'http://metadata.google.internal/mcp', allowPrivateEndpoint: true })],
    want: [w(RP, 'remote', 'spec.remoteUrl', 'operator.remote-url.blocked-host',
      'remote URL host is not allowed: hostname "metadata.google.internal" matches blocked internal hostname "metadata.google.internal"')],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'the Kubernetes API service',
    objects: [entry('api', { remoteUrl: 'https://kubernetes.default.svc/mcp' }), group()],
    want: [w('MCPServerEntry', 'api', 'spec.remoteUrl', 'operator.remote-url.blocked-host',
      'remote URL host is not allowed: hostname "kubernetes.default.svc" matches blocked internal hostname "kubernetes.default.svc"')],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'an RFC 1918 address without allowPrivateEndpoint',
    objects: [remoteProxy('remote', { remoteUrl: 'http://10.0.0.5:8080/mcp' })],
    want: [w(RP, 'remote', 'spec.remoteUrl', 'operator.remote-url.blocked-ip', 'remote URL host is not allowed: IP address 10.0.0.5 falls within blocked range 10.0.0.0/8')],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'a cluster.local name without allowPrivateEndpoint',
    objects: [entry('internal', { remoteUrl: 'http://mcp.tools.svc.cluster.local:8080/mcp' }), group()],
    want: [w('MCPServerEntry', 'internal', 'spec.remoteUrl', 'operator.remote-url.blocked-host', 'remote URL host is not allowed: hostname "mcp.tools.svc.cluster.local" matches blocked internal hostname "cluster.local"')],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'an IPv6 ULA address without allowPrivateEndpoint',
    objects: [remoteProxy('remote', { remoteUrl: 'http://[fd00::1]:8080/mcp' })],
    want: [w(RP, 'remote', 'spec.remoteUrl', 'operator.remote-url.blocked-ip', 'remote URL host is not allowed: IP address fd00::1 falls within blocked range fc00::/7')],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'localhost in upper case (hostnames compare case-insensitively)',
    objects: [remoteProxy('remote', { remoteUrl: 'http://LOCALHOST:8080/mcp' })],
    want: [w(RP, 'remote', 'spec.remoteUrl', 'operator.remote-url.blocked-host', 'remote URL host is not allowed: hostname "LOCALHOST" matches blocked internal hostname "localhost"')],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'an IPv4-mapped IPv6 loopback address',
    objects: [remoteProxy('remote', { remoteUrl: 'http://[::ffff:127.0.0.1]:8080/mcp' })],
    want: [w(RP, 'remote', 'spec.remoteUrl', 'operator.remote-url.blocked-ip', 'remote URL host is not allowed: IP address ::ffff:127.0.0.1 falls within blocked range 127.0.0.0/8')],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'a subdomain of the Kubernetes API service name',
    objects: [remoteProxy('remote', { remoteUrl: 'https://api.kubernetes.default.svc/mcp' })],
    want: [w(RP, 'remote', 'spec.remoteUrl', 'operator.remote-url.blocked-host',
      'remote URL host is not allowed: hostname "api.kubernetes.default.svc" matches blocked internal hostname "kubernetes.default.svc"')],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'the Kubernetes API cluster.local name, even with allowPrivateEndpoint',
    objects: [remoteProxy('remote', { remoteUrl: 'https://kubernetes.default.svc.cluster.local/mcp', allowPrivateEndpoint: true })],
    want: [w(RP, 'remote', 'spec.remoteUrl', 'operator.remote-url.blocked-host',
      'remote URL host is not allowed: hostname "kubernetes.default.svc.cluster.local" matches blocked internal hostname "kubernetes.default.svc.cluster.local"')],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'the last address of 172.16.0.0/12',
    objects: [remoteProxy('remote', { remoteUrl: 'http://172.31.255.255/mcp' })],
    want: [w(RP, 'remote', 'spec.remoteUrl', 'operator.remote-url.blocked-ip', 'remote URL host is not allowed: IP address 172.31.255.255 falls within blocked range 172.16.0.0/12')],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'an MCPServerEntry without transport',
    objects: [th('MCPServerEntry', 'api', { remoteUrl: 'https://mcp.example.com/mcp', groupRef: { name: 'g' } }), group()],
    want: [w('MCPServerEntry', 'api', 'spec.transport', 'schema.required', 'Required value')],
  },

  // ---- 14. telemetry and webhooks --------------------------------------------------------------------------------------
  {
    item: 14,
    title: 'a header in both headers and sensitiveHeaders (C38)',
    objects: [telemetry({ headers: { 'x-api-key': 'public' }, sensitiveHeaders: [{ name: 'x-api-key', secretKeyRef: { name: 'otel', key: 'key' } }] }), secret('otel', { key: 'x' })],
    want: [w('MCPTelemetryConfig', 'otel', 'spec.openTelemetry', 'cel.MCPTelemetryConfig.spec.openTelemetry#5a821817', cel('a header name cannot appear in both headers and sensitiveHeaders'))],
  },
  {
    item: 14,
    title: 'caBundleRef together with insecure (Go only)',
    objects: [telemetry({ insecure: true, caBundleRef: { configMapRef: { name: 'otel-ca', key: 'ca.crt' } } }), configMap('otel-ca', { 'ca.crt': CA_PEM })],
    want: [w('MCPTelemetryConfig', 'otel', 'spec.openTelemetry.caBundleRef', 'operator.telemetry.ca-bundle',
      'openTelemetry.caBundleRef cannot be specified when insecure is true; they are mutually exclusive')],
  },
  {
    item: 14,
    title: 'a telemetry CA ConfigMap name over 48 characters',
    objects: [telemetry({ caBundleRef: { configMapRef: { name: 'a-very-long-config-map-name-for-the-telemetry-ca-x', key: 'ca.crt' } } }),
      configMap('a-very-long-config-map-name-for-the-telemetry-ca-x', { 'ca.crt': CA_PEM })],
    want: [w('MCPTelemetryConfig', 'otel', 'spec.openTelemetry.caBundleRef.configMapRef.name', 'operator.telemetry.ca-bundle', 'openTelemetry.caBundleRef.configMapRef.name "a-very-long-config-map-name-for-the-telemetry-ca-x" is too long (50 chars); maximum is 48')],
  },
  {
    item: 14,
    title: 'an http webhook URL without insecureSkipVerify',
    objects: [webhook({ url: 'http://webhook.example.com/validate' })],
    want: [w('MCPWebhookConfig', 'hooks', 'spec.validating[0].url', 'operator.webhook.url', 'validating webhook[0] "policy": webhook URL must use HTTPS (set insecure_skip_verify to allow HTTP for development/in-cluster use)')],
  },
  {
    item: 14,
    title: 'a relative webhook URL',
    objects: [webhook({ url: 'webhook.example.com/validate' })],
    want: [w('MCPWebhookConfig', 'hooks', 'spec.validating[0].url', 'schema.format', 'Invalid value: "uri": spec.validating[0].url in body must be of type uri: "webhook.example.com/validate"'), nc('MCPWebhookConfig', 'hooks')],
  },
  {
    item: 14,
    title: 'a webhook timeout of 45s',
    objects: [webhook({ timeout: '45s' })],
    want: [w('MCPWebhookConfig', 'hooks', 'spec.validating[0].timeout', 'operator.webhook.timeout', 'validating webhook[0] "policy": webhook timeout 45s exceeds maximum 30s')],
  },
  {
    item: 14,
    title: 'a webhook timeout of 500ms',
    objects: [webhook({ timeout: '500ms' })],
    want: [w('MCPWebhookConfig', 'hooks', 'spec.validating[0].timeout', 'operator.webhook.timeout', 'validating webhook[0] "policy": webhook timeout must be between 1s and 30s')],
  },
  {
    item: 14,
    title: 'a webhook client certificate without its key',
    severity: 'warning',
    objects: [webhook({ tlsConfig: { clientCertSecretRef: { name: 'webhook-tls', key: 'tls.crt' } } }), secret('webhook-tls', { 'tls.crt': 'PEM', 'tls.key': 'PEM' })],
    want: [w('MCPWebhookConfig', 'hooks', 'spec.validating[0].tlsConfig.clientCertSecretRef', 'operator.webhook.mtls-pair', 'validating webhook[0] "policy": tlsConfig.clientCertSecretRef is set without tlsConfig.clientKeySecretRef; the operator ignores a half mTLS pair and connects without a client certificate, so set both or neither')],
  },

  // ---- 15. Kubernetes-level hygiene ---------------------------------------------------------------------------------------
  {
    item: 15,
    title: 'a resource quantity that does not parse',
    objects: [server('fetch', { resources: { limits: { memory: '1 GB' } } })],
    want: [w(MS, 'fetch', 'spec.resources.limits.memory', 'hygiene.quantity', 'Invalid value: "1 GB": quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'; the operator panics on it (resource.MustParse)')],
  },
  {
    item: 15,
    title: 'an invalid targetEnvName',
    objects: [server('fetch', { secrets: [{ name: 'github', key: 'token', targetEnvName: 'GITHUB TOKEN' }] }), secret('github', { token: 'x' })],
    want: [w(MS, 'fetch', 'spec.secrets[0].targetEnvName', 'hygiene.env-name', 'Invalid value: "GITHUB TOKEN": a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit (e.g. \'my.env-name\',  or \'MY_ENV.NAME\',  or \'MyEnvName1\', regex used for validation is \'[-._a-zA-Z][-._a-zA-Z0-9]*\')')],
  },
  {
    item: 15,
    title: 'a secret key used as env name that is not a valid name',
    objects: [server('fetch', { secrets: [{ name: 'github', key: 'token=1' }] }), secret('github', { 'token=1': 'x' })],
    want: [w(MS, 'fetch', 'spec.secrets[0].key', 'hygiene.env-name', 'Invalid value: "token=1": a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit (e.g. \'my.env-name\',  or \'MY_ENV.NAME\',  or \'MyEnvName1\', regex used for validation is \'[-._a-zA-Z][-._a-zA-Z0-9]*\')')],
  },
  {
    item: 15,
    title: 'an MCPServer env value with a newline',
    objects: [server('fetch', { env: [{ name: 'GREETING', value: 'hello\nworld' }] })],
    want: [w(MS, 'fetch', 'spec.env[0].value', 'operator.mcpserver.env', 'invalid RunConfig: environment variable value for GREETING contains invalid characters')],
  },
  {
    item: 15,
    title: 'an MCPServer env value with a carriage return',
    objects: [server('fetch', { env: [{ name: 'GREETING', value: 'hello\rworld' }] })],
    want: [w(MS, 'fetch', 'spec.env[0].value', 'operator.mcpserver.env', 'invalid RunConfig: environment variable value for GREETING contains invalid characters')],
  },
  {
    item: 15,
    title: 'a volume path with a colon',
    objects: [server('fetch', { volumes: [{ name: 'data', hostPath: '/data', mountPath: '/mnt/c:data' }] })],
    want: [w(MS, 'fetch', 'spec.volumes[0]', 'operator.mcpserver.volume', 'invalid RunConfig: invalid volume mount option: data, only \'ro\' is supported')],
  },
  {
    item: 15,
    title: 'two MCPServer secrets entries for one Secret',
    objects: [server('fetch', { secrets: [{ name: 'github', key: 'token' }, { name: 'github', key: 'user' }] }), secret('github', { token: 'x', user: 'y' })],
    want: [w(MS, 'fetch', 'spec.secrets[1]', 'schema.duplicate', 'Duplicate value: {"name":"github"}')],
  },
  {
    item: 15,
    title: 'a reference to an object in another namespace',
    objects: [{ ...oidc(), metadata: { name: 'idp', namespace: 'auth' } }, server('fetch', { oidcConfigRef: oidcRef('fetch') })],
    want: [w(MS, 'fetch', 'spec.oidcConfigRef.name', 'ref.wrong-namespace', 'MCPOIDCConfig idp not found; MCPOIDCConfig "idp" exists only in namespace "auth", but ToolHive references are same-namespace: move it to namespace "default"')],
  },
  {
    item: 15,
    title: 'a reference to a Secret that is not in the set',
    objects: [server('fetch', { secrets: [{ name: 'github', key: 'token' }] })],
    want: [w(MS, 'fetch', 'spec.secrets[0].name', 'ref.missing', 'Secret "github" not found in namespace "default"; add Secret "github" to namespace "default" or declare it external (Secret/default/github)')],
  },
  {
    item: 15,
    title: 'a Secret key that the Secret does not hold',
    objects: [server('fetch', { secrets: [{ name: 'github', key: 'token' }] }), secret('github', { pat: 'x' })],
    want: [w(MS, 'fetch', 'spec.secrets[0].key', 'ref.secret-key-missing', 'Secret "github" in namespace "default" has no key "token"; its keys are "pat"')],
  },
  {
    item: 15,
    title: 'one MCPOIDCConfig name defined twice with different content',
    objects: [oidc(), oidc('idp', 'https://other.example.com')],
    want: [w('MCPOIDCConfig', 'idp', 'metadata.name', 'collision.duplicate-object', 'MCPOIDCConfig "idp" in namespace "default" is defined more than once with different content; the cluster keeps one object per name, so the definition applied last replaces the other, while references are checked against the first: remove one definition or rename it')],
  },
  {
    item: 15,
    title: 'an MCPServer and an MCPRemoteProxy of one name',
    objects: [server('fetch'), remoteProxy('fetch')],
    want: [
      w(RP, 'fetch', 'metadata.name', 'collision.deployment', 'generated Deployment "fetch" collides: MCPServer "fetch" and MCPRemoteProxy "fetch" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them'),
      w(RP, 'fetch', 'metadata.name', 'collision.configmap', 'generated ConfigMap "fetch-runconfig" collides: MCPServer "fetch" and MCPRemoteProxy "fetch" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them'),
    ],
  },
  {
    item: 15,
    title: 'an MCPServer and a VirtualMCPServer of one name',
    objects: [server('fetch'), group(), vmcp('fetch')],
    want: [w(VM, 'fetch', 'metadata.name', 'collision.deployment', 'generated Deployment "fetch" collides: MCPServer "fetch" and VirtualMCPServer "fetch" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them')],
  },
  {
    item: 15,
    title: 'an MCPServer and an EmbeddingServer of one name',
    objects: [server('embed'), EMBED],
    want: [w('EmbeddingServer', 'embed', 'metadata.name', 'collision.statefulset', 'generated StatefulSet "embed" collides: MCPServer "embed" and EmbeddingServer "embed" in namespace "default" both get it from the operator, which does not detect this, so the two controllers overwrite each other: rename one of them')],
  },
  {
    item: 15,
    title: 'a user Secret named like the vMCP HMAC Secret',
    objects: [group(), vmcp('gw'), secret('gw-hmac-secret', { 'hmac-secret': 'x' })],
    want: [w('Secret', 'gw-hmac-secret', 'metadata.name', 'collision.secret', 'name "gw-hmac-secret" is reserved for the session HMAC Secret the operator creates and owns for VirtualMCPServer "gw"; it rejects a Secret it did not create with "existing HMAC secret validation failed: secret is not owned by VirtualMCPServer default/gw": remove this Secret from the manifests')],
  },
  {
    item: 15,
    title: 'two external auth configs whose names normalise alike, used by one vMCP',
    objects: [group(), secret('api', { a: 'x', b: 'y' }),
      externalAuth('my.cfg', { type: 'headerInjection', headerInjection: { headerName: 'X-Key', valueSecretRef: { name: 'api', key: 'a' } } }),
      externalAuth('my-cfg', { type: 'headerInjection', headerInjection: { headerName: 'X-Key', valueSecretRef: { name: 'api', key: 'b' } } }),
      vmcp('gw', {
        outgoingAuth: {
          source: 'inline',
          backends: {
            a: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'my.cfg' } },
            b: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'my-cfg' } },
          },
        },
      })],
    want: [w(VM, 'gw', 'spec.outgoingAuth.backends[b].externalAuthConfigRef.name', 'collision.env', 'env var TOOLHIVE_HEADER_INJECTION_VALUE_MY_CFG in container "vmcp" is derived from MCPExternalAuthConfig "my.cfg" spec.headerInjection.valueSecretRef and MCPExternalAuthConfig "my-cfg" spec.headerInjection.valueSecretRef: the operator normalises names (upper case, "-" and other characters to "_") without checking for clashes, so only one of them takes effect, and which one is not stable: the operator collects them in no fixed order, so the winner can change from one reconcile to the next: rename one of them so the env var names differ')],
  },
  {
    item: 15,
    title: 'two forwarded header names that normalise alike on one MCPRemoteProxy',
    objects: [secret('hdr', { a: 'x', b: 'y' }), remoteProxy('remote', {
      headerForward: { addHeadersFromSecret: [{ headerName: 'X-A.B', valueSecretRef: { name: 'hdr', key: 'a' } }, { headerName: 'X-A_B', valueSecretRef: { name: 'hdr', key: 'b' } }] },
    })],
    want: [w(RP, 'remote', 'spec.headerForward.addHeadersFromSecret[1].headerName', 'collision.header-env', 'header names "X-A.B" (spec.headerForward.addHeadersFromSecret[0]) and "X-A_B" (spec.headerForward.addHeadersFromSecret[1]) both become env var TOOLHIVE_SECRET_HEADER_FORWARD_X_A_B_REMOTE in the proxy pod; the operator does not detect this and both headers get the last Secret\'s value: forward only one of them from a Secret')],
  },
  {
    item: 15,
    title: 'two MCPServerEntries of one group whose names normalise alike',
    objects: [group(), secret('hdr', { a: 'x', b: 'y' }), vmcp('gw'),
      entry('a.b', { headerForward: { addHeadersFromSecret: [{ headerName: 'X-Key', valueSecretRef: { name: 'hdr', key: 'a' } }] } }),
      entry('a-b', { headerForward: { addHeadersFromSecret: [{ headerName: 'X-Key', valueSecretRef: { name: 'hdr', key: 'b' } }] } })],
    want: [w(VM, 'gw', 'spec.groupRef.name', 'collision.env', 'env var TOOLHIVE_SECRET_HEADER_FORWARD_X_KEY_A_B in container "vmcp" is derived from MCPServerEntry "a-b" spec.headerForward.addHeadersFromSecret[0] and MCPServerEntry "a.b" spec.headerForward.addHeadersFromSecret[0]: the operator normalises names (upper case, "-" and other characters to "_") without checking for clashes, so only one of them takes effect, and which one is not stable: the operator collects them in no fixed order, so the winner can change from one reconcile to the next: rename one of them so the env var names differ')],
  },
  {
    item: 15,
    title: 'a proxy env override that shadows an operator env var',
    severity: 'warning',
    objects: [server('fetch', { resourceOverrides: { proxyDeployment: { env: [{ name: 'THV_MCPSERVER_GENERATION', value: '1' }] } } })],
    want: [w(MS, 'fetch', 'spec.resourceOverrides.proxyDeployment.env[0]', 'collision.env-user', 'env var THV_MCPSERVER_GENERATION in container "toolhive" is set by spec.resourceOverrides.proxyDeployment.env[0] and by the operator; only the last entry (the operator) takes effect: rename or remove spec.resourceOverrides.proxyDeployment.env[0]')],
  },
];

// =============================================================================================================
// Passing sets: per item, a set using the item's features correctly

export const PASSING: Passing[] = [
  {
    item: 1,
    title: 'one object of every kind at its served version',
    objects: [
      group(), oidc(), server('fetch', { groupRef: { name: 'g' } }), remoteProxy('remote', { groupRef: { name: 'g' } }), entry('api'),
      th('MCPAuthzConfig', 'authz', { type: 'cedarv1', config: { policies: [POLICY] } }),
      th('MCPToolConfig', 'tools', { toolsFilter: ['fetch'] }),
      telemetry({}), webhook({}), embedded('as'), compositeTool({}), EMBED,
      vmcp('gw', { embeddingServerRef: { name: 'embed' }, config: { compositeToolRefs: [{ name: 'deploy' }] } }),
      th('MCPRegistry', 'registry', { configYAML: 'sources: []\n' }),
    ],
  },
  {
    item: 2,
    title: 'every external auth type with exactly its own block',
    objects: [
      secret('creds', { secret: 'x', token: 'y', value: 'z' }),
      externalAuth('te', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'api', clientId: 'c', clientSecretRef: { name: 'creds', key: 'secret' } } }),
      externalAuth('hi', { type: 'headerInjection', headerInjection: { headerName: 'X-API-Key', valueSecretRef: { name: 'creds', key: 'value' } } }),
      externalAuth('bt', { type: 'bearerToken', bearerToken: { tokenSecretRef: { name: 'creds', key: 'token' } } }),
      sts({ roleMappings: [{ roleArn: ARN, claim: 'admins' }, { roleArn: ARN, matcher: '"ops" in claims.groups', priority: 1 }] }),
      externalAuth('ui', { type: 'upstreamInject', upstreamInject: { providerName: 'okta' } }),
      externalAuth('xaa', { type: 'xaa', xaa: { idpTokenUrl: 'https://idp.example.com/token', targetTokenUrl: 'https://target.example.com/token', targetAudience: 'target' } }),
      externalAuth('anon', { type: 'unauthenticated' }),
      embedded('as'),
    ],
  },
  {
    item: 3,
    title: 'inline and service-account OIDC configs, with an http issuer allowed explicitly and a short CA ConfigMap name',
    objects: [
      oidc('idp', 'https://auth.example.com', { jwksUrl: 'https://auth.example.com/keys', caBundleRef: { configMapRef: { name: 'corp-ca', key: 'ca.crt' } } }),
      oidc('dev', 'http://keycloak.dev.svc:8080/realms/dev', { insecureAllowHTTP: true, jwksUrl: 'http://keycloak.dev.svc:8080/keys' }),
      th('MCPOIDCConfig', 'k8s', { type: 'kubernetesServiceAccount', kubernetesServiceAccount: {} }),
      configMap('corp-ca', { 'ca.crt': CA_PEM }),
    ],
  },
  {
    item: 4,
    title: 'oidc and oauth2 upstreams (client id, DCR by discovery, DCR by endpoint), and a vMCP with two named upstreams',
    objects: [
      embedded('as', {
        upstreamProviders: [{
          ...OKTA_OIDC,
          oidcConfig: { ...OKTA_OIDC.oidcConfig, clientSecretRef: { name: 'okta-client', key: 'client-secret' }, additionalAuthorizationParams: { prompt: 'login' } },
        }],
      }),
      embedded('dcr', { upstreamProviders: [oauth2({ dcrConfig: { discoveryUrl: 'https://corp.example.com/.well-known/openid-configuration' }, userInfo: { endpointUrl: 'https://corp.example.com/userinfo' } })] }),
      embedded('reg', { upstreamProviders: [oauth2({ dcrConfig: { registrationEndpoint: 'https://corp.example.com/register' }, userInfo: { endpointUrl: 'https://corp.example.com/userinfo' } })] }),
      embedded('cid', { upstreamProviders: [oauth2({ clientId: 'c', userInfo: { endpointUrl: 'https://corp.example.com/userinfo' } })] }),
      AS_SECRET,
      ...vmcpWithAS({}, {}, [OKTA_OIDC, GITHUB_OIDC]),
    ],
  },
  {
    item: 5,
    title: 'confidential registration over https with non-loopback forced URIs, delegates over https, an http vMCP issuer allowed explicitly',
    objects: [
      embedded('as', {
        allowConfidentialClientRegistration: true,
        forceConfidentialRedirectUris: ['https://app.example.com/callback'],
        delegateClients: [{ clientId: 'agent', clientSecretRef: { name: 'agent', key: 'secret' }, scopes: ['openid'], audiences: [url('fetch')] }],
      }),
      secret('agent', { secret: 'x' }), oidc(),
      server('fetch', { authServerRef: { kind: EA, name: 'as' }, oidcConfigRef: oidcRef('fetch') }),
      group(), oidc('dev', 'http://auth.toolhive.svc', { insecureAllowHTTP: true }),
      vmcp('gw', {
        incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'dev', audience: vmcpUrl('gw') } },
        authServerConfig: authServer([OKTA_OIDC], { issuer: 'http://auth.toolhive.svc', insecureAllowHTTP: true }),
      }),
      vmcp('local', {
        incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'loop', audience: vmcpUrl('local') } },
        authServerConfig: authServer([OKTA_OIDC], { issuer: 'http://localhost:9000' }),
      }),
      oidc('loop', 'http://localhost:9000', { insecureAllowHTTP: true }),
    ],
  },
  {
    item: 6,
    title: 'coherent embedded auth servers on MCPServer (custom resourceUrl), MCPRemoteProxy (custom port) and vMCP',
    objects: [
      embedded('as'), oidc(),
      server('fetch', { authServerRef: { kind: EA, name: 'as' }, oidcConfigRef: { name: 'idp', audience: 'https://fetch.example.com', resourceUrl: 'https://fetch.example.com' } }),
      remoteProxy('remote', { proxyPort: 9090, externalAuthConfigRef: { name: 'as' }, oidcConfigRef: oidcRef('remote', 9090) }),
      inNs('tools', embedded('as')), inNs('tools', oidc()),
      inNs('tools', server('fetch', { authServerRef: { kind: EA, name: 'as' }, oidcConfigRef: { name: 'idp', audience: 'http://fetch.tools.svc.cluster.local:8080' } })),
      ...vmcpWithAS().filter(o => o.kind !== 'MCPOIDCConfig'),
      // a delegate scope that only the oidcConfigRef's own scopes allow
      embedded('as-scoped', { delegateClients: [{ clientId: 'agent', clientSecretRef: { name: 'agent', key: 'secret' }, scopes: ['admin'], audiences: [url('scoped')] }] }),
      secret('agent', { secret: 'x' }),
      server('scoped', { authServerRef: { kind: EA, name: 'as-scoped' }, oidcConfigRef: { ...oidcRef('scoped'), scopes: ['openid', 'admin'] } }),
    ],
  },
  {
    item: 7,
    options: ON_MAIN,
    title: 'an audience-bound delegating issuer and a grant-only issuer',
    objects: [embedded('as', {
      trustedIssuers: [
        { issuerUrl: 'https://partner.example.com', expectedAudience: 'https://auth.example.com', actorClaim: 'azp', allowedDelegateClients: ['agent'] },
        { issuerUrl: 'https://ci.example.com', jwtBearerGrant: JWT_GRANT },
        { issuerUrl: 'https://private.example.com', expectedAudience: 'https://auth.example.com', allowedDelegateClients: ['*'], allowPrivateIPs: true, jwksUrl: 'https://private.example.com/keys' },
      ],
    })],
  },
  {
    item: 8,
    title: 'inline, ConfigMap and MCPAuthzConfig authz on every consumer',
    objects: [
      th('MCPAuthzConfig', 'cedar', { type: 'cedarv1', config: { policies: [POLICY] } }),
      th('MCPAuthzConfig', 'pdp', { type: 'httpv1', config: { http: { url: 'https://pdp.example.com' }, claim_mapping: 'mpe' } }),
      configMap('authz', { 'authz.json': JSON.stringify({ version: '1.0', type: 'cedarv1', cedar: { policies: [POLICY], entities_json: '[]' } }) }),
      server('inline', { authzConfig: { type: 'inline', inline: { policies: [POLICY] } } }),
      server('cm', { authzConfig: { type: 'configMap', configMap: { name: 'authz' } } }),
      server('pdp', { authzConfigRef: { name: 'pdp' } }),
      remoteProxy('remote', { authzConfig: { type: 'inline', inline: { policies: ['permit(principal, action == Action::"call_tool", resource) when { principal.claim_role == "admin" };'] } } }),
      group(), vmcp('gw', { incomingAuth: { type: 'anonymous', authzConfigRef: { name: 'cedar' } } }),
      vmcp('gw2', { incomingAuth: { type: 'anonymous', authzConfig: { type: 'configMap', configMap: { name: 'authz' } } } }),
    ],
  },
  {
    item: 9,
    title: 'shared, per-user and per-tool limits with redis and authentication',
    objects: [
      oidc(), group(),
      server('fetch', {
        oidcConfigRef: oidcRef('fetch'),
        sessionStorage: { provider: 'redis', address: 'redis:6379' },
        rateLimiting: { shared: { maxTokens: 100, refillPeriod: '1m' }, perUser: { maxTokens: 10, refillPeriod: '1m30s' }, tools: [{ name: 'fetch', perUser: { maxTokens: 1, refillPeriod: '10s' } }] },
      }),
      vmcp('gw', {
        incomingAuth: { type: 'oidc', oidcConfigRef: { name: 'idp', audience: 'https://gw.example.com' } },
        sessionStorage: { provider: 'redis', address: 'redis:6379' },
        config: { rateLimiting: { perUser: { maxTokens: 10, refillPeriod: '1h' }, tools: [{ name: 'fetch', shared: { maxTokens: 5, refillPeriod: '1s' } }] } },
      }),
    ],
  },
  {
    item: 10,
    title: 'a vMCP with named outgoing refs of supported types, provider names that resolve and allowed passthrough headers',
    objects: [
      ...vmcpWithAS({
        outgoingAuth: {
          source: 'inline',
          default: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'inject' } },
          backends: {
            fetch: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'te' } },
            other: { type: 'externalAuthConfigRef', externalAuthConfigRef: { name: 'xaa' } },
            // no `type: discovered` entry: inline mode writes it as strategy type "discovered", which the vMCP rejects
          },
        },
        config: { passthroughHeaders: ['X-Tenant', 'X-Request-Id'] },
        incomingAuth: { ...vmcpOidc('gw'), authzConfigRef: { name: 'authz' } },
      }, { primaryUpstreamProvider: 'github' }, [OKTA_OIDC, GITHUB_OIDC]),
      th('MCPAuthzConfig', 'authz', { type: 'cedarv1', config: { policies: [POLICY] } }),
      externalAuth('inject', { type: 'upstreamInject', upstreamInject: { providerName: 'okta' } }),
      externalAuth('te', { type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com/token', audience: 'api', subjectProviderName: 'github' } }),
      externalAuth('xaa', {
        type: 'xaa',
        xaa: { idpTokenUrl: 'https://idp.example.com/token', targetTokenUrl: 'https://target.example.com/token', targetAudience: 'target', subjectProviderName: 'okta' },
      }),
    ],
  },
  {
    item: 11,
    title: 'optimizers with a managed embedding server and with openai plus custom headers',
    objects: [
      group(), EMBED,
      vmcp('gw', { embeddingServerRef: { name: 'embed' }, config: { optimizer: { embeddingProvider: 'tei' } } }),
      vmcp('gw2', { config: { optimizer: { embeddingProvider: 'openai', embeddingService: 'https://api.openai.com', embeddingHeaders: { 'OpenAI-Organization': 'org-1' } } } }),
    ],
  },
  {
    item: 12,
    title: 'a definition and an inline tool with dependencies, retries, forEach and templates',
    objects: [
      group(),
      compositeTool({
        parameters: { type: 'object', properties: { items: { type: 'array' } } },
        steps: [
          { id: 'plan', tool: 'backend.plan', arguments: { target: '{{ .params.items }}' }, onError: { action: 'retry', retryCount: 3, retryDelay: '1s' } },
          { id: 'each', type: 'forEach', collection: '{{ json .steps.plan.output.items }}', itemVar: 'item', maxParallel: 50, maxIterations: 1000, step: { type: 'tool', tool: 'backend.apply' }, dependsOn: ['plan'] },
        ],
      }),
      vmcp('gw', {
        config: {
          compositeToolRefs: [{ name: 'deploy' }],
          compositeTools: [{ name: 'rollback', description: 'roll back', steps: [{ id: 'undo', tool: 'backend.undo' }] }],
        },
      }),
    ],
  },
  {
    item: 13,
    options: ON_MAIN,
    title: 'public remotes, a private endpoint allowed explicitly, and a bare .svc name',
    objects: [
      group(),
      remoteProxy('remote'),
      remoteProxy('private', { remoteUrl: 'http://10.0.0.5:8080/mcp', allowPrivateEndpoint: true }),
      entry('internal', { remoteUrl: 'http://mcp.tools.svc.cluster.local:8080/mcp', allowPrivateEndpoint: true }),
      entry('svc', { remoteUrl: 'http://mcp.tools.svc:8080/mcp', transport: 'sse' }),
      // just outside 172.16.0.0/12, and a name that only ends in "cluster.local" without the dot
      remoteProxy('public', { remoteUrl: 'http://172.32.0.1/mcp' }),
      remoteProxy('lookalike', { remoteUrl: 'https://mycluster.local/mcp' }),
    ],
  },
  {
    item: 14,
    title: 'telemetry with a CA and sensitive headers, webhooks with mTLS and an http in-cluster URL',
    objects: [
      telemetry({ headers: { 'x-team': 'a' }, sensitiveHeaders: [{ name: 'x-api-key', secretKeyRef: { name: 'otel', key: 'key' } }], caBundleRef: { configMapRef: { name: 'otel-ca', key: 'ca.crt' } } }),
      secret('otel', { key: 'x' }), configMap('otel-ca', { 'ca.crt': CA_PEM }),
      th('MCPWebhookConfig', 'hooks', {
        validating: [{ name: 'policy', url: 'https://webhook.example.com/validate', timeout: '30s', tlsConfig: { clientCertSecretRef: { name: 'webhook-tls', key: 'tls.crt' }, clientKeySecretRef: { name: 'webhook-tls', key: 'tls.key' } } }],
        mutating: [{ name: 'enrich', url: 'http://enricher.tools.svc:8080/mutate', timeout: '1s', tlsConfig: { insecureSkipVerify: true } }],
      }, V1ALPHA1),
      secret('webhook-tls', { 'tls.crt': 'PEM', 'tls.key': 'PEM' }),
    ],
  },
  {
    item: 15,
    title: 'quantities, env names, volumes and references that resolve, one declared external',
    options: { external: ['Secret/github'] },
    objects: [
      server('fetch', {
        resources: { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '0.1', memory: '128974848' } },
        env: [{ name: 'GREETING', value: 'hello world' }],
        volumes: [{ name: 'data', hostPath: '/data', mountPath: '/mnt/data', readOnly: true }],
        secrets: [{ name: 'github', key: 'token', targetEnvName: 'GITHUB_TOKEN' }, { name: 'slack', key: 'token', targetEnvName: 'SLACK_TOKEN' }],
      }),
      secret('slack', { token: 'x' }),
      remoteProxy('remote', { headerForward: { addHeadersFromSecret: [{ headerName: 'X-A', valueSecretRef: { name: 'slack', key: 'token' } }, { headerName: 'X-B', valueSecretRef: { name: 'slack', key: 'token' } }] } }),
      group(), vmcp('gw'), EMBED,
    ],
  },
];
