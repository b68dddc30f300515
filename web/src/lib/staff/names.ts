// Staff pages show records of every project and the staff who moved things; the REST records carry
// only ids. These look names up once per tab (a handful per page) and remember them.
import { api, call } from '$lib/api/client';

const projects = new Map<number, Promise<string>>();
const users = new Map<number, Promise<string>>();

/** The project's username (how staff know a project), or "project <id>" when it cannot be read. */
export function projectName(id: number): Promise<string> {
  let name = projects.get(id);
  if (!name) {
    name = call(api.GET('/rest/v1/projects/{id}', { params: { path: { id } } })).then((p) => p.username, () => `project ${id}`);
    projects.set(id, name);
  }
  return name;
}

/** A user's username, or "user <id>" when it cannot be read. */
export function userName(id: number): Promise<string> {
  let name = users.get(id);
  if (!name) {
    name = call(api.GET('/rest/v1/users/{id}', { params: { path: { id } } })).then((u) => u.username, () => `user ${id}`);
    users.set(id, name);
  }
  return name;
}

/** Names for every id given, as a lookup table (ids that are null are skipped). */
export async function namesOf(ids: (number | null)[], lookup: (id: number) => Promise<string>): Promise<Record<number, string>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  const names = await Promise.all(unique.map(lookup));
  return Object.fromEntries(unique.map((id, i) => [id, names[i]]));
}
