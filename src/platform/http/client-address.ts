// The address a request came from. Fastify resolves X-Forwarded-For only through the configured
// trusted proxies (its trustProxy option); here the result is normalised for comparisons.
import type { FastifyRequest } from 'fastify';
import type { CidrList } from './networks.ts';
import { addressInList, normaliseAddress } from './networks.ts';

export function clientAddress(request: FastifyRequest): string {
  return normaliseAddress(request.ip) ?? request.ip;
}

/** The trustProxy function for Fastify: a hop is trusted only if its address is in the list. */
export function trustProxyFrom(proxies: CidrList): ((address: string) => boolean) | false {
  if (proxies.ranges.length === 0) return false;
  return (address: string) => addressInList(address, proxies);
}
