/**
 * `toolhive-constructs/policy`: a Pulumi policy pack (CrossGuard) that validates every ToolHive custom resource of
 * any Pulumi program, with the Secrets and ConfigMaps they reference, through the engine of the CLI: programs that
 * use the components or not (raw `CustomResource`s, objects from YAML files or Helm charts, other languages).
 *
 * ```ts
 * // index.ts of the policy pack (next to PulumiPolicy.yaml)
 * import { PolicyPack } from '@pulumi/policy';
 * import { toolhivePolicies } from 'toolhive-constructs/policy';
 * new PolicyPack('toolhive', { policies: toolhivePolicies() });
 * ```
 *
 * Loads the engine and `@pulumi/policy`'s types only: neither cdk8s nor `@pulumi/pulumi` nor the components.
 */
import type { PolicyResource, ReportViolation, StackValidationArgs, StackValidationPolicy } from '@pulumi/policy';
import type { KubeObject, ValidateOptions, Violation } from '../core/types';
import { failures, validateManifests } from '../validation';
import { parseExternal } from '../validation/manifest-set';
import { secretValuesOf as valuesToHide } from '../validation/redact';

/** Options of the policies; each can also be set in the policy pack's config (which wins). */
export interface ToolHivePolicyOptions {
  /**
   * Warnings fail too (as `toolhive-constructs validate --strict`).
   *
   * @default false - warnings are reported by the advisory `toolhive-warnings` policy only
   */
  readonly strict?: boolean;
  /**
   * Objects managed outside the stack, as `Kind/name`, `Kind/namespace/name` or `Kind/*`.
   *
   * @default - none
   */
  readonly external?: readonly string[];
  /**
   * Namespace of objects that name none: the namespace of the stack's Kubernetes provider.
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

/** A stack resource as the policies read it: `PolicyResource`'s type, URN and props. */
export type StackResource = Pick<PolicyResource, 'type' | 'urn' | 'props'>;

/** A violation with the URN of the resource it is about. */
export interface StackViolation extends Violation {
  /** URN of the resource that carries the object. @default - none: an object no resource carries */
  readonly urn?: string;
}

/** What validating a stack's resources found. */
export interface StackValidationResult {
  /** Every violation, errors and warnings, in resource order. */
  readonly violations: readonly StackViolation[];
  /**
   * URNs of the resources not validated because a value they hold is unknown (a preview): each counts as
   * external, so references to it are not errors. `pulumi up` validates them once their values are known.
   */
  readonly skipped: readonly string[];
}

/** The types the policies read: ToolHive custom resources, Secrets, ConfigMaps. */
const TOOLHIVE_TYPE = /^kubernetes:toolhive\.stacklok\.dev\/[A-Za-z0-9]+:[A-Za-z0-9]+$/;
const SECRET_TYPE = 'kubernetes:core/v1:Secret';
const CONFIGMAP_TYPE = 'kubernetes:core/v1:ConfigMap';

/** The config schema of both policies (the pack's `config` in Pulumi.<stack>.yaml or `--policy-pack-config`). */
const CONFIG_SCHEMA = {
  properties: {
    strict: { type: 'boolean' as const, description: 'warnings fail too' },
    external: { type: 'array' as const, items: { type: 'string' as const }, description: 'objects managed outside the stack (Kind/name, Kind/namespace/name, Kind/*)' },
    defaultNamespace: { type: 'string' as const, description: 'namespace of objects that name none' },
    operatorRelease: { type: 'string' as const, description: 'the ToolHive operator release the cluster runs' },
  },
};

/**
 * The two stack policies of the pack: `toolhive-validation` (mandatory: errors, and warnings under `strict`) and
 * `toolhive-warnings` (advisory: every warning, unless `strict` moved them to the mandatory policy).
 *
 * @example
 * new PolicyPack('toolhive', { policies: toolhivePolicies({ defaultNamespace: 'toolhive' }) });
 */
export function toolhivePolicies(options: ToolHivePolicyOptions = {}): StackValidationPolicy[] {
  return [
    {
      name: 'toolhive-validation',
      description: 'ToolHive custom resources pass the API server (CRD schema and CEL) and the operator\'s checks, and their references resolve',
      enforcementLevel: 'mandatory',
      configSchema: CONFIG_SCHEMA,
      validateStack: (args, report) => reportStack(args, report, options, 'failing'),
    },
    {
      name: 'toolhive-warnings',
      description: 'ToolHive operator advisories: objects the operator accepts but that probably do not do what was meant',
      enforcementLevel: 'advisory',
      configSchema: CONFIG_SCHEMA,
      validateStack: (args, report) => reportStack(args, report, options, 'warnings'),
    },
  ];
}

function reportStack(args: StackValidationArgs, report: ReportViolation, defaults: ToolHivePolicyOptions, which: 'failing' | 'warnings'): void {
  const options = { ...defaults, ...configOf(args) };
  const { violations } = validateStackResources(args.resources, options);
  // under strict the mandatory policy reports the warnings: the advisory one stays quiet, so none is shown twice
  const selected = (which === 'failing'
    ? failures(violations, options)
    : options.strict === true ? [] : violations.filter(v => v.severity === 'warning')) as StackViolation[];
  for (const v of selected) report(formatStackViolation(v), v.urn);
}

/** The policy's config, with only the known keys of the right type (the engine rejects the rest loudly). */
function configOf(args: StackValidationArgs): ToolHivePolicyOptions {
  const c = args.getConfig<Record<string, unknown>>() ?? {};
  return {
    ...(typeof c.strict === 'boolean' ? { strict: c.strict } : {}),
    ...(Array.isArray(c.external) ? { external: c.external.filter((x): x is string => typeof x === 'string') } : {}),
    ...(typeof c.defaultNamespace === 'string' ? { defaultNamespace: c.defaultNamespace } : {}),
    ...(typeof c.operatorRelease === 'string' ? { operatorRelease: c.operatorRelease } : {}),
  };
}

/** `MCPServer demo/fetch spec.transport: <message> (schema.enum)` */
export function formatStackViolation(v: Violation): string {
  return `${v.severity === 'warning' ? 'warning: ' : ''}${v.kind} ${v.namespace}/${v.name} ${v.path || '(object)'}: ${v.message} (${v.rule})`;
}

/**
 * Validates the ToolHive custom resources, Secrets and ConfigMaps among `resources` together, with the engine.
 * A Secret joins with its key names only. A resource holding a value unknown during a preview is skipped (and
 * counts as external), never read past the unknown: reading it would turn the whole policy advisory.
 */
export function validateStackResources(resources: readonly StackResource[], options: ToolHivePolicyOptions = {}): StackValidationResult {
  for (const x of options.external ?? []) parseExternal(x);
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const objects: KubeObject[] = [];
  const urns: string[] = [];
  const secretValues: KubeObject[] = [];
  const external = [...(options.external ?? [])];
  const skipped: string[] = [];

  for (const r of resources) {
    const kind = r.type === SECRET_TYPE ? 'Secret' : r.type === CONFIGMAP_TYPE ? 'ConfigMap' : TOOLHIVE_TYPE.test(r.type) ? 'toolhive' : undefined;
    if (kind === undefined) continue;
    try {
      const object = kind === 'Secret' ? secretShape(r.props) : objectOf(r.props, kind);
      objects.push(object);
      urns.push(r.urn);
      if (kind === 'Secret') secretValues.push(secretValuesOf(r.props));
    } catch (e) {
      if (!isUnknownValueError(e)) throw e;
      skipped.push(r.urn);
      external.push(externalOf(r, kind, defaultNamespace));
    }
  }

  const engineOptions: ValidateOptions = {
    external,
    defaultNamespace,
    // the engine sees Secrets by key only: their values are handed over only to be kept out of every message
    redact: valuesToHide(secretValues),
    ...(options.operatorRelease !== undefined ? { operatorRelease: options.operatorRelease } : {}),
  };
  const owners = new Map<string, string>();
  objects.forEach((o, i) => {
    const id = `${o.kind}/${o.metadata?.namespace ?? defaultNamespace}/${o.metadata?.name ?? ''}`;
    if (!owners.has(id)) owners.set(id, urns[i]);
  });
  const violations = validateManifests(objects, engineOptions).map((v): StackViolation => {
    const urn = owners.get(`${v.kind}/${v.namespace}/${v.name}`);
    return { ...v, ...(urn !== undefined ? { urn } : {}) };
  });
  return { violations, skipped };
}

/** True for `@pulumi/policy`'s `UnknownValueError` (recognised by shape: this module does not load the SDK). */
function isUnknownValueError(e: unknown): boolean {
  return e instanceof Error && 'unknownTypeSentinel' in e;
}

/** A plain copy of a ToolHive object or ConfigMap: the fields the API server validates, read through the proxy. */
function objectOf(props: Record<string, unknown>, kind: 'toolhive' | 'ConfigMap'): KubeObject {
  const fields = kind === 'toolhive' ? ['apiVersion', 'kind', 'spec'] : ['apiVersion', 'kind', 'data', 'binaryData', 'immutable'];
  const out: KubeObject = { metadata: metadataOf(props) };
  for (const f of fields) {
    const value = props[f];
    if (value !== undefined) out[f] = copy(value);
  }
  if (kind === 'ConfigMap') {
    out.apiVersion ??= 'v1';
    out.kind ??= 'ConfigMap';
  }
  return out;
}

/** A Secret as the engine sees it: metadata, type and key names; every value replaced. */
function secretShape(props: Record<string, unknown>): KubeObject {
  const keys = [...Object.keys(mapOf(props.data)), ...Object.keys(mapOf(props.stringData))];
  const type = props.type;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: metadataOf(props),
    ...(typeof type === 'string' ? { type } : {}),
    stringData: Object.fromEntries([...new Set(keys)].sort().map(k => [k, '(redacted)'])),
  };
}

