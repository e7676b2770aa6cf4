/**
 * A validation plugin for the cdk8s CLI: `cdk8s synth` runs it on the synthesized manifests of any App (ToolHive
 * constructs or not: `Include`d upstream YAML, Helm charts, hand-written `ApiObject`s, Apps in other languages), with
 * the engine of `toolhive-constructs validate`.
 *
 * ```yaml
 * # cdk8s.yaml
 * validations:
 *   - package: toolhive-constructs      # or a local path: ./node_modules/toolhive-constructs
 *     version: 1.2.3                    # exact version (the CLI refuses ranges)
 *     class: ToolHiveValidationPlugin
 *     properties: { strict: true }
 * ```
 *
 * Loads the engine only: neither cdk8s nor Pulumi (the contract is restated below, not imported from the CLI).
 */
import * as fs from 'fs';
import * as path from 'path';
import { readExternalsFile } from '../cli/externals';
import { parseYamlStream, type LoadedManifests } from '../cli/load';
import type { SourceLocation, ValidateOptions, Violation } from '../core/types';
import { failures, validateManifests } from '../validation';
import { EXTERNALS_FILE } from '../validation/externals-file';
import { parseExternal } from '../validation/manifest-set';

/** One violating resource, as the cdk8s CLI's `ValidationViolatingResource`. */
export interface Cdk8sViolatingResource {
  readonly resourceName: string;
  readonly locations: readonly string[];
  readonly manifestPath: string;
}

/** One violation, as the cdk8s CLI's `ValidationViolation`. */
export interface Cdk8sViolation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingResources: readonly Cdk8sViolatingResource[];
}

/** What the plugin uses of the cdk8s CLI's `ValidationContext` (cdk8s-cli lib/plugins/validation.d.ts). */
export interface Cdk8sValidationContext {
  /** The synthesized manifest files. */
  readonly manifests: readonly string[];
  readonly report: {
    addViolation(violation: Cdk8sViolation): void;
    submit(status: 'success' | 'failure', metadata?: { readonly [key: string]: string }): void;
  };
}

/** The `properties` of the plugin in cdk8s.yaml. */
export interface ToolHiveValidationPluginProperties {
  /**
   * Warnings fail too (as `toolhive-constructs validate --strict`).
   *
   * @default false - warnings are reported, the report succeeds
   */
  readonly strict?: boolean;
  /**
   * Objects that live outside the App, as `Kind/name`, `Kind/namespace/name` or `Kind/*`.
   *
   * @default - only those of the externals file
   */
  readonly external?: readonly string[];
  /**
   * The externals file to read (relative to the directory `cdk8s synth` runs in).
   *
   * @default - `toolhive-externals.json` next to the synthesized manifests (or one directory up), when there is one
   */
  readonly externalsFile?: string;
  /**
   * Every unresolved reference is a warning instead of an error.
   *
   * @default false
   */
  readonly assumeExternal?: boolean;
  /**
   * Namespace of objects that name none.
   *
   * @default 'default'
   */
  readonly defaultNamespace?: string;
  /**
   * The ToolHive operator release the cluster runs, e.g. `v0.43.0`.
   *
   * @default - the release this library targets
   */
  readonly operatorRelease?: string;
}

const PROPERTIES: Readonly<Record<string, 'boolean' | 'string' | 'strings'>> = {
  strict: 'boolean',
  external: 'strings',
  externalsFile: 'string',
  assumeExternal: 'boolean',
  defaultNamespace: 'string',
  operatorRelease: 'string',
};

/**
 * The cdk8s CLI validation plugin (`class: ToolHiveValidationPlugin`). The CLI constructs it with the
 * `properties` of cdk8s.yaml and awaits `validate(context)`.
 */
export class ToolHiveValidationPlugin {
  private readonly properties: ToolHiveValidationPluginProperties;

  constructor(properties: ToolHiveValidationPluginProperties = {}) {
    this.properties = checkProperties(properties);
  }

  /** Validates every synthesized manifest, adds one report violation per engine violation, and submits. */
  public async validate(context: Cdk8sValidationContext): Promise<void> {
    const loaded: LoadedManifests = { objects: [], sources: [], problems: [], emptyDirectories: [] };
    let unreadable = 0;
    for (const file of context.manifests) {
      const before = loaded.problems.length;
      try {
        parseYamlStream(await fs.promises.readFile(file, 'utf8'), file, loaded);
      } catch (e) {
        loaded.problems.push(`${file}: cannot read: ${(e as { code?: string }).code ?? String(e)}`);
      }
      for (const problem of loaded.problems.slice(before)) {
        unreadable++;
        context.report.addViolation({
          ruleName: 'manifest.unreadable',
          recommendation: `error: ${problem}`,
          fix: 'fix the manifest file: the App wrote YAML the validator cannot read',
          violatingResources: [{ resourceName: '', locations: [], manifestPath: file }],
        });
      }
    }

    let external: string[];
    try {
      external = [...(this.properties.external ?? []), ...readExternals(this.properties.externalsFile, context.manifests)];
    } catch (e) {
      context.report.addViolation({
        ruleName: 'externals.unreadable',
        recommendation: `error: ${e instanceof Error ? e.message : String(e)}`,
        fix: 'point externalsFile at the toolhive-externals.json synth wrote, or remove the property',
        violatingResources: [],
      });
      context.report.submit('failure', { errors: '1', warnings: '0', strict: String(this.properties.strict ?? false) });
      return;
    }

    const options: ValidateOptions = {
      external,
      assumeExternal: this.properties.assumeExternal ?? false,
      ...(this.properties.defaultNamespace !== undefined ? { defaultNamespace: this.properties.defaultNamespace } : {}),
      ...(this.properties.operatorRelease !== undefined ? { operatorRelease: this.properties.operatorRelease } : {}),
      sources: loaded.sources,
    };
    // the engine redacts the values of the Secrets it is given from every message
    const violations = validateManifests(loaded.objects, options);
    const naming = resourceNaming(loaded.objects, loaded.sources, options.defaultNamespace ?? 'default');
    for (const v of violations) context.report.addViolation(reportViolation(v, naming));

    const failing = failures(violations, { strict: this.properties.strict });
    const errors = violations.filter(v => v.severity === 'error').length;
    context.report.submit(failing.length > 0 || unreadable > 0 ? 'failure' : 'success', {
      errors: String(errors + unreadable),
      warnings: String(violations.length - errors),
      strict: String(this.properties.strict ?? false),
    });
  }
}

