// Lightpath's releases, each with the last migration it shipped. Migrations after the newest
// release's last one belong to the next release. A migration must leave the schema usable by the
// previous release's code (add a column with a default, deploy, drop the old one a release later):
// test/platform/upgrade/ checks both directions against the release named here as previous.
// When cutting a release: add it here, then re-record the hot-path queries
// (`npx tsx scripts/record-hot-path-queries.ts`, see docs/deployment.md#upgrades).
export interface Release {
  version: string;
  /** The newest migration this release applies. */
  lastMigration: string;
}

export const releases: readonly Release[] = [
  { version: '0.9', lastMigration: '0014_newest_first' },
];

/** The newest release made (the one a rolling upgrade starts from). */
export const previousRelease: Release = releases[releases.length - 1];

/** The release that first applied a migration, or null for one not yet released. */
export function releaseOf(migration: string): string | null {
  return releases.find((release) => migration <= release.lastMigration)?.version ?? null;
}
