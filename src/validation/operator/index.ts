/** Layer 5: the operator's reconcile-time rules, one file per kind (see docs/rules.md). */
import type { SetLayer } from '../types';
import { authConsumersLayer } from './auth-consumers';
import { mcpExternalAuthConfigLayer } from './mcpexternalauthconfig';
import { virtualMCPServerAuthLayer } from './virtualmcpserver-auth';

export const OPERATOR_LAYERS: readonly SetLayer[] = [
  mcpExternalAuthConfigLayer,
  authConsumersLayer,
  virtualMCPServerAuthLayer,
];
