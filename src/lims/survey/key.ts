// The survey key in the URL LaunchSession hands MxDC (spec §3.2): "username:session" in URL-safe
// base64 with its padding, as MxLIVE made it. It names a session; it is not signed.

export function surveyKey(username: string, session: string): string {
  return Buffer.from(`${username}:${session}`).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Longer than any username:session pair the database can hold. */
const MAX_KEY_LENGTH = 600;

/**
 * The username and session name a key names, or null when the text is not a key this server
 * could have made: only the exact form surveyKey gives is read, so one session has one key.
 */
export function readSurveyKey(key: string): { username: string; session: string } | null {
  if (key.length > MAX_KEY_LENGTH || !/^[A-Za-z0-9_-]+={0,2}$/.test(key)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(key, 'base64url'));
  } catch {
    return null;
  }
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return null;
  const username = text.slice(0, colon);
  const session = text.slice(colon + 1);
  return surveyKey(username, session) === key ? { username, session } : null;
}
