/**
 * MCPTelemetryConfig `Validate()` (api/v1beta1/mcptelemetryconfig_types.go), run by its controller and
 * again by every consumer. The headers/sensitiveHeaders overlap is a CRD CEL rule and is not repeated.
 */
import { goQuote } from './go/quote';
import type { ManifestSet, RuleDoc, Violation } from '../../core/types';
import { dict, list, str, violation } from '../../core/util';

const SOURCE = 'cmd/thv-operator/api/v1beta1/mcptelemetryconfig_types.go (*MCPTelemetryConfig).Validate';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.telemetry.endpoint-signals',
    checks: 'an openTelemetry endpoint has tracing or metrics enabled (checked even when openTelemetry.enabled is false)',
    source: `${SOURCE} validateEndpointRequiresSignals`,
    example: 'endpoint requires at least one of tracing or metrics to be enabled',
    severityReason: 'MCPTelemetryConfig.Validate sets Valid=False',
  },
  {
    id: 'operator.telemetry.sensitive-header',
    checks: 'every sensitiveHeaders entry names its Secret and key',
    source: `${SOURCE} validateSensitiveHeaders`,
    example: 'openTelemetry.sensitiveHeaders[0].secretKeyRef.key must not be empty',
    severityReason: 'MCPTelemetryConfig.Validate sets Valid=False',
  },
  {
    id: 'operator.telemetry.ca-bundle',
    checks: 'caBundleRef is not combined with insecure, names a ConfigMap, and the name fits the volume name (at most 48 characters)',
    source: `${SOURCE} validateCABundle`,
    example: 'openTelemetry.caBundleRef cannot be specified when insecure is true; they are mutually exclusive',
    severityReason: 'MCPTelemetryConfig.Validate sets Valid=False',
  },
];

/** 63 (volume name limit) − len("otel-ca-bundle-"). */
const MAX_CA_CONFIGMAP_NAME = 48;

export function telemetryConfigLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('MCPTelemetryConfig')) {
    const otel = dict(dict(entry.defaulted.spec)?.openTelemetry);
    if (!otel) continue;
    const base = 'spec.openTelemetry';

    // mirrors validateEndpointRequiresSignals: endpoint without tracing or metrics fails telemetry.NewProvider
    const endpoint = str(otel.endpoint) ?? '';
    const tracing = dict(otel.tracing)?.enabled === true;
    const metrics = dict(otel.metrics)?.enabled === true;
    if (endpoint !== '' && !tracing && !metrics) {
      out.push(violation(entry, `${base}.endpoint`, 'operator.telemetry.endpoint-signals', 'endpoint requires at least one of tracing or metrics to be enabled'));
    }

    // mirrors validateSensitiveHeaders: name, secretKeyRef.name and secretKeyRef.key must be non-empty
    list(otel.sensitiveHeaders).forEach((h, i) => {
      const header = dict(h);
      if (!header) return;
      const ref = dict(header.secretKeyRef);
      const p = `${base}.sensitiveHeaders[${i}]`;
      if ((str(header.name) ?? '') === '') {
        out.push(violation(entry, `${p}.name`, 'operator.telemetry.sensitive-header', `openTelemetry.sensitiveHeaders[${i}].name must not be empty`));
      } else if ((str(ref?.name) ?? '') === '') {
        out.push(violation(entry, `${p}.secretKeyRef.name`, 'operator.telemetry.sensitive-header', `openTelemetry.sensitiveHeaders[${i}].secretKeyRef.name must not be empty`));
      } else if ((str(ref?.key) ?? '') === '') {
        out.push(violation(entry, `${p}.secretKeyRef.key`, 'operator.telemetry.sensitive-header', `openTelemetry.sensitiveHeaders[${i}].secretKeyRef.key must not be empty`));
      }
    });

    if (otel.caBundleRef === undefined) continue;
    // mirrors validateCABundle
    if (otel.insecure === true) {
      out.push(violation(entry, `${base}.caBundleRef`, 'operator.telemetry.ca-bundle', 'openTelemetry.caBundleRef cannot be specified when insecure is true; they are mutually exclusive'));
      continue;
    }
    const cmRef = dict(dict(otel.caBundleRef)?.configMapRef);
    if (!cmRef) {
      out.push(violation(entry, `${base}.caBundleRef`, 'operator.telemetry.ca-bundle', 'openTelemetry.caBundleRef.configMapRef must be specified'));
      continue;
    }
    const name = str(cmRef.name) ?? '';
    const bytes = Buffer.byteLength(name, 'utf8');
    if (name === '') {
      out.push(violation(entry, `${base}.caBundleRef.configMapRef.name`, 'operator.telemetry.ca-bundle', 'openTelemetry.caBundleRef.configMapRef.name must not be empty'));
    } else if (bytes > MAX_CA_CONFIGMAP_NAME) {
      out.push(violation(entry, `${base}.caBundleRef.configMapRef.name`, 'operator.telemetry.ca-bundle',
        `openTelemetry.caBundleRef.configMapRef.name ${goQuote(name)} is too long (${bytes} chars); maximum is ${MAX_CA_CONFIGMAP_NAME}`));
    }
  }
  return out;
}
