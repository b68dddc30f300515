// The server's absolute address, for links made away from any request (alert emails):
// LIGHTPATH_BASE_URL when set, else the address `lightpath serve` listens on, a wildcard host
// ("every interface") read as loopback.
import type { Config } from '../../config.ts';

export function absoluteBaseUrl(config: Pick<Config, 'baseUrl' | 'host' | 'port'>): string {
  if (config.baseUrl) return config.baseUrl;
  const host = config.host === '0.0.0.0' || config.host === '' ? '127.0.0.1' : config.host === '::' ? '::1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}
