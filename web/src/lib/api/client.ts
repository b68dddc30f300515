// The one way pages talk to Lightpath: the typed client generated from /rest/openapi.json. Writes
// carry the session's CSRF token; a 401 sends the person back to the login page.
import createClient from 'openapi-fetch';
import type { Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { session } from '$lib/session.svelte';
import { ApiError, toApiError } from './errors';

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (!READS.has(request.method) && session.csrf) request.headers.set('x-csrf-token', session.csrf);
    return request;
  },
};
api.use(csrf);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or an ApiError carrying the server's `detail` and `fields`. */
export async function call<T>(pending: Promise<Answer<T>>): Promise<NonNullable<T>> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch {
    throw new ApiError(0, 'Lightpath cannot be reached. Check your connection and try again.');
  }
  if (!answer.response.ok || answer.error !== undefined) {
    const error = toApiError(answer.response.status, answer.error);
    if (error.status === 401) session.expired();
    throw error;
  }
  return answer.data as NonNullable<T>;
}
