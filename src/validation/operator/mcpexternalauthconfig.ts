/**
 * MCPExternalAuthConfig: the Go half of `(*MCPExternalAuthConfig).Validate()` and the reconciler's
 * OBO triage (api/v1beta1/mcpexternalauthconfig_types.go, controllers/mcpexternalauthconfig_controller.go).
 * Rules the CRD schema or CEL already enforce (type/config union, region, roleArn, sessionDuration bounds,
 * upstream minItems/uniqueness/type-config, DCR XOR with non-empty clientId, …) are left to admission.
 */
import { intrinsicEmbeddedAuthChecks } from './embedded-auth-server';
import type { ManifestSet, RuleDoc, Violation } from '../../core/types';
import { dict, list, str, violation } from '../../core/util';

const TOKEN_URL_EMPTY = 'tokenExchange.tokenUrl is empty: set it to the token endpoint of the security token service (RFC 8693); without it a VirtualMCPServer using this config exits at start and an MCPServer or MCPRemoteProxy answers every authenticated request with 401';

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'operator.external-auth.aws-sts-role',
    checks: 'awsSts names a fallbackRoleArn or at least one roleMappings entry',
    source: 'api/v1beta1 MCPExternalAuthConfig.validateAWSSts (Go only, no CEL)',
    example: 'awsSts: at least one of fallbackRoleArn or roleMappings must be configured',
    severityReason: 'MCPExternalAuthConfig.Validate sets Valid=False',
  },
  {
    id: 'operator.external-auth.aws-sts-mapping',
    checks: 'each awsSts roleMappings entry sets exactly one of claim or matcher',
    source: 'api/v1beta1 MCPExternalAuthConfig.validateAWSSts (Go only, no CEL)',
    example: 'awsSts.roleMappings[0]: exactly one of claim or matcher must be set',
    severityReason: 'MCPExternalAuthConfig.Validate sets Valid=False',
  },
  {
    id: 'operator.external-auth.token-url',
    checks: 'tokenExchange.tokenUrl is not empty (the CRD requires the field but accepts ""; Validate has no tokenExchange check, so the config is Valid)',
    source: 'pkg/vmcp/config/validator.go validateBackendAuthStrategy; pkg/oauthproto/tokenexchange/exchange.go ExchangeConfig.Validate (run per request by tokenSource.Token)',
    example: TOKEN_URL_EMPTY,
    severityReason: 'consumers cannot use it: a VirtualMCPServer\'s vmcp exits at start (tokenExchange requires tokenUrl field), an MCPServer\'s or MCPRemoteProxy\'s proxy fails every authenticated request with 401 (TokenURL is required)',
  },
  {
    id: 'operator.external-auth.obo-enterprise',
    checks: 'type obo is not used: upstream (OSS) operator builds mark it Valid=False, reason EnterpriseRequired',
    source: 'controllers/mcpexternalauthconfig_controller.go triageOBOValidation (obo.ErrEnterpriseRequired)',
    example: 'on-behalf-of (OBO) external auth type requires an enterprise build',
    severityReason: 'upstream operator builds set Valid=False with reason EnterpriseRequired',
  },
];

function checkAwsSts(spec: Record<string, unknown>, push: (path: string, rule: string, message: string) => void): void {
  const sts = dict(spec.awsSts);
  if (!sts || str(spec.type) !== 'awsSts') return;
  const mappings = list(sts.roleMappings);
  // mirrors validateAWSSts: at least one of fallbackRoleArn or roleMappings
  if ((str(sts.fallbackRoleArn) ?? '') === '' && mappings.length === 0) {
    push('spec.awsSts', 'operator.external-auth.aws-sts-role', 'awsSts: at least one of fallbackRoleArn or roleMappings must be configured');
  }
  mappings.forEach((m, i) => {
    const mapping = dict(m);
    if (!mapping) return;
    const claim = (str(mapping.claim) ?? '') !== '';
    const matcher = (str(mapping.matcher) ?? '') !== '';
    // mirrors validateAWSSts: exactly one of claim or matcher per mapping
    if (!claim && !matcher) {
      push(`spec.awsSts.roleMappings[${i}]`, 'operator.external-auth.aws-sts-mapping', `awsSts.roleMappings[${i}]: exactly one of claim or matcher must be set`);
    } else if (claim && matcher) {
      push(`spec.awsSts.roleMappings[${i}]`, 'operator.external-auth.aws-sts-mapping', `awsSts.roleMappings[${i}]: claim and matcher are mutually exclusive`);
    }
  });
}

/** Layer: every MCPExternalAuthConfig on its own. */
export function mcpExternalAuthConfigLayer(set: ManifestSet): Violation[] {
  const out: Violation[] = [];
  for (const entry of set.ofKind('MCPExternalAuthConfig')) {
    const spec = dict(entry.defaulted.spec);
    if (!spec) continue;
    const push = (path: string, rule: string, message: string) => out.push(violation(entry, path, rule, message));
    checkAwsSts(spec, push);
    // the operator copies "" into the runtime config (pkg/controllerutil/tokenexchange.go addTokenExchangeConfig, pkg/vmcp/auth/converters/token_exchange.go)
    if (str(spec.type) === 'tokenExchange' && str(dict(spec.tokenExchange)?.tokenUrl) === '') {
      push('spec.tokenExchange.tokenUrl', 'operator.external-auth.token-url', TOKEN_URL_EMPTY);
    }
    // mirrors triageOBOValidation: the default (OSS) OBO handler returns obo.ErrEnterpriseRequired
    if (str(spec.type) === 'obo') {
      push('spec.type', 'operator.external-auth.obo-enterprise', 'on-behalf-of (OBO) external auth type requires an enterprise build');
    }
    const embedded = dict(spec.embeddedAuthServer);
    if (embedded && str(spec.type) === 'embeddedAuthServer') {
      for (const issue of intrinsicEmbeddedAuthChecks(embedded, { base: 'spec.embeddedAuthServer', owner: 'MCPExternalAuthConfig' })) {
        out.push(violation(entry, issue.path, issue.rule, issue.message, issue.severity));
      }
    }
  }
  return out;
}
