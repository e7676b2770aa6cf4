/** Layer 5: the operator's reconcile-time rules, one file per kind (see docs/rules.md). */
import type { SetLayer } from '../types';

export const OPERATOR_LAYERS: readonly SetLayer[] = [];
