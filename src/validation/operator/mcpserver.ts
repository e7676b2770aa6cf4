/**
 * MCPServer reconcile-time checks: `validateRunConfig` (controllers/mcpserver_runconfig.go, prefixed
 * `invalid RunConfig: `), the stdio replica cap, and the shared advisories. proxyMode and transport
 * are enum-checked by the CRD, so the RunConfig transport/proxyMode checks cannot fail here.
 */
import { primaryUpstreamIgnored, rateLimitRefillPeriods, sessionStorageAdvisory } from './advisories';
import type { ManifestSet, RuleDoc, Violation } from '../../core/types';
import { dict, list, str, violation } from '../../core/util';

const SOURCE = 'controllers/mcpserver_runconfig.go validateRunConfig';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.mcpserver.image',
    checks: 'spec.image is not empty (the schema requires the field but accepts ""), and has no leading or trailing whitespace (the workload\'s container would be rejected: Kubernetes pkg/apis/core/validation validateContainerCommon)',
    source: `${SOURCE} validateRequiredFields`,
    example: 'invalid RunConfig: image is required',
    severityReason: 'validateRunConfig fails ("invalid RunConfig"): the reconcile fails',
  },
  {
    id: 'operator.mcpserver.env',
    checks: 'spec.env names are non-empty without "=", "\\n" or "\\r", and values contain no "\\n" or "\\r"',
    source: `${SOURCE} validateEnvironmentVariables`,
    example: 'invalid RunConfig: environment variable value for GREETING contains invalid characters',
    severityReason: 'validateRunConfig fails ("invalid RunConfig"): the reconcile fails',
  },
  {
    id: 'operator.mcpserver.volume',
    checks: 'spec.volumes hostPath and mountPath are non-empty and contain no ":" (the RunConfig joins them as hostPath:mountPath[:ro] and splits on ":")',
    source: `${SOURCE} validateVolumeMounts`,
    example: 'invalid RunConfig: invalid volume mount option: /data, only \'ro\' is supported',
    severityReason: 'validateRunConfig fails ("invalid RunConfig"): the reconcile fails',
  },
  {
    id: 'operator.mcpserver.stdio-replicas',
    checks: 'stdio transport with spec.replicas > 1: the Deployment is capped at 1 replica',
    source: 'controllers/mcpserver_controller.go validateStdioReplicaCap (condition StdioReplicaCapped)',
    example: 'stdio transport requires exactly 1 replica; deployment will use 1 regardless of spec.replicas',
    severity: 'warning',
    severityReason: 'condition StdioReplicaCapped only: the operator accepts the object and ignores spec.replicas',
  },
];

/** `validateVolumeMounts` on the `hostPath:mountPath[:ro]` string the builder makes. */
function volumeProblem(hostPath: string, mountPath: string, readOnly: boolean): string | undefined {
  const volume = `${hostPath}:${mountPath}${readOnly ? ':ro' : ''}`;
  const parts = volume.split(':');
  if (parts.length < 2 || parts.length > 3) return `invalid volume mount format: ${volume}, expected host-path:container-path[:ro]`;
  if (parts[0] === '' || parts[1] === '') return `volume mount paths cannot be empty in: ${volume}`;
  if (parts.length === 3 && parts[2] !== 'ro') return `invalid volume mount option: ${parts[2]}, only 'ro' is supported`;
  return undefined;
}

export function mcpServerLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('MCPServer')) {
    const spec = dict(entry.defaulted.spec);
    if (!spec) continue;
    const runConfig = (path: string, rule: string, message: string) => out.push(violation(entry, path, rule, `invalid RunConfig: ${message}`));

    // mirrors validateRequiredFields: image is required. Otherwise, mirrors Kubernetes pkg/apis/core/validation
    // validateContainerCommon: the image becomes the MCP container's image in the StatefulSet the proxy runner
    // creates, which the API server rejects with surrounding whitespace
    if (spec.image === '') {
      runConfig('spec.image', 'operator.mcpserver.image', 'image is required');
    } else if (typeof spec.image === 'string' && spec.image.trim() !== spec.image) {
      out.push(violation(entry, 'spec.image', 'operator.mcpserver.image', `Invalid value: ${JSON.stringify(spec.image)}: must not have leading or trailing whitespace (the MCP server container the proxy runner creates from it is rejected by the API server)`));
    }

    // mirrors validateEnvironmentVariables (env becomes RunConfig.EnvVars, keyed by name)
    list(spec.env).forEach((e, i) => {
      const env = dict(e);
      const name = str(env?.name);
      const value = str(env?.value);
      if (name === undefined) return;
      if (name === '') {runConfig(`spec.env[${i}].name`, 'operator.mcpserver.env', 'environment variable key cannot be empty');} else if (/[=\n\r]/.test(name)) {runConfig(`spec.env[${i}].name`, 'operator.mcpserver.env', `invalid environment variable key: ${name}`);} else if (value !== undefined && /[\n\r]/.test(value)) {
        runConfig(`spec.env[${i}].value`, 'operator.mcpserver.env', `environment variable value for ${name} contains invalid characters`);
      }
    });

    // mirrors validateVolumeMounts on convertVolumesFromMCPServer's "hostPath:mountPath[:ro]"
    list(spec.volumes).forEach((v, i) => {
      const vol = dict(v);
      const hostPath = str(vol?.hostPath);
      const mountPath = str(vol?.mountPath);
      if (hostPath === undefined || mountPath === undefined) return;
      const problem = volumeProblem(hostPath, mountPath, vol?.readOnly === true);
      if (problem) runConfig(`spec.volumes[${i}]`, 'operator.mcpserver.volume', problem);
    });

    // mirrors validateStdioReplicaCap (advisory; resolveDeploymentReplicas forces 1)
    if (str(spec.transport) === 'stdio' && typeof spec.replicas === 'number' && spec.replicas > 1) {
      out.push(violation(entry, 'spec.replicas', 'operator.mcpserver.stdio-replicas',
        'stdio transport requires exactly 1 replica; deployment will use 1 regardless of spec.replicas', 'warning'));
    }
    out.push(...primaryUpstreamIgnored(entry, spec, 'MCPServer'));
    out.push(...sessionStorageAdvisory(entry, spec));
    out.push(...rateLimitRefillPeriods(entry, spec.rateLimiting, 'spec.rateLimiting'));
  }
  return out;
}
