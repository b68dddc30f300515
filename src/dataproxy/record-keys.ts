// The key a beamline record (session, dataset, report) keeps for its directory. Where the data
// lies never breaks MxDC (decision D17): a directory outside the data roots gets a key that only
// records the path — its URLs answer 404 saying which setting to set — and the operator is warned.
import type { Platform } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { createDataProxyClient, DataProxyUnavailable } from './client.ts';
import type { DataProxyClient } from './client.ts';
import { DataProxyService, newKey, PathRefused } from './service.ts';
import { ProxyKeyStore } from './key-store.ts';
import { OutsideRootsWarnings } from './outside-roots-warnings.ts';

/** A key chosen for a record, stored together with it (storePlannedKeys). */
export interface PlannedKey {
  key: string;
  /** What to write in the record's own transaction; null when a standalone proxy has stored the key already. */
  row: { key: string; directory: string; outsideRoots: boolean } | null;
}

/** Writes planned keys in the records' own transaction, all in one statement. */
export async function storePlannedKeys(db: Db, planned: PlannedKey[]): Promise<void> {
  await new ProxyKeyStore(db).insertAll(planned.flatMap((key) => (key.row ? [key.row] : [])));
}

export class RecordKeys {
  constructor(
    private readonly db: Db,
    /** A standalone proxy; null when this process keeps the keys itself. */
    private readonly remote: DataProxyClient | null,
    /** This server's own key store, which keeps keys without files even when the proxy runs elsewhere. */
    private readonly local: DataProxyService,
    private readonly warnings: OutsideRootsWarnings,
  ) {}

  /** A key for the directory, stored now: a working one, or one without files; DataProxyUnavailable on failure. */
  async keyFor(directory: string): Promise<string> {
    if (this.remote === null) {
      const planned = await this.plan(directory);
      await storePlannedKeys(this.db, [planned]);
      return planned.key;
    }
    const key = await this.remote.createKey(directory);
    if (key !== null) return key;
    this.warnings.note(directory);
    return this.local.keyWithoutFiles(directory);
  }

  /**
   * A key for the directory whose row the caller writes with its record, so that the record and
   * its key commit together (or neither does). With a standalone proxy the key is made there now.
   */
  async plan(directory: string): Promise<PlannedKey> {
    if (this.remote !== null) return { key: await this.keyFor(directory), row: null };
    let placement;
    try {
      placement = await this.local.place(directory);
    } catch (error) {
      if (error instanceof PathRefused) throw new DataProxyUnavailable(error.detail, 400);
      throw error;
    }
    if (!placement.inside) this.warnings.note(directory);
    const key = newKey();
    return { key, row: { key, directory: placement.directory, outsideRoots: !placement.inside } };
  }
}

export function createRecordKeys(platform: Platform): RecordKeys {
  const remote = platform.config.dataProxy.url === null ? null : createDataProxyClient(platform);
  return new RecordKeys(platform.db, remote, new DataProxyService(platform.db, platform.config.dataProxy), new OutsideRootsWarnings(platform.log));
}
