/**
 * Regenerates the code derived from the ToolHive CRDs of the bundled releases (scripts/releases.ts):
 *  - src/schema/generated/<release>/<plural>.ts  per-kind schema tables of one release (descriptions dropped,
 *                                                every CEL rule with its stable id)
 *  - src/schema/generated/<release>/index.ts     that release's kinds and lazy per-kind loaders
 *  - src/schema/generated/<release>/rules.ts     that release's CEL rules (for docs and tests; the engine reads
 *                                                the rules from the kind tables)
 *  - src/schema/generated/<release>/cel-facts.ts what each rule does when the fields it reads are absent,
 *                                                computed with @bufbuild/cel (the engine then needs no CEL)
 *  - src/schema/generated/index.ts               the bundled releases, the default, lazy per-release loaders
 *  - src/imports/toolhive.stacklok.dev.ts        L1 types via `cdk8s import`, from the union of the releases
 *  - src/manifests/generated/specs.ts            builder spec types (gen-spec-types.ts), from the same union
 *
 * Usage: ts-node scripts/import-crds.ts [--release NAME]... [--crds DIR] [--out DIR] [--tables-only]
 *   no --release: every bundled release. --crds overrides the CRD folder of the (single) release named.
 *   --tables-only: skip the typed props (cdk8s import is slow; the table drift test uses it).
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { readCrds, unionCrds } from './crd-union';
import { specTypes } from './gen-spec-types';
import { crdsDir, DEFAULT_RELEASE, findRelease, RELEASES, type ReleaseSource } from './releases';
import { ruleFactsOf } from '../src/validation/cel';

interface Args { releases: ReleaseSource[]; crds?: string; out: string; tablesOnly: boolean }

const USAGE = 'usage: import-crds [--release NAME]... [--crds DIR] [--out DIR] [--tables-only]';

function parseArgs(argv: string[]): Args {
  const args: Args = { releases: [], out: path.resolve(__dirname, '..', 'src'), tablesOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--release') {
      const name = argv[++i] ?? '';
      const r = findRelease(name);
      if (!r) throw new Error(`unknown release ${JSON.stringify(name)}; bundled: ${RELEASES.map(x => x.name).join(', ')} (add a new one to scripts/releases.ts first)`);
      args.releases.push(r);
    } else if (a === '--crds') {args.crds = path.resolve(argv[++i] ?? '');} else if (a === '--out') {args.out = path.resolve(argv[++i] ?? '');} else if (a === '--tables-only') {args.tablesOnly = true;} else {throw new Error(`unknown argument ${a}; ${USAGE}`);}
  }
  if (args.crds && args.releases.length !== 1) throw new Error(`--crds needs exactly one --release; ${USAGE}`);
  if (!args.releases.length) args.releases = [...RELEASES];
  return args;
}

type Json = any;

/** A short digest: the stable part of a CEL rule id. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

interface RuleRow { kind: string; version: string; location: string; index: number; id: string; rule: string; message: string }

/**
 * Drops documentation-only keys so the tables stay small, keeps every validation keyword, and gives each
 * x-kubernetes-validations rule its stable id: the digest of its message (of its expression when it has no
 * message), so it survives rules added or reordered at the same location and an expression rewritten with
 * the same meaning. Two rules of one location with one message are told apart by their expressions.
 */
function strip(node: Json, kind: string, version: string, location: string, rules: RuleRow[]): Json {
  if (Array.isArray(node)) return node.map(n => strip(n, kind, version, location, rules));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const key of Object.keys(node)) {
    if (key === 'description' || key === 'example') continue;
    const value = node[key];
    if (key === 'properties') {
      const props: Json = {};
      // under `properties` the keys are field names (a field may be called `description`): keep every one
      for (const name of Object.keys(value)) props[name] = strip(value[name], kind, version, location ? `${location}.${name}` : name, rules);
      out[key] = props;
    } else if (key === 'items') {
      out[key] = strip(value, kind, version, `${location}[*]`, rules);
    } else if (key === 'additionalProperties' && typeof value === 'object') {
      out[key] = strip(value, kind, version, `${location}{*}`, rules);
    } else if (key === 'x-kubernetes-validations') {
      out[key] = ruleEntries(value, kind, version, location || '<root>', rules);
    } else {
      out[key] = strip(value, kind, version, location, rules);
    }
  }
  return out;
}

/** The table entries of one node's rules, each with its id suffix; appends one row per rule to `rows`. */
export function ruleEntries(list: Json[], kind: string, version: string, location: string, rows: RuleRow[]): Json[] {
  const byMessage = new Map<string, number>();
  for (const r of list) byMessage.set(r.message ?? r.rule, (byMessage.get(r.message ?? r.rule) ?? 0) + 1);
  return list.map((r, index) => {
    const text = r.message ?? r.rule;
    const id = digest(byMessage.get(text)! > 1 ? `${text}\n${r.rule}` : text);
    rows.push({ kind, version, location, index, id: `cel.${kind}.${location}#${id}`, rule: r.rule, message: r.message ?? '' });
    const { rule, message, messageExpression, reason, fieldPath, optionalOldSelf } = r;
    const entry = { rule, message, messageExpression, reason, fieldPath, optionalOldSelf, id };
    return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
  });
}

