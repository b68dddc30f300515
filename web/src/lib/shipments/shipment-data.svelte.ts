// Everything the shipment page shows, fetched through the REST API and refetched as a whole when
// something changes (an edit here, or a live event from staff receiving it).
import { api, call } from '$lib/api/client';
import { asApiError, type ApiError } from '$lib/api/errors';
import { byPriority } from './priorities';
import type { Container, ContainerType, Group, Sample, Shipment } from './types';

/** Lists are paged at 500 at most; a shipment rarely holds more, but take every page. */
const PAGE = 500;
const MAX_PAGES = 40;

async function everything<T>(fetchPage: (offset: number) => Promise<{ count: number; results: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await fetchPage(page * PAGE);
    all.push(...answer.results);
    if (all.length >= answer.count || answer.results.length === 0) break;
  }
  return all;
}

let typesCache: Promise<ContainerType[]> | null = null;

/** The container types, fetched once per tab: they are facts of the equipment and do not change. */
export function containerTypes(): Promise<ContainerType[]> {
  typesCache ??= everything((offset) => call(api.GET('/rest/v1/container-types', { params: { query: { limit: PAGE, offset } } })))
    .catch((error) => { typesCache = null; throw error; });
  return typesCache;
}

export class ShipmentData {
  shipment = $state<Shipment | null>(null);
  containers = $state<Container[]>([]);
  groups = $state<Group[]>([]);
  /** Samples by container id, by priority then location. */
  samples = $state<Record<number, Sample[]>>({});
  types = $state<ContainerType[]>([]);
  /** Counts the loads, so parts that fetch for themselves (the history) follow each one. */
  version = $state(0);
  error = $state<ApiError | null>(null);

  constructor(readonly id: number) {}

  get editable(): boolean {
    return this.shipment?.state === 'draft';
  }

  typeOf(container: Container): ContainerType | undefined {
    return this.types.find((t) => t.id === container.container_type_id);
  }

  async load(): Promise<void> {
    const path = { id: this.id };
    try {
      const [shipment, containers, groups, types] = await Promise.all([
        call(api.GET('/rest/v1/shipments/{id}', { params: { path } })),
        everything((offset) => call(api.GET('/rest/v1/containers', { params: { query: { shipment: this.id, limit: PAGE, offset, ordering: 'id' } } }))),
        everything((offset) => call(api.GET('/rest/v1/groups', { params: { query: { shipment: this.id, limit: PAGE, offset } } }))),
        containerTypes(),
      ]);
      const samples = await Promise.all(containers.map((c) => everything((offset) =>
        call(api.GET('/rest/v1/samples', { params: { query: { container: c.id, limit: PAGE, offset } } })))));
      this.shipment = shipment;
      this.containers = containers;
      this.groups = byPriority(groups);
      this.samples = Object.fromEntries(containers.map((c, i) => [c.id, byPriority(samples[i])]));
      this.types = types;
      this.error = null;
      this.version += 1;
    } catch (failure) {
      this.error = asApiError(failure);
    }
  }
}
