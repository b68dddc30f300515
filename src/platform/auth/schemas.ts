// Wire shapes of Lightpath's own account API (snake_case, as the compatibility APIs are).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { User } from './users.ts';
import type { ApiToken } from './tokens.ts';
import { MAX_ID } from '../db/column-types.ts';

export const UserOut = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  full_name: Type.String(),
  email: Type.String(),
  is_staff: Type.Boolean(),
  is_active: Type.Boolean(),
}, { $id: 'User' });

export const TokenOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to tell tokens apart.' }),
  scope: Type.Union([Type.Literal('read'), Type.Literal('write')]),
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
}, { $id: 'ApiToken' });

export const ErrorOut = Type.Object({
  detail: Type.String(),
  fields: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))),
}, { $id: 'Error' });

export const LoginIn = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 150 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
}, { additionalProperties: false });

export const PasswordChangeIn = Type.Object({
  current_password: Type.String({ maxLength: 1024 }),
  new_password: Type.String({ minLength: 4, maxLength: 1024 }),
  revoke_tokens: Type.Boolean({
    default: false,
    description: 'Also revoke every API token of yours (as after a leak). Tokens otherwise keep working.',
  }),
}, { additionalProperties: false });

export const PasswordChangeOut = Type.Object({
  detail: Type.String(),
  revoked_tokens: Type.Integer({ description: 'How many API tokens were revoked.' }),
});

export const TokenIn = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  scope: Type.Union([Type.Literal('read'), Type.Literal('write')], { default: 'read' }),
  expires_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
}, { additionalProperties: false });

export const UserIn = Type.Object({
  username: Type.String({ pattern: '^[\\w.@+-]{1,150}$' }),
  full_name: Type.Optional(Type.String({ maxLength: 300 })),
  email: Type.Optional(Type.String({ maxLength: 300 })),
  is_staff: Type.Optional(Type.Boolean()),
  is_active: Type.Optional(Type.Boolean()),
  password: Type.Optional(Type.String({ minLength: 4, maxLength: 1024 })),
}, { additionalProperties: false });

export const UserPatch = Type.Partial(Type.Omit(UserIn, ['username']), { additionalProperties: false });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_ID }) });
export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export type UserInBody = Static<typeof UserIn>;
export type UserPatchBody = Static<typeof UserPatch>;

export function userOut(user: User): Static<typeof UserOut> {
  return { id: user.id, username: user.username, full_name: user.fullName, email: user.email, is_staff: user.isStaff, is_active: user.isActive };
}

export function tokenOut(token: ApiToken): Static<typeof TokenOut> {
  return {
    id: token.id, name: token.name, prefix: token.prefix, scope: token.scope, created_at: token.createdAt,
    expires_at: token.expiresAt, revoked_at: token.revokedAt, last_used_at: token.lastUsedAt,
  };
}
