/**
 * MCPOIDCConfig reconcile-time checks (`validateOIDCConfigSpec` in controllers/mcpoidcconfig_controller.go
 * and `ValidateCABundleSource`). The type/inline union itself is a CRD CEL rule and is not repeated here.
 */
import { goQuote } from './go/quote';
import { parseGoURL } from './go/url';
import type { ManifestSet, RuleDoc, Violation } from '../../core/types';
import { dict, str, violation } from '../../core/util';

const ISSUER_EMPTY = 'issuer is empty: set spec.inline.issuer to the issuer URL of the identity provider (the iss claim of its tokens); without it a VirtualMCPServer using this config exits at start, an MCPServer or MCPRemoteProxy exits unless jwksUrl is set, and then accepts tokens from any issuer';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.oidc.issuer-url',
    checks: 'inline issuer parses (Go url.Parse), has a scheme and host, and is https unless insecureAllowHTTP',
    source: 'cmd/thv-operator/pkg/validation/oidc_validation.go ValidateOIDCIssuerURL',
    example: 'OIDC issuer URL "http://idp.example.com" uses HTTP scheme, which is insecure; use HTTPS or set insecureAllowHTTP: true for development only',
    severityReason: 'the MCPOIDCConfig controller sets Valid=False',
  },
  {
    id: 'operator.oidc.issuer-empty',
    checks: 'inline issuer is not empty (the CRD requires the field but accepts ""; ValidateOIDCIssuerURL skips an empty issuer, so the config is Valid)',
    source: 'pkg/vmcp/config/validator.go validateIncomingAuth; pkg/auth/token.go resolveJWKSDiscovery (ErrMissingIssuerAndJWKSURL) and TokenValidator (iss checked only when the issuer is set)',
    example: ISSUER_EMPTY,
    severityReason: 'consumers cannot use it: a VirtualMCPServer\'s vmcp exits at start (incomingAuth.oidc.issuer is required), an MCPServer\'s or MCPRemoteProxy\'s proxy runner exits without a jwksUrl (either issuer or JWKS URL must be provided) and with one accepts tokens whatever their iss claim',
  },
  {
    id: 'operator.oidc.jwks-url',
    checks: 'inline jwksUrl, when set, parses, is http(s), is https unless insecureAllowHTTP, and has a host',
    source: 'cmd/thv-operator/pkg/validation/url_validation.go ValidateJWKSURL',
    example: 'JWKS URL "ftp://idp/keys" has unsupported scheme "ftp"; must be http or https',
    severityReason: 'the MCPOIDCConfig controller sets Valid=False',
  },
  {
    id: 'operator.oidc.ca-bundle',
    checks: 'inline caBundleRef names a ConfigMap whose name fits the volume name (at most 48 characters)',
    source: 'cmd/thv-operator/pkg/validation/oidc_validation.go ValidateCABundleSource',
    example: 'configMapRef.name "a-very-long-config-map-name-that-does-not-fit-in-a-volume" is too long (57 chars); maximum is 48 characters to fit in Kubernetes volume name',
    severityReason: 'ValidateCABundleSource fails: Valid=False on the config, CABundleRefValidated=False on consumers',
  },
];

/** 63 (volume name limit) − len("oidc-ca-bundle-"). */
const MAX_CA_CONFIGMAP_NAME = 48;

/** `ValidateOIDCIssuerURL(issuer, insecureAllowHTTP)`; an empty issuer is not checked (as in Go). */
export function checkIssuerUrl(issuer: string, insecure: boolean): string | undefined {
  if (issuer === '') return undefined;
  const r = parseGoURL(issuer);
  if (!r.ok) return `OIDC issuer URL ${goQuote(issuer)} is malformed: ${r.error}`;
  const { scheme, host } = r.url;
  if (scheme === '' || host === '') return `OIDC issuer URL ${goQuote(issuer)} is malformed: missing scheme or host`;
  if (scheme === 'http' && !insecure) {
    return `OIDC issuer URL ${goQuote(issuer)} uses HTTP scheme, which is insecure; use HTTPS or set insecureAllowHTTP: true for development only`;
  }
  if (scheme !== 'http' && scheme !== 'https') return `OIDC issuer URL ${goQuote(issuer)} has unsupported scheme ${goQuote(scheme)}; must be http or https`;
  return undefined;
}

