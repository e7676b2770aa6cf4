/**
 * Layer 6: every by-name reference (notes §1.2) resolves, in the same namespace and within the manifest set, to an
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
    source: 'the consumer controllers\' ref checks (e.g. controllers/mcpserver_controller.go handleOIDCConfig); notes §1.2, §3',
    example: 'MCPOIDCConfig corp-oidc not found; add MCPOIDCConfig "corp-oidc" to namespace "default" or declare it external (MCPOIDCConfig/default/corp-oidc)',
  },
  {
    id: RULE_WRONG_NAMESPACE,
    checks: 'A reference whose target exists only in another namespace: ToolHive references carry no namespace (a warning under assumeExternal).',
    source: 'notes §0.4: all references are by name in the same namespace',
    example: 'Referenced MCPGroup team-a not found; MCPGroup "team-a" exists only in namespace "tools", but ToolHive references are same-namespace: move it to namespace "default"',
  },
  {
    id: RULE_SECRET_KEY_MISSING,
    checks: 'A referenced Secret in the set holds the referenced key in data or stringData.',
    source: 'pkg/controllerutil/tokenexchange.go addBearerTokenConfig and the Pod\'s secretKeyRef / Secret volume items',
    example: 'bearer token secret default/api-token is missing key "token"; its keys are "api-key"',
  },
  {
    id: RULE_CONFIGMAP_KEY_MISSING,
    checks: 'A referenced ConfigMap in the set holds the referenced key (authzConfig.configMap defaults to authz.json; authz and OIDC CA bundles are read from data only).',
    source: 'pkg/controllerutil/authz.go LoadAuthzConfigFromConfigMap, controllers/mcpserver_controller.go validateCABundleRef and ConfigMap volume items',
    example: 'authz ConfigMap default/authz is missing key "authz.json"; its keys are "policy.json"',
  },
  {
    id: RULE_CONFIGMAP_KEY_EMPTY,
    checks: 'The authz ConfigMap key the operator loads is not empty or blank.',
    source: 'pkg/controllerutil/authz.go LoadAuthzConfigFromConfigMap',
    example: 'authz ConfigMap default/authz key "authz.json" is empty; give key "authz.json" a non-empty value',
  },
];
