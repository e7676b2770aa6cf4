// The policy pack recipe of docs/pulumi.md, type-checked by test/policy/recipe.test.ts (never run: `new PolicyPack`
// starts the policy server the Pulumi CLI talks to). In a real pack the import is 'toolhive-constructs/policy'.
import { PolicyPack } from '@pulumi/policy';
import { toolhivePolicies } from '../../../src/policy';

new PolicyPack('toolhive', { policies: toolhivePolicies() });
new PolicyPack('toolhive-strict', { policies: toolhivePolicies({ strict: true, defaultNamespace: 'toolhive', external: ['Secret/github-token'] }) });
