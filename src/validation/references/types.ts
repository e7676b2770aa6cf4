/** Shapes of the reference table (specs.ts) read by the generic resolver (resolve.ts). */
import type { Dict } from '../../core/util';
import type { ToolHiveKind } from '../../schema/type-names';

/** Kinds a reference can point at: a ToolHive kind, a Secret or a ConfigMap. */
export type TargetKind = ToolHiveKind | 'Secret' | 'ConfigMap';

/** What a message function is told about one reference. */
export interface RefContext {
  /** Name of the referenced object. */
  readonly name: string;
  /** Namespace the reference resolves in (the referring object's). */
  readonly namespace: string;
  /** The key the reference names (or its default), for keyed references. */
  readonly key?: string;
  /** The object holding the reference field (e.g. an `addHeadersFromSecret` item, for its `headerName`). */
  readonly holder: Dict;
}

export type MessageFn = (ref: RefContext) => string;

/** One row of the reference graph: one by-name reference field of one kind. */
export interface RefSpec {
  /** Kind of the referring object. */
  readonly source: string;
  /**
   * Where the reference object sits: `spec.a.b`, `spec.list[*].ref`, `spec.map{*}.ref`.
   * The reference object carries `name` (and `key` for keyed references).
   */
  readonly path: string;
  readonly target: TargetKind;
  /** Present for references that name a key inside a Secret or ConfigMap. */
  readonly keyed?: {
    /** Key used when the reference names none; without it an absent key is not checked. */
    readonly defaultKey?: string;
    /** Fields of the target that hold keys. @default Secret: data, stringData; ConfigMap: data, binaryData */
    readonly in?: readonly string[];
    /** The value must not be empty or blank (the operator reads and trims it). */
    readonly nonEmpty?: boolean;
  };
  /** Checks the reference only when this holds (e.g. `permissionProfile.type == configmap`). */
  readonly when?: (ref: Dict, holder: Dict) => boolean;
  /** The consumer's own text for a missing target, when the operator has one. */
  readonly missing?: MessageFn;
  /** The consumer's own text for a missing key. */
  readonly keyMissing?: MessageFn;
  /** The consumer's own text for an empty value. */
  readonly keyEmpty?: MessageFn;
}
