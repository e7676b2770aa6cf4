/**
 * The Kubernetes version whose API server the engine reproduces. Only a few behaviours changed between
 * releases; each is decided here, from the upstream commit that changed it.
 */

/** The newest Kubernetes release (k8s.io/apiextensions-apiserver tag kubernetes-1.36.3). */
export const NEWEST_KUBERNETES_VERSION = '1.36';

/** A `major.minor` Kubernetes version. */
export interface KubeVersion { readonly major: number; readonly minor: number }

/**
 * Parses `1.36`, `v1.36` or `1.36.3` (the patch is ignored). Throws on anything else: it is an option, not data.
 */
export function parseKubernetesVersion(text: string): KubeVersion {
  const m = /^v?(\d{1,3})\.(\d{1,3})(?:\.\d{1,4})?$/.exec(text);
  if (!m) throw new Error(`invalid Kubernetes version ${JSON.stringify(text)}: expected major.minor, e.g. ${NEWEST_KUBERNETES_VERSION}`);
  return { major: Number(m[1]), minor: Number(m[2]) };
}

function atLeast(v: KubeVersion, major: number, minor: number): boolean {
  return v.major > major || (v.major === major && v.minor >= minor);
}

/**
 * From 1.36 the API server keeps `format: int32` / `int64` on integer schemas and checks the range
 * (apiextensions-apiserver pkg/apiserver/validation/formats.go, "Stop stripping valid formats for
 * number/integer types"); before, every integer format was stripped and never enforced.
 */
export function enforcesIntegerFormats(v: KubeVersion): boolean {
  return atLeast(v, 1, 36);
}
