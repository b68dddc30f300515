// Values put into LDAP search filters are escaped as RFC 4515 says, so a username such as "*" or
// ")(uid=*" is a literal name to look up and can never widen the search to other people.

const SPECIAL = /[\\*()\u0000]/g;

export function escapeFilterValue(value: string): string {
  return value.replace(SPECIAL, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The filter template with each {name} replaced by its value, escaped. */
export function fillFilter(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? escapeFilterValue(values[name]) : whole));
}
