import { readFileSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { envBindings } from '../../src/bindings';
import { validateManifests } from '../../src/validation';

const FIXTURE = join(__dirname, 'fixtures', 'platform.yaml');
const manifests: unknown[] = parseAllDocuments(readFileSync(FIXTURE, 'utf8')).map(d => d.toJSON());

describe('a complete platform (test/e2e/fixtures/platform.yaml)', () => {
  test('parses into the expected objects', () => {
    expect(manifests.map(m => (m as { kind: string }).kind)).toEqual([
      'Namespace', 'MCPGroup', 'Secret', 'MCPOIDCConfig', 'MCPAuthzConfig', 'Secret', 'MCPServer', 'Secret',
      'MCPExternalAuthConfig', 'MCPRemoteProxy', 'Secret', 'Secret', 'Secret', 'Secret', 'VirtualMCPServer',
    ]);
  });

  test('validates without errors', () => {
    const errors = validateManifests(manifests).filter(v => v.severity === 'error');
    expect(errors).toEqual([]);
  });

  test('derives the env bindings of every workload', () => {
    expect(envBindings(manifests)).toMatchSnapshot();
  });

  test('the env bindings carry no Secret value', () => {
    expect(JSON.stringify(envBindings(manifests))).not.toContain('placeholder');
  });
});
