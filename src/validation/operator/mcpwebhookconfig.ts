/**
 * MCPWebhookConfig checks (`ctrlutil.ValidateMCPWebhookConfigSpec` → `webhook.Config.ValidateDefinition`).
 * Every message carries the operator's `validating webhook[%d] %q: ` / `mutating webhook[%d] %q: ` prefix.
 * The name (minLength 1), URL syntax (format: uri, Go url.ParseRequestURI) and failurePolicy (enum,
 * default fail) checks are enforced by the CRD schema.
 */
import { formatGoDuration, parseGoDuration, SECOND } from './go/duration';
import { goQuote } from './go/quote';
import { parseGoRequestURI } from './go/url';
import type { ManifestSet, RuleDoc, Severity, Violation } from '../../core/types';
import { dict, list, str, violation } from '../../core/util';

const SOURCE = 'pkg/webhook/types.go (*Config).ValidateDefinition via ctrlutil.ValidateMCPWebhookConfigSpec';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.webhook.url',
    checks: 'the webhook URL uses https unless tlsConfig.insecureSkipVerify is true (parse errors are the CRD format: uri check)',
    source: SOURCE,
    example: 'validating webhook[0] "policy": webhook URL must use HTTPS (set insecure_skip_verify to allow HTTP for development/in-cluster use)',
    severityReason: 'ValidateMCPWebhookConfigSpec fails: Valid=False',
  },
  {
    id: 'operator.webhook.timeout',
    checks: 'timeout is a Go duration between 1s and 30s (0 means the 10s default)',
    source: SOURCE,
    example: 'mutating webhook[0] "enrich": webhook timeout 45s exceeds maximum 30s',
    severityReason: 'ValidateMCPWebhookConfigSpec fails: Valid=False',
  },
  {
    id: 'operator.webhook.mtls-pair',
    checks: 'tlsConfig.clientCertSecretRef and clientKeySecretRef are set together (the operator silently drops a half pair, so mTLS is off)',
    source: 'cmd/thv-operator/pkg/controllerutil/webhook.go buildWebhookConfig (drops both paths unless both refs are set)',
    example: 'validating webhook[0] "policy": tlsConfig.clientCertSecretRef is set without tlsConfig.clientKeySecretRef; the operator ignores a half mTLS pair and connects without a client certificate, so set both or neither',
    severity: 'warning',
    severityReason: 'the operator accepts the config and silently drops the half pair: the webhook client runs without a client certificate',
  },
];

const MAX_TIMEOUT = 30n * SECOND;

export function webhookConfigLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('MCPWebhookConfig')) {
    const spec = dict(entry.defaulted.spec);
    for (const kind of ['validating', 'mutating'] as const) {
      list(spec?.[kind]).forEach((w, i) => {
        const hook = dict(w);
        if (!hook) return;
        const path = `spec.${kind}[${i}]`;
        const prefix = `${kind} webhook[${i}] ${goQuote(str(hook.name) ?? '')}: `;
        const tls = dict(hook.tlsConfig);
        const report = (field: string, rule: string, message: string, severity?: Severity) =>
          out.push(violation(entry, `${path}${field}`, rule, prefix + message, severity));

        // mirrors ValidateDefinition: https unless insecure_skip_verify (a URL that url.ParseRequestURI rejects,
        // including "", already fails the CRD's format: uri, which uses the same parser)
        const url = str(hook.url);
        const parsed = url !== undefined ? parseGoRequestURI(url) : undefined;
        if (parsed?.ok && parsed.url.scheme !== 'https' && tls?.insecureSkipVerify !== true) {
          report('.url', 'operator.webhook.url', 'webhook URL must use HTTPS (set insecure_skip_verify to allow HTTP for development/in-cluster use)');
        }

        // mirrors ValidateDefinition: 0 < timeout < 1s or timeout > 30s is rejected (timeout is a metav1.Duration)
        const timeout = str(hook.timeout);
        if (timeout !== undefined) {
          const d = parseGoDuration(timeout);
          if (!d.ok) {
            report('.timeout', 'operator.webhook.timeout', `webhook timeout ${goQuote(timeout)} is not a Go duration (${d.error}); the operator cannot decode it, use a value such as "5s"`);
          } else if (d.ns !== 0n && d.ns < SECOND) {
            report('.timeout', 'operator.webhook.timeout', 'webhook timeout must be between 1s and 30s');
          } else if (d.ns > MAX_TIMEOUT) {
            report('.timeout', 'operator.webhook.timeout', `webhook timeout ${formatGoDuration(d.ns)} exceeds maximum 30s`);
          }
        }

        // buildWebhookConfig only wires client cert/key when both refs are present; a half pair is dropped silently
        if (tls) {
          const cert = tls.clientCertSecretRef !== undefined;
          const key = tls.clientKeySecretRef !== undefined;
          if (cert !== key) {
            const [set1, missing] = cert ? ['clientCertSecretRef', 'clientKeySecretRef'] : ['clientKeySecretRef', 'clientCertSecretRef'];
            report(`.tlsConfig.${set1}`, 'operator.webhook.mtls-pair',
              `tlsConfig.${set1} is set without tlsConfig.${missing}; the operator ignores a half mTLS pair and connects without a client certificate, so set both or neither`, 'warning');
          }
        }
      });
    }
  }
  return out;
}
