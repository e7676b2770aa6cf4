/**
 * Builders and runners for the audit tests: complete manifest sets made of plain objects, run through the
 * public engine entry points exactly as a user would, with no mocks.
 */
import { validateManifests, type KubeObject, type ValidateOptions, type Violation } from '../../src/validation';

export const V1BETA1 = 'toolhive.stacklok.dev/v1beta1';
export const V1ALPHA1 = 'toolhive.stacklok.dev/v1alpha1';

type Spec = Record<string, unknown>;

/** A ToolHive object in namespace `default` (v1beta1 unless told otherwise). */
export function th(kind: string, name: string, spec: Spec, apiVersion = V1BETA1): KubeObject {
  return { apiVersion, kind, metadata: { name }, spec };
}

/** A Secret with the given keys as stringData. */
export function secret(name: string, keys: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: 'Opaque', stringData: keys };
}

/** A ConfigMap with the given data. */
export function configMap(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data };
}

/** What a test compares: who, where, which rule, what text. */
export interface Finding {
  readonly kind: string;
  readonly name: string;
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

const finding = ({ kind, name, path, rule, message }: Violation): Finding => ({ kind, name, path, rule, message });

/** Every error of a manifest set. */
export function errors(objects: readonly unknown[], options?: ValidateOptions): Finding[] {
  return validateManifests(objects, options).filter(v => v.severity === 'error').map(finding);
}

/** Every warning of a manifest set. */
export function warnings(objects: readonly unknown[], options?: ValidateOptions): Finding[] {
  return validateManifests(objects, options).filter(v => v.severity === 'warning').map(finding);
}

/** Errors as `<path>: <message>` lines (the API server's field error format), for compact assertions. */
export function errorLines(objects: readonly unknown[], options?: ValidateOptions): string[] {
  return errors(objects, options).map(e => `${e.path}: ${e.message}`);
}

/** `Invalid value: "object": <msg>`: how the API server prints a failed CEL rule. */
export const cel = (message: string): string => `Invalid value: "object": ${message}`;

/** Deep copy, so shared fixtures are never mutated. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
