/**
 * The externals file: the objects a cdk8s App assumed to exist outside it (declared with `fromName`,
 * `SecretKey.external`, `ConfigMapKey.external`, `addExternal`), written by synth next to the manifests and read by
 * `toolhive-constructs validate --externals FILE` and the cdk8s validation plugin. Pure text in, text out: the
 * callers do the I/O.
 *
 * ```json
 * { "version": 1, "external": ["ConfigMap/tools/authz-policies", "Secret/tools/github-token"] }
 * ```
 */
import { parseExternal } from './manifest-set';

/** The file name synth writes in the App's output directory. */
export const EXTERNALS_FILE = 'toolhive-externals.json';

/** The file's contents for a list of `Kind/namespace/name` entries: sorted, without duplicates, one per line. */
export function formatExternalsFile(external: readonly string[]): string {
  return `${JSON.stringify({ version: 1, external: [...new Set(external)].sort() }, null, 2)}\n`;
}

/**
 * The entries of an externals file.
 *
 * @throws Error naming `file` and what is wrong (not JSON, wrong shape, a bad entry), never quoting the text
 */
export function parseExternalsFile(text: string, file: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${file}: not a JSON externals file: expected {"version": 1, "external": ["Kind/namespace/name", ...]}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${file}: expected a JSON object {"version": 1, "external": [...]}`);
  }
  const { version, external } = data as Record<string, unknown>;
  if (version !== 1) throw new Error(`${file}: unsupported externals file version ${JSON.stringify(version) ?? 'undefined'}: expected 1`);
  if (!Array.isArray(external)) throw new Error(`${file}: "external" must be a list of "Kind/namespace/name" strings`);
  return external.map((x, i) => {
    if (typeof x !== 'string') throw new Error(`${file}: external[${i}] must be a string "Kind/namespace/name"`);
    try {
      parseExternal(x);
    } catch {
      throw new Error(`${file}: external[${i}] ${JSON.stringify(x)} is not Kind/name, Kind/namespace/name or Kind/*`);
    }
    return x;
  });
}
