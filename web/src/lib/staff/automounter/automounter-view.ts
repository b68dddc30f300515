// What an automounter holds, as the staff page draws it: the automounter's own slots, the slots of
// the adaptors (or any container that holds containers) sitting in them, and who occupies each.
// A slot's port is how MxDC names it: the automounter slot, plus the adaptor position ("L", "LB").
import { api, call } from '$lib/api/client';
import type { components } from '$lib/api/schema';
import type { LayoutType } from '$lib/components/containers/ContainerLayout.svelte';
import { namesOf, projectName } from '../names';

export type Automounter = components['schemas']['Automounter'];
export type Container = components['schemas']['Container'];

export interface Holder {
  id: number;
  name: string;
  type: LayoutType;
  /** The automounter slot it sits in; null for the automounter itself. */
  port: string | null;
}

export interface Slot {
  port: string;
  holder: Holder;
  /** The position's name in its holder. */
  location: string;
  accepts: string[];
  occupant: Container | null;
}

export interface AutomounterView {
  automounter: Automounter;
  root: Holder;
  /** Holders inside the automounter (adaptors), in slot order. */
  nested: Holder[];
  slots: Slot[];
  /** Project usernames by project id, for everything loaded. */
  projects: Record<number, string>;
}

/** Where a load into this slot goes, in the REST API's terms. */
export function loadTarget(slot: Slot, beamline: string): { beamline: string; location: string } | { parent_id: number; location: string } {
  return slot.holder.port === null ? { beamline, location: slot.location } : { parent_id: slot.holder.id, location: slot.location };
}

export function slotLabel(slot: Slot): string {
  return slot.holder.port === null ? slot.port : `${slot.port} (${slot.holder.name}, position ${slot.location})`;
}

/** Empty slots that take a container of this type. */
export function freeSlotsFor(view: AutomounterView, containerType: string): Slot[] {
  return view.slots.filter((slot) => slot.occupant === null && slot.accepts.includes(containerType));
}

export function loadedIn(view: AutomounterView): Slot[] {
  return view.slots.filter((slot) => slot.occupant !== null);
}

let types: Promise<Map<string, LayoutType>> | null = null;

/** Every container type with its positions (read once per tab: they are facts of the equipment). */
export function containerTypes(): Promise<Map<string, LayoutType>> {
  types ??= call(api.GET('/rest/v1/container-types', { params: { query: { limit: 500 } } }))
    .then((page) => new Map(page.results.map((type) => [type.name, type])))
    .catch((error) => {
      types = null;
      throw error;
    });
  return types;
}

const childrenOf = (id: number) => call(api.GET('/rest/v1/containers', { params: { query: { parent: id, limit: 500 } } })).then((page) => page.results);

const holdsContainers = (type: LayoutType | undefined) => type?.locations.some((l) => l.accepts.length > 0) ?? false;

function slotsOf(holder: Holder, occupants: Container[]): Slot[] {
  return holder.type.locations.filter((l) => l.accepts.length > 0).map((location) => ({
    port: `${holder.port ?? ''}${location.name}`, holder, location: location.name, accepts: location.accepts,
    occupant: occupants.find((c) => c.location === location.name) ?? null,
  }));
}

export async function readAutomounterView(automounter: Automounter): Promise<AutomounterView> {
  const [known, direct] = await Promise.all([containerTypes(), childrenOf(automounter.container_id)]);
  const rootType = known.get(automounter.container_type);
  if (!rootType) throw new Error(`Unknown automounter type ${automounter.container_type}.`);
  const root: Holder = { id: automounter.container_id, name: automounter.name, type: rootType, port: null };
  const slots = slotsOf(root, direct);
  const nested: Holder[] = [];
  const inside: Container[] = [];
  for (const slot of [...slots]) {
    const type = slot.occupant ? known.get(slot.occupant.container_type) : undefined;
    if (!slot.occupant || !type || !holdsContainers(type)) continue;
    const holder: Holder = { id: slot.occupant.id, name: slot.occupant.name, type, port: slot.port };
    const children = await childrenOf(holder.id);
    nested.push(holder);
    inside.push(...children);
    slots.push(...slotsOf(holder, children));
  }
  const projects = await namesOf([...direct, ...inside].map((c) => c.project_id), projectName);
  return { automounter, root, nested, slots, projects };
}

/** On-site containers that are not inside anything and fit at least one slot of this automounter. */
export async function loadableContainers(view: AutomounterView, search: string): Promise<{ containers: Container[]; more: boolean }> {
  const accepted = new Set(view.slots.flatMap((slot) => slot.accepts));
  const page = await call(api.GET('/rest/v1/containers', {
    params: { query: { state: 'on_site', limit: 200, ordering: 'name', search: search || undefined } },
  }));
  const containers = page.results.filter((c) => c.parent_id === null && accepted.has(c.container_type));
  return { containers, more: page.count > page.results.length };
}
