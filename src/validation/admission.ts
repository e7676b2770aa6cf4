/** Layers 1–4 for one object: identity, schema (with defaulting), CEL, hygiene. */
import type { ObjectEntry, ResolvedOptions, SourceLocation, Violation } from './types';

export interface Admission { entry?: ObjectEntry; violations: Violation[] }

export function admitObject(_manifest: unknown, _index: number, _options: ResolvedOptions, _source?: SourceLocation): Admission {
  throw new Error('not implemented yet');
}
