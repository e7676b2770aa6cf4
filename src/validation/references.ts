/**
 * Layer 6: every by-name reference (the `*Ref` fields and Secret/ConfigMap selectors of every kind) resolves, in the same namespace and within the manifest set, to an
 * object of the right kind, and every referenced Secret or ConfigMap holds the referenced key.
 *
 * Objects outside the set are declared with `options.external` (`Secret/name`, `Secret/ns/name`, `Kind/*`);
 * `options.assumeExternal` turns unresolved references into warnings. The table lives in references/specs.ts.
 */
import {
  RULE_CONFIGMAP_KEY_EMPTY,
  RULE_CONFIGMAP_KEY_MISSING,
  RULE_MISSING,
  RULE_SECRET_KEY_MISSING,
  RULE_WRONG_NAMESPACE,
  resolveReferences,
} from './references/resolve';
import type { ManifestSet, RuleDoc, Violation } from '../core/types';

export { REF_SPECS } from './references/specs';
export type { RefSpec, TargetKind } from './references/types';

export function referencesLayer(set: ManifestSet): Violation[] {
  return resolveReferences(set);
}

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: RULE_MISSING,
    checks: 'A by-name reference resolves to an object of the referenced kind in the same namespace, in the manifest set or declared external (a warning under assumeExternal).',
    source: 'the consumer controllers\' ref checks (e.g. controllers/mcpserver_controller.go handleOIDCConfig, handleToolConfig, handleExternalAuthConfig)',
    example: 'MCPOIDCConfig corp-oidc not found; add MCPOIDCConfig "corp-oidc" to namespace "default" or declare it external (MCPOIDCConfig/default/corp-oidc)',
    severityReason: 'the consumer sets a False condition or fails its reconcile, or its Pod cannot start (secretKeyRef, Secret volume); a warning under assumeExternal, and for the Secrets of an MCPExternalAuthConfig no workload in the set uses (nothing reads them until one does)',
  },
  {
    id: RULE_WRONG_NAMESPACE,
    checks: 'A reference whose target exists only in another namespace: ToolHive references carry no namespace (a warning under assumeExternal).',
    source: 'the reference types of api/v1beta1 (e.g. MCPGroupRef, MCPOIDCConfigReference) carry only a name; the controllers look the target up in the referrer\'s namespace (e.g. controllers/mcpserver_controller.go handleOIDCConfig)',
    example: 'Referenced MCPGroup team-a not found; MCPGroup "team-a" exists only in namespace "tools", but ToolHive references are same-namespace: move it to namespace "default"',
    severityReason: 'references are same-namespace: for the operator the target does not exist (as ref.missing)',
  },
  {
    id: RULE_SECRET_KEY_MISSING,
    checks: 'A referenced Secret in the set holds the referenced key in data or stringData.',
    source: 'pkg/controllerutil/tokenexchange.go addBearerTokenConfig and the Pod\'s secretKeyRef / Secret volume items',
    example: 'bearer token secret default/api-token is missing key "token"; its keys are "api-key"',
    severityReason: 'the consumer\'s pre-check fails its reconcile, or the Pod fails to start on the missing secretKeyRef or volume item; a warning for the Secrets of an MCPExternalAuthConfig no workload in the set uses (its controller never reads them)',
  },
  {
    id: RULE_CONFIGMAP_KEY_MISSING,
    checks: 'A referenced ConfigMap in the set holds the referenced key (authzConfig.configMap defaults to authz.json; authz and OIDC CA bundles are read from data only).',
    source: 'pkg/controllerutil/authz.go LoadAuthzConfigFromConfigMap, controllers/mcpserver_controller.go validateCABundleRef and ConfigMap volume items',
    example: 'authz ConfigMap default/authz is missing key "authz.json"; its keys are "policy.json"',
    severityReason: 'the consumer fails its reconcile or a False condition is set (authz, CA bundles), or the volume item is missing at start',
  },
  {
    id: RULE_CONFIGMAP_KEY_EMPTY,
    checks: 'The authz ConfigMap key the operator loads is not empty or blank.',
    source: 'pkg/controllerutil/authz.go LoadAuthzConfigFromConfigMap',
    example: 'authz ConfigMap default/authz key "authz.json" is empty; give key "authz.json" a non-empty value',
    severityReason: 'LoadAuthzConfigFromConfigMap rejects the empty value: the reconcile fails',
  },
];
