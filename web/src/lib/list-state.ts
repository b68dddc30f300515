// A list's view lives in the URL (?page=&ordering=&search=&<filters>), so a reload or a shared link
// shows the same rows. Pages read it with listQuery() and change it with hrefWith().
export const PAGE_SIZE = 25;

export interface ListQuery {
  page: number;
  limit: number;
  offset: number;
  ordering: string | undefined;
  search: string | undefined;
  /** Every other parameter, as the page's own filters. */
  filters: Record<string, string>;
}

export function listQuery(url: URL, pageSize = PAGE_SIZE): ListQuery {
  const params = url.searchParams;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const filters: Record<string, string> = {};
  for (const [name, value] of params) {
    if (!['page', 'ordering', 'search'].includes(name) && value !== '') filters[name] = value;
  }
  return {
    page, limit: pageSize, offset: (page - 1) * pageSize,
    ordering: params.get('ordering') || undefined,
    search: params.get('search') || undefined,
    filters,
  };
}

/** The same view with some parameters changed (null removes one). Changing anything but the page starts at page 1. */
export function hrefWith(url: URL, changes: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams(url.searchParams);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') params.delete(name);
    else params.set(name, String(value));
  }
  if (!('page' in changes)) params.delete('page');
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}
