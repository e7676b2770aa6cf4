/** Shapes of the generated schema tables (see scripts/import-crds.ts). */

/** A structural OpenAPI v3 schema node as it appears in a CRD (descriptions stripped). */
export interface SchemaNode {
  readonly 'type'?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  readonly 'properties'?: Readonly<Record<string, SchemaNode>>;
  readonly 'additionalProperties'?: SchemaNode | boolean;
  readonly 'items'?: SchemaNode;
  readonly 'required'?: readonly string[];
  readonly 'enum'?: readonly unknown[];
  readonly 'default'?: unknown;
  readonly 'pattern'?: string;
  readonly 'format'?: string;
  readonly 'minLength'?: number;
  readonly 'maxLength'?: number;
  readonly 'minItems'?: number;
  readonly 'maxItems'?: number;
  readonly 'minProperties'?: number;
  readonly 'maxProperties'?: number;
  readonly 'minimum'?: number;
  readonly 'maximum'?: number;
  readonly 'exclusiveMinimum'?: boolean;
  readonly 'exclusiveMaximum'?: boolean;
  readonly 'nullable'?: boolean;
  readonly 'anyOf'?: readonly SchemaNode[];
  readonly 'allOf'?: readonly SchemaNode[];
  readonly 'oneOf'?: readonly SchemaNode[];
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-embedded-resource'?: boolean;
  readonly 'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-map-type'?: string;
  /** `id`: the stable part of the rule's id, added by scripts/import-crds.ts (see docs/releases.md). */
  readonly 'x-kubernetes-validations'?: readonly { readonly rule: string; readonly message?: string; readonly id?: string }[];
}

export interface VersionInfo {
  readonly name: string;
  readonly served: boolean;
  readonly storage: boolean;
  readonly deprecated: boolean;
  readonly deprecationWarning?: string;
}

export interface KindInfo {
  readonly kind: string;
  readonly plural: string;
  readonly group: string;
  readonly versions: readonly VersionInfo[];
}

export interface KindTable extends KindInfo {
  readonly scope: string;
  readonly versions: readonly (VersionInfo & { readonly schema: string })[];
  /** Root schemas keyed by the first version that uses them (identical versions share one). */
  readonly schemas: Readonly<Record<string, SchemaNode>>;
}

export interface RuleInfo {
  readonly kind: string;
  readonly version: string;
  /** Data location: `spec.a.b`, `[*]` for list items, `{*}` for map values. */
  readonly location: string;
  /** Position of the rule in its x-kubernetes-validations list (changes between releases; see `id`). */
  readonly index: number;
  /** The rule id violations carry: `cel.<Kind>.<location>#<digest of the message>`, stable across releases. */
  readonly id: string;
  readonly rule: string;
  readonly message: string;
}

/** One bundled operator release (src/schema/generated/index.ts). */
export interface ReleaseInfo {
  /** The name users select it by (`operatorRelease`, `--operator-release`). */
  readonly name: string;
  /** A tagged release, or a snapshot of the operator's main branch that users opt into. */
  readonly released: boolean;
  /** The stacklok/toolhive tag or commit its CRDs come from. */
  readonly commit: string;
}

/** The generated tables of one release (src/schema/generated/<release>/index.ts). */
export interface ReleaseTables {
  readonly RELEASE: string;
  readonly KINDS: readonly KindInfo[];
  readonly LOADERS: Readonly<Record<string, () => KindTable>>;
  /** Kind → the versions whose CRD declares the status subresource. */
  readonly STATUS_SUBRESOURCE: Readonly<Record<string, readonly string[]>>;
  /** What each CEL rule of the release does when the fields it reads are absent (rule text → facts). */
  readonly CEL_FACTS: ReadonlyArray<readonly [string, CelRuleFacts]>;
}

/**
 * A CEL rule's facts, computed with @bufbuild/cel when the tables are generated (scripts/import-crds.ts), so that
 * objects without the fields a rule reads need no CEL engine at run time (src/validation/cel.ts DeferredRule).
 */
export interface CelRuleFacts {
  /** The fields of `self` the rule reads, each tested for presence only or read; absent when it reads `self` itself. */
  readonly fields?: ReadonlyArray<readonly [string, 'presence' | 'value']>;
  /** With `fields`: the outcome (and its cost) on an object where none of them is present. */
  readonly absent?: { readonly ok: boolean; readonly error?: string; readonly cost: number };
}