/** A Secret with its values (unknown ones left out), only for the engine to keep them out of messages. */
function secretValuesOf(props: Record<string, unknown>): KubeObject {
  const values = (m: unknown): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(mapOf(m))) {
      try {
        out[k] = (m as Record<string, unknown>)[k];
      } catch (e) {
        if (!isUnknownValueError(e)) throw e;
      }
    }
    return out;
  };
  return { kind: 'Secret', data: values(props.data), stringData: values(props.stringData) };
}

function mapOf(x: unknown): object {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? x : {};
}

/** name, namespace, labels and annotations: what validation reads (not the server's uid, managedFields, ...). */
function metadataOf(props: Record<string, unknown>): KubeObject['metadata'] {
  const meta = mapOf(props.metadata) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of ['name', 'namespace', 'labels', 'annotations']) {
    const value = meta[f];
    if (value !== undefined) out[f] = copy(value);
  }
  return out;
}

/** A deep plain copy, reading every value through the policy SDK's proxy (which throws on an unknown). */
function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => copy(value[i]));
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(value)) out[k] = copy((value as Record<string, unknown>)[k]);
  return out;
}

/** `Kind/namespace/name` of a skipped resource, as far as it is known (`*` for what is not). */
function externalOf(r: StackResource, kind: 'toolhive' | 'Secret' | 'ConfigMap', defaultNamespace: string): string {
  const k = kind === 'toolhive' ? r.type.slice(r.type.lastIndexOf(':') + 1) : kind;
  const field = (name: string): string | null | undefined => {
    try {
      const v = (mapOf(r.props.metadata) as Record<string, unknown>)[name];
      if (v === undefined) return undefined;
      return typeof v === 'string' && v !== '' && !v.includes('/') ? v : null;
    } catch {
      return null; // unknown
    }
  };
  const namespace = field('namespace');
  const name = field('name') ?? '*';
  if (namespace === null) return `${k}/*`;
  return `${k}/${namespace ?? defaultNamespace}/${name}`;
}
