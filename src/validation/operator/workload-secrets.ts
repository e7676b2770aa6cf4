/**
 * Secret and ConfigMap values the workloads parse at start, checked when the object is in the set. Nothing of a
 * value is ever reported: only the object, the key and what is wrong (a key type, a size, PEM labels).
 *
 * - Embedded auth server signing keys: ctrlutil authserver.go GenerateAuthServerVolumes mounts each
 *   signingKeySecretRefs entry as a file; pkg/authserver/server/keys provider.go loadKeyFromFile runs
 *   crypto LoadSigningKey (first PEM block: PKCS#1, SEC 1 or PKCS#8; RSA of at least 2048 bits) and
 *   DeriveAlgorithm (RSA, EC P-256/P-384/P-521, Ed25519).
 * - HMAC secrets: the same volumes; pkg/authserver/runner embeddedauthserver.go loadHMACSecrets reads raw
 *   bytes (no trimming) and requires at least 32 bytes for the current and every rotated secret.
 * - CA bundles: x509.CertPool.AppendCertsFromPEM must find a certificate (pkg/networking http_client.go,
 *   pkg/webhook/client.go, pkg/vmcp/client/client.go; Redis TLS via embeddedauthserver.go convertRedisTLSRunConfig).
 *
 * An MCPExternalAuthConfig no workload in the set uses is not read by anyone yet: its findings are warnings
 * (as for a missing Secret key, see references/consumers.ts).
 */
import { checkCertificateBundle, checkSigningKey } from './go/pem';
import { goQuote as q } from './go/quote';
import type { ManifestSet, ObjectEntry, RuleDoc, Severity, Violation } from '../../core/types';
import { dict, str, violation, type Dict } from '../../core/util';
import { externalAuthConfigConsumed } from '../references/consumers';
import { expand } from '../references/paths';

const SIGNING = 'operator.secret.signing-key';
const HMAC = 'operator.secret.hmac-key';
const CA = 'operator.secret.ca-bundle';
const MIN_HMAC_BYTES = 32;

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: SIGNING,
    checks: 'each embedded auth server signingKeySecretRefs value (MCPExternalAuthConfig, VirtualMCPServer authServerConfig) is an unencrypted PEM private key the auth server can sign with: RSA of at least 2048 bits, EC P-256/P-384/P-521 or Ed25519 (PKCS#1, SEC 1 or PKCS#8)',
    source: 'pkg/authserver/server/crypto/keys.go LoadSigningKey, DeriveAlgorithm (via keys/provider.go loadKeyFromFile); ctrlutil authserver.go GenerateAuthServerVolumes',
    example: 'signing key Secret "auth-keys" key "key.pem" is an RSA key of 1024 bits, below the minimum of 2048 bits; the embedded auth server cannot load it and exits at start: store an unencrypted PEM private key (RSA of 2048 bits or more, EC P-256, P-384 or P-521, or Ed25519)',
    severityReason: 'the embedded auth server fails to load its key at start and the workload does not run (a warning while no workload uses the MCPExternalAuthConfig)',
  },
  {
    id: HMAC,
    checks: 'each embedded auth server hmacSecretRefs value holds at least 32 bytes (raw bytes, not trimmed)',
    source: 'pkg/authserver/runner/embeddedauthserver.go loadHMACSecrets (crypto.MinSecretLength)',
    example: 'HMAC Secret "auth-hmac" key "hmac" is 16 bytes, below the minimum of 32 bytes; the embedded auth server exits at start: store at least 32 random bytes',
    severityReason: 'loadHMACSecrets fails at start and the workload does not run (a warning while no workload uses the MCPExternalAuthConfig)',
  },
  {
    id: CA,
    checks: 'CA bundles hold at least one PEM certificate: Redis tls/sentinelTls caCertSecretRef of an embedded auth server, MCPWebhookConfig tlsConfig.caSecretRef, MCPOIDCConfig inline caBundleRef, MCPTelemetryConfig caBundleRef, MCPServerEntry caBundleRef',
    source: 'x509.CertPool.AppendCertsFromPEM in pkg/networking/http_client.go, pkg/webhook/client.go, pkg/vmcp/client/client.go and the Redis TLS config of pkg/authserver/runner/embeddedauthserver.go',
    example: 'CA bundle Secret "redis-ca" key "ca.crt" holds PEM blocks of type "PRIVATE KEY" but no CERTIFICATE; the embedded auth server\'s Redis client cannot trust any server with it: store the PEM-encoded CA certificates',
    severityReason: 'the client that loads the bundle fails to build its TLS configuration, so the workload fails at start or on every connection (a warning while no workload uses the MCPExternalAuthConfig)',
  },
];

/** A value's bytes: Secret stringData (which wins on the API server) then data; ConfigMap data then binaryData. */
function valueBytes(target: ObjectEntry, key: string, dataOnly: boolean): Buffer | undefined {
  const obj = target.object;
  const own = (field: string) => {
    const m = dict(obj[field]);
    return m && Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
  };
  const [plain, encoded] = target.kind === 'Secret' ? ['stringData', 'data'] : ['data', 'binaryData'];
  const p = own(plain);
  if (typeof p === 'string') return Buffer.from(p, 'utf8');
  const e = dataOnly ? undefined : own(encoded);
  if (typeof e !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(e)) return undefined; // invalid base64 is identity.secret-data's
  return Buffer.from(e, 'base64');
}

type Role = 'signing' | 'hmac' | 'ca';

