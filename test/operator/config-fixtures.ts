/**
 * Real objects and a runner for the operator rules outside authentication (OIDC/authz/telemetry/webhook
 * configs, remote URLs, composite tools, EmbeddingServer, MCPServer, MCPRemoteProxy, VirtualMCPServer).
 */
import { validateManifests, type KubeObject } from '../../src/validation';
import { RULE_DOCS as ADVISORIES } from '../../src/validation/operator/advisories';
import { RULE_DOCS as COMPOSITE } from '../../src/validation/operator/composite-tools';
import { RULE_DOCS as EMBEDDING } from '../../src/validation/operator/embeddingserver';
import { RULE_DOCS as AUTHZ } from '../../src/validation/operator/mcpauthzconfig';
import { RULE_DOCS as OIDC } from '../../src/validation/operator/mcpoidcconfig';
import { RULE_DOCS as MCPSERVER } from '../../src/validation/operator/mcpserver';
import { RULE_DOCS as TELEMETRY } from '../../src/validation/operator/mcptelemetryconfig';
import { RULE_DOCS as TOOLCONFIG } from '../../src/validation/operator/mcptoolconfig';
import { RULE_DOCS as WEBHOOK } from '../../src/validation/operator/mcpwebhookconfig';
import { RULE_DOCS as POD_TEMPLATE } from '../../src/validation/operator/podtemplatespec';
import { RULE_DOCS as REMOTE_URL } from '../../src/validation/operator/remote-url';
import { RULE_DOCS as VMCP } from '../../src/validation/operator/virtualmcpserver';

export const V1BETA1 = 'toolhive.stacklok.dev/v1beta1';
const RULES = new Set(
  [ADVISORIES, COMPOSITE, EMBEDDING, AUTHZ, OIDC, MCPSERVER, TELEMETRY, TOOLCONFIG, WEBHOOK, POD_TEMPLATE, REMOTE_URL, VMCP].flat().map(d => d.id),
);
const ADMISSION = /^(identity|schema|cel|hygiene)\./;

export type Spec = Record<string, unknown>;

export interface Finding {
  kind: string;
  name: string;
  path: string;
  rule: string;
  severity: string;
  message: string;
}

export function toolhive(kind: string, name: string, spec: Spec, apiVersion = V1BETA1): KubeObject {
  return { apiVersion, kind, metadata: { name }, spec };
}

export function configMap(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data };
}

/** Layer 1–4 errors: fixtures must pass the CRD schema and CEL unless a test says otherwise. */
export function admissionErrors(objects: readonly KubeObject[], operatorRelease?: string): string[] {
  return validateManifests(objects, { operatorRelease }).filter(v => v.severity === 'error' && ADMISSION.test(v.rule)).map(v => `${v.kind}/${v.name} ${v.path}: ${v.message}`);
}

/** The violations of the rules under test, after checking that every object is admitted. */
/** The operator-layer findings; `operatorRelease` selects the bundled release (the default one when omitted). */
export function findings(objects: readonly KubeObject[], operatorRelease?: string): Finding[] {
  expect(admissionErrors(objects, operatorRelease)).toEqual([]);
  return validateManifests(objects, { operatorRelease })
    .filter(v => RULES.has(v.rule))
    .map(({ kind, name, path, rule, severity, message }) => ({ kind, name, path, rule, severity, message }));
}

/** The messages of one rule. */
export function messages(objects: readonly KubeObject[], rule: string, operatorRelease?: string): string[] {
  return findings(objects, operatorRelease).filter(f => f.rule === rule).map(f => f.message);
}

export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
