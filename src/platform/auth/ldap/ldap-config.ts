// LDAP settings (LIGHTPATH_LDAP_*). Sign-in through the facility's directory is on when a URL is
// set; the rest has defaults that suit OpenLDAP with the memberOf overlay.

export interface LdapConfig {
  /** ldap://host:389 or ldaps://host:636. */
  url: string;
  /** The service account that searches for people; null = search anonymously. */
  bindDn: string | null;
  bindPassword: string;
  /** Where people are searched for (the whole subtree). */
  searchBase: string;
  /** The search filter; {username} is replaced by the typed username, escaped (RFC 4515). */
  userFilter: string;
  /** The attribute of a person's entry that is their username (the Lightpath and MxDC name). */
  usernameAttribute: string;
  nameAttribute: string;
  emailAttribute: string;
  /** The attribute of a person's entry listing their groups (OpenLDAP's memberOf); '' = none. */
  groupAttribute: string;
  /** Groups are also searched for under this base when set (directories without memberOf). */
  groupSearchBase: string | null;
  /** {dn} and {username} are replaced, escaped. */
  groupFilter: string;
  /** Upgrade ldap:// connections with StartTLS before any password is sent. */
  startTls: boolean;
  /** A PEM file of the certificate authorities to trust for ldaps:// and StartTLS; null = the system's. */
  caFile: string | null;
  /** How long to wait for the directory before saying it cannot be reached. */
  timeoutSeconds: number;
  /** How often active directory accounts are checked against the directory again (0: only at sign-in). */
  refreshMinutes: number;
}

/** The part of the settings reader this needs (src/config.ts passes its own). */
export interface LdapSettingsReader {
  string(name: string, fallback: string): string;
  boolean(name: string, fallback: boolean): boolean;
  integer(name: string, fallback: number, min: number, max: number): number;
}

export function readLdapConfig(read: LdapSettingsReader, problems: string[]): LdapConfig | null {
  const url = read.string('LIGHTPATH_LDAP_URL', '');
  if (url === '') return null;
  if (!/^ldaps?:\/\/[^/?#\s]+\/?$/i.test(url)) problems.push(`LIGHTPATH_LDAP_URL must look like ldap://host:389 or ldaps://host:636 (got "${url}")`);
  const config: LdapConfig = {
    url: url.replace(/\/$/, ''),
    bindDn: read.string('LIGHTPATH_LDAP_BIND_DN', '') || null,
    bindPassword: read.string('LIGHTPATH_LDAP_BIND_PASSWORD', ''),
    searchBase: read.string('LIGHTPATH_LDAP_SEARCH_BASE', ''),
    userFilter: read.string('LIGHTPATH_LDAP_USER_FILTER', '(uid={username})'),
    usernameAttribute: read.string('LIGHTPATH_LDAP_USERNAME_ATTRIBUTE', 'uid'),
    nameAttribute: read.string('LIGHTPATH_LDAP_NAME_ATTRIBUTE', 'cn'),
    emailAttribute: read.string('LIGHTPATH_LDAP_EMAIL_ATTRIBUTE', 'mail'),
    groupAttribute: read.string('LIGHTPATH_LDAP_GROUP_ATTRIBUTE', 'memberOf'),
    groupSearchBase: read.string('LIGHTPATH_LDAP_GROUP_SEARCH_BASE', '') || null,
    groupFilter: read.string('LIGHTPATH_LDAP_GROUP_FILTER', '(|(member={dn})(uniqueMember={dn})(memberUid={username}))'),
    startTls: read.boolean('LIGHTPATH_LDAP_STARTTLS', false),
    caFile: read.string('LIGHTPATH_LDAP_CA_FILE', '') || null,
    timeoutSeconds: read.integer('LIGHTPATH_LDAP_TIMEOUT_SECONDS', 5, 1, 120),
    refreshMinutes: read.integer('LIGHTPATH_LDAP_REFRESH_MINUTES', 15, 0, 1440),
  };
  if (config.searchBase === '') problems.push('LIGHTPATH_LDAP_SEARCH_BASE is required with LIGHTPATH_LDAP_URL (where people are, e.g. ou=people,dc=example,dc=org)');
  if (!config.userFilter.includes('{username}') || !/^\(.*\)$/.test(config.userFilter)) {
    problems.push(`LIGHTPATH_LDAP_USER_FILTER must be a filter in parentheses containing {username}, e.g. (uid={username}) (got "${config.userFilter}")`);
  }
  if (config.groupSearchBase !== null && !/\{(dn|username)\}/.test(config.groupFilter)) {
    problems.push('LIGHTPATH_LDAP_GROUP_FILTER must contain {dn} or {username}, e.g. (member={dn})');
  }
  if (config.bindDn !== null && config.bindPassword === '') problems.push('LIGHTPATH_LDAP_BIND_PASSWORD is required with LIGHTPATH_LDAP_BIND_DN (an empty password binds anonymously)');
  if (config.startTls && /^ldaps:/i.test(config.url)) problems.push('LIGHTPATH_LDAP_STARTTLS is for ldap:// URLs; ldaps:// is encrypted from the start');
  return config;
}
