/** `toolhive-constructs releases`: the bundled operator releases, oldest first, the default marked. */
import { EXIT_OK, UsageError, type CliIo } from './io';
import { RELEASES_USAGE } from './usage';
import { DEFAULT_RELEASE, RELEASES } from '../schema/registry';

export function runReleases(argv: readonly string[], io: CliIo): number {
  if (argv.length === 1 && (argv[0] === '-h' || argv[0] === '--help')) {
    io.stdout.write(RELEASES_USAGE);
    return EXIT_OK;
  }
  if (argv.length > 0) throw new UsageError(`releases takes no arguments, got ${JSON.stringify(argv[0])}`, 'releases');
  const width = Math.max(...RELEASES.map(r => r.name.length));
  for (const r of RELEASES) {
    const what = r.released
      ? `released operator ${r.commit}`
      : `main branch snapshot at commit ${r.commit} (opt in: not a release)`;
    io.stdout.write(`${r.name.padEnd(width)}  ${what}${r.name === DEFAULT_RELEASE ? ' (default)' : ''}\n`);
  }
  return EXIT_OK;
}
