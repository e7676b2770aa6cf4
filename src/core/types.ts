/** Shared shapes of the validation engine. Imports neither cdk8s nor Pulumi. */
import type { KubeVersion } from './kube-version';

export type Severity = 'error' | 'warning';

/** One problem found in one object. The same shape is used by every layer and every front end. */
export interface Violation {
  readonly severity: Severity;
  /** Kind of the offending object (as written, e.g. `MCPServer`); `''` when the document has none. */
  readonly kind: string;
  /** Namespace of the offending object (the default namespace when the object names none). */
  readonly namespace: string;
  /** `metadata.name` of the offending object; `''` when absent. */
  readonly name: string;
  /** Field path in the API server's style: `spec.embeddedAuthServer.upstreamProviders[0].name`. */
  readonly path: string;
  /** Stable rule id, e.g. `schema.required`, `cel.MCPServer.spec.authzConfig#b15f5771`, `operator.vmcp.authz-cedar-only`. */
  readonly rule: string;
  /** What is wrong. For CRD CEL rules this is the CRD's message verbatim. Never contains a secret's value. */
  readonly message: string;
  /** Where the object came from, when it was read from a file. */
  readonly file?: string;
  /** 1-based document index inside `file`. */
  readonly document?: number;
  /** 1-based line of the document start inside `file`. */
  readonly line?: number;
}

/** A Kubernetes object as plain data. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** Where an input object was read from (the CLI fills this in). */
export interface SourceLocation {
  readonly file: string;
  /** 1-based document index. */
  readonly document: number;
  /** 1-based line where the document starts. */
  readonly line?: number;
}

export interface ValidateOptions {
  /**
   * Objects that live outside the manifest set, so references to them are not errors.
   * Entries are `Kind/name` (any namespace) or `Kind/namespace/name`, e.g. `Secret/github-token`.
   * `Kind/*` declares every object of that kind external.
   */
  readonly external?: readonly string[];
  /** Treat every unresolved reference as a warning instead of an error (for partial manifest sets). */
  readonly assumeExternal?: boolean;
  /** Namespace of objects that name none. @default 'default' */
  readonly defaultNamespace?: string;
  /**
   * Values that must never appear in a violation, besides those the engine finds itself (Secret `data` and
   * `stringData`, inline credential fields): e.g. the resolved values of `pulumi.secret` inputs.
   * @default - none
   */
  readonly redact?: readonly string[];
  /**
   * The ToolHive operator release to validate for: its CRD schemas and CEL rules, and the operator rules as
   * that release applies them. A field that only a newer bundled release has is reported as needing it. An
   * unknown name throws (a usage error) listing the bundled releases (`toolhive-constructs releases`).
   * @default 'v0.44.0' (the newest bundled tagged release)
   */
  readonly operatorRelease?: string;
  /** Source locations, index-aligned with the input objects. */
  readonly sources?: readonly (SourceLocation | undefined)[];
  /**
   * The Kubernetes version (`major.minor`, e.g. `1.35`) whose API server to reproduce where behaviour changed
   * between releases: int32/int64 formats are enforced from 1.36. See docs/validation.md.
   * @default '1.36' (the newest Kubernetes release)
   */
  readonly kubernetesVersion?: string;
}

/** One input object with what the engine derived from it. */
export interface ObjectEntry {
  /** Position in the input list. */
  readonly index: number;
  /** The object as given. Never mutated. */
  readonly object: KubeObject;
  /**
   * ToolHive kinds: a deep copy with the CRD schema's defaults applied (what the API server stores).
   * Other kinds: the object as given.
   */
  readonly defaulted: KubeObject;
  readonly kind: string;
  readonly apiVersion: string;
  readonly group: string;
  readonly version: string;
  readonly name: string;
  /** `metadata.namespace`, or the default namespace. */
  readonly namespace: string;
  /** Kind of group `toolhive.stacklok.dev` known to the release. */
  readonly isToolHive: boolean;
  /** True when the identity, schema and CEL layers found no error in this object. */
  readonly admitted: boolean;
  readonly source?: SourceLocation;
  /**
   * Set when the engine keeps only the identity of an object of a kind no cross-object layer reads (a streaming
   * `ManifestValidator`): `object` and `defaulted` then hold only apiVersion, kind and metadata name and namespace,
   * and this is the SHA-256 of the object's JSON, for the duplicate check.
   */
  readonly content?: string;
}

/** The whole manifest set, indexed for the cross-object layers. */
export interface ManifestSet {
  readonly entries: readonly ObjectEntry[];
  readonly options: ResolvedOptions;
  /** Looks an object up by kind (`Secret`, `MCPOIDCConfig`, ...), namespace and name. */
  get(kind: string, namespace: string, name: string): ObjectEntry | undefined;
  /** Every object of a kind, in input order. */
  ofKind(kind: string): readonly ObjectEntry[];
  /** True when the user declared the object external (options.external). */
  isExternal(kind: string, namespace: string, name: string): boolean;
}

export interface ResolvedOptions {
  readonly external: readonly string[];
  readonly assumeExternal: boolean;
  readonly defaultNamespace: string;
  /** A bundled release name (resolved and checked). */
  readonly operatorRelease: string;
  readonly kubernetesVersion: KubeVersion;
}

/** A layer that looks at the whole set (operator rules, references, collisions). */
export type SetLayer = (set: ManifestSet) => Violation[];

/**
 * Documentation of one rule, for docs/rules.md (generated by scripts/gen-rules-doc.ts).
 * Every layer module exports `RULE_DOCS: readonly RuleDoc[]` listing the rules it implements.
 */
export interface RuleDoc {
  /** The stable rule id used in violations. */
  readonly id: string;
  /** What the rule checks, in one sentence. */
  readonly checks: string;
  /** What it mirrors: a CRD rule, or an operator function/file (e.g. `controllers/mcpremoteproxy_controller.go validateSpec`). */
  readonly source: string;
  /** An example message, as the rule prints it. */
  readonly example: string;
  /** @default 'error' */
  readonly severity?: Severity;
  /** Why the rule has its severity (what the operator or the workload does with such an object). */
  readonly severityReason?: string;
  /**
   * The operator releases the rule applies to, as a range over the bundled releases (e.g. `>= v0.44.0`).
   * @default - every bundled release
   */
  readonly releases?: string;
}

/** What makes a set of violations fail a run (CLI exit code, cdk8s synth, Pulumi, policy pack). */
export interface FailurePolicy {
  /** Warnings fail too. @default false */
  readonly strict?: boolean;
}
