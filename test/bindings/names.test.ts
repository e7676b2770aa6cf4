import {
  bearerTokenEnvVar, delegateClientSecretEnvVar, goCompare, goJsonString, goToUpper, headerForwardManifestEnvVar,
  headerForwardSecretEnvVar, normalizeForEnvVar, otelHeaderEnvVar, upstreamClientSecretEnvVar, upstreamDcrTokenEnvVar,
  vmcpHeaderInjectionEnvVar, vmcpTokenExchangeEnvVar, vmcpXaaIdpEnvVar, vmcpXaaTargetEnvVar,
} from '../../src/bindings/names';

describe('env var name transformations (ctrlutil externalauth.go, telemetry.go, authserver.go; wirefmt)', () => {
  test.each([
    ['bearer token: Secret name verbatim', bearerTokenEnvVar('my-token.v2'), 'TOOLHIVE_SECRET_my-token.v2'],
    ['upstream client secret: upper case, "-" to "_"', upstreamClientSecretEnvVar('okta-corp'), 'TOOLHIVE_UPSTREAM_CLIENT_SECRET_OKTA_CORP'],
    ['upstream DCR token', upstreamDcrTokenEnvVar('git-hub'), 'TOOLHIVE_UPSTREAM_DCR_INITIAL_ACCESS_TOKEN_GIT_HUB'],
    ['delegate client: list index', delegateClientSecretEnvVar(3), 'TOOLHIVE_DELEGATE_CLIENT_SECRET_3'],
    ['OTel header: only "-" is mapped', otelHeaderEnvVar('x-api.key'), 'TOOLHIVE_OTEL_HEADER_X_API.KEY'],
    ['vMCP token exchange: "." becomes "_"', vmcpTokenExchangeEnvVar('my.cfg'), 'TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_MY_CFG'],
    ['vMCP header injection', vmcpHeaderInjectionEnvVar('my-cfg'), 'TOOLHIVE_HEADER_INJECTION_VALUE_MY_CFG'],
    ['vMCP XAA IdP', vmcpXaaIdpEnvVar('a.b-c'), 'TOOLHIVE_XAA_IDP_CLIENT_SECRET_A_B_C'],
    ['vMCP XAA target', vmcpXaaTargetEnvVar('a.b-c'), 'TOOLHIVE_XAA_TARGET_CLIENT_SECRET_A_B_C'],
    ['header forward manifest', headerForwardManifestEnvVar('docs.site'), 'TOOLHIVE_HEADER_FORWARD_DOCS_SITE'],
    ['header forward secret', headerForwardSecretEnvVar('my-proxy', 'X-Api Key').envVar, 'TOOLHIVE_SECRET_HEADER_FORWARD_X_API_KEY_MY_PROXY'],
    ['header forward identifier', headerForwardSecretEnvVar('p', 'x').identifier, 'HEADER_FORWARD_X_P'],
  ])('%s', (_title, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test('normalisation is lossy: "my.cfg" and "my-cfg" collide', () => {
    expect(normalizeForEnvVar('my.cfg')).toBe(normalizeForEnvVar('my-cfg'));
  });

  test('upper-cases rune by rune like Go (ß stays, é becomes É) and replaces every non-[A-Z0-9_] rune once', () => {
    expect(goToUpper('straße-é')).toBe('STRAßE-É');
    expect(normalizeForEnvVar('straße-é')).toBe('STRA_E__');
    expect(normalizeForEnvVar('a😀b')).toBe('A_B');
  });

  test('compares like Go (by code point, not UTF-16 unit)', () => {
    expect(['b', 'B', 'a', '\u{1F600}', '\uFFFD'].sort(goCompare)).toEqual(['B', 'a', 'b', '\uFFFD', '\u{1F600}']);
  });

  test('escapes JSON like Go json.Marshal', () => {
    expect(goJsonString('<a & b>\u2028')).toBe('"\\u003ca \\u0026 b\\u003e\\u2028"');
  });
});
