// Who is making a request. Resolved once per request from a bearer token or a session cookie.
import type { User } from './users.ts';
import type { TokenScope } from './tokens.ts';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: User; via: 'session'; sessionId: string; csrfToken: string }
  | { kind: 'user'; user: User; via: 'token'; scope: TokenScope; tokenId: number }
  /** A beamline project proven by an MxDC signed URL (the MxLIVE v2 API only). */
  | { kind: 'user'; user: User; via: 'mxdc' };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export function principalUser(principal: Principal): User | null {
  return principal.kind === 'user' ? principal.user : null;
}
