// The REST calls each list page of the web app makes for its first screen (read from
// web/src/lib/**: the list components, the dashboards, the automounter view, the staff project
// list and activity log), with the ids a
// page learns from an earlier answer looked up once here. The layout's GET /rest/v1/auth/me runs
// once per load of the app, before any page, so it is a page of its own.
import type { Caller, PageCalls } from './page-calls.ts';

const LIST = 'limit=25&offset=0'; // web/src/lib/list-state.ts: PAGE_SIZE
const R = '/rest/v1';

interface Page<T> { count: number; results: T[] }
type Ids = Array<{ id: number; project_id?: number | null; active?: boolean; container_id?: number; container_type?: string }>;

const distinct = (ids: Array<number | null | undefined>) => [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
const projectNames = (ids: Array<number | null>) => distinct(ids).map((id) => `${R}/projects/${id}`);

export async function projectPages(user: Caller): Promise<PageCalls[]> {
  const me = await user.json<{ projects: Array<{ id: number }> }>(`${R}/auth/me`);
  const project = me.projects[0].id;
  const who = 'project (big)';
  return [
    { page: 'app start (layout)', who, chains: [[[`${R}/auth/me`]]] },
    { page: 'dashboard', who, chains: [[[`${R}/auth/me`], [`${R}/projects/${project}/summary`]], [[`${R}/sessions?limit=5`]]] },
    { page: '/shipments/', who, chains: [[[`${R}/shipments?${LIST}`]]] },
    { page: '/sessions/', who, chains: [[[`${R}/sessions?${LIST}`]]] },
    { page: '/datasets/', who, chains: [[[`${R}/datasets?${LIST}`]]] },
    { page: '/reports/', who, chains: [[[`${R}/reports?${LIST}`]]] },
  ];
}

export async function staffPages(staff: Caller): Promise<PageCalls[]> {
  const who = 'staff';
  const automounters = `${R}/automounters?limit=100&ordering=beamline`;
  const active = (await staff.json<Page<Ids[number]>>(automounters)).results.filter((a) => a.active);
  const incoming = `${R}/shipments?${LIST}&state=sent`;
  const shipments = await staff.json<Page<Ids[number]>>(incoming);
  const activity = `${R}/activity?${LIST}`;
  const entries = await staff.json<Page<Ids[number]>>(activity);

  // The automounter page draws the first beamline's automounter: its slots, then what sits in
  // each adaptor (one after the other), then the owners' names; its load history alongside.
  const first = active[0];
  const pageList = `${R}/automounters?limit=500&ordering=beamline`;
  const children = (id: number) => `${R}/containers?parent=${id}&limit=500`;
  const types = `${R}/container-types?limit=500`;
  const direct = (await staff.json<Page<Ids[number]>>(children(first.container_id!))).results;
  const known = new Map((await staff.json<Page<{ name: string; locations: Array<{ accepts: string[] }> }>>(types)).results.map((t) => [t.name, t]));
  const holders = direct.filter((c) => known.get(c.container_type!)?.locations.some((l) => l.accepts.length > 0));
  const inside: Ids = [];
  for (const holder of holders) inside.push(...(await staff.json<Page<Ids[number]>>(children(holder.id))).results);
  const owners = projectNames([...direct, ...inside].map((c) => c.project_id ?? null));
  const drawing: PageCalls['chains'][number] = [[pageList], [types, children(first.container_id!)], ...holders.map((h) => [children(h.id)])];
  if (owners.length > 0) drawing.push(owners);

  return [
    { page: 'app start (layout)', who, chains: [[[`${R}/auth/me`]]] },
    {
      page: 'dashboard', who, chains: [
        [[automounters], active.map((a) => `${R}/automounters/${a.id}`)],
        [[`${R}/shipments?state=sent&limit=10&ordering=date_shipped`]],
        [[`${R}/shipments?state=on_site&limit=1`]],
        [[`${R}/sessions?active=true&limit=50&ordering=beamline`]],
      ],
    },
    { page: '/staff/shipments/', who, chains: [[[incoming], projectNames(shipments.results.map((s) => s.project_id ?? null))]] },
    { page: '/staff/automounters/', who, chains: [drawing, [[pageList], [`${R}/automounters/${first.id}/history?limit=20&offset=0`]]] },
    { page: '/sessions/', who, chains: [[[`${R}/sessions?${LIST}`]]] },
    { page: '/staff/projects/', who, chains: [[[`${R}/projects?${LIST}`]]] },
    { page: '/staff/activity/', who, chains: [[[activity], projectNames(entries.results.map((e) => e.project_id ?? null))]] },
  ];
}
