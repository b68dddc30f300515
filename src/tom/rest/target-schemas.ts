// The target's REST shapes: what is sent to create or change one, and what comes back.
import { Type } from '@sinclair/typebox';
import type { Static, TSchema } from '@sinclair/typebox';
import { ORBITAL_COLUMNS } from '../targets.ts';
import { Nullable, Timestamp } from './common.ts';

export const IDENTIFIER_PATTERN = '^[A-Za-z0-9][\\w.+-]{0,99}$';
const SCHEMES = ['MPC_MINOR_PLANET', 'MPC_COMET', 'JPL_MAJOR_PLANET'] as const;

const Kind = Type.Union([Type.Literal('sidereal'), Type.Literal('non_sidereal')]);
const Scheme = Type.Union(SCHEMES.map((s) => Type.Literal(s)));
const ExtraValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

// Descriptions follow "must be": `lightpath load` shows them when a value breaks the rule.
const optionalNumber = (what: string, range?: { minimum: number; maximum: number }) => Type.Optional(Type.Union(
  [Type.Number(range ?? {}), Type.Null()],
  { description: `${range ? `a number from ${range.minimum} to ${range.maximum}` : 'a number'}, or null: ${what}` },
));

const orbital = <T extends TSchema>(make: () => T) => Object.fromEntries(ORBITAL_COLUMNS.map((c) => [c, make()])) as Record<(typeof ORBITAL_COLUMNS)[number], T>;

/** Everything but the identifier, each optional: creating and changing share it. */
const changeable = {
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  name2: Type.Optional(Type.String({ maxLength: 300, description: 'An alternative name ("" when none).' })),
  name3: Type.Optional(Type.String({ maxLength: 300 })),
  kind: Type.Optional(Kind),
  ra: optionalNumber('right ascension in degrees', { minimum: 0, maximum: 360 }),
  dec: optionalNumber('declination in degrees', { minimum: -90, maximum: 90 }),
  epoch: optionalNumber('epoch of the position in years, e.g. 2000'),
  pm_ra: optionalNumber('proper motion in RA, mas/year'),
  pm_dec: optionalNumber('proper motion in Dec, mas/year'),
  parallax: optionalNumber('parallax, mas'),
  scheme: Type.Optional(Type.Union([Scheme, Type.Null()], { description: `one of ${SCHEMES.join(', ')}, or null: the orbital element scheme of a non-sidereal target` })),
  ...orbital(() => optionalNumber('an orbital element')),
  public: Type.Optional(Type.Boolean({ description: 'Whether anyone (also without logging in) may see the target and its data.' })),
  extra_fields: Type.Optional(Type.Record(Type.String(), ExtraValue, {
    description: 'Values of the extra fields declared in configuration, typed as declared; null removes one.',
  })),
};

export const TargetIn = Type.Object({
  identifier: Type.String({ pattern: IDENTIFIER_PATTERN, description: 'Short unique name, e.g. "m13"; used in file paths. Cannot be changed later.' }),
  ...changeable,
  name: Type.String({ minLength: 1, maxLength: 300 }),
}, { additionalProperties: false });

export const TargetPatch = Type.Object(changeable, { additionalProperties: false });

export type TargetInput = Static<typeof TargetPatch>;

export const TargetOut = Type.Object({
  id: Type.Integer(),
  identifier: Type.String(),
  name: Type.String(),
  name2: Type.String(),
  name3: Type.String(),
  kind: Kind,
  ra: Nullable(Type.Number()),
  dec: Nullable(Type.Number()),
  epoch: Nullable(Type.Number()),
  pm_ra: Nullable(Type.Number()),
  pm_dec: Nullable(Type.Number()),
  parallax: Nullable(Type.Number()),
  scheme: Nullable(Scheme),
  ...orbital(() => Nullable(Type.Number())),
  public: Type.Boolean(),
  owner: Nullable(Type.String({ description: 'Username of the owner.' })),
  extra_fields: Type.Record(Type.String(), Type.Unknown()),
  thumbnail_url: Nullable(Type.String({ description: 'The preview of the target\'s newest FITS frame that has one (the last frame of its next timelapse); null when none.' })),
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'Target' });
