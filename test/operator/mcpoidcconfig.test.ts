import { findings, messages, toolhive } from './config-fixtures';

const oidc = (inline: Record<string, unknown>) => toolhive('MCPOIDCConfig', 'idp', { type: 'inline', inline: { clientId: 'mcp', ...inline } });

describe('MCPOIDCConfig issuer URL', () => {
  const rule = 'operator.oidc.issuer-url';

  it('accepts an https issuer, and http with insecureAllowHTTP', () => {
    expect(findings([oidc({ issuer: 'https://accounts.example.com/realms/mcp' })])).toEqual([]);
    expect(findings([oidc({ issuer: 'http://keycloak.auth.svc:8080/realms/mcp', insecureAllowHTTP: true })])).toEqual([]);
  });

  it('does not check kubernetesServiceAccount issuers', () => {
    expect(findings([toolhive('MCPOIDCConfig', 'k8s', { type: 'kubernetesServiceAccount', kubernetesServiceAccount: { issuer: 'http://kubernetes.default.svc' } })])).toEqual([]);
  });

  it('rejects an http issuer without insecureAllowHTTP', () => {
    expect(findings([oidc({ issuer: 'http://idp.example.com' })])).toEqual([{
      kind: 'MCPOIDCConfig',
      name: 'idp',
      path: 'spec.inline.issuer',
      rule,
      severity: 'error',
      message: 'OIDC issuer URL "http://idp.example.com" uses HTTP scheme, which is insecure; use HTTPS or set insecureAllowHTTP: true for development only',
    }]);
  });

  it('rejects an issuer without scheme or host', () => {
    expect(messages([oidc({ issuer: 'idp.example.com' })], rule)).toEqual(['OIDC issuer URL "idp.example.com" is malformed: missing scheme or host']);
    expect(messages([oidc({ issuer: 'https:///realms/x' })], rule)).toEqual(['OIDC issuer URL "https:///realms/x" is malformed: missing scheme or host']);
  });

  it('rejects an issuer Go cannot parse', () => {
    expect(messages([oidc({ issuer: ':idp' })], rule)).toEqual(['OIDC issuer URL ":idp" is malformed: parse ":idp": missing protocol scheme']);
    expect(messages([oidc({ issuer: 'https://idp.example.com:443x' })], rule)).toEqual([
      'OIDC issuer URL "https://idp.example.com:443x" is malformed: parse "https://idp.example.com:443x": invalid port ":443x" after host',
    ]);
  });

  it('rejects an unsupported scheme, even with insecureAllowHTTP', () => {
    expect(messages([oidc({ issuer: 'ftp://idp.example.com', insecureAllowHTTP: true })], rule)).toEqual([
      'OIDC issuer URL "ftp://idp.example.com" has unsupported scheme "ftp"; must be http or https',
    ]);
  });
});

describe('MCPOIDCConfig empty issuer', () => {
  const rule = 'operator.oidc.issuer-empty';
  const message = 'issuer is empty: set spec.inline.issuer to the issuer URL of the identity provider (the iss claim of its tokens); without it a VirtualMCPServer using this config exits at start, an MCPServer or MCPRemoteProxy exits unless jwksUrl is set, and then accepts tokens from any issuer';

  it('rejects an empty inline issuer, which the schema admits and ValidateOIDCIssuerURL skips', () => {
    expect(findings([oidc({ issuer: '' })])).toEqual([{
      kind: 'MCPOIDCConfig',
      name: 'idp',
      path: 'spec.inline.issuer',
      rule,
      severity: 'error',
      message,
    }]);
  });

  it('rejects it with a jwksUrl too (the iss claim then goes unchecked), in every release', () => {
    for (const release of ['v0.43.0', 'v0.44.0', 'main@e25de16']) {
      expect(messages([oidc({ issuer: '', jwksUrl: 'https://idp.example.com/keys' })], rule, release)).toEqual([message]);
    }
  });

  it('accepts an empty kubernetesServiceAccount issuer (the resolver defaults it to https://kubernetes.default.svc)', () => {
    expect(findings([toolhive('MCPOIDCConfig', 'k8s', { type: 'kubernetesServiceAccount', kubernetesServiceAccount: { issuer: '' } })])).toEqual([]);
  });
});

describe('MCPOIDCConfig JWKS URL', () => {
  const rule = 'operator.oidc.jwks-url';
  const issuer = 'https://idp.example.com';

  it('accepts no JWKS URL, an https one, and http with insecureAllowHTTP', () => {
    expect(findings([oidc({ issuer })])).toEqual([]);
    expect(findings([oidc({ issuer, jwksUrl: 'https://idp.example.com/keys' })])).toEqual([]);
    expect(findings([oidc({ issuer: 'http://idp.local', jwksUrl: 'http://idp.local/keys', insecureAllowHTTP: true })])).toEqual([]);
  });

  it('rejects an http JWKS URL without insecureAllowHTTP', () => {
    expect(findings([oidc({ issuer, jwksUrl: 'http://idp.example.com/keys' })])).toEqual([{
      kind: 'MCPOIDCConfig',
      name: 'idp',
      path: 'spec.inline.jwksUrl',
      rule,
      severity: 'error',
      message: 'JWKS URL "http://idp.example.com/keys" uses HTTP scheme, which is insecure; use HTTPS or set insecureAllowHTTP: true for development only',
    }]);
  });

  it('rejects other schemes, hostless and unparsable URLs', () => {
    expect(messages([oidc({ issuer, jwksUrl: 'ftp://idp.example.com/keys' })], rule)).toEqual(['JWKS URL "ftp://idp.example.com/keys" has unsupported scheme "ftp"; must be http or https']);
    expect(messages([oidc({ issuer, jwksUrl: '/keys' })], rule)).toEqual(['JWKS URL "/keys" has unsupported scheme ""; must be http or https']);
    expect(messages([oidc({ issuer, jwksUrl: 'https:///keys' })], rule)).toEqual(['JWKS URL must have a valid host']);
    expect(messages([oidc({ issuer, jwksUrl: 'https://idp example/keys' })], rule)).toEqual(['JWKS URL is invalid: parse "https://idp example/keys": invalid character " " in host name']);
  });
});

describe('MCPOIDCConfig CA bundle', () => {
  const rule = 'operator.oidc.ca-bundle';
  const issuer = 'https://idp.example.com';

  it('accepts a ConfigMap name of 48 characters', () => {
    const name = 'c'.repeat(48);
    expect(findings([oidc({ issuer, caBundleRef: { configMapRef: { name, key: 'ca.crt' } } })])).toEqual([]);
  });

  it('rejects a ConfigMap name longer than 48 characters', () => {
    const name = 'corporate-root-certificate-authority-bundle-2025x';
    expect(findings([oidc({ issuer, caBundleRef: { configMapRef: { name, key: 'ca.crt' } } })])).toEqual([{
      kind: 'MCPOIDCConfig',
      name: 'idp',
      path: 'spec.inline.caBundleRef.configMapRef.name',
      rule,
      severity: 'error',
      message: 'configMapRef.name "corporate-root-certificate-authority-bundle-2025x" is too long (49 chars); maximum is 48 characters to fit in Kubernetes volume name',
    }]);
  });

  it('rejects a caBundleRef without a ConfigMap, or without its name', () => {
    expect(messages([oidc({ issuer, caBundleRef: {} })], rule)).toEqual(['configMapRef must be specified in caBundleRef']);
    expect(messages([oidc({ issuer, caBundleRef: { configMapRef: { key: 'ca.crt' } } })], rule)).toEqual(['configMapRef.name must be specified']);
  });
});