const HEADER = (release: string, what: string) =>
  `// Generated by scripts/import-crds.ts from the ToolHive ${release} CRDs (${what}). Do not edit by hand.\n`;

/** Writes src/schema/generated/<dir>/ for one release. */
export function releaseTables(release: ReleaseSource, crdsFolder: string, genRoot: string): number {
  const crds = readCrds(crdsFolder).sort((a, b) => a.spec.names.kind.localeCompare(b.spec.names.kind));
  const dir = path.join(genRoot, release.dir);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const registry: Json[] = [];
  const rules: RuleRow[] = [];
  for (const crd of crds) {
    const kind: string = crd.spec.names.kind;
    const plural: string = crd.spec.names.plural;
    const schemas: Record<string, Json> = {};
    const versions: Json[] = [];
    const seen = new Map<string, string>();
    for (const v of crd.spec.versions) {
      const schema = strip(v.schema.openAPIV3Schema, kind, v.name, '', rules);
      const key = JSON.stringify(schema);
      let ref: string = seen.get(key) ?? '';
      if (!ref) {
        ref = v.name as string;
        seen.set(key, ref);
        schemas[ref] = schema;
      }
      versions.push({
        name: v.name,
        served: !!v.served,
        storage: !!v.storage,
        deprecated: !!v.deprecated,
        ...(v.deprecationWarning ? { deprecationWarning: v.deprecationWarning } : {}),
        schema: ref,
      });
    }
    const table = { kind, plural, group: crd.spec.group, scope: crd.spec.scope, versions, schemas };
    fs.writeFileSync(path.join(dir, `${plural}.ts`),
      HEADER(release.name, crd.metadata.name) + '/* eslint-disable */\n' +
      `import type { KindTable } from '../../types';\n\nexport const table: KindTable = ${JSON.stringify(table)};\n`);
    registry.push({ kind, plural, group: crd.spec.group, versions: versions.map(({ schema: _s, ...info }) => info) });
  }
  const ids = new Set<string>();
  for (const r of rules) {
    const key = `${r.version} ${r.id}`;
    if (ids.has(key)) throw new Error(`two CEL rules of ${r.kind} ${r.version} share the id ${r.id}`);
    ids.add(key);
  }
  const loaders = registry.map(r => `  ${r.kind}: () => require('./${r.plural}').table,`).join('\n');
  fs.writeFileSync(path.join(dir, 'index.ts'),
    HEADER(release.name, 'registry') + '/* eslint-disable */\n' +
    'import type { KindInfo, KindTable } from \'../../types\';\n\n' +
    `/** The operator release these tables were generated from. */\nexport const RELEASE = ${JSON.stringify(release.name)};\n\n` +
    '/** Every kind of the release, with its versions (schemas load lazily, see LOADERS). */\n' +
    `export const KINDS: readonly KindInfo[] = ${JSON.stringify(registry, null, 2)};\n\n` +
    '/** Lazy loaders: a kind\'s schema table is read only when an object of that kind is validated. */\n' +
    `export const LOADERS: Record<string, () => KindTable> = {\n${loaders}\n};\n\n` +
    'export { STATUS_SUBRESOURCE } from \'./status-subresources\';\n' +
    'export { CEL_FACTS } from \'./cel-facts\';\n');
  fs.writeFileSync(path.join(dir, 'cel-facts.ts'), celFactsModule(release.name, rules.map(r => r.rule)));
  fs.writeFileSync(path.join(dir, 'status-subresources.ts'), statusSubresourcesModule(release.name, crds));
  fs.writeFileSync(path.join(dir, 'rules.ts'),
    HEADER(release.name, 'CEL rules') + '/* eslint-disable */\n' +
    'import type { RuleInfo } from \'../../types\';\n\n' +
    '/** Every x-kubernetes-validations rule, with the data location it applies to and its stable id. */\n' +
    `export const RULES: readonly RuleInfo[] = ${JSON.stringify(rules, null, 2)};\n`);
  return rules.length;
}

/** Writes src/schema/generated/index.ts: the bundled releases and a lazy loader for each. */
export function releaseIndex(genRoot: string): void {
  const rows = RELEASES.map(r => ({ name: r.name, released: r.released, commit: r.commit }));
  const loaders = RELEASES.map(r => `  ${JSON.stringify(r.name)}: () => require('./${r.dir}'),`).join('\n');
  fs.writeFileSync(path.join(genRoot, 'index.ts'),
    '// Generated by scripts/import-crds.ts from scripts/releases.ts. Do not edit by hand.\n/* eslint-disable */\n' +
    'import type { ReleaseInfo, ReleaseTables } from \'../types\';\n\n' +
    '/** The operator releases bundled, oldest first. */\n' +
    `export const RELEASES: readonly ReleaseInfo[] = ${JSON.stringify(rows, null, 2)};\n\n` +
    '/** The release targeted when none is selected. */\n' +
    `export const DEFAULT_RELEASE = ${JSON.stringify(DEFAULT_RELEASE)};\n\n` +
    '/** Lazy loaders: a release\'s tables are read only when it is targeted. */\n' +
    `export const RELEASE_LOADERS: Record<string, () => ReleaseTables> = {\n${loaders}\n};\n`);
}

