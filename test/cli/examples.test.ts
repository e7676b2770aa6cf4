/** The sample manifests in examples/manifests: the platform is clean, the rejected file fails exactly as documented. */
import * as fs from 'fs';
import * as path from 'path';
import { cli, REPO_ROOT } from './helpers';

const PLATFORM = path.join(REPO_ROOT, 'examples', 'manifests', 'platform');
const REJECTED = path.join(REPO_ROOT, 'examples', 'manifests', 'rejected');

interface JsonViolation { severity: string; kind: string; name: string; path: string; rule: string; message: string; document: number }

test('the sample platform validates with no error and no warning', async () => {
  const r = await cli(['validate', PLATFORM]);
  expect(r).toEqual({ code: 0, stdout: '12 documents, 0 errors, 0 warnings\n', stderr: '' });
});

test('the sample platform validates the same when piped in as one stream', async () => {
  const files = fs.readdirSync(PLATFORM).sort().map(f => fs.readFileSync(path.join(PLATFORM, f), 'utf8'));
  const r = await cli(['validate', '-'], files.join('\n---\n'));
  expect(r).toEqual({ code: 0, stdout: '12 documents, 0 errors, 0 warnings\n', stderr: '' });
});

test('rejects the classic mistakes with the API server\'s own messages', async () => {
  const r = await cli(['validate', '--format', 'json', REJECTED]);
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout);
  expect(out.violations.map((v: JsonViolation) => [v.document, `${v.kind}/${v.name}`, v.path, v.message])).toEqual([
    // 1. snake_case fields
    // strict decoding fails on unknown fields first: they are the only errors, sorted (tokenUrl is missing too)
    [1, 'MCPExternalAuthConfig/snake-case-exchange', 'spec.tokenExchange.client_id', 'unknown field "spec.tokenExchange.client_id"'],
    [1, 'MCPExternalAuthConfig/snake-case-exchange', 'spec.tokenExchange.token_url', 'unknown field "spec.tokenExchange.token_url"'],
    // 2. type/config mismatch: both CEL rules fire
    [2, 'MCPExternalAuthConfig/mismatched-type', 'spec', 'Invalid value: "object": headerInjection configuration must be set if and only if type is \'headerInjection\''],
    [2, 'MCPExternalAuthConfig/mismatched-type', 'spec', 'Invalid value: "object": bearerToken configuration must be set if and only if type is \'bearerToken\''],
    // 3. upstream name that is not a DNS label
    [4, 'MCPExternalAuthConfig/bad-upstream-name', 'spec.embeddedAuthServer.upstreamProviders[0].name',
      'Invalid value: "Okta_Prod": spec.embeddedAuthServer.upstreamProviders[0].name in body should match \'^[a-z0-9]([a-z0-9-]*[a-z0-9])?$\''],
    // 4. inline authz and a reference together
    [6, 'MCPServer/double-authz', 'spec', 'Invalid value: "object": authzConfig and authzConfigRef are mutually exclusive; use authzConfigRef to reference a shared MCPAuthzConfig'],
  ]);
  expect(out.violations.every((v: JsonViolation) => v.severity === 'error')).toBe(true);
  expect(out.summary).toEqual({ documents: 6, errors: 6, warnings: 0 });
  expect(r.stdout).not.toContain('fake-backend-api-key-do-not-use');
});
