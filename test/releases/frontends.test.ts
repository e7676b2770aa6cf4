/**
 * One option selects the release in every front end: the cdk8s synth-time validation
 * (`ToolHiveValidation.of(app).configure({ operatorRelease })`) and the Pulumi components
 * (`configure({ operatorRelease })`) give the engine's verdict for that release.
 */
import { Testing } from 'cdk8s';
import { McpRemoteProxy, ToolHiveValidation } from '../../src';
import * as toolhive from '../../src/pulumi';
import { errorLines } from '../constructs/helpers';
import { mockProgram } from '../pulumi/harness';

const PRIVATE = { remoteUrl: 'http://10.0.0.5:8080/mcp', allowPrivateEndpoint: true };
const NEEDS = 'spec.allowPrivateEndpoint: field spec.allowPrivateEndpoint needs operator release main@e25de16 or later; you target';
const BLOCKED = 'spec.remoteUrl: remote URL host is not allowed: IP address 10.0.0.5 falls within blocked range 10.0.0.0/8 (operator.remote-url.blocked-ip)';

describe('cdk8s: ToolHiveValidation operatorRelease', () => {
  test('validates for the default release, v0.44.0', () => {
    const chart = Testing.chart();
    new McpRemoteProxy(chart, 'rp', PRIVATE);
    expect(errorLines(chart)).toEqual([`[test/rp] ${NEEDS} v0.44.0 (schema.needs-release)`, `[test/rp] ${BLOCKED}`]);
  });

  test('validates for the selected release', () => {
    const older = Testing.chart();
    ToolHiveValidation.of(older).configure({ operatorRelease: 'v0.43.0' });
    new McpRemoteProxy(older, 'rp', PRIVATE);
    expect(errorLines(older)).toEqual([`[test/rp] ${NEEDS} v0.43.0 (schema.needs-release)`, `[test/rp] ${BLOCKED}`]);

    const main = Testing.chart();
    ToolHiveValidation.of(main).configure({ operatorRelease: 'main@e25de16' });
    new McpRemoteProxy(main, 'rp', PRIVATE);
    expect(Testing.synth(main)).toHaveLength(1);
  });

  test('rejects an unknown release when configured', () => {
    expect(() => ToolHiveValidation.of(Testing.chart()).configure({ operatorRelease: 'latest' }))
      .toThrow('unknown operator release "latest"; bundled releases: v0.43.0, v0.44.0 (default), main@e25de16');
  });
});

describe('Pulumi: configure({ operatorRelease })', () => {
  beforeEach(async () => {
    await mockProgram();
  });

  test('validates for the default release, v0.44.0', () => {
    expect(() => new toolhive.McpRemoteProxy('rp', { metadata: { namespace: 'tools' }, ...PRIVATE })).toThrow([
      'MCPRemoteProxy tools/rp is invalid (2 errors):',
      `  - ${NEEDS} v0.44.0 (schema.needs-release)`,
      `  - ${BLOCKED}`,
    ].join('\n'));
  });

  test('validates for the selected release', () => {
    toolhive.configure({ operatorRelease: 'main@e25de16' });
    expect(() => new toolhive.McpRemoteProxy('rp', { metadata: { namespace: 'tools' }, ...PRIVATE })).not.toThrow();
  });

  test('rejects an unknown release', () => {
    expect(() => toolhive.configure({ operatorRelease: 'v0.45.0' }))
      .toThrow('unknown operator release "v0.45.0"; bundled releases: v0.43.0, v0.44.0 (default), main@e25de16');
  });
});
