/**
 * False-positive audit over the upstream examples of the targeted release (../shared/toolhive/v0.44.0/examples): the
 * files of one directory are validated as one manifest set (and each file on its own) with `assumeExternal: true`,
 * so objects created out of band become warnings. The only errors allowed are the known ones below, each justified by
 * SOURCE.md or the operator source. Skips when ../shared is absent (the examples are not part of this repository), fails instead when CI is set.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { validateManifests, type Violation } from '../../src/validation';
import { sharedReleaseAbsent } from '../shared-release';

const RELEASE_DIR = process.env.TOOLHIVE_RELEASE_DIR ?? path.resolve(__dirname, '../../../shared/toolhive/v0.44.0');
const EXAMPLES = path.join(RELEASE_DIR, 'examples');

/** Why an error in an upstream example is right. */
const SNAKE_CASE = 'SOURCE.md: snake_case fields the schema does not have (strict decoding reports them alone, sorted; tokenUrl is missing too)';
const COMPOSITE = 'SOURCE.md: spec.failureMode and steps[].onError.maxRetries are not fields';

interface Known { readonly path: string; readonly rule: string; readonly why: string }

const snakeCase = (...fields: string[]): Known[] =>
  [...fields].sort().map(f => ({ path: `spec.tokenExchange.${f}`, rule: 'schema.unknown-field', why: SNAKE_CASE }));
const maxRetries = (...steps: number[]): Known[] => [
  { path: 'spec.failureMode', rule: 'schema.unknown-field', why: COMPOSITE },
  ...steps.map(i => ({ path: `spec.steps[${i}].onError.maxRetries`, rule: 'schema.unknown-field', why: COMPOSITE })),
];

/** Every error the examples may produce, by file. Anything else is a false positive of the engine. */
const KNOWN: Readonly<Record<string, readonly Known[]>> = {
  'external-auth/complete_example.yaml': snakeCase('token_url', 'client_id', 'client_secret_ref', 'scope', 'external_token_header_name'),
  'external-auth/mcpexternalauthconfig_basic.yaml': snakeCase('token_url', 'client_id', 'client_secret_ref', 'scope'),
  'external-auth/mcpexternalauthconfig_minimal.yaml': snakeCase('token_url', 'client_id', 'client_secret_ref'),
  // the ConfigMap holds a placeholder ("# Your internal CA certificate PEM data here"), which AppendCertsFromPEM rejects
  'mcp-server-entries/mcpserverentry_with_ca_bundle.yaml': [{ path: 'spec.caBundleRef.configMapRef.key', rule: 'operator.secret.ca-bundle', why: 'placeholder CA certificate' }],
  'embedding-servers/embedding-advanced.yaml': [{ path: 'spec.resourceOverrides.deployment', rule: 'schema.unknown-field', why: 'SOURCE.md: not a field' }],
  'virtual-mcps/composite_tool_simple.yaml': maxRetries(0),
  'virtual-mcps/composite_tool_complex.yaml': maxRetries(0, 1, 5),
  'virtual-mcps/composite_tool_with_elicitations.yaml': [
    ...maxRetries(3),
    // step 3 is `onError: {action: retry, maxRetries: 3}`: without the (real) retryCount field, Go's
    // ValidateCompositeToolConfig says "retryCount must be at least 1 when action is retry" (pkg/vmcp/config/composite_validation.go)
    { path: 'spec.steps[3].onError.retryCount', rule: 'operator.composite-tool.step', why: 'ValidateCompositeToolConfig: retry needs retryCount >= 1' },
    // the VirtualMCPServer of the same file references that definition: the vmcp binary validates it at start
    { path: 'spec.config.compositeToolRefs[0].name', rule: 'operator.composite-tool.step', why: 'the referencing vMCP fails at start on the same step' },
  ],
};

/** Files whose missing MCPOIDCConfig SOURCE.md names (the other out-of-band objects are Secrets and ConfigMaps). */
const MISSING_OIDC = ['virtual-mcps/vmcp_inline_incoming_auth.yaml', 'virtual-mcps/vmcp_production_full.yaml'];

interface Doc { readonly file: string; readonly object: unknown }

function load(dir: string): Doc[] {
  return readdirSync(path.join(EXAMPLES, dir)).filter(f => /\.ya?ml$/.test(f)).sort().flatMap(f => {
    const docs = parseAllDocuments(readFileSync(path.join(EXAMPLES, dir, f), 'utf8'));
    for (const d of docs) if (d.errors.length) throw new Error(`${dir}/${f}: ${d.errors[0].message}`);
    return docs.map(d => d.toJS() as unknown).filter(o => o !== null && o !== undefined).map(object => ({ file: `${dir}/${f}`, object }));
  });
}

/** Validates documents as one set; every violation is tagged with its file. */
function validate(docs: readonly Doc[]): { file: string; v: Violation }[] {
  const vs = validateManifests(docs.map(d => d.object), { assumeExternal: true, operatorRelease: 'main@e25de16', sources: docs.map((d, i) => ({ file: d.file, document: i + 1 })) });
  return vs.map(v => ({ file: v.file ?? '?', v }));
}

