// The "observe" throttle (spec §1.0, decision T10): N requests per period per user, else per
// client address (resolved through trusted proxies only). Kept in the database, so every server
// process shares it. Refusals are not counted, as in Django REST framework.
import type { FastifyRequest } from 'fastify';
import type { RateLimiter, RateRule } from '../../platform/rate-limit.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { HttpError } from '../../platform/http/errors.ts';

export async function throttleObserve(request: FastifyRequest, limiter: RateLimiter, rule: RateRule): Promise<void> {
  const principal = request.principal;
  const bucket = principal.kind === 'user' ? `observe:user:${principal.user.id}` : `observe:address:${clientAddress(request)}`;
  const decision = await limiter.take(bucket, rule);
  if (decision.allowed) return;
  const wait = decision.retryAfterSeconds;
  throw new HttpError(429, `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`, {}, { 'retry-after': String(wait) });
}
