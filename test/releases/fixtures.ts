/**
 * Manifests whose verdicts differ between the bundled operator releases, with the exact violations each release
 * gives (shared by the API, CLI, cdk8s and Pulumi tests). What changed, from stacklok/toolhive:
 *  - allowPrivateEndpoint: added to MCPRemoteProxy and MCPServerEntry after v0.44.0 (commit 92be1bf, "Allow
 *    opt-in private endpoints for remote URLs"); before it, ValidateRemoteURL blocks private ranges always.
 *  - trustedIssuers: added to the embedded auth server in v0.44.0 with four CEL rules per placement.
 *  - the allowedDelegateClients wildcard rule: `!('*' in self.allowedDelegateClients) || ...` at v0.44.0, guarded
 *    by `!has(self.allowedDelegateClients) ||` after it (commit 8735438, "Add JWT-bearer assertion grant"), when
 *    the field stopped being required and a new rule requires it only with a delegation signal.
 */
import type { KubeObject } from '../../src/validation';

export const RELEASE_NAMES = ['v0.43.0', 'v0.44.0', 'main@e25de16'] as const;
export type ReleaseName = typeof RELEASE_NAMES[number];

const V1BETA1 = 'toolhive.stacklok.dev/v1beta1';

export const PRIVATE_PROXY: KubeObject = {
  apiVersion: V1BETA1,
  kind: 'MCPRemoteProxy',
  metadata: { name: 'remote', namespace: 'tools' },
  spec: { remoteUrl: 'http://10.0.0.5:8080/mcp', allowPrivateEndpoint: true },
};

/** An embedded auth server MCPExternalAuthConfig `as` with one trusted issuer. */
export function trustedIssuer(issuer: Record<string, unknown>): KubeObject {
  return {
    apiVersion: V1BETA1,
    kind: 'MCPExternalAuthConfig',
    metadata: { name: 'as', namespace: 'tools' },
    spec: {
      type: 'embeddedAuthServer',
      embeddedAuthServer: {
        issuer: 'https://auth.example.com',
        upstreamProviders: [{ name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'toolhive' } }],
        trustedIssuers: [{ issuerUrl: 'https://idp.example.com', expectedAudience: 'https://mcp.example.com', ...issuer }],
      },
    },
  };
}

export const WILDCARD_MIXED = trustedIssuer({ allowedDelegateClients: ['*', 'agent'] });
export const WILDCARD_ONLY = trustedIssuer({ allowedDelegateClients: ['*'] });
export const NO_DELEGATES = trustedIssuer({});

/** `severity rule path: message`, the compact form the tests compare. */
export type Line = string;

const NEEDS = (path: string, first: string, target: string): Line =>
  `error schema.needs-release ${path}: field ${path} needs operator release ${first} or later; you target ${target}`;
const BLOCKED = 'error operator.remote-url.blocked-ip spec.remoteUrl: remote URL host is not allowed: IP address 10.0.0.5 falls within blocked range 10.0.0.0/8';
const TI = 'cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]';
const WILDCARD_RULE = 'allowedDelegateClients must not combine the wildcard "*" with specific client IDs';
const WILDCARD = `error ${TI}#dc0e356a spec.embeddedAuthServer.trustedIssuers[0]: Invalid value: "object": ${WILDCARD_RULE}`;

export interface ReleaseCase {
  readonly title: string;
  readonly objects: readonly KubeObject[];
  readonly want: Readonly<Record<ReleaseName, readonly Line[]>>;
}

export const CASES: readonly ReleaseCase[] = [
  {
    title: 'allowPrivateEndpoint (added after v0.44.0): unknown before, and the private address stays blocked',
    objects: [PRIVATE_PROXY],
    want: {
      'v0.43.0': [NEEDS('spec.allowPrivateEndpoint', 'main@e25de16', 'v0.43.0'), BLOCKED],
      'v0.44.0': [NEEDS('spec.allowPrivateEndpoint', 'main@e25de16', 'v0.44.0'), BLOCKED],
      'main@e25de16': [],
    },
  },
  {
    title: 'trustedIssuers (added in v0.44.0) and its CEL rule on a mixed wildcard',
    objects: [WILDCARD_MIXED],
    want: {
      'v0.43.0': [NEEDS('spec.embeddedAuthServer.trustedIssuers', 'v0.44.0', 'v0.43.0')],
      'v0.44.0': [WILDCARD],
      'main@e25de16': [WILDCARD],
    },
  },
  {
    title: 'trustedIssuers with a lone wildcard: unknown in v0.43.0, admitted from v0.44.0',
    objects: [WILDCARD_ONLY],
    want: {
      'v0.43.0': [NEEDS('spec.embeddedAuthServer.trustedIssuers', 'v0.44.0', 'v0.43.0')],
      'v0.44.0': [],
      'main@e25de16': [],
    },
  },
  {
    title: 'the wildcard rule without allowedDelegateClients: required at v0.44.0 (so CEL is not checked), guarded after it',
    objects: [NO_DELEGATES],
    want: {
      'v0.43.0': [NEEDS('spec.embeddedAuthServer.trustedIssuers', 'v0.44.0', 'v0.43.0')],
      'v0.44.0': [
        'error schema.required spec.embeddedAuthServer.trustedIssuers[0].allowedDelegateClients: Required value',
        'error cel.not-checked <root>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
      ],
      'main@e25de16': [
        `error ${TI}#feb14c0c spec.embeddedAuthServer.trustedIssuers[0]: Invalid value: "object": allowedDelegateClients is required when expectedAudience, actorClaim, actorMatcher, or allowMayAct is set`,
      ],
    },
  },
];
