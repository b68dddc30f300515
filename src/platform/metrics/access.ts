// Who may read /metrics, through the one access policy: clients in LIGHTPATH_METRICS_NETWORKS,
// or anyone presenting LIGHTPATH_METRICS_TOKEN as a bearer token. The client address is the one
// Fastify resolved, which believes X-Forwarded-For only from LIGHTPATH_TRUSTED_PROXIES.
import type { Access } from '../auth/policy.ts';
import { fingerprint, sameSecret } from '../auth/secrets.ts';
import { clientAddress } from '../http/client-address.ts';
import { addressInList } from '../http/networks.ts';
import type { CidrList } from '../http/networks.ts';
import { HttpError, forbidden } from '../http/errors.ts';

const askForToken = (detail: string) => new HttpError(401, detail, {}, { 'www-authenticate': 'Bearer realm="metrics"' });

export function metricsAccess(settings: { networks: CidrList; token: string | null }): Access {
  // Fingerprints have one length, so comparing them takes the same time whatever was sent.
  const expected = settings.token === null ? null : fingerprint(settings.token);
  return {
    allow: 'custom',
    ownCredentials: true,
    check(request) {
      const authorization = request.headers.authorization;
      if (authorization !== undefined) {
        // A presented token must be the right one, also from a trusted network.
        const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
        if (expected === null) throw forbidden('No metrics token is configured on this server.');
        if (sent === undefined || !sameSecret(fingerprint(sent), expected)) throw askForToken('Wrong metrics token.');
        return;
      }
      if (addressInList(clientAddress(request), settings.networks)) return;
      if (expected !== null) throw askForToken('Metrics need the metrics token: send "Authorization: Bearer <token>".');
      throw forbidden('Metrics are not open to this address.');
    },
  };
}
