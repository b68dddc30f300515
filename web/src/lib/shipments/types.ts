// The beamline records a shipment is made of, as the REST API describes them.
import type { components } from '$lib/api/schema';

export type Shipment = components['schemas']['Shipment'];
export type Container = components['schemas']['Container'];
export type ContainerType = components['schemas']['ContainerType'];
export type Group = components['schemas']['SampleGroup'];
export type Sample = components['schemas']['Sample'];

/** The experiment kinds and plans a group may have (the REST API's GroupRules). */
export const GROUP_KINDS = [
  { value: 'native', label: 'Native' },
  { value: 'mad', label: 'MAD' },
  { value: 'sad', label: 'SAD' },
  { value: 's_sad', label: 'Sulfur SAD' },
] as const;

export const GROUP_PLANS = [
  { value: 'collect_best', label: 'Collect the best' },
  { value: 'collect_first_good', label: 'Collect the first good' },
  { value: 'screen_and_confirm', label: 'Screen and confirm' },
  { value: 'collect_all', label: 'Collect all' },
] as const;

export type GroupKind = (typeof GROUP_KINDS)[number]['value'];
export type GroupPlan = (typeof GROUP_PLANS)[number]['value'];

export const SHIPMENT_STATES = [
  { value: 'draft', label: 'Draft' },
  { value: 'sent', label: 'Sent' },
  { value: 'on_site', label: 'On site' },
  { value: 'returned', label: 'Returned' },
  { value: 'archived', label: 'Archived' },
] as const;

export const stateLabel = (state: string) => SHIPMENT_STATES.find((s) => s.value === state)?.label ?? state;

/** Automounters are facility equipment: they are never shipped. */
export const shippable = (type: ContainerType) => !/automounter/i.test(type.name);

/** The container types a location holds (an adaptor's puck slots); none when it holds a sample. */
export const acceptsAt = (type: ContainerType, location: string) => type.locations.find((l) => l.name === location)?.accepts ?? [];