/** Rejects properties of the wrong type (a typo in cdk8s.yaml), naming the property and what it takes. */
function checkProperties(p: unknown): ToolHiveValidationPluginProperties {
  if (p === undefined || p === null) return {};
  if (typeof p !== 'object' || Array.isArray(p)) throw new Error('ToolHiveValidationPlugin: properties must be a mapping');
  const props = p as Record<string, unknown>;
  for (const key of Object.keys(props)) {
    const want = Object.prototype.hasOwnProperty.call(PROPERTIES, key) ? PROPERTIES[key] : undefined;
    const value = props[key];
    if (want === undefined) {
      throw new Error(`ToolHiveValidationPlugin: unknown property ${JSON.stringify(key)}: expected one of ${Object.keys(PROPERTIES).join(', ')}`);
    }
    const ok = want === 'strings'
      ? Array.isArray(value) && value.every(x => typeof x === 'string')
      : typeof value === want;
    if (!ok) throw new Error(`ToolHiveValidationPlugin: property ${key} must be ${want === 'strings' ? 'a list of strings' : `a ${want}`}`);
  }
  for (const x of (props.external as string[] | undefined) ?? []) {
    try {
      parseExternal(x);
    } catch {
      throw new Error(`ToolHiveValidationPlugin: external ${JSON.stringify(x)} is not Kind/name, Kind/namespace/name or Kind/*`);
    }
  }
  return props as ToolHiveValidationPluginProperties;
}

/** The externals file named, or the one synth wrote next to the manifests (or one directory up). */
function readExternals(file: string | undefined, manifests: readonly string[]): string[] {
  if (file !== undefined) return readExternalsFile(file);
  const dirs = [...new Set(manifests.flatMap(m => [path.dirname(m), path.dirname(path.dirname(m))]))];
  for (const dir of dirs) {
    const candidate = path.join(dir, EXTERNALS_FILE);
    if (fs.existsSync(candidate)) return readExternalsFile(candidate);
  }
  return [];
}

interface Naming {
  /** The report's `resourceName` of an object: its `metadata.name` when no other object has it, else `Kind/namespace/name`. */
  resourceName(v: Violation): string;
  /** Where an object was read from. */
  source(v: Violation): SourceLocation | undefined;
}

/**
 * The cdk8s CLI finds the construct path of a violating resource by `metadata.name` alone (its construct metadata
 * is keyed by name), so a name two objects share would point at the wrong construct: such objects are named
 * `Kind/namespace/name` instead (the CLI then shows no construct path rather than a wrong one).
 */
function resourceNaming(objects: readonly unknown[], sources: readonly SourceLocation[], defaultNamespace: string): Naming {
  const counts = new Map<string, number>();
  const byIdentity = new Map<string, SourceLocation>();
  objects.forEach((o, i) => {
    const m = (typeof o === 'object' && o !== null ? o : {}) as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    const name = typeof m.metadata?.name === 'string' ? m.metadata.name : '';
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const ns = typeof m.metadata?.namespace === 'string' ? m.metadata.namespace : defaultNamespace;
    const id = `${typeof m.kind === 'string' ? m.kind : ''}/${ns}/${name}`;
    if (!byIdentity.has(id)) byIdentity.set(id, sources[i]);
  });
  return {
    resourceName: v => (v.name !== '' && counts.get(v.name) === 1 ? v.name : `${v.kind}/${v.namespace}/${v.name}`),
    source: v => (v.file !== undefined ? { file: v.file, document: v.document ?? 1, line: v.line } : byIdentity.get(`${v.kind}/${v.namespace}/${v.name}`)),
  };
}

function reportViolation(v: Violation, naming: Naming): Cdk8sViolation {
  const source = naming.source(v);
  const where = source ? ` (document ${source.document}${source.line !== undefined ? `, line ${source.line}` : ''})` : '';
  return {
    ruleName: v.rule,
    recommendation: `${v.severity}: ${v.kind} ${v.namespace}/${v.name} ${v.path || '(object)'}: ${v.message}`,
    fix: `see rule ${v.rule} in toolhive-constructs docs/rules.md`,
    violatingResources: [{
      resourceName: naming.resourceName(v),
      locations: [`${v.kind} ${v.namespace}/${v.name} ${v.path || '(object)'}${where}`],
      manifestPath: source?.file ?? '',
    }],
  };
}
