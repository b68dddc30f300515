// The project summary behind the dashboard, and where a container on site sits, in words.
import type { paths } from '$lib/api/schema';

export type ProjectSummary = paths['/rest/v1/projects/{id}/summary']['get']['responses'][200]['content']['application/json'];
type Whereabouts = ProjectSummary['containers_on_site'][number];

export function whereItSits(container: Whereabouts): string {
  if (container.automounter) return `${container.automounter}, port ${container.port ?? '—'}`;
  if (container.parent) return `in ${container.parent}${container.location ? ` at ${container.location}` : ''}`;
  return 'on a shelf (not loaded)';
}
