// What MxDC hears when its record's directory cannot get a Data Proxy key: 400 when the path
// itself is unusable, and MxLIVE's own 500 "Unable to create SecurePath" when the proxy failed.
import type { Logger } from 'pino';
import { DataProxyUnavailable } from '../../dataproxy/client.ts';
import { badRequest, HttpError } from '../../platform/http/errors.ts';

/** Runs a key request, turning a proxy failure into MxDC's answer (a directory outside the roots is no failure: D17). */
export async function mxdcProxyKey<T>(log: Logger, path: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof DataProxyUnavailable && error.status === 400) throw badRequest(`The directory cannot be used: ${error.message}`);
    if (error instanceof DataProxyUnavailable) {
      log.warn({ err: error, path }, 'data proxy refused or failed');
      throw new HttpError(500, 'Unable to create SecurePath');
    }
    throw error;
  }
}
