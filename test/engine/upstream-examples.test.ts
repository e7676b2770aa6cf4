/**
 * The upstream examples of the main-branch snapshot (../shared/toolhive/v0.44.0/examples, validated as main@e25de16): every file passes
 * layers 1–4 except the ones SOURCE.md lists as stale, which are rejected for the reasons it states.
 * Reference problems (missing Secrets, MCPOIDCConfigs) belong to the set layers and are not looked at here.
 * Skips when ../shared is absent (the examples are not part of this repository), fails instead when CI is set.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { admission, MAIN } from './helpers';
import { sharedReleaseAbsent } from '../shared-release';

/** The examples come from the same main-branch commit as the main@e25de16 CRDs (SOURCE.md). */
const ON_MAIN = { operatorRelease: MAIN };

/** `TOOLHIVE_RELEASE_DIR` points elsewhere (e.g. a missing directory, to check that the suite skips, or fails under CI). */
const RELEASE_DIR = process.env.TOOLHIVE_RELEASE_DIR ?? path.resolve(__dirname, '../../../shared/toolhive/v0.44.0');
const EXAMPLES = path.join(RELEASE_DIR, 'examples');

/** Files SOURCE.md lists as invalid against the schema, with what the API server says about them (layer 1–4 errors). */
// strict decoding fails on unknown fields before validation, so a stale example gets those errors alone (sorted, as Go does)
const STALE: Readonly<Record<string, readonly { path: string; rule: string }[]>> = {
  'external-auth/complete_example.yaml': [
    { path: 'spec.tokenExchange.client_id', rule: 'schema.unknown-field' },
    { path: 'spec.tokenExchange.client_secret_ref', rule: 'schema.unknown-field' },
    { path: 'spec.tokenExchange.external_token_header_name', rule: 'schema.unknown-field' },
    { path: 'spec.tokenExchange.scope', rule: 'schema.unknown-field' },
    { path: 'spec.tokenExchange.token_url', rule: 'schema.unknown-field' },
  ],
  'external-auth/mcpexternalauthconfig_basic.yaml': [
    { path: 'spec.tokenExchange.client_id', rule: 'schema.unknown-field' },
    { path: 'spec.tokenExchange.client_secret_ref', rule: 'schema.unknown-field' },
    { path: 'spec.tokenExchange.scope', rule: 'schema.unknown-field' },
    { path: 'spec.tokenExchange.token_url', rule: 'schema.unknown-field' },
  ],
  'external-auth/mcpexternalauthconfig_minimal.yaml': [
    { path: 'spec.tokenExchange.client_id', rule: 'schema.unknown-field' },
    { path: 'spec.tokenExchange.client_secret_ref', rule: 'schema.unknown-field' },
    { path: 'spec.tokenExchange.token_url', rule: 'schema.unknown-field' },
  ],
  'embedding-servers/embedding-advanced.yaml': [
    { path: 'spec.resourceOverrides.deployment', rule: 'schema.unknown-field' },
  ],
  'virtual-mcps/composite_tool_simple.yaml': [
    { path: 'spec.failureMode', rule: 'schema.unknown-field' },
    { path: 'spec.steps[0].onError.maxRetries', rule: 'schema.unknown-field' },
  ],
  'virtual-mcps/composite_tool_complex.yaml': [
    { path: 'spec.failureMode', rule: 'schema.unknown-field' },
    { path: 'spec.steps[0].onError.maxRetries', rule: 'schema.unknown-field' },
    { path: 'spec.steps[1].onError.maxRetries', rule: 'schema.unknown-field' },
    { path: 'spec.steps[5].onError.maxRetries', rule: 'schema.unknown-field' },
  ],
  'virtual-mcps/composite_tool_with_elicitations.yaml': [
    { path: 'spec.failureMode', rule: 'schema.unknown-field' },
    { path: 'spec.steps[3].onError.maxRetries', rule: 'schema.unknown-field' },
  ],
};

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap(f => {
    const full = path.join(dir, f);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(f) ? [full] : [];
  });
}

/** Parses a multi-document YAML file with the `yaml` package; empty documents are skipped, like kubectl does. */
function load(file: string): unknown[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const d of docs) if (d.errors.length) throw new Error(`${file}: ${d.errors[0].message}`);
  return docs.map(d => d.toJS()).filter(d => d !== null && d !== undefined);
}

const present = existsSync(EXAMPLES);

if (!present) {
  sharedReleaseAbsent('upstream examples', `upstream examples: ${EXAMPLES} is absent (the shared ToolHive release is not checked out next to the repository)`);
} else {
  const files = yamlFiles(EXAMPLES).map(f => path.relative(EXAMPLES, f).split(path.sep).join('/'));
  const valid = files.filter(f => !(f in STALE));

  describe('upstream examples (v0.44.0)', () => {
    test('finds the examples and every stale file SOURCE.md names', () => {
      expect(valid.length).toBeGreaterThan(40);
      const source = readFileSync(path.join(RELEASE_DIR, 'SOURCE.md'), 'utf8');
      for (const stale of Object.keys(STALE)) {
        expect(files).toContain(stale);
        const base = path.basename(stale);
        // SOURCE.md names the composite tool examples with a glob
        expect(source.includes(base) || (base.startsWith('composite_tool_') && source.includes('composite_tool_*.yaml'))).toBe(true);
      }
    });

    test.each(valid)('admits %s (layers 1–4: no errors)', file => {
      const errors = admission(load(path.join(EXAMPLES, file)), ON_MAIN).filter(v => v.severity === 'error');
      expect(errors.map(({ kind, name, path: p, rule, message }) => ({ kind, name, path: p, rule, message }))).toEqual([]);
    });

    test.each(Object.keys(STALE))('rejects %s for the reasons SOURCE.md states', file => {
      const errors = admission(load(path.join(EXAMPLES, file)), ON_MAIN).filter(v => v.severity === 'error');
      expect(errors.map(({ path: p, rule }) => ({ path: p, rule }))).toEqual(STALE[file]);
      for (const e of errors) {
        if (e.rule === 'schema.unknown-field') expect(e.message).toBe(`unknown field ${JSON.stringify(e.path)}`);
        else expect(e.message).toBe('Required value');
      }
    });

    test('warns that MCPRegistry is deprecated in every mcp-registries example', () => {
      const registries = files.filter(f => f.startsWith('mcp-registries/'));
      expect(registries.length).toBeGreaterThan(0);
      for (const file of registries) {
        const warnings = admission(load(path.join(EXAMPLES, file)), ON_MAIN).filter(v => v.severity === 'warning');
        expect(warnings.map(w => [w.kind, w.rule])).toEqual([['MCPRegistry', 'identity.deprecated-version']]);
      }
    });
  });
}