/** `ValidateJWKSURL(jwksUrl, insecureAllowHTTP)`; empty means discovery and is fine. */
export function checkJwksUrl(raw: string, insecure: boolean): string | undefined {
  if (raw === '') return undefined;
  const r = parseGoURL(raw);
  if (!r.ok) return `JWKS URL is invalid: ${r.error}`;
  const { scheme, host } = r.url;
  if (scheme === 'http' && !insecure) {
    return `JWKS URL ${goQuote(raw)} uses HTTP scheme, which is insecure; use HTTPS or set insecureAllowHTTP: true for development only`;
  }
  if (scheme !== 'http' && scheme !== 'https') return `JWKS URL ${goQuote(raw)} has unsupported scheme ${goQuote(scheme)}; must be http or https`;
  if (host === '') return 'JWKS URL must have a valid host';
  return undefined;
}

export function oidcConfigLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('MCPOIDCConfig')) {
    const spec = dict(entry.defaulted.spec);
    const inline = dict(spec?.inline);
    // validateOIDCConfigSpec only looks at inline when type is inline
    if (str(spec?.type) !== 'inline' || !inline) continue;
    const insecure = inline.insecureAllowHTTP === true;

    const issuer = str(inline.issuer);
    // mirrors validateOIDCConfigSpec: validation.ValidateOIDCIssuerURL(issuer, insecureAllowHTTP)
    const issuerProblem = issuer !== undefined ? checkIssuerUrl(issuer, insecure) : undefined;
    if (issuerProblem) out.push(violation(entry, 'spec.inline.issuer', 'operator.oidc.issuer-url', issuerProblem));
    // Go passes "" through (resolveFromInlineSharedConfig): the vmcp config validator and the token validator judge it
    if (issuer === '') out.push(violation(entry, 'spec.inline.issuer', 'operator.oidc.issuer-empty', ISSUER_EMPTY));

    const jwks = str(inline.jwksUrl);
    // mirrors validateOIDCConfigSpec: validation.ValidateJWKSURL(jwksUrl, insecureAllowHTTP)
    const jwksProblem = jwks !== undefined ? checkJwksUrl(jwks, insecure) : undefined;
    if (jwksProblem) out.push(violation(entry, 'spec.inline.jwksUrl', 'operator.oidc.jwks-url', jwksProblem));

    if (inline.caBundleRef === undefined) continue;
    const ca = dict(inline.caBundleRef);
    const cmRef = dict(ca?.configMapRef);
    // mirrors validation.ValidateCABundleSource (OIDC resolver and the MCPServer/MCPRemoteProxy CABundleRefValidated condition)
    if (!cmRef) {
      out.push(violation(entry, 'spec.inline.caBundleRef', 'operator.oidc.ca-bundle', 'configMapRef must be specified in caBundleRef'));
      continue;
    }
    const name = str(cmRef.name) ?? '';
    if (name === '') {
      out.push(violation(entry, 'spec.inline.caBundleRef.configMapRef.name', 'operator.oidc.ca-bundle', 'configMapRef.name must be specified'));
    } else if (Buffer.byteLength(name, 'utf8') > MAX_CA_CONFIGMAP_NAME) {
      out.push(violation(entry, 'spec.inline.caBundleRef.configMapRef.name', 'operator.oidc.ca-bundle',
        `configMapRef.name ${goQuote(name)} is too long (${Buffer.byteLength(name, 'utf8')} chars); maximum is ${MAX_CA_CONFIGMAP_NAME} characters to fit in Kubernetes volume name`));
    }
  }
  return out;
}
