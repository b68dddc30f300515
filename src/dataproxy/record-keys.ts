// The key a beamline record (session, dataset, report) keeps for its directory. Where the data
// lies never breaks MxDC (decision D17): a directory outside the data roots gets a key that only
// records the path — its URLs answer 404 saying which setting to set — and the operator is warned.
import type { Platform } from '../platform/context.ts';
import { createDataProxyClient } from './client.ts';
import type { DataProxyClient } from './client.ts';
import { DataProxyService } from './service.ts';
import { OutsideRootsWarnings } from './outside-roots-warnings.ts';

export class RecordKeys {
  constructor(
    private readonly proxy: DataProxyClient,
    /** This server's own key store, which keeps keys without files even when the proxy runs elsewhere. */
    private readonly local: DataProxyService,
    private readonly warnings: OutsideRootsWarnings,
  ) {}

  /** A key for the directory: a working one, or one without files; DataProxyUnavailable on failure. */
  async keyFor(directory: string): Promise<string> {
    const key = await this.proxy.createKey(directory);
    if (key !== null) return key;
    this.warnings.note(directory);
    return this.local.keyWithoutFiles(directory);
  }
}

export function createRecordKeys(platform: Platform): RecordKeys {
  return new RecordKeys(createDataProxyClient(platform), new DataProxyService(platform.db, platform.config.dataProxy), new OutsideRootsWarnings(platform.log));
}
