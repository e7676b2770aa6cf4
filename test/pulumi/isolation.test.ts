/** A Pulumi user never loads cdk8s: `toolhive-constructs/pulumi` and everything it loads stay clear of it. */
import { spawnSync } from 'child_process';
import * as path from 'path';

test('loading src/pulumi loads neither cdk8s, constructs nor src/constructs', () => {
  const script = "require('./src/pulumi'); process.stdout.write(JSON.stringify(Object.keys(require.cache)));";
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: path.join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  const loaded = JSON.parse(result.stdout) as string[];
  expect(loaded.some(f => f.includes(`${path.sep}src${path.sep}pulumi${path.sep}`))).toBe(true);
  expect(loaded.filter(f => /node_modules[\\/](cdk8s|cdk8s-plus-\d+|constructs)[\\/]|[\\/]src[\\/]constructs[\\/]/.test(f))).toEqual([]);
});