/**
 * The files of one directory are alternative examples that reuse names (fetch, yardstick, my-services, ...), so as one
 * set they define some objects more than once; the test below checks that this is the only reason.
 */
const ALTERNATIVES = 'collision.duplicate-object';

const unexpectedErrors = (found: { file: string; v: Violation }[]) => found
  .filter(({ v }) => v.severity === 'error' && v.rule !== ALTERNATIVES)
  .filter(({ file, v }) => !(KNOWN[file] ?? []).some(k => k.path === v.path && k.rule === v.rule))
  .map(({ file, v }) => `${file}: ${v.kind}/${v.name} ${v.path} [${v.rule}] ${v.message}`);

/** Warnings that are not "this object is created out of band" (Secrets, ConfigMaps, the two MCPOIDCConfigs) nor the MCPRegistry deprecation. */
const unexpectedWarnings = (found: { file: string; v: Violation }[]) => found
  .filter(({ v }) => v.severity === 'warning')
  .filter(({ file, v }) => {
    if (v.rule === 'identity.deprecated-version' && v.kind === 'MCPRegistry') return false;
    if (v.rule !== 'ref.missing') return true;
    const target = /; assuming (\w+) "[^"]+" exists outside the manifest set$/.exec(v.message)?.[1];
    return !(target === 'Secret' || target === 'ConfigMap' || (target === 'MCPOIDCConfig' && MISSING_OIDC.includes(file)));
  })
  .map(({ file, v }) => `${file}: ${v.kind}/${v.name} ${v.path} [${v.rule}] ${v.message}`);

const present = existsSync(EXAMPLES);

if (!present) {
  sharedReleaseAbsent('upstream examples audit', `upstream examples audit: ${EXAMPLES} is absent (the shared ToolHive release is not checked out next to the repository)`);
} else {
  const dirs = readdirSync(EXAMPLES).filter(d => statSync(path.join(EXAMPLES, d)).isDirectory()).sort();

  describe('upstream examples audit (v0.44.0, assumeExternal)', () => {
    test('finds every directory and every file with known errors', () => {
      expect(dirs.length).toBeGreaterThanOrEqual(9);
      const files = dirs.flatMap(d => load(d).map(x => x.file));
      for (const f of Object.keys(KNOWN)) expect(files).toContain(f);
    });

    test.each(dirs)('accepts directory %s as one set, except the known errors', dir => {
      const found = validate(load(dir));
      expect(unexpectedErrors(found)).toEqual([]);
      expect(unexpectedWarnings(found)).toEqual([]);
    });

    test.each(dirs)('accepts each file of %s on its own, except the known errors', dir => {
      const docs = load(dir);
      for (const file of [...new Set(docs.map(d => d.file))]) {
        const found = validate(docs.filter(d => d.file === file));
        expect(unexpectedErrors(found)).toEqual([]);
        expect(found.filter(({ v }) => v.rule === ALTERNATIVES).map(({ v }) => `${file}: ${v.message}`)).toEqual([]);
      }
    });

    test('rejects duplicates in a directory set only for objects that several of its files define', () => {
      const identity = (o: unknown) => {
        const m = o as { kind?: string; metadata?: { name?: string; namespace?: string } };
        return `${m.kind}/${m.metadata?.namespace ?? 'default'}/${m.metadata?.name}`;
      };
      const duplicates = dirs.flatMap(dir => {
        const docs = load(dir);
        return validate(docs).filter(({ v }) => v.rule === ALTERNATIVES).map(({ v: dupe }) => {
          const id = `${dupe.kind}/${dupe.namespace}/${dupe.name}`;
          const files = new Set(docs.filter(d => identity(d.object) === id).map(d => d.file));
          return { id, severity: dupe.severity, definedInSeveralFiles: files.size > 1 };
        });
      });
      expect(duplicates.length).toBeGreaterThan(0);
      for (const d of duplicates) expect(d).toEqual({ id: d.id, severity: 'error', definedInSeveralFiles: true });
    });

    test.each(Object.keys(KNOWN))('rejects %s with exactly its known errors (each is justified, none is missing)', file => {
      const dir = file.split('/')[0];
      const errors = validate(load(dir).filter(d => d.file === file)).filter(({ v }) => v.severity === 'error').map(({ v }) => ({ path: v.path, rule: v.rule }));
      expect(errors).toEqual(KNOWN[file].map(({ path: p, rule }) => ({ path: p, rule })));
    });

    test('accepts every directory without assumeExternal except for its missing references and the known errors', () => {
      for (const dir of dirs) {
        const docs = load(dir);
        const vs = validateManifests(docs.map(d => d.object), { operatorRelease: 'main@e25de16', sources: docs.map((d, i) => ({ file: d.file, document: i + 1 })) });
        const other = vs.filter(v => v.severity === 'error' && v.rule !== 'ref.missing' && v.rule !== ALTERNATIVES && !(KNOWN[v.file ?? ''] ?? []).some(k => k.path === v.path && k.rule === v.rule));
        expect(other.map(v => `${v.file}: ${v.path} [${v.rule}] ${v.message}`)).toEqual([]);
      }
    });
  });
}
