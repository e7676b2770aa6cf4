/** Layer 7: operator-generated object names and env var names must not collide. */
import type { ManifestSet, Violation } from './types';

export function collisionsLayer(_set: ManifestSet): Violation[] {
  return [];
}
