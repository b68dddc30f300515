// MxDC's side of the signed API for benchmarks: a registered key and pools of fresh tokens.
// MxDC signs every request afresh, and the server verifies every token (DSA) on every request;
// a pool of distinct tokens, rotated by the load generator, makes the benchmark do the same work.
import { MxdcClient } from '../../test/support/mxdc/client.ts';

/** Distinct tokens per measurement: enough that no cache of verified tokens could hide the DSA cost. */
export const TOKEN_POOL = 500;
/** Tokens are accepted for 60 s after signing; measurements using them must end well before. */
export const MAX_TOKEN_SECONDS = 50;

/** A client whose key is registered (POST /api/v2/<token>/project/ with the `public` form field). */
export async function registeredClient(baseUrl: string, username: string): Promise<MxdcClient> {
  const client = new MxdcClient(baseUrl, username);
  const reply = await client.register();
  if (reply.status !== 200) throw new Error(`registering the MxDC key of ${username} answered ${reply.status}: ${reply.text}`);
  return client;
}

/** `count` distinct request paths `/api/v2/<fresh token>/<route>`, signed now. */
export function signedPaths(client: MxdcClient, route: string, count = TOKEN_POOL): string[] {
  const paths = new Set<string>();
  while (paths.size < count) paths.add(`/api/v2/${client.signer.token(client.username)}/${route}`);
  return [...paths];
}

/** The measuring time, cut to what a pool signed just before can cover. */
export function tokenSeconds(seconds: number): number {
  if (seconds <= MAX_TOKEN_SECONDS) return seconds;
  console.error(`  (measuring ${MAX_TOKEN_SECONDS} s instead of ${seconds} s: MxDC tokens are valid for 60 s)`);
  return MAX_TOKEN_SECONDS;
}
