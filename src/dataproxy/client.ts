// How the rest of Lightpath (the LIMS) asks for a key: in this process, or from a standalone
// `lightpath proxy` over HTTP. A path outside the data roots gets no key (null, D13); any failure
// is DataProxyUnavailable, which the MxDC routes answer as MxLIVE did (500 "Unable to create
// SecurePath"), or 400 when the path itself is unusable.
import type { Config } from '../config.ts';
import type { Db } from '../platform/db/database.ts';
import { DataProxyService, KEY_PATTERN, PathRefused } from './service.ts';

export interface DataProxyClient {
  /** A fresh 40-hex key for a directory (relative paths are under the user root); null outside the roots. */
  createKey(path: string): Promise<string | null>;
}

export class DataProxyUnavailable extends Error {
  constructor(message: string, readonly status: number | null = null) {
    super(message);
    this.name = 'DataProxyUnavailable';
  }
}

/** The secret header the main server sends to a standalone proxy's create endpoint. */
export const SECRET_HEADER = 'x-lightpath-proxy-secret';

export class InProcessDataProxyClient implements DataProxyClient {
  constructor(private readonly service: DataProxyService) {}

  async createKey(path: string): Promise<string | null> {
    try {
      return await this.service.createKey(path);
    } catch (error) {
      if (error instanceof PathRefused) throw new DataProxyUnavailable(error.detail, 400);
      throw error;
    }
  }
}

export class HttpDataProxyClient implements DataProxyClient {
  constructor(
    /** The proxy's base URL, ending in /download. */
    private readonly baseUrl: string,
    private readonly secret: string | null,
    private readonly timeoutMs = 10_000,
  ) {}

  async createKey(path: string): Promise<string | null> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (this.secret !== null) headers[SECRET_HEADER] = this.secret;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/data/create/`, {
        method: 'POST', headers, body: new URLSearchParams({ path }).toString(), signal: AbortSignal.timeout(this.timeoutMs), redirect: 'error',
      });
    } catch (error) {
      throw new DataProxyUnavailable(`Data proxy at ${this.baseUrl} is unreachable: ${describe(error)}`);
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // A non-JSON answer is reported below by its status, or as a missing key.
    }
    if (response.status !== 200) {
      const detail = typeof (body as { detail?: unknown })?.detail === 'string' ? `: ${(body as { detail: string }).detail}` : '';
      throw new DataProxyUnavailable(`Data proxy answered ${response.status}${detail}`, response.status);
    }
    const key = (body as { key?: unknown })?.key;
    // {"key": null}: the path is outside the proxy's data roots (D13), which is not a failure.
    if (key === null) return null;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw new DataProxyUnavailable('Data proxy answered without a valid key', 200);
    return key;
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}

/** The client this configuration calls for: HTTP when LIGHTPATH_DATAPROXY_URL is set, else in-process. */
export function createDataProxyClient(platform: { config: Config; db: Db }): DataProxyClient {
  const { dataProxy } = platform.config;
  if (dataProxy.url !== null) return new HttpDataProxyClient(dataProxy.url, dataProxy.secret);
  return new InProcessDataProxyClient(new DataProxyService(platform.db, dataProxy));
}
