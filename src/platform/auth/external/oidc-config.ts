// OpenID Connect settings (LIGHTPATH_OIDC_*). Sign-in through the facility's identity provider is
// on when an issuer is set; everything else has a default that suits Keycloak.

export interface OidcConfig {
  /** The issuer URL; its discovery document is at <issuer>/.well-known/openid-configuration. */
  issuer: string;
  clientId: string;
  /** "" = a public client (PKCE alone); otherwise sent as client_secret_basic. */
  clientSecret: string;
  scopes: string;
  /** The claim that becomes the Lightpath username (and the MxDC project username). */
  usernameClaim: string;
  /** The claim listing the person's groups (an array, or one string). */
  groupsClaim: string;
  /** Shown on the login page as "Sign in with <displayName>". */
  displayName: string;
  /** Hide the username and password form (local accounts then sign in at /login/?local). */
  hideLocalForm: boolean;
  /** Who to ask for access, shown to people the mapping gives nothing yet. */
  accessContact: string | null;
}

/** The part of the settings reader this needs (src/config.ts passes its own). */
export interface SettingsReader {
  string(name: string, fallback: string): string;
  boolean(name: string, fallback: boolean): boolean;
}

export function readOidcConfig(read: SettingsReader, problems: string[]): OidcConfig | null {
  const issuer = read.string('LIGHTPATH_OIDC_ISSUER', '').replace(/\/+$/, '');
  if (issuer === '') return null;
  const issuerProblem = checkIssuer(issuer);
  if (issuerProblem) problems.push(`LIGHTPATH_OIDC_ISSUER ${issuerProblem} (got "${issuer}")`);
  const config: OidcConfig = {
    issuer,
    clientId: read.string('LIGHTPATH_OIDC_CLIENT_ID', ''),
    clientSecret: read.string('LIGHTPATH_OIDC_CLIENT_SECRET', ''),
    scopes: read.string('LIGHTPATH_OIDC_SCOPES', 'openid profile email').split(/[\s,]+/).filter(Boolean).join(' '),
    usernameClaim: read.string('LIGHTPATH_OIDC_USERNAME_CLAIM', 'preferred_username'),
    groupsClaim: read.string('LIGHTPATH_OIDC_GROUPS_CLAIM', 'groups'),
    displayName: read.string('LIGHTPATH_OIDC_DISPLAY_NAME', '') || 'your facility account',
    hideLocalForm: read.boolean('LIGHTPATH_OIDC_HIDE_LOCAL_FORM', false),
    accessContact: read.string('LIGHTPATH_OIDC_ACCESS_CONTACT', '') || null,
  };
  if (config.clientId === '') problems.push('LIGHTPATH_OIDC_CLIENT_ID is required with LIGHTPATH_OIDC_ISSUER (the client registered for Lightpath at the provider)');
  if (!config.scopes.split(' ').includes('openid')) problems.push(`LIGHTPATH_OIDC_SCOPES must include openid (got "${config.scopes}")`);
  if (config.usernameClaim === '') problems.push('LIGHTPATH_OIDC_USERNAME_CLAIM must name a claim, e.g. preferred_username');
  if (config.displayName.length > 80) problems.push('LIGHTPATH_OIDC_DISPLAY_NAME must be at most 80 characters');
  return config;
}

/** Plain https, or http on this machine only (a provider started for a test or a trial). */
function checkIssuer(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'must be an absolute https:// URL';
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return 'must be a plain URL without query, fragment or credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url)) return null;
  return 'must be an https:// URL (http:// is accepted only for a provider on this machine)';
}

export function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || /^127\./.test(url.hostname);
}
