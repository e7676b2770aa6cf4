import { readFileSync } from 'fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { envBindings } from '../../src/bindings';
import { validateManifests } from '../../src/validation';

const FIXTURE = join(__dirname, 'fixtures', 'platform.yaml');
const manifests: unknown[] = parseAllDocuments(readFileSync(FIXTURE, 'utf8')).map(d => d.toJSON());

/**
 * The fixture's signing key and HMAC Secrets hold placeholders (no private key is committed); the embedded auth
 * server would refuse them at start, so the complete platform gets a key and 32 random bytes generated here.
 */
const REAL_VALUES: Record<string, Record<string, string>> = {
  'gateway-signing-key': { 'private.pem': generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string },
  'gateway-auth-hmac': { hmac: randomBytes(32).toString('base64') },
};
const withRealValues: unknown[] = manifests.map(m => {
  const o = m as { kind: string; metadata: { name: string } };
  const values = o.kind === 'Secret' ? REAL_VALUES[o.metadata.name] : undefined;
  return values ? { ...o, stringData: values } : o;
});

describe('a complete platform (test/e2e/fixtures/platform.yaml)', () => {
  test('parses into the expected objects', () => {
    expect(manifests.map(m => (m as { kind: string }).kind)).toEqual([
      'Namespace', 'MCPGroup', 'Secret', 'MCPOIDCConfig', 'MCPAuthzConfig', 'Secret', 'MCPServer', 'Secret',
      'MCPExternalAuthConfig', 'MCPRemoteProxy', 'Secret', 'Secret', 'Secret', 'Secret', 'VirtualMCPServer',
    ]);
  });

  test('validates without errors once its key Secrets hold real values', () => {
    const errors = validateManifests(withRealValues).filter(v => v.severity === 'error');
    expect(errors).toEqual([]);
  });

  test('reports the placeholder signing key and HMAC secret the auth server would refuse at start', () => {
    const errors = validateManifests(manifests).filter(v => v.severity === 'error');
    expect(errors.map(v => `${v.path} [${v.rule}]`)).toEqual([
      'spec.authServerConfig.signingKeySecretRefs[0].key [operator.secret.signing-key]',
      'spec.authServerConfig.hmacSecretRefs[0].key [operator.secret.hmac-key]',
    ]);
  });

  test('derives the env bindings of every workload', () => {
    expect(envBindings(manifests)).toMatchSnapshot();
  });

  test('the env bindings carry no Secret value', () => {
    expect(JSON.stringify(envBindings(manifests))).not.toContain('placeholder');
  });
});
