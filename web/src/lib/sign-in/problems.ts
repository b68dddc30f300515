// What the login page says when a sign-in through the identity provider came back without a
// session (the server names the reason in ?sign_in_error=; its log has the details).
const PROBLEMS: Record<string, string> = {
  unavailable: 'The identity provider could not be reached, or is not set up as Lightpath expects. Try again in a few minutes; if it keeps happening, tell the facility staff.',
  refused: 'The identity provider did not sign you in (perhaps the sign-in was cancelled). Try again.',
  invalid: 'The answer from the identity provider failed Lightpath\'s checks, so you were not signed in. Start again from this page.',
  expired: 'That sign-in took too long, or was started in another browser or tab. Start again from this page.',
  claims: 'The identity provider did not say which account you are. Tell the facility staff: Lightpath\'s username claim setting may be wrong.',
  disabled: 'Your account has been disabled in Lightpath. Ask the facility staff to enable it again.',
};

export function signInProblem(code: string | null): string | null {
  if (code === null) return null;
  return PROBLEMS[code] ?? 'Signing in through the identity provider did not work. Try again.';
}

/** Where the provider sign-in starts, coming back to `next` afterwards. */
export function providerLoginUrl(loginUrl: string, next: string): string {
  return next === '/' ? loginUrl : `${loginUrl}?next=${encodeURIComponent(next)}`;
}
