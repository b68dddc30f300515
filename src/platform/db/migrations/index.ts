// Every migration, in order. Names sort in application order; never rename or edit a shipped one.
// Each must leave the schema usable by the previous release's code, which keeps running during a
// rolling upgrade: add tables, indexes and columns that are nullable or have a default; never
// rename, drop or make required a column the previous release uses — add the new one now, drop
// the old one in the next release. src/platform/db/releases.ts says which release ships which
// migration; test/platform/upgrade/ fails when a migration breaks the rule (docs/deployment.md#upgrades).
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../../../config.ts';
import * as platform from './0001_platform.ts';
import * as dataproxy from './0002_dataproxy.ts';
import * as lims from './0003_lims.ts';
import * as tom from './0004_tom.ts';
import * as observations from './0006_observations.ts';
import * as limsIndexes from './0007_lims_indexes.ts';
import * as frameIdentity from './0008_frame_identity.ts';
import * as productsPerTarget from './0009_products_per_target.ts';
import * as limsNameFilters from './0010_lims_name_filters.ts';
import * as proxyKeysWithoutFiles from './0011_proxy_keys_without_files.ts';
import * as events from './0012_events.ts';
import * as survey from './0013_survey.ts';
import * as newestFirst from './0014_newest_first.ts';
import * as externalIdentities from './0015_external_identities.ts';
import * as productThumbnails from './0016_product_thumbnails.ts';
import * as oidcSignIns from './0017_oidc_sign_ins.ts';
import * as scaleIndexes from './0018_scale_indexes.ts';
import * as rowCounts from './0019_row_counts.ts';

export interface Migration {
  up(db: Kysely<any>, kind: DatabaseKind): Promise<void>;
}

export const migrations: Record<string, Migration> = {
  '0001_platform': platform,
  '0002_dataproxy': dataproxy,
  '0003_lims': lims,
  '0004_tom': tom,
  '0006_observations': observations,
  '0007_lims_indexes': limsIndexes,
  '0008_frame_identity': frameIdentity,
  '0009_products_per_target': productsPerTarget,
  '0010_lims_name_filters': limsNameFilters,
  '0011_proxy_keys_without_files': proxyKeysWithoutFiles,
  '0012_events': events,
  '0013_survey': survey,
  '0014_newest_first': newestFirst,
  '0015_external_identities': externalIdentities,
  '0016_product_thumbnails': productThumbnails,
  '0017_oidc_sign_ins': oidcSignIns,
  '0018_scale_indexes': scaleIndexes,
  '0019_row_counts': rowCounts,
};
