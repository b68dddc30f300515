// `lightpath doctor`'s look at LDAP sign-in: a test bind with the service account and a look at
// the search bases, as a sign-in would do them, without anyone's password.
import type { DoctorCheck, Finding } from '../../doctor/finding.ts';
import { error, ok, skipped, warning } from '../../doctor/finding.ts';
import type { LdapConfig } from './ldap-config.ts';
import { DirectoryProblem, withServiceClient } from './directory.ts';

/** Findings about the directory these settings point at. */
export async function checkLdap(config: LdapConfig): Promise<Finding[]> {
  const findings: Finding[] = [];
  const host = config.url.replace(/^ldaps?:\/\//i, '').replace(/:\d+$/, '');
  if (/^ldap:/i.test(config.url) && !config.startTls && !/^(127\.|localhost$|\[?::1\]?$)/.test(host)) {
    findings.push(warning(`${config.url} is neither ldaps:// nor upgraded with StartTLS: passwords cross the network unencrypted`,
      'use an ldaps:// URL or set LIGHTPATH_LDAP_STARTTLS=true'));
  }
  const who = config.bindDn ?? 'anonymous';
  try {
    await withServiceClient(config, async (client) => {
      for (const [setting, base] of [['LIGHTPATH_LDAP_SEARCH_BASE', config.searchBase], ['LIGHTPATH_LDAP_GROUP_SEARCH_BASE', config.groupSearchBase]] as const) {
        if (base === null) continue;
        const found = await client.search(base, { scope: 'base', attributes: ['1.1'] }).catch(() => null);
        if (found === null || found.searchEntries.length === 0) {
          findings.push(error(`${setting} ${base} cannot be read as ${who}`, `correct ${setting}, or let the service account read it`));
        }
      }
    });
  } catch (problem) {
    if (!(problem instanceof DirectoryProblem)) throw problem;
    const fix = problem.kind === 'unreachable'
      ? 'start the directory, or correct LIGHTPATH_LDAP_URL (and the firewall, the certificate authority in LIGHTPATH_LDAP_CA_FILE)'
      : 'correct LIGHTPATH_LDAP_BIND_DN and LIGHTPATH_LDAP_BIND_PASSWORD';
    return [...findings, error(`${config.url}: ${problem.message}`, fix)];
  }
  if (!findings.some((f) => f.level === 'error')) findings.push(ok(`a test bind as ${who} at ${config.url} succeeded and the search base can be read`));
  return findings;
}

export const ldapCheck: DoctorCheck = {
  name: 'ldap',
  async run({ config }) {
    return config.ldap === null ? [skipped('LIGHTPATH_LDAP_URL is not set: no sign-in through a directory')] : checkLdap(config.ldap);
  },
};