/** Writes the typed props (L1 types and builder spec types) from the union of every bundled release. */
function typedProps(out: string): void {
  const base = RELEASES.find(r => r.name === DEFAULT_RELEASE)!;
  const others = RELEASES.filter(r => r !== base);
  const crds = unionCrds({ name: base.name, crds: readCrds(crdsDir(base)) }, others.map(r => ({ name: r.name, crds: readCrds(crdsDir(r)) })));
  const origin = `the union of the bundled releases (${RELEASES.map(r => r.name).join(', ')}; documentation of ${DEFAULT_RELEASE})`;
  // 1. L1 types through cdk8s import (one concatenated file: cdk8s import reads only the first file given).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thv-import-'));
  try {
    const all = path.join(tmp, 'toolhive-crds.yaml');
    fs.writeFileSync(all, crds.map(c => stringify(c, { lineWidth: 0 })).join('---\n'));
    const cli = path.join(path.dirname(require.resolve('cdk8s-cli/package.json')), 'bin', 'cdk8s');
    execFileSync(process.execPath, [cli, 'import', all, '--language', 'typescript', '--output', path.join(tmp, 'out'), '--no-check-upgrade'], { stdio: 'pipe' });
    const generated = fs.readFileSync(path.join(tmp, 'out', 'toolhive.stacklok.dev.ts'), 'utf8');
    const importsDir = path.join(out, 'imports');
    fs.mkdirSync(importsDir, { recursive: true });
    fs.writeFileSync(path.join(importsDir, 'toolhive.stacklok.dev.ts'),
      `// Generated by scripts/import-crds.ts (cdk8s import) from ${origin}. Do not edit by hand.\n/* eslint-disable */\n` + generated);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // 2. Framework-neutral spec types for the manifest builders.
  const specs = path.join(out, 'manifests', 'generated', 'specs.ts');
  fs.mkdirSync(path.dirname(specs), { recursive: true });
  fs.writeFileSync(specs, specTypes(crds, origin));
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const genRoot = path.join(args.out, 'schema', 'generated');
  fs.mkdirSync(genRoot, { recursive: true });
  for (const release of args.releases) {
    const folder = args.crds ?? crdsDir(release);
    if (!fs.existsSync(folder)) throw new Error(`CRD folder not found: ${folder}`);
    const count = releaseTables(release, folder, genRoot);
    process.stdout.write(`imported the CRDs of ${release.name} from ${folder} (${count} CEL rule placements) into ${path.relative(process.cwd(), path.join(genRoot, release.dir)) || '.'}\n`);
  }
  releaseIndex(genRoot);
  if (!args.tablesOnly) {
    typedProps(args.out);
    process.stdout.write(`wrote the typed props from the union of ${RELEASES.map(r => r.name).join(', ')}\n`);
  }
}

/**
 * src/schema/generated/<release>/cel-facts.ts: each distinct rule text, sorted, with its facts (CelRuleFacts),
 * computed with the real CEL engine. A list of pairs, not an object: a rule text is no safe property name.
 */
export function celFactsModule(release: string, rules: readonly string[]): string {
  const rows = [...new Set(rules)].sort().flatMap(rule => {
    const facts = ruleFactsOf(rule);
    return facts ? [[rule, facts]] : [];
  });
  return HEADER(release, 'CEL rule facts') + '/* eslint-disable */\n' +
    'import type { CelRuleFacts } from \'../../types\';\n\n' +
    '/** Rule text → the fields of `self` it reads and its outcome and cost when none is present (see CelRuleFacts). */\n' +
    `export const CEL_FACTS: ReadonlyArray<readonly [string, CelRuleFacts]> = [\n${rows.map(r => `  ${JSON.stringify(r)},\n`).join('')}];\n`;
}

/** src/schema/generated/<release>/status-subresources.ts: kind → versions whose CRD has `subresources.status`. */
export function statusSubresourcesModule(release: string, crds: readonly Json[]): string {
  const table: Record<string, string[]> = {};
  for (const crd of crds) {
    table[crd.spec.names.kind] = crd.spec.versions.filter((v: Json) => v.subresources?.status !== undefined).map((v: Json) => v.name as string);
  }
  return HEADER(release, 'subresources') + '/* eslint-disable */\n' +
    '/** Kind → the versions whose CRD declares the status subresource (spec.versions[].subresources.status). */\n' +
    `export const STATUS_SUBRESOURCE: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(table, null, 2)};\n`;
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`import-crds: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
