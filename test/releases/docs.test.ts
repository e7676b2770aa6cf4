/** docs/releases.md: the lists of differences are generated from the bundled tables and the releases it names exist. */
import * as fs from 'fs';
import { DOC, docWithDiffs } from '../../scripts/diff-releases';
import { RELEASES } from '../../src/schema/generated';

describe('docs/releases.md', () => {
  const text = fs.readFileSync(DOC, 'utf8');

  test('its difference lists equal a fresh diff of the tables (scripts/diff-releases.ts --docs)', () => {
    expect(text).toBe(docWithDiffs(text));
    expect(text.match(/^<!-- diff \S+ \S+ -->$/gm)).toEqual(['<!-- diff v0.43.0 v0.44.0 -->', '<!-- diff v0.44.0 main@e25de16 -->']);
  });

  test('the table lists every bundled release', () => {
    for (const r of RELEASES) expect(text).toContain(`| \`${r.name}\` |`);
  });

  test('names the change that makes each case of test/releases differ', () => {
    expect(text).toContain('spec.allowPrivateEndpoint: added');
    expect(text).toContain('spec.embeddedAuthServer.trustedIssuers: added');
    expect(text).toContain('cel.MCPExternalAuthConfig.spec.embeddedAuthServer.trustedIssuers[*]#dc0e356a: rule expression rewritten');
  });
});
