/**
 * Layer 4: what the API server admits but the operator cannot survive, or Kubernetes rejects later
 * when the operator builds the Pod: resource quantities and env var names.
 */
import { isQuantity } from './scan/quantity';
import type { Issue } from './structural';
import type { KubeObject, RuleDoc } from '../core/types';
import { dict, list, str } from '../core/util';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'hygiene.quantity',
    checks: 'resources.{limits,requests}.{cpu,memory} and EmbeddingServer modelCache.size parse as Kubernetes quantities',
    source: 'operator resource.MustParse on spec.resources (panics on a malformed value); k8s.io/apimachinery resource.ParseQuantity',
    example: 'Invalid value: "2 cores": quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'; the operator panics on it (resource.MustParse)',
    severityReason: 'admitted by the API server, but the operator parses the value with resource.MustParse while building the Deployment and panics: the reconcile fails',
  },
  {
    id: 'hygiene.env-name',
    checks: 'env var names the operator puts into a container (spec.env, spec.secrets targetEnvName or key, proxy env overrides) are valid',
    source: 'k8s.io/apimachinery validation.IsEnvVarName, enforced when the operator creates the Deployment/StatefulSet',
    example: 'Invalid value: "1TOKEN": a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit (e.g. \'my.env-name\',  or \'MY_ENV.NAME\',  or \'MyEnvName1\', regex used for validation is \'[-._a-zA-Z][-._a-zA-Z0-9]*\')',
    severityReason: 'admitted on the CR, but the API server rejects the Deployment or StatefulSet the operator builds from it: the workload is never created',
  },
];

const QUANTITY_MESSAGE = 'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'';
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MESSAGE = 'a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit (e.g. \'my.env-name\',  or \'MY_ENV.NAME\',  or \'MyEnvName1\', regex used for validation is \'[-._a-zA-Z][-._a-zA-Z0-9]*\')';

/** Kubernetes quantity grammar (k8s.io/apimachinery/pkg/api/resource), scanned in linear time. */
export { isQuantity };

export function isEnvVarName(s: string): boolean {
  return ENV_NAME.test(s);
}

function checkResources(resources: unknown, path: string, out: Issue[]): void {
  for (const bucket of ['limits', 'requests']) {
    const b = dict(dict(resources)?.[bucket]);
    if (!b) continue;
    for (const res of ['cpu', 'memory']) {
      const q = str(b[res]);
      // the operator skips empty strings (only a non-empty value reaches MustParse)
      if (q && !isQuantity(q)) {
        // mirrors the operator's resource.MustParse on spec.resources, which panics on this value
        out.push({ path: `${path}.${bucket}.${res}`, rule: 'hygiene.quantity', message: `Invalid value: ${JSON.stringify(q)}: ${QUANTITY_MESSAGE}; the operator panics on it (resource.MustParse)` });
      }
    }
  }
}

function checkEnvNames(entries: unknown, path: string, field: 'name', out: Issue[]): void {
  list(entries).forEach((e, i) => {
    const name = str(dict(e)?.[field]);
    if (name !== undefined && !isEnvVarName(name)) {
      out.push({ path: `${path}[${i}].${field}`, rule: 'hygiene.env-name', message: `Invalid value: ${JSON.stringify(name)}: ${ENV_NAME_MESSAGE}` });
    }
  });
}

/** Runs the hygiene checks on a defaulted ToolHive object. */
export function hygieneIssues(obj: KubeObject): Issue[] {
  const out: Issue[] = [];
  const spec = dict(obj.spec);
  if (!spec) return out;
  switch (obj.kind) {
    case 'MCPServer':
      checkResources(spec.resources, 'spec.resources', out);
      checkEnvNames(spec.env, 'spec.env', 'name', out);
      list(spec.secrets).forEach((s, i) => {
        const d = dict(s);
        const target = str(d?.targetEnvName);
        const name = target ?? str(d?.key);
        if (name !== undefined && !isEnvVarName(name)) {
          const field = target !== undefined ? 'targetEnvName' : 'key';
          // the backend container gets env {name: targetEnvName || key}; Kubernetes rejects an invalid name
          out.push({ path: `spec.secrets[${i}].${field}`, rule: 'hygiene.env-name', message: `Invalid value: ${JSON.stringify(name)}: ${ENV_NAME_MESSAGE}` });
        }
      });
      checkEnvNames(dict(dict(spec.resourceOverrides)?.proxyDeployment)?.env, 'spec.resourceOverrides.proxyDeployment.env', 'name', out);
      break;
    case 'MCPRemoteProxy':
      checkResources(spec.resources, 'spec.resources', out);
      checkEnvNames(dict(dict(spec.resourceOverrides)?.proxyDeployment)?.env, 'spec.resourceOverrides.proxyDeployment.env', 'name', out);
      break;
    case 'EmbeddingServer': {
      checkResources(spec.resources, 'spec.resources', out);
      checkEnvNames(spec.env, 'spec.env', 'name', out);
      const size = str(dict(spec.modelCache)?.size);
      if (size && !isQuantity(size)) {
        out.push({ path: 'spec.modelCache.size', rule: 'hygiene.quantity', message: `Invalid value: ${JSON.stringify(size)}: ${QUANTITY_MESSAGE}; the operator panics on it (resource.MustParse)` });
      }
      break;
    }
    default:
      break;
  }
  return out;
}
