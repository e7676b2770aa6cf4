/**
 * The operator's env var name transformations, reproduced exactly: ctrlutil tokenexchange.go
 * GenerateBearerTokenEnvVar, authserver.go buildUpstreamSecretBindings, externalauth.go envVarSanitizer,
 * telemetry.go normalizeHeaderEnvVarName, pkg/vmcp/headerforward/wirefmt NormalizeForEnvVar.
 */

/**
 * Go's `strings.ToUpper`: maps rune by rune. JavaScript's `toUpperCase` can expand one character into
 * several (`ß` → `SS`); Go keeps such a rune as it is.
 */
export function goToUpper(s: string): string {
  let out = '';
  for (const ch of s) {
    const up = ch.toUpperCase();
    out += [...up].length === 1 ? up : ch;
  }
  return out;
}

/** `strings.ToUpper(strings.ReplaceAll(name, "-", "_"))`: upstream providers and OTel sensitive headers. */
export function upperUnderscore(name: string): string {
  return goToUpper(name.split('-').join('_'));
}

/**
 * `wirefmt.NormalizeForEnvVar` and ctrlutil's `envVarSanitizer` path: upper case, `-` → `_`, then every
 * rune outside `[A-Z0-9_]` → `_`. Lossy: `my.cfg` and `my-cfg` both give `MY_CFG`.
 */
export function normalizeForEnvVar(name: string): string {
  return upperUnderscore(name).replace(/[^A-Z0-9_]/gu, '_');
}

/** mirrors ctrlutil GenerateBearerTokenEnvVar: the Secret name verbatim, no case or character mapping */
export function bearerTokenEnvVar(secretName: string): string {
  return `TOOLHIVE_SECRET_${secretName}`;
}

/** mirrors ctrlutil buildUpstreamSecretBindings */
export function upstreamClientSecretEnvVar(providerName: string): string {
  return `TOOLHIVE_UPSTREAM_CLIENT_SECRET_${upperUnderscore(providerName)}`;
}

/** mirrors ctrlutil buildUpstreamSecretBindings (DCR initial access token) */
export function upstreamDcrTokenEnvVar(providerName: string): string {
  return `TOOLHIVE_UPSTREAM_DCR_INITIAL_ACCESS_TOKEN_${upperUnderscore(providerName)}`;
}

/** mirrors ctrlutil delegateClientSecretEnvVarName: the zero-based list index, so reordering renames */
export function delegateClientSecretEnvVar(index: number): string {
  return `TOOLHIVE_DELEGATE_CLIENT_SECRET_${index}`;
}

/** mirrors ctrlutil normalizeHeaderEnvVarName (only `-` is mapped; `.` and spaces pass through) */
export function otelHeaderEnvVar(headerName: string): string {
  return `TOOLHIVE_OTEL_HEADER_${upperUnderscore(headerName)}`;
}

/** mirrors wirefmt.SecretEnvVarName: returns the env var name and the secret identifier */
export function headerForwardSecretEnvVar(ownerName: string, headerName: string): { envVar: string; identifier: string } {
  const identifier = `HEADER_FORWARD_${normalizeForEnvVar(headerName)}_${normalizeForEnvVar(ownerName)}`;
  return { envVar: `TOOLHIVE_SECRET_${identifier}`, identifier };
}

/** mirrors wirefmt.ManifestEnvVarName */
export function headerForwardManifestEnvVar(ownerName: string): string {
  return `TOOLHIVE_HEADER_FORWARD_${normalizeForEnvVar(ownerName)}`;
}

/** mirrors ctrlutil GenerateUniqueTokenExchangeEnvVarName */
export function vmcpTokenExchangeEnvVar(configName: string): string {
  return `TOOLHIVE_TOKEN_EXCHANGE_CLIENT_SECRET_${normalizeForEnvVar(configName)}`;
}

/** mirrors ctrlutil GenerateUniqueHeaderInjectionEnvVarName */
export function vmcpHeaderInjectionEnvVar(configName: string): string {
  return `TOOLHIVE_HEADER_INJECTION_VALUE_${normalizeForEnvVar(configName)}`;
}

/** mirrors ctrlutil GenerateUniqueXAAIDPSecretEnvVarName */
export function vmcpXaaIdpEnvVar(configName: string): string {
  return `TOOLHIVE_XAA_IDP_CLIENT_SECRET_${normalizeForEnvVar(configName)}`;
}

/** mirrors ctrlutil GenerateUniqueXAATargetSecretEnvVarName */
export function vmcpXaaTargetEnvVar(configName: string): string {
  return `TOOLHIVE_XAA_TARGET_CLIENT_SECRET_${normalizeForEnvVar(configName)}`;
}

/** Compares strings by UTF-8 bytes (= by code points), like Go's `<` on strings (sort.Strings, JSON map keys). */
export function goCompare(a: string, b: string): number {
  // UTF-16 code units order like code points until a surrogate is involved: compare those by code points
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x >= 0xd800 || y >= 0xd800) return codePointCompare(a, b);
    if (x !== y) return x - y;
  }
  return a.length === b.length ? 0 : codePointCompare(a, b);
}

function codePointCompare(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = (ca[i].codePointAt(0) ?? 0) - (cb[i].codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}

/** Go's `json.Marshal` of a string: HTML-sensitive characters escaped (`<`, `>`, `&`, U+2028, U+2029). */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go's `json.Marshal` of a `map[string]string`: keys sorted by bytes. */
export function goJsonStringMap(map: ReadonlyMap<string, string>): string {
  const keys = [...map.keys()].sort(goCompare);
  return `{${keys.map(k => `${goJsonString(k)}:${goJsonString(map.get(k) ?? '')}`).join(',')}}`;
}
