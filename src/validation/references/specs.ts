/**
 * The reference graph as data: every by-name reference of every kind (the `*Ref` fields of the operator's
 * api/v1beta1 types and the Secret and ConfigMap selectors), what it must resolve to,
 * and, where the operator reports a missing target itself, the consumer's own message.
 * Paths: `[*]` every list item, `{*}` every map value. Order is the report order within one object.
 */
import { apiNotFound } from './messages';
import type { RefContext, RefSpec } from './types';
import { str } from '../../core/util';
import { goQuote as q } from '../operator/go/quote';

const nsName = (r: RefContext): string => `${r.namespace}/${r.name}`;
const header = (r: RefContext): string => q(str(r.holder.headerName) ?? '');

/** authzConfig.configMap is read only when the authz type is configMap (the CRD default). */
const authzIsConfigMap = (_ref: unknown, holder: Record<string, unknown>): boolean =>
  holder.type === undefined || holder.type === 'configMap';

/** `kind` defaults to MCPExternalAuthConfig, the only kind the operator supports (others are the operator layer's). */
const authServerKindOk = (ref: Record<string, unknown>): boolean =>
  ref.kind === undefined || ref.kind === 'MCPExternalAuthConfig';

/** vMCP backends of type `discovered` ignore externalAuthConfigRef. */
const backendUsesRef = (_ref: unknown, holder: Record<string, unknown>): boolean => holder.type !== 'discovered';

/** The authz ConfigMap is read from `data` only, trimmed, then parsed. */
const AUTHZ_KEY = { defaultKey: 'authz.json', in: ['data'], nonEmpty: true } as const;

/** Secret references of an embedded authorization server, relative to the server's config object. */
const EMBEDDED_AS_SECRET_REFS = [
  'signingKeySecretRefs[*]',
  'hmacSecretRefs[*]',
  'upstreamProviders[*].oidcConfig.clientSecretRef',
  'upstreamProviders[*].oauth2Config.clientSecretRef',
  'upstreamProviders[*].oauth2Config.dcrConfig.initialAccessTokenRef',
  'delegateClients[*].clientSecretRef',
  'storage.redis.aclUserConfig.usernameSecretRef',
  'storage.redis.aclUserConfig.passwordSecretRef',
  'storage.redis.tls.caCertSecretRef',
  'storage.redis.sentinelTls.caCertSecretRef',
] as const;

/** A Secret reference row whose path stays a literal type (the Pulumi input types read the table's paths). */
interface SecretRow<S extends string, P extends string> extends RefSpec {
  readonly source: S;
  readonly path: P;
  readonly target: 'Secret';
}

function embeddedAuthServerRefs<S extends string, P extends string>(source: S, prefix: P,
  overrides: Partial<Record<string, Pick<RefSpec, 'missing' | 'keyMissing'>>> = {}): readonly SecretRow<S, `${P}.${typeof EMBEDDED_AS_SECRET_REFS[number]}`>[] {
  return EMBEDDED_AS_SECRET_REFS.map(rel => ({ ...overrides[rel], source, path: `${prefix}.${rel}` as const, target: 'Secret' as const, keyed: {} }));
}

const WEBHOOK_SECRET_REFS = ['hmacSecretRef', 'tlsConfig.caSecretRef', 'tlsConfig.clientCertSecretRef', 'tlsConfig.clientKeySecretRef'] as const;

/** The Secret references of every webhook of an MCPWebhookConfig list. */
function webhookRefs<L extends 'validating' | 'mutating'>(list: L): readonly SecretRow<'MCPWebhookConfig', `spec.${L}[*].${typeof WEBHOOK_SECRET_REFS[number]}`>[] {
  return WEBHOOK_SECRET_REFS.map(rel => ({ source: 'MCPWebhookConfig' as const, path: `spec.${list}[*].${rel}` as const, target: 'Secret' as const, keyed: {} }));
}

const vmcpDelegateClient = (r: RefContext): string => `delegate client ${q(str(r.holder.clientId) ?? '')}`;

