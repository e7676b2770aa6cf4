/**
 * Suites that need the shared ToolHive release checked out next to the repository (`../shared`: upstream CRDs and
 * examples). Locally they skip with a message when it is absent; in CI (`CI` set) they fail, so a pipeline that
 * lost the checkout cannot pass with the checks silently skipped.
 */

/** True when `CI` is set to anything but empty, `0` or `false` (the convention of CI services and of jest). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/** Declares the suite for a missing `../shared`: one skipped test locally, one failing test in CI. */
export function sharedReleaseAbsent(title: string, why: string): void {
  if (isCi()) {
    describe(title, () => {
      test(`${why} (CI is set, so this suite fails instead of skipping)`, () => {
        throw new Error(`${why}: check out the shared ToolHive release next to the repository, or unset CI to skip locally`);
      });
    });
    return;
  }
  // jest hides the names of skipped tests when a whole file is skipped, so say it once on the console too
  console.warn(why);
  describe(title, () => {
    test.skip(why, () => undefined);
  });
}
