// Survey keys are not signed, so guessing must be slow: each client address may follow only a few
// links that lead nowhere per window (LIGHTPATH_SURVEY_MISS_RATE). Every lookup is counted first
// and given back when the key was right, so parallel guesses cannot all pass before the count.
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { tooManyRequests } from '../../platform/http/errors.ts';
import { sessionOfKey } from './feedback.ts';
import type { SurveySession } from './feedback.ts';

export async function guardedSessionOfKey(request: FastifyRequest, platform: Platform, key: string): Promise<SurveySession> {
  const take = await platform.rateLimiter.take(`survey-miss:address:${clientAddress(request)}`, platform.config.surveyMissRate);
  if (!take.allowed) {
    const wait = take.retryAfterSeconds;
    throw tooManyRequests(`Too many survey links from your address led nowhere. Try again in ${wait} second${wait === 1 ? '' : 's'}.`, wait);
  }
  const session = await sessionOfKey(platform.db, key);
  await platform.rateLimiter.release(take);
  return session;
}
