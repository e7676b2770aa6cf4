/** `--operator-release` and `toolhive-constructs releases`: the CLI gives each release's verdict, from files. */
import { stringify } from 'yaml';
import { CASES, RELEASE_NAMES } from './fixtures';
import { cli, tempTree } from '../cli/helpers';

describe('validate --operator-release', () => {
  for (const c of CASES) {
    describe(c.title, () => {
      const dir = tempTree({ 'manifest.yaml': c.objects.map(o => stringify(o)).join('---\n') });
      test.each(RELEASE_NAMES.map(r => [r]))('%s', async release => {
        const r = await cli(['validate', '--format', 'json', '--operator-release', release, dir]);
        const got = (JSON.parse(r.stdout).violations as { severity: string; rule: string; path: string; message: string }[])
          .map(v => `${v.severity} ${v.rule} ${v.path}: ${v.message}`);
        expect({ code: r.code, got, stderr: r.stderr }).toEqual({ code: c.want[release].length ? 1 : 0, got: c.want[release], stderr: '' });
      });
    });
  }

  test('prints the release message in text output and takes --operator-release=NAME', async () => {
    const dir = tempTree({ 'proxy.yaml': stringify(CASES[0].objects[0]) });
    const r = await cli(['validate', '--operator-release=v0.44.0', dir]);
    expect(r.stdout.split('\n')[0]).toBe(
      `${dir}/proxy.yaml:1 MCPRemoteProxy/tools/remote spec.allowPrivateEndpoint: field spec.allowPrivateEndpoint needs operator release main@e25de16 or later; you target v0.44.0 [schema.needs-release]`);
  });

  test('an unknown release is a usage error listing the bundled ones', async () => {
    const r = await cli(['validate', '--operator-release', 'v0.45.0', '-']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('toolhive-constructs: invalid --operator-release "v0.45.0": bundled releases are v0.43.0, v0.44.0 (default), main@e25de16');
  });

  test('env does not take --operator-release', async () => {
    const r = await cli(['env', '--operator-release', 'v0.44.0', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('toolhive-constructs: unknown option "--operator-release"');
  });
});

describe('releases', () => {
  test('lists the bundled releases oldest first, the default marked', async () => {
    expect(await cli(['releases'])).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'v0.43.0       released operator v0.43.0',
        'v0.44.0       released operator v0.44.0 (default)',
        'main@e25de16  main branch snapshot at commit e25de16cf9720b13cf0b400c861a2f6840e2763c (opt in: not a release)',
        '',
      ].join('\n'),
    });
  });

  test('takes no arguments', async () => {
    const r = await cli(['releases', 'v0.44.0']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('toolhive-constructs: releases takes no arguments, got "v0.44.0"');
  });

  test('has a help text', async () => {
    const r = await cli(['help', 'releases']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Usage: toolhive-constructs releases');
  });
});
