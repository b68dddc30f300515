// Settings that are valid (serve would start; the doctor command checks that before any check
// runs) but risky: misspelt names that are silently ignored, and values that open the server more
// than intended.
import { loadConfig } from '../../config.ts';
import { addressInList } from '../http/networks.ts';
import type { CidrList } from '../http/networks.ts';
import type { DoctorCheck, DoctorContext, Finding } from './finding.ts';
import { ok, warning } from './finding.ts';

/** The LIGHTPATH_ settings Lightpath reads: those loadConfig asks the environment for. */
function knownSettings(env: DoctorContext['env']): Set<string> {
  const asked = new Set<string>();
  const watched = new Proxy(env, {
    get(target, name) {
      if (typeof name === 'string') asked.add(name);
      return target[name as string];
    },
  });
  loadConfig(watched);
  return asked;
}

const everyone = (list: CidrList) => list.ranges.some(([, bits]) => bits === 0);
const isLoopback = (host: string) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(host);

export const settingsCheck: DoctorCheck = {
  name: 'settings',
  async run({ config, env }) {
    const findings: Finding[] = [ok('every setting is valid (read as `lightpath serve` reads them)')];
    const known = knownSettings(env);
    // LIGHTPATH_TEST_… belong to the test suite (a developer's shell may hold them), not to a server.
    for (const name of Object.keys(env).filter((n) => n.startsWith('LIGHTPATH_') && !n.startsWith('LIGHTPATH_TEST_') && !known.has(n)).sort()) {
      findings.push(warning(`${name} is not a Lightpath setting and is ignored`, 'correct its name (docs/configuration.md lists them) or remove it'));
    }
    if (config.baseUrl === null) {
      findings.push(warning('LIGHTPATH_BASE_URL is not set: links in alert emails point at the address the server listens on',
        'set LIGHTPATH_BASE_URL to the public address, e.g. https://lightpath.example.org'));
    } else {
      const url = new URL(config.baseUrl);
      if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        findings.push(warning(`LIGHTPATH_BASE_URL is ${config.baseUrl}: passwords and session cookies would cross the network unencrypted`,
          'serve HTTPS through a reverse proxy and give its https:// address'));
      }
      if (!isLoopback(url.hostname) && config.trustedProxies.ranges.length === 0 && addressInList('127.0.0.1', config.trustedNetworks)) {
        findings.push(warning('LIGHTPATH_TRUSTED_PROXIES is not set while LIGHTPATH_TRUSTED_NETWORKS includes 127.0.0.1: behind a reverse proxy on this '
          + 'machine every client would look local and reach the MxDC API', "set LIGHTPATH_TRUSTED_PROXIES to the reverse proxy's address"));
      }
    }
    if (everyone(config.trustedNetworks)) {
      findings.push(warning('LIGHTPATH_TRUSTED_NETWORKS admits every address to the MxDC API', 'name only the beamline networks'));
    }
    if (everyone(config.trustedProxies)) {
      findings.push(warning('LIGHTPATH_TRUSTED_PROXIES believes X-Forwarded-For from any address: clients can claim to be anyone',
        "name only the reverse proxy's address"));
    }
    if (config.mxdcTokenWindowSeconds > 300) {
      findings.push(warning(`LIGHTPATH_MXDC_TOKEN_WINDOW is ${config.mxdcTokenWindowSeconds} s: a captured MxDC URL stays usable that long`,
        'keep clocks in sync (NTP) and the window at a minute or two'));
    }
    if (config.logLevel === 'debug' || config.logLevel === 'trace') {
      findings.push(warning(`LOG_LEVEL is ${config.logLevel}: logs grow fast and record request details`, 'use LOG_LEVEL=info in production'));
    }
    if (config.database.kind === 'sqlite' && !config.serveRunsJobs) {
      findings.push(warning('LIGHTPATH_SERVE_RUNS_JOBS is false with the SQLite database: jobs run only while a `lightpath worker` runs on this machine',
        'set LIGHTPATH_SERVE_RUNS_JOBS=true, or keep a worker running'));
    }
    return findings;
  },
};
