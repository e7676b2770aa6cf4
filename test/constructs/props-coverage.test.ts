import { Testing } from 'cdk8s';
import { everyProp } from './fixtures';
import { preferredVersion, rootSchema } from '../../src/schema/registry';
import { TOOLHIVE_KINDS } from '../../src/schema/type-names';

const CONSTRUCT_KINDS = TOOLHIVE_KINDS.filter(k => k !== 'MCPRegistry');

describe('construct props cover every top-level spec field of the CRDs', () => {
  const objects = everyProp(Testing.chart());

  test.each(CONSTRUCT_KINDS)('%s', kind => {
    const version = preferredVersion(kind)!;
    const schemaFields = Object.keys(rootSchema(kind, version)?.properties?.spec?.properties ?? {}).sort();
    expect(schemaFields.length).toBeGreaterThan(0);
    const reached = new Set(objects.filter(o => o.kind === kind).flatMap(o => Object.keys(o.spec)));
    expect(schemaFields.filter(f => !reached.has(f))).toEqual([]);
  });

  test('the constructs emit the apiVersion of the builders (v1alpha1 for MCPWebhookConfig only)', () => {
    const versions = new Map(objects.map(o => [o.kind, o.apiObject.apiVersion]));
    expect(versions.get('MCPWebhookConfig')).toBe('toolhive.stacklok.dev/v1alpha1');
    for (const kind of CONSTRUCT_KINDS.filter(k => k !== 'MCPWebhookConfig')) expect(versions.get(kind)).toBe('toolhive.stacklok.dev/v1beta1');
  });
});