interface Check {
  readonly entry: ObjectEntry;
  readonly pattern: string;
  readonly target: 'Secret' | 'ConfigMap';
  readonly role: Role;
  /** Who parses a CA bundle, for the message. */
  readonly consumer?: string;
  readonly severity: Severity;
  /** The consumer reads ConfigMap `data` only (the OIDC CA bundle). */
  readonly dataOnly?: boolean;
}

const FIX: Readonly<Record<Role, string>> = {
  signing: 'store an unencrypted PEM private key (RSA of 2048 bits or more, EC P-256, P-384 or P-521, or Ed25519)',
  hmac: `store at least ${MIN_HMAC_BYTES} random bytes`,
  ca: 'store the PEM-encoded CA certificates',
};

function check(set: ManifestSet, c: Check, out: Violation[]): void {
  for (const m of expand(c.entry.defaulted, c.pattern)) {
    const ref = dict(m.value);
    const name = str(ref?.name);
    const key = str(ref?.key);
    if (!name || !key) continue;
    const target = set.get(c.target, c.entry.namespace, name);
    const bytes = target && valueBytes(target, key, c.dataOnly === true);
    if (!bytes) continue; // missing object or key: the references layer reports it
    const what = `${c.target} ${q(name)} key ${q(key)}`;
    let rule: string;
    let message: string | undefined;
    if (c.role === 'signing') {
      const v = checkSigningKey(bytes);
      rule = SIGNING;
      if (!v.ok) message = `signing key ${what} ${v.problem}; the embedded auth server cannot load it and exits at start: ${FIX.signing}`;
    } else if (c.role === 'hmac') {
      rule = HMAC;
      if (bytes.length < MIN_HMAC_BYTES) {
        message = `HMAC ${what} is ${bytes.length} bytes, below the minimum of ${MIN_HMAC_BYTES} bytes; the embedded auth server exits at start: ${FIX.hmac}`;
      }
    } else {
      const v = checkCertificateBundle(bytes);
      rule = CA;
      if (!v.ok) message = `CA bundle ${what} ${v.problem}; ${c.consumer} cannot trust any server with it: ${FIX.ca}`;
    }
    if (!message) continue;
    const latent = c.severity === 'warning'
      ? ` (no workload in the set references MCPExternalAuthConfig ${q(c.entry.name)} yet; the value is parsed only when one does)`
      : '';
    out.push(violation(c.entry, `${m.path}.key`, rule, message + latent, c.severity));
  }
}

/** The embedded auth server config at `base`: keys, HMAC secrets and (only under storage type redis) Redis CA bundles. */
function embeddedAuthServer(set: ManifestSet, entry: ObjectEntry, base: string, cfg: Dict, severity: Severity, out: Violation[]): void {
  check(set, { entry, pattern: `${base}.signingKeySecretRefs[*]`, target: 'Secret', role: 'signing', severity }, out);
  check(set, { entry, pattern: `${base}.hmacSecretRefs[*]`, target: 'Secret', role: 'hmac', severity }, out);
  // buildStorageRunConfig reads storage.redis only for type redis
  if (str(dict(cfg.storage)?.type) !== 'redis') return;
  const consumer = 'the embedded auth server\'s Redis client';
  check(set, { entry, pattern: `${base}.storage.redis.tls.caCertSecretRef`, target: 'Secret', role: 'ca', consumer, severity }, out);
  check(set, { entry, pattern: `${base}.storage.redis.sentinelTls.caCertSecretRef`, target: 'Secret', role: 'ca', consumer, severity }, out);
}

export function workloadSecretsLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('MCPExternalAuthConfig')) {
    const spec = dict(entry.defaulted.spec);
    const cfg = dict(spec?.embeddedAuthServer);
    if (!cfg || str(spec?.type) !== 'embeddedAuthServer') continue;
    const severity: Severity = externalAuthConfigConsumed(set, entry.namespace, entry.name) ? 'error' : 'warning';
    embeddedAuthServer(set, entry, 'spec.embeddedAuthServer', cfg, severity, out);
  }
  for (const entry of set.ofKind('VirtualMCPServer')) {
    const cfg = dict(dict(entry.defaulted.spec)?.authServerConfig);
    if (cfg) embeddedAuthServer(set, entry, 'spec.authServerConfig', cfg, 'error', out);
  }
  for (const entry of set.ofKind('MCPWebhookConfig')) {
    for (const kind of ['validating', 'mutating']) {
      check(set, { entry, pattern: `spec.${kind}[*].tlsConfig.caSecretRef`, target: 'Secret', role: 'ca', consumer: 'the webhook client', severity: 'error' }, out);
    }
  }
  for (const entry of set.ofKind('MCPOIDCConfig')) {
    if (str(dict(entry.defaulted.spec)?.type) !== 'inline') continue;
    check(set, { entry, pattern: 'spec.inline.caBundleRef.configMapRef', target: 'ConfigMap', role: 'ca', consumer: 'the OIDC token validator', severity: 'error', dataOnly: true }, out);
  }
  for (const entry of set.ofKind('MCPTelemetryConfig')) {
    check(set, { entry, pattern: 'spec.openTelemetry.caBundleRef.configMapRef', target: 'ConfigMap', role: 'ca', consumer: 'the OTLP exporter', severity: 'error' }, out);
  }
  for (const entry of set.ofKind('MCPServerEntry')) {
    check(set, { entry, pattern: 'spec.caBundleRef.configMapRef', target: 'ConfigMap', role: 'ca', consumer: 'the vMCP backend client', severity: 'error' }, out);
  }
  return out;
}