/**
 * The one table of reference fields: which field of which kind points at which kind, Secret or ConfigMap. The
 * rows keep their literal types (`as const`), so the Pulumi input types and the front ends' lookups
 * (`references/fields.ts`) derive from it instead of keeping tables of their own.
 */
export const REF_SPECS = [
  // ---- MCPServer ----
  // mirrors controllers/mcpserver_controller.go validateGroupRef (GroupRefValidated condition)
  { source: 'MCPServer', path: 'spec.groupRef', target: 'MCPGroup', missing: r => `MCPGroup '${r.name}' not found in namespace '${r.namespace}'` },
  // mirrors controllers/mcpserver_controller.go handleOIDCConfig (OIDCConfigRefValidated condition)
  { source: 'MCPServer', path: 'spec.oidcConfigRef', target: 'MCPOIDCConfig', missing: r => `MCPOIDCConfig ${r.name} not found` },
  // mirrors controllers/mcpserver_controller.go handleAuthzConfig (AuthzConfigRefValidated condition)
  { source: 'MCPServer', path: 'spec.authzConfigRef', target: 'MCPAuthzConfig', missing: r => `MCPAuthzConfig ${r.name} not found` },
  // mirrors pkg/controllerutil/authz.go LoadAuthzConfigFromConfigMap (RunConfig build)
  {
    source: 'MCPServer',
    path: 'spec.authzConfig.configMap',
    target: 'ConfigMap',
    keyed: AUTHZ_KEY,
    when: authzIsConfigMap,
    missing: r => `failed to get Authz ConfigMap ${nsName(r)}: ${apiNotFound('ConfigMap', r.name)}`,
    keyMissing: r => `authz ConfigMap ${nsName(r)} is missing key ${q(r.key!)}`,
    keyEmpty: r => `authz ConfigMap ${nsName(r)} key ${q(r.key!)} is empty`,
  },
  // mirrors pkg/controllerutil/tools_config.go GetToolConfigForMCPServer
  { source: 'MCPServer', path: 'spec.toolConfigRef', target: 'MCPToolConfig', missing: r => `MCPToolConfig ${r.name} not found in namespace ${r.namespace}` },
  // mirrors controllers/mcpexternalauthconfig_controller.go GetExternalAuthConfigForMCPServer
  { source: 'MCPServer', path: 'spec.externalAuthConfigRef', target: 'MCPExternalAuthConfig', missing: r => `MCPExternalAuthConfig ${r.name} not found in namespace ${r.namespace}` },
  // mirrors controllers/mcpserver_controller.go handleAuthServerRef (AuthServerRefValidated condition)
  { source: 'MCPServer', path: 'spec.authServerRef', target: 'MCPExternalAuthConfig', when: authServerKindOk, missing: r => `MCPExternalAuthConfig '${r.name}' not found in namespace '${r.namespace}'` },
  // mirrors controllers/mcpserver_telemetryconfig.go handleTelemetryConfig
  { source: 'MCPServer', path: 'spec.telemetryConfigRef', target: 'MCPTelemetryConfig', missing: r => `MCPTelemetryConfig ${r.name} not found` },
  // mirrors controllers/mcpserver_controller.go handleWebhookConfig (the raw API NotFound error)
  { source: 'MCPServer', path: 'spec.webhookConfigRef', target: 'MCPWebhookConfig', missing: r => apiNotFound('MCPWebhookConfig', r.name) },
  // mirrors the mcp container's env valueFrom.secretKeyRef (not pre-validated by the operator; the Pod cannot start)
  { source: 'MCPServer', path: 'spec.secrets[*]', target: 'Secret', keyed: {} },
  // mirrors the session storage Redis password env valueFrom.secretKeyRef (not pre-validated)
  { source: 'MCPServer', path: 'spec.sessionStorage.passwordRef', target: 'Secret', keyed: {} },
  // mirrors the permission profile ConfigMap volume, read at /etc/toolhive/profiles/<key> (not pre-validated)
  { source: 'MCPServer', path: 'spec.permissionProfile', target: 'ConfigMap', keyed: {}, when: ref => ref.type === 'configmap' },
  // mirrors the proxy Deployment's imagePullSecrets (kubelet)
  { source: 'MCPServer', path: 'spec.resourceOverrides.proxyDeployment.imagePullSecrets[*]', target: 'Secret' },

  // ---- MCPRemoteProxy ----
  // mirrors controllers/mcpremoteproxy_controller.go validateGroupRef (GroupRefValidated condition)
  { source: 'MCPRemoteProxy', path: 'spec.groupRef', target: 'MCPGroup', missing: r => `MCPGroup '${r.name}' not found in namespace '${r.namespace}'` },
  // mirrors controllers/mcpremoteproxy_controller.go handleOIDCConfig (OIDCConfigRefValidated condition)
  { source: 'MCPRemoteProxy', path: 'spec.oidcConfigRef', target: 'MCPOIDCConfig', missing: r => `MCPOIDCConfig ${r.name} not found` },
  // mirrors controllers/mcpremoteproxy_controller.go handleAuthzConfig (AuthzConfigRefValidated condition)
  { source: 'MCPRemoteProxy', path: 'spec.authzConfigRef', target: 'MCPAuthzConfig', missing: r => `MCPAuthzConfig ${r.name} not found` },
  // mirrors controllers/mcpremoteproxy_controller.go validateK8sRefs (AuthzConfigMapNotFound / AuthzConfigMapInvalid)
  {
    source: 'MCPRemoteProxy',
    path: 'spec.authzConfig.configMap',
    target: 'ConfigMap',
    keyed: AUTHZ_KEY,
    when: authzIsConfigMap,
    missing: r => `authorization ConfigMap ${q(r.name)} not found in namespace ${q(r.namespace)}`,
    keyMissing: r => `authorization ConfigMap ${q(r.name)} is invalid: authz ConfigMap ${nsName(r)} is missing key ${q(r.key!)}`,
    keyEmpty: r => `authorization ConfigMap ${q(r.name)} is invalid: authz ConfigMap ${nsName(r)} key ${q(r.key!)} is empty`,
  },
  // mirrors controllers/mcpremoteproxy_controller.go handleToolConfig (ToolConfigValidated condition)
  { source: 'MCPRemoteProxy', path: 'spec.toolConfigRef', target: 'MCPToolConfig', missing: r => `MCPToolConfig '${r.name}' not found in namespace '${r.namespace}'` },
  // mirrors controllers/mcpremoteproxy_controller.go validateSpec (ExternalAuthConfigFetchError)
  {
    source: 'MCPRemoteProxy',
    path: 'spec.externalAuthConfigRef',
    target: 'MCPExternalAuthConfig',
    missing: r => `failed to validate external auth config: failed to get MCPExternalAuthConfig ${r.name}: ${apiNotFound('MCPExternalAuthConfig', r.name)}`,
  },
  // mirrors controllers/mcpremoteproxy_controller.go handleAuthServerRef (AuthServerRefValidated condition)
  { source: 'MCPRemoteProxy', path: 'spec.authServerRef', target: 'MCPExternalAuthConfig', when: authServerKindOk, missing: r => `MCPExternalAuthConfig '${r.name}' not found in namespace '${r.namespace}'` },
  // mirrors controllers/mcpremoteproxy_controller.go handleTelemetryConfig
  { source: 'MCPRemoteProxy', path: 'spec.telemetryConfigRef', target: 'MCPTelemetryConfig', missing: r => `MCPTelemetryConfig ${r.name} not found` },
  // mirrors the session storage Redis password env valueFrom.secretKeyRef (not pre-validated)
  { source: 'MCPRemoteProxy', path: 'spec.sessionStorage.passwordRef', target: 'Secret', keyed: {} },
  // mirrors controllers/mcpremoteproxy_controller.go validateK8sRefs (HeaderSecretNotFound); the operator skips the key, the Pod env does not
  {
    source: 'MCPRemoteProxy',
    path: 'spec.headerForward.addHeadersFromSecret[*].valueSecretRef',
    target: 'Secret',
    keyed: {},
    missing: r => `secret ${q(r.name)} referenced for header ${header(r)} not found in namespace ${q(r.namespace)}`,
    keyMissing: r => `Secret ${q(r.name)} has no key ${q(r.key!)} referenced for header ${header(r)}`,
  },
  // mirrors the proxy Deployment's imagePullSecrets (kubelet)
  { source: 'MCPRemoteProxy', path: 'spec.resourceOverrides.proxyDeployment.imagePullSecrets[*]', target: 'Secret' },

  // ---- MCPServerEntry ----
  // mirrors controllers/mcpserverentry_controller.go validateGroupRef (GroupRefValidated condition)
  { source: 'MCPServerEntry', path: 'spec.groupRef', target: 'MCPGroup', missing: r => `MCPGroup '${r.name}' not found in namespace '${r.namespace}'` },
  // mirrors controllers/mcpserverentry_controller.go validateExternalAuthConfigRef (ExternalAuthConfigValidated condition)
  { source: 'MCPServerEntry', path: 'spec.externalAuthConfigRef', target: 'MCPExternalAuthConfig', missing: () => 'Referenced MCPExternalAuthConfig not found' },
  // mirrors controllers/mcpserverentry_controller.go validateHeaderForwardSecretRefs (HeaderSecretRefsValidated condition)
  {
    source: 'MCPServerEntry',
    path: 'spec.headerForward.addHeadersFromSecret[*].valueSecretRef',
    target: 'Secret',
    keyed: {},
    missing: r => `Secret ${q(r.name)} referenced for header ${header(r)} not found`,
    keyMissing: r => `Secret ${q(r.name)} has no key ${q(r.key!)} referenced for header ${header(r)}`,
  },
  // mirrors controllers/mcpserverentry_controller.go validateCABundleRef (CABundleRefValidated); the key is mounted by the vMCP
  { source: 'MCPServerEntry', path: 'spec.caBundleRef.configMapRef', target: 'ConfigMap', keyed: {}, missing: () => 'Referenced CA bundle ConfigMap not found' },

  // ---- VirtualMCPServer ----
  // mirrors controllers/virtualmcpserver_controller.go validateGroupRef (phase Failed)
  { source: 'VirtualMCPServer', path: 'spec.groupRef', target: 'MCPGroup', missing: r => `Referenced MCPGroup ${r.name} not found` },
  // mirrors controllers/virtualmcpserver_controller.go handleOIDCConfig (OIDCConfigRefValidated condition)
  { source: 'VirtualMCPServer', path: 'spec.incomingAuth.oidcConfigRef', target: 'MCPOIDCConfig', missing: r => `MCPOIDCConfig ${r.name} not found` },
  // mirrors controllers/virtualmcpserver_controller.go handleAuthzConfig (AuthzConfigRefValidated condition)
  { source: 'VirtualMCPServer', path: 'spec.incomingAuth.authzConfigRef', target: 'MCPAuthzConfig', missing: r => `MCPAuthzConfig ${r.name} not found` },
  // mirrors controllers/virtualmcpserver_deployment.go validateAuthzConfigMapRef (AuthConfigured condition)
  {
    source: 'VirtualMCPServer',
    path: 'spec.incomingAuth.authzConfig.configMap',
    target: 'ConfigMap',
    keyed: AUTHZ_KEY,
    when: authzIsConfigMap,
    missing: r => `Authorization ConfigMap is invalid: failed to get Authz ConfigMap ${nsName(r)}: ${apiNotFound('ConfigMap', r.name)}`,
    keyMissing: r => `Authorization ConfigMap is invalid: authz ConfigMap ${nsName(r)} is missing key ${q(r.key!)}`,
    keyEmpty: r => `Authorization ConfigMap is invalid: authz ConfigMap ${nsName(r)} key ${q(r.key!)} is empty`,
  },
  // mirrors pkg/vmcpconfig/converter.go convertBackendAuthConfig
  {
    source: 'VirtualMCPServer',
    path: 'spec.outgoingAuth.default.externalAuthConfigRef',
    target: 'MCPExternalAuthConfig',
    when: backendUsesRef,
    missing: r => `failed to get MCPExternalAuthConfig ${nsName(r)}: ${apiNotFound('MCPExternalAuthConfig', r.name)}`,
  },
  // mirrors pkg/vmcpconfig/converter.go convertBackendAuthConfig
  {
    source: 'VirtualMCPServer',
    path: 'spec.outgoingAuth.backends{*}.externalAuthConfigRef',
    target: 'MCPExternalAuthConfig',
    when: backendUsesRef,
    missing: r => `failed to get MCPExternalAuthConfig ${nsName(r)}: ${apiNotFound('MCPExternalAuthConfig', r.name)}`,
  },
  // mirrors pkg/vmcpconfig/converter.go resolveToolConfigRef
  {
    source: 'VirtualMCPServer',
    path: 'spec.config.aggregation.tools[*].toolConfigRef',
    target: 'MCPToolConfig',
    missing: r => `MCPToolConfig resolution failed for ${q(r.name)}: failed to get MCPToolConfig ${nsName(r)}: ${apiNotFound('MCPToolConfig', r.name)}`,
  },
  // mirrors controllers/virtualmcpserver_controller.go validateCompositeToolRefs
  { source: 'VirtualMCPServer', path: 'spec.config.compositeToolRefs[*]', target: 'VirtualMCPCompositeToolDefinition', missing: r => `Referenced VirtualMCPCompositeToolDefinition ${r.name} not found` },
  // mirrors controllers/virtualmcpserver_telemetryconfig.go handleTelemetryConfig
  { source: 'VirtualMCPServer', path: 'spec.telemetryConfigRef', target: 'MCPTelemetryConfig', missing: r => `MCPTelemetryConfig ${r.name} not found` },
  // mirrors controllers/virtualmcpserver_controller.go validateEmbeddingServerRef
  { source: 'VirtualMCPServer', path: 'spec.embeddingServerRef', target: 'EmbeddingServer', missing: r => `Referenced EmbeddingServer ${r.name} not found` },
  // mirrors the session storage Redis password env valueFrom.secretKeyRef (not pre-validated)
  { source: 'VirtualMCPServer', path: 'spec.sessionStorage.passwordRef', target: 'Secret', keyed: {} },
  // mirrors controllers/virtualmcpserver_deployment.go validateSecretReferences for delegate clients; the other
  // auth server Secrets are mounted or injected without a pre-check
  ...embeddedAuthServerRefs('VirtualMCPServer', 'spec.authServerConfig', {
    'delegateClients[*].clientSecretRef': {
      missing: r => `Authentication configuration is invalid: failed to get ${vmcpDelegateClient(r)} secret ${nsName(r)}: ${apiNotFound('Secret', r.name)}`,
      keyMissing: r => `Authentication configuration is invalid: ${vmcpDelegateClient(r)} secret ${nsName(r)} is missing key ${q(r.key!)}`,
    },
  }),
  // mirrors the vMCP Deployment's imagePullSecrets (kubelet)
  { source: 'VirtualMCPServer', path: 'spec.imagePullSecrets[*]', target: 'Secret' },

  // ---- MCPExternalAuthConfig ----
  // mirrors pkg/controllerutil/tokenexchange.go addTokenExchangeConfig
  {
    source: 'MCPExternalAuthConfig',
    path: 'spec.tokenExchange.clientSecretRef',
    target: 'Secret',
    keyed: {},
    missing: r => `failed to get client secret ${nsName(r)}: ${apiNotFound('Secret', r.name)}`,
    keyMissing: r => `client secret ${nsName(r)} is missing key ${q(r.key!)}`,
  },
  // mirrors the header injection env valueFrom.secretKeyRef (not pre-validated)
  { source: 'MCPExternalAuthConfig', path: 'spec.headerInjection.valueSecretRef', target: 'Secret', keyed: {} },
  // mirrors pkg/controllerutil/tokenexchange.go addBearerTokenConfig
  {
    source: 'MCPExternalAuthConfig',
    path: 'spec.bearerToken.tokenSecretRef',
    target: 'Secret',
    keyed: {},
    missing: r => `failed to get bearer token secret ${nsName(r)}: ${apiNotFound('Secret', r.name)}`,
    keyMissing: r => `bearer token secret ${nsName(r)} is missing key ${q(r.key!)}`,
  },
  // mirrors the OBO client secret env valueFrom.secretKeyRef (not pre-validated)
  { source: 'MCPExternalAuthConfig', path: 'spec.obo.clientSecretRef', target: 'Secret', keyed: {} },
  // mirrors the XAA client secret envs valueFrom.secretKeyRef (not pre-validated)
  { source: 'MCPExternalAuthConfig', path: 'spec.xaa.idpClientSecretRef', target: 'Secret', keyed: {} },
  { source: 'MCPExternalAuthConfig', path: 'spec.xaa.targetClientSecretRef', target: 'Secret', keyed: {} },
  // mirrors the embedded auth server's Secret volumes and envs (controllers ctrlutil authserver.go: volumes and env vars, not pre-validated)
  ...embeddedAuthServerRefs('MCPExternalAuthConfig', 'spec.embeddedAuthServer'),

  // ---- MCPOIDCConfig ----
  // mirrors controllers/virtualmcpserver_deployment.go validateSecretReferences (the consumers check Secret and key)
  {
    source: 'MCPOIDCConfig',
    path: 'spec.inline.clientSecretRef',
    target: 'Secret',
    keyed: {},
    missing: r => `failed to get MCPOIDCConfig OIDC client secret secret ${nsName(r)}: ${apiNotFound('Secret', r.name)}`,
    keyMissing: r => `MCPOIDCConfig OIDC client secret secret ${nsName(r)} is missing key ${q(r.key!)}`,
  },
  // mirrors controllers/mcpserver_controller.go validateCABundleRef (CABundleRefValidated condition; reads `data` only)
  {
    source: 'MCPOIDCConfig',
    path: 'spec.inline.caBundleRef.configMapRef',
    target: 'ConfigMap',
    keyed: { in: ['data'] },
    missing: r => `CA bundle ConfigMap '${r.name}' not found in namespace '${r.namespace}'`,
    keyMissing: r => `Key '${r.key!}' not found in ConfigMap '${r.name}'`,
  },

  // ---- MCPTelemetryConfig ----
  // mirrors the OTLP sensitive header env valueFrom.secretKeyRef (not pre-validated)
  { source: 'MCPTelemetryConfig', path: 'spec.openTelemetry.sensitiveHeaders[*].secretKeyRef', target: 'Secret', keyed: {} },
  // mirrors the otel-ca-bundle-<cm> volume (not pre-validated)
  { source: 'MCPTelemetryConfig', path: 'spec.openTelemetry.caBundleRef.configMapRef', target: 'ConfigMap', keyed: {} },

  // ---- MCPWebhookConfig (v1alpha1) ----
  // mirrors the webhook Secret volumes (whsec-*; not pre-validated)
  ...webhookRefs('validating'),
  ...webhookRefs('mutating'),

  // ---- EmbeddingServer ----
  // mirrors the HF_TOKEN env valueFrom.secretKeyRef (not pre-validated)
  { source: 'EmbeddingServer', path: 'spec.hfTokenSecretRef', target: 'Secret', keyed: {} },

  // ---- MCPRegistry ----
  // mirrors the pgpass-secret volume of pkg/registryapi/podtemplatespec.go WithPGPassSecretRefMount (not pre-validated)
  { source: 'MCPRegistry', path: 'spec.pgpassSecretRef', target: 'Secret', keyed: {} },
  // mirrors the registry-api Deployment's imagePullSecrets (kubelet)
  { source: 'MCPRegistry', path: 'spec.imagePullSecrets[*]', target: 'Secret' },
] as const satisfies readonly RefSpec[];

/** The specs of one referring kind, in table order. */
export function specsFor(kind: string): readonly RefSpec[] {
  let hit = BY_SOURCE.get(kind);
  if (!hit) BY_SOURCE.set(kind, hit = REF_SPECS.filter(s => s.source === kind));
  return hit;
}

const BY_SOURCE = new Map<string, readonly RefSpec[]>();
