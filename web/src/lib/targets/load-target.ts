// Loading the target a page is about: a target that does not exist, or that the reader may not
// see (a private one, for a visitor), is the not-found page.
import { error } from '@sveltejs/kit';
import { api } from '$lib/api/client';
import type { Target } from './types';

export async function loadTarget(pk: string): Promise<Target> {
  if (!/^\d{1,15}$/.test(pk)) error(404, 'No such target.');
  const answer = await api.GET('/rest/v1/targets/{id}', { params: { path: { id: Number(pk) } } }).catch(() => null);
  if (!answer) error(503, 'Lightpath cannot be reached. Check your connection and try again.');
  if (answer.response.status === 404) error(404, 'No such target.');
  if (!answer.data) error(answer.response.status, 'The target could not be loaded.');
  return answer.data;
}
