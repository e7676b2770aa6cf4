/**
 * The operator releases this package bundles, oldest first: the one hand-kept list the generator reads
 * (scripts/import-crds.ts writes src/schema/generated/index.ts from it). Adding a release is one line here
 * and `npx projen import:crds --release <name>`; see docs/releases.md.
 */
import * as path from 'path';

export interface ReleaseSource {
  /** What users pass as `operatorRelease` / `--operator-release`. */
  readonly name: string;
  /** Folder under src/schema/generated/ (a file-system-safe form of the name). */
  readonly dir: string;
  /** The CRD folder, relative to the repository's parent (`../shared/...`). */
  readonly crds: string;
  /** The stacklok/toolhive commit the CRDs come from. */
  readonly commit: string;
  /** A tagged release (true) or a snapshot of the main branch that users opt into (false). */
  readonly released: boolean;
}

export const RELEASES: readonly ReleaseSource[] = [
  { name: 'v0.43.0', dir: 'v0.43.0', crds: 'shared/toolhive/tags/v0.43.0/crds', commit: 'v0.43.0', released: true },
  { name: 'v0.44.0', dir: 'v0.44.0', crds: 'shared/toolhive/tags/v0.44.0/crds', commit: 'v0.44.0', released: true },
  { name: 'main@e25de16', dir: 'main-e25de16', crds: 'shared/toolhive/v0.44.0/crds', commit: 'e25de16cf9720b13cf0b400c861a2f6840e2763c', released: false },
];

/** The release targeted when none is selected: the newest tagged release. */
export const DEFAULT_RELEASE = 'v0.44.0';

/** The repository's parent folder, where `shared/` lives. */
export const WORKSPACE = path.resolve(__dirname, '..', '..');

export function crdsDir(release: ReleaseSource): string {
  return path.join(WORKSPACE, release.crds);
}

export function findRelease(name: string): ReleaseSource | undefined {
  return RELEASES.find(r => r.name === name);
}
