// The target's REST shapes: what is sent to create or change one, and what comes back.
import { Type } from '@sinclair/typebox';
import type { Static, TSchema } from '@sinclair/typebox';
import { ORBITAL_COLUMNS } from '../targets.ts';
import { Nullable, Timestamp } from './common.ts';

export const IDENTIFIER_PATTERN = '^[A-Za-z0-9][\\w.+-]{0,99}$';
const SCHEMES = ['MPC_MINOR_PLANET', 'MPC_COMET', 'JPL_MAJOR_PLANET'] as const;

const Kind = Type.Union([Type.Literal('sidereal'), Type.Literal('non_sidereal')]);
const Scheme = Type.Union(SCHEMES.map((s) => Type.Literal(s)), { description: 'Orbital element scheme of a non-sidereal target.' });
const ExtraValue = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

const orbital = <T extends TSchema>(make: () => T) => Object.fromEntries(ORBITAL_COLUMNS.map((c) => [c, make()])) as Record<(typeof ORBITAL_COLUMNS)[number], T>;

/** Everything but the identifier, each optional: creating and changing share it. */
const changeable = {
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  name2: Type.Optional(Type.String({ maxLength: 300, description: 'An alternative name ("" when none).' })),
  name3: Type.Optional(Type.String({ maxLength: 300 })),
  kind: Type.Optional(Kind),
  ra: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 360, description: 'Right ascension, degrees.' }))),
  dec: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90, description: 'Declination, degrees.' }))),
  epoch: Type.Optional(Nullable(Type.Number({ description: 'Epoch of the position, years (e.g. 2000).' }))),
  pm_ra: Type.Optional(Nullable(Type.Number({ description: 'Proper motion in RA, mas/year.' }))),
  pm_dec: Type.Optional(Nullable(Type.Number({ description: 'Proper motion in Dec, mas/year.' }))),
  parallax: Type.Optional(Nullable(Type.Number({ description: 'Parallax, mas.' }))),
  scheme: Type.Optional(Nullable(Scheme)),
  ...orbital(() => Type.Optional(Nullable(Type.Number()))),
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
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'Target' });
