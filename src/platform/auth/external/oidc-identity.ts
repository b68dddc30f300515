// The person an ID token (and the provider's userinfo answer) describes, in the terms of the
// identity mapping: username from the configured claim, groups from the groups claim, the rest as
// attributes the mapping rules may look at.
import type { OidcConfig } from './oidc-config.ts';
import type { ExternalIdentity } from './sign-in.ts';

/** The identity, or why the claims cannot make one. */
export function identityFromClaims(config: OidcConfig, claims: Record<string, unknown>): ExternalIdentity | { problem: string } {
  const username = claims[config.usernameClaim];
  if (typeof username !== 'string' || username.trim() === '') {
    return { problem: `the provider sent no "${config.usernameClaim}" claim (LIGHTPATH_OIDC_USERNAME_CLAIM) to use as the username` };
  }
  return {
    source: 'oidc',
    username: username.trim(),
    fullName: text(claims.name),
    email: text(claims.email),
    groups: strings(claims[config.groupsClaim]),
    attributes: claims,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A claim holding one group or a list of them; anything else holds none. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
