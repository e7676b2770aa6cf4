/** Layer 5: the operator's reconcile-time rules, one file per kind (see docs/rules.md). */
import { authConsumersLayer } from './auth-consumers';
import { compositeToolsLayer } from './composite-tools';
import { embeddingServerLayer } from './embeddingserver';
import { authzConfigLayer, authzConsumersLayer } from './mcpauthzconfig';
import { mcpExternalAuthConfigLayer } from './mcpexternalauthconfig';
import { oidcConfigLayer } from './mcpoidcconfig';
import { mcpRegistryLayer } from './mcpregistry';
import { mcpRemoteProxyLayer } from './mcpremoteproxy';
import { mcpServerLayer } from './mcpserver';
import { telemetryConfigLayer } from './mcptelemetryconfig';
import { toolConfigLayer } from './mcptoolconfig';
import { webhookConfigLayer } from './mcpwebhookconfig';
import { podTemplateSpecLayer } from './podtemplatespec';
import { remoteUrlLayer } from './remote-url';
import { virtualMCPServerLayer } from './virtualmcpserver';
import { virtualMCPServerAuthLayer } from './virtualmcpserver-auth';
import { vmcpRuntimeConfigLayer } from './vmcp-runtime-config';
import { workloadSecretsLayer } from './workload-secrets';
import type { SetLayer } from '../../core/types';

export const OPERATOR_LAYERS: readonly SetLayer[] = [
  mcpExternalAuthConfigLayer,
  authConsumersLayer,
  virtualMCPServerAuthLayer,
  oidcConfigLayer,
  authzConfigLayer,
  authzConsumersLayer,
  telemetryConfigLayer,
  webhookConfigLayer,
  toolConfigLayer,
  remoteUrlLayer,
  mcpServerLayer,
  mcpRemoteProxyLayer,
  virtualMCPServerLayer,
  compositeToolsLayer,
  vmcpRuntimeConfigLayer,
  podTemplateSpecLayer,
  mcpRegistryLayer,
  embeddingServerLayer,
  workloadSecretsLayer,
];
