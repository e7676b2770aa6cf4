/** Shared builders for the engine tests: real objects, real schemas, no mocks. */
import { createHash } from 'crypto';
import { validateManifests, type KubeObject, type ValidateOptions, type Violation } from '../../src/validation';

export const V1BETA1 = 'toolhive.stacklok.dev/v1beta1';
export const V1ALPHA1 = 'toolhive.stacklok.dev/v1alpha1';

/** Rule ids of layers 1–4 (per-object admission); the set layers (operator, references, collisions) are tested elsewhere. */
const ADMISSION = /^(identity|metadata|schema|cel|hygiene)\./;

export function isAdmissionRule(rule: string): boolean {
  return ADMISSION.test(rule);
}

/** A ToolHive object of `kind` with `spec`, named `name`, at v1beta1 unless told otherwise. */
export function toolhive(kind: string, spec: unknown, name = 'sample', apiVersion = V1BETA1): KubeObject {
  return { apiVersion, kind, metadata: { name }, spec };
}

/** Every layer 1–4 violation (errors and warnings) of a manifest set. */
export function admission(objects: readonly unknown[], options?: ValidateOptions): Violation[] {
  return validateManifests(objects, options).filter(v => isAdmissionRule(v.rule));
}

/** Layer 1–4 errors as `{ path, rule, message }` (compact, readable diffs). */
export function admissionErrors(objects: readonly unknown[], operatorRelease?: string): { path: string; rule: string; message: string }[] {
  return admission(objects, { operatorRelease }).filter(v => v.severity === 'error').map(({ path, rule, message }) => ({ path, rule, message }));
}

/** The layer 1–4 violations of one object with one rule id, as `{ path, message }`. */
export function findings(object: unknown, rule: string, operatorRelease?: string): { path: string; message: string }[] {
  return admission([object], { operatorRelease }).filter(v => v.rule === rule).map(({ path, message }) => ({ path, message }));
}

/** Deep copy (test fixtures are shared between cases and must never be mutated). */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The id of a CRD CEL rule: `cel.<Kind>.<location>#` and the first 8 hex digits of the SHA-256 of its message,
 * the scheme scripts/import-crds.ts documents (stable when the operator adds, reorders or rewrites rules).
 */
export function celId(kind: string, location: string, message: string): string {
  return `cel.${kind}.${location}#${createHash('sha256').update(message).digest('hex').slice(0, 8)}`;
}

/** The snapshot of the operator's main branch, which the CEL placement cases cover in full (76 placements). */
export const MAIN = 'main@e25de16';

/** The one line the API server reports instead of the CEL rules when a blocking schema error was found. */
export const NOT_CHECKED = {
  path: '<root>',
  rule: 'cel.not-checked',
  message: 'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
} as const;
