// The rules for the fields of beamline records, written once. The REST API's schemas, CSV import
// and `lightpath load` files all check against these, so a record refused one way in is refused
// every way in. Each rule's description says it in words, to follow "must be": it shows in the API
// document and in the messages of CSV import and load files.
import { Type } from '@sinclair/typebox';
import { GROUP_KINDS, GROUP_PLANS } from './groups.ts';
import { PROJECT_DETAIL_FIELDS } from './projects.ts';

/** Letters, digits, _ and -: sample, container and group names end up in directory names at the beamline. */
const SLUG = '^[A-Za-z0-9_-]{1,60}$';
const slug = (why = '') => Type.String({ pattern: SLUG, description: `1 to 60 letters, digits, _ or -${why}` });
const text = (max: number) => Type.String({ maxLength: max, description: `at most ${max} characters` });
const Priority = Type.Integer({ minimum: -1000000, maximum: 1000000, description: 'a whole number from -1000000 to 1000000' });

export const TransitState = Type.Union(['draft', 'sent', 'on_site', 'returned', 'archived'].map((s) => Type.Literal(s)));

export const ShipmentRules = {
  name: Type.String({ pattern: '^[\\w][\\w .+-]{0,59}$', description: 'letters, digits, space, _ . + -; at most 60' }),
  comments: text(200),
  carrier: text(100),
  tracking_code: text(100),
  storage_location: Type.String({ maxLength: 60, description: 'at most 60 characters (staff only)' }),
  return_code: Type.String({ maxLength: 100, description: 'at most 100 characters (staff only)' }),
};

export const ContainerRules = {
  name: slug(),
  /** A container type by name (e.g. "Uni-Puck"); the API also takes its id. */
  typeName: Type.String({ minLength: 1, maxLength: 40, description: 'a container type name, e.g. "Uni-Puck"' }),
  priority: Priority,
  comments: text(10000),
  /** A location (slot) of a container type, e.g. "1" in a Uni-Puck or "A" in an adaptor. */
  location: Type.String({ minLength: 1, maxLength: 5, description: '1 to 5 characters naming a location of the container\'s type' }),
};

export const GroupRules = {
  name: slug(),
  kind: Type.Union(GROUP_KINDS.map((k) => Type.Literal(k)), { description: `one of ${GROUP_KINDS.join(', ')}` }),
  plan: Type.Union(GROUP_PLANS.map((p) => Type.Literal(p)), { description: `one of ${GROUP_PLANS.join(', ')}` }),
  energy: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'more than 0 and at most 100 (keV)' }),
  absorption_edge: text(5),
  resolution: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'more than 0 and at most 100 (Å)' }),
  comments: text(10000),
  priority: Priority,
};

export const SampleRules = {
  name: slug(' (it names directories at the beamline)'),
  location: Type.String({ minLength: 1, maxLength: 5, description: 'a location of the container\'s type that holds samples, e.g. "1" in a Uni-Puck' }),
  barcode: slug(),
  comments: text(10000),
  priority: Priority,
};

export const BeamlineRules = {
  acronym: Type.String({ pattern: '^[A-Za-z0-9_-]{1,50}$', description: '1 to 50 letters, digits, _ or - (MxDC uses it in its URLs)' }),
  name: text(600),
  energy_lo: Type.Number({ minimum: 0, maximum: 1000, description: '0 to 1000 (keV)' }),
  energy_hi: Type.Number({ minimum: 0, maximum: 1000, description: '0 to 1000 (keV)' }),
  contact_phone: text(60),
  automounterName: slug(),
  staff_comments: text(10000),
};

/** The column widths of the projects table (0003_lims). */
const DETAIL_LENGTHS: Record<(typeof PROJECT_DETAIL_FIELDS)[number], number> = {
  contact_person: 200, contact_email: 300, contact_phone: 60, carrier: 100, account_number: 100, organisation: 300,
  department: 300, address: 600, city: 200, province: 200, postal_code: 30, country: 100,
};
export const ProjectDetailRules = Object.fromEntries(PROJECT_DETAIL_FIELDS.map((f) => [f, text(DETAIL_LENGTHS[f])])) as
  Record<(typeof PROJECT_DETAIL_FIELDS)[number], ReturnType<typeof Type.String>>;
