// The built-in container types (with the names of their locations and what each location
// accepts) and data types. They are facts of the equipment MxDC drives, seeded by the migration.
// Coordinates are for drawing only: fractions of a rectangle, or (radius fraction, angle) on a circle.

export interface LocationSpec {
  name: string;
  x: number;
  y: number;
  /** Container types this location holds; none means it holds a sample. */
  accepts: string[];
}

export interface ContainerTypeSpec {
  name: string;
  envelope: 'rect' | 'circle';
  height: number;
  radius: number;
  locations: LocationSpec[];
}

const letters = (from: string, to: string) =>
  Array.from({ length: to.charCodeAt(0) - from.charCodeAt(0) + 1 }, (_, i) => String.fromCharCode(from.charCodeAt(0) + i));

/** Locations named row by row on a rectangle: names[r][c]. */
function grid(names: string[][], accepts: string[] = []): LocationSpec[] {
  const rows = names.length;
  return names.flatMap((row, r) => row.map((name, c) => ({
    name, accepts, x: (c + 1) / (row.length + 1), y: (r + 1) / (rows + 1),
  })));
}

/** Sample pins around a puck: `inner` on the inner ring then `outer` on the outer ring, numbered from 1. */
function puck(inner: number, outer: number): LocationSpec[] {
  const ring = (count: number, radius: number, offset: number) =>
    Array.from({ length: count }, (_, i) => ({ name: String(offset + i + 1), x: radius, y: Math.PI - (2 * Math.PI * i) / count, accepts: [] }));
  return [...ring(inner, 0.36, 0), ...ring(outer, 0.75, inner)];
}

const numbered = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1));

export const CONTAINER_TYPES: ContainerTypeSpec[] = [
  { name: 'Uni-Puck', envelope: 'circle', height: 1, radius: 9, locations: puck(5, 11) },
  { name: 'Cassette', envelope: 'rect', height: 0.67, radius: 4.5, locations: grid(numbered(8).map((n) => letters('A', 'L').map((l) => `${l}${n}`))) },
  { name: 'Cane', envelope: 'rect', height: 0.75, radius: 8, locations: grid([numbered(6)]) },
  { name: 'Spine Puck', envelope: 'circle', height: 1, radius: 9, locations: puck(0, 10) },
  { name: 'Plate', envelope: 'rect', height: 0.67, radius: 4, locations: grid(letters('A', 'H').map((l) => numbered(12).map((n) => `${l}${n}`))) },
  { name: 'Adaptor', envelope: 'rect', height: 1, radius: 25, locations: grid([['A', 'C'], ['B', 'D']], ['Uni-Puck']) },
  {
    name: 'SAM Automounter', envelope: 'rect', height: 0.33, radius: 20,
    locations: [
      { name: 'L', x: 0.175, y: 0.5, accepts: ['Cassette', 'Adaptor'] },
      { name: 'M', x: 0.5, y: 0.5, accepts: ['Cassette', 'Adaptor'] },
      { name: 'R', x: 0.825, y: 0.5, accepts: ['Adaptor'] },
    ],
  },
  {
    name: 'ISARA Automounter', envelope: 'rect', height: 0.9, radius: 8,
    locations: grid([
      letters('A', 'F').map((l) => `1${l}`), letters('A', 'F').map((l) => `2${l}`),
      letters('A', 'E').map((l) => `3${l}`), letters('A', 'E').map((l) => `4${l}`),
      letters('A', 'E').map((l) => `5${l}`), ['6B', '6D'],
    ], ['Uni-Puck']),
  },
  {
    name: 'CATS Automounter', envelope: 'rect', height: 0.9, radius: 8,
    locations: [
      ...grid(['1', '2', '3'].map((n) => ['A', 'B', 'C'].map((l) => `L${n}${l}`)), ['Spine Puck']).map((l) => ({ ...l, y: l.y / 2 })),
      ...grid([numbered(8).map((n) => `P${n}`)], ['Plate']).map((l) => ({ ...l, y: 0.5 + l.y / 2 })),
    ],
  },
];

export interface DataTypeSpec {
  acronym: string;
  name: string;
  template: string;
  metadataKeys: string[];
}

const FRAME_KEYS = ['delta_angle', 'start_angle', 'resolution', 'detector', 'detector_type', 'detector_size', 'pixel_size', 'beam_x', 'beam_y', 'two_theta'];

export const DATA_TYPES: DataTypeSpec[] = [
  { acronym: 'SCREEN', name: 'MX Screening', template: 'data-frames', metadataKeys: FRAME_KEYS },
  { acronym: 'DATA', name: 'MX Dataset', template: 'data-frames', metadataKeys: FRAME_KEYS },
  { acronym: 'XRD', name: 'XRD Dataset', template: 'data-frames', metadataKeys: FRAME_KEYS },
  {
    acronym: 'RASTER', name: 'Rastering', template: 'data-frames',
    metadataKeys: ['grid_points', 'grid_origin', 'start_angle', 'delta_angle', 'detector_type', 'detector_size', 'pixel_size', 'beam_x', 'beam_y', 'inverse_beam'],
  },
  { acronym: 'XAS', name: 'XAS Dataset', template: 'data-xas', metadataKeys: [] },
  { acronym: 'XRF', name: 'XRF Dataset', template: 'data-xrf', metadataKeys: [] },
  { acronym: 'MAD', name: 'MAD Scan', template: 'data-mad', metadataKeys: ['roi', 'edge'] },
];
