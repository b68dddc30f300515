// The table of OpenID Connect sign-ins (migration 0017).

/**
 * started: sent to the provider, waiting for its answer; signed-in: a login session was made;
 * no-access: the person is known to the provider but mapped to nothing here; used: the answer
 * arrived and is being checked, or was refused.
 */
export type OidcSignInStatus = 'started' | 'used' | 'signed-in' | 'no-access';

export interface OidcSignInsTable {
  id: string; // SHA-256 of the cookie value
  status: OidcSignInStatus;
  state: string;
  nonce: string;
  code_verifier: string;
  /** The Lightpath path to open after signing in. */
  return_to: string;
  username: string | null;
  /** Why a signed-in person has no access yet (from the mapping). */
  detail: string | null;
  /** Kept for the logout at the provider (its id_token_hint); never sent to the browser before that. */
  id_token: string | null;
  login_session_id: string | null;
  created_at: string;
  expires_at: string;
}

export interface OidcTables {
  oidc_sign_ins: OidcSignInsTable;
}
