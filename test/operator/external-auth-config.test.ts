import { authFindings, awsSts, extAuth, messages, tokenExchange } from './auth-fixtures';

const ROLE = 'arn:aws:iam::123456789012:role/mcp';

describe('MCPExternalAuthConfig awsSts (Go-only Validate checks)', () => {
  it('accepts a fallbackRoleArn without role mappings', () => {
    expect(authFindings([awsSts('aws')])).toEqual([]);
  });

  it('accepts role mappings without a fallbackRoleArn', () => {
    const cfg = extAuth('aws', { type: 'awsSts', awsSts: { region: 'eu-west-1', roleMappings: [{ roleArn: ROLE, claim: 'admins' }, { roleArn: ROLE, matcher: '"x" in claims.groups' }] } });
    expect(authFindings([cfg])).toEqual([]);
  });

  it('rejects awsSts with neither fallbackRoleArn nor roleMappings', () => {
    const cfg = extAuth('aws', { type: 'awsSts', awsSts: { region: 'us-east-1' } });
    expect(authFindings([cfg])).toEqual([{
      kind: 'MCPExternalAuthConfig',
      name: 'aws',
      path: 'spec.awsSts',
      rule: 'operator.external-auth.aws-sts-role',
      severity: 'error',
      message: 'awsSts: at least one of fallbackRoleArn or roleMappings must be configured',
    }]);
  });

  it('rejects a role mapping with neither claim nor matcher', () => {
    const cfg = extAuth('aws', { type: 'awsSts', awsSts: { region: 'us-east-1', roleMappings: [{ roleArn: ROLE }] } });
    expect(authFindings([cfg])).toEqual([{
      kind: 'MCPExternalAuthConfig',
      name: 'aws',
      path: 'spec.awsSts.roleMappings[0]',
      rule: 'operator.external-auth.aws-sts-mapping',
      severity: 'error',
      message: 'awsSts.roleMappings[0]: exactly one of claim or matcher must be set',
    }]);
  });

  it('rejects a role mapping with both claim and matcher', () => {
    const cfg = awsSts('aws', { roleMappings: [{ roleArn: ROLE, claim: 'ok' }, { roleArn: ROLE, claim: 'admins', matcher: 'true' }] });
    expect(messages([cfg], 'operator.external-auth.aws-sts-mapping')).toEqual(['awsSts.roleMappings[1]: claim and matcher are mutually exclusive']);
  });
});

describe('MCPExternalAuthConfig tokenExchange tokenUrl', () => {
  const message = 'tokenExchange.tokenUrl is empty: set it to the token endpoint of the security token service (RFC 8693); without it a VirtualMCPServer using this config exits at start and an MCPServer or MCPRemoteProxy answers every authenticated request with 401';

  it('accepts a token URL', () => {
    expect(authFindings([tokenExchange('te')])).toEqual([]);
  });

  it('rejects an empty tokenUrl, which the schema admits and Validate does not check', () => {
    expect(authFindings([tokenExchange('te', { tokenUrl: '' })])).toEqual([{
      kind: 'MCPExternalAuthConfig',
      name: 'te',
      path: 'spec.tokenExchange.tokenUrl',
      rule: 'operator.external-auth.token-url',
      severity: 'error',
      message,
    }]);
  });

  it.each(['v0.43.0', 'v0.44.0', 'main@e25de16'])('rejects an empty tokenUrl in %s', operatorRelease => {
    expect(messages([tokenExchange('te', { tokenUrl: '' })], 'operator.external-auth.token-url', { operatorRelease })).toEqual([message]);
  });
});

describe('MCPExternalAuthConfig obo', () => {
  it('rejects type obo: upstream builds require the enterprise handler', () => {
    expect(authFindings([extAuth('obo', { type: 'obo', obo: {} })])).toEqual([{
      kind: 'MCPExternalAuthConfig',
      name: 'obo',
      path: 'spec.type',
      rule: 'operator.external-auth.obo-enterprise',
      severity: 'error',
      message: 'on-behalf-of (OBO) external auth type requires an enterprise build',
    }]);
  });

  it('accepts the other types', () => {
    expect(authFindings([tokenExchange('te'), extAuth('none', { type: 'unauthenticated' })])).toEqual([]);
  });
});
