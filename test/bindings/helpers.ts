/** Small builders for test manifests and expected env entries. */
import type { EnvBinding } from '../../src/bindings';

export type Obj = Record<string, unknown>;

/** A ToolHive object (v1beta1). */
export function th(kind: string, name: string, spec: Obj = {}, namespace?: string): Obj {
  return {
    apiVersion: 'toolhive.stacklok.dev/v1beta1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec,
  };
}

/** A Secret holding the given keys (placeholder values; tests assert they never leak). */
export function secret(name: string, keys: readonly string[], namespace?: string): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    stringData: Object.fromEntries(keys.map(k => [k, `value-of-${name}-${k}-DO-NOT-LEAK`])),
  };
}

export function val(name: string, value: string): EnvBinding {
  return { name, value };
}

export function sec(name: string, secretName: string, key: string): EnvBinding {
  return { name, valueFrom: { secretKeyRef: { name: secretName, key } } };
}

export const GENERATION: EnvBinding = {
  name: 'THV_MCPSERVER_GENERATION',
  valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['toolhive.stacklok.dev/mcpserver-generation']" } },
};

/** EnsureRequiredEnvVars' defaults, in order. */
export const DEFAULTS: readonly EnvBinding[] = [
  val('XDG_CONFIG_HOME', '/tmp'), val('HOME', '/tmp'), val('TOOLHIVE_RUNTIME', 'kubernetes'), val('UNSTRUCTURED_LOGS', 'false'),
];

export const SECRETS_PROVIDER: EnvBinding = val('TOOLHIVE_SECRETS_PROVIDER', 'environment');

export const OIDC_UPSTREAM = (name: string, clientSecret?: Obj): Obj => ({
  name,
  type: 'oidc',
  oidcConfig: { issuerUrl: `https://${name}.example.com`, clientId: `${name}-client`, ...(clientSecret ? { clientSecretRef: clientSecret } : {}) },
});

/** An oauth2 upstream with a clientId (and optional client secret), or, given a DCR token, with dcrConfig instead. */
export const OAUTH2_UPSTREAM = (name: string, clientSecret?: Obj, dcrToken?: Obj): Obj => ({
  name,
  type: 'oauth2',
  oauth2Config: {
    authorizationEndpoint: `https://${name}.example.com/authorize`,
    tokenEndpoint: `https://${name}.example.com/token`,
    ...(dcrToken
      ? { dcrConfig: { registrationEndpoint: `https://${name}.example.com/register`, initialAccessTokenRef: dcrToken } }
      : { clientId: `${name}-client` }),
    ...(clientSecret ? { clientSecretRef: clientSecret } : {}),
    userInfo: { endpointUrl: `https://${name}.example.com/userinfo` },
  },
});
