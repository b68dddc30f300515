// Where the LCO Observation Portal and science archive are, and the API key to use there.
// Read from LIGHTPATH_LCO_* so a test or `lightpath fake-lco` can point Lightpath elsewhere.

export interface LcoConfig {
  /** Observation Portal base URL, without a trailing slash. */
  portalUrl: string;
  /** Science archive API base URL, without a trailing slash. */
  archiveUrl: string;
  /** Portal API key; "" = none (then no Authorization header, except where the portal is always sent one). */
  apiKey: string;
}

export const LCO_DEFAULTS = {
  portalUrl: 'https://observe.lco.global',
  archiveUrl: 'https://archive-api.lco.global',
} as const;

export class LcoConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid LCO configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads the LCO settings. With `problems` given, each problem is appended there (so the main
 * configuration can report every problem at once) and defaults stand in for bad values; without
 * it, problems are thrown together as an LcoConfigError.
 */
export function readLcoConfig(env: Env = process.env, problems?: string[]): LcoConfig {
  const found: string[] = [];
  const config: LcoConfig = {
    portalUrl: baseUrl(env, 'LIGHTPATH_LCO_PORTAL_URL', LCO_DEFAULTS.portalUrl, found),
    archiveUrl: baseUrl(env, 'LIGHTPATH_LCO_ARCHIVE_URL', LCO_DEFAULTS.archiveUrl, found),
    apiKey: (env.LIGHTPATH_LCO_API_KEY ?? '').trim(),
  };
  if (/\s/.test(config.apiKey)) found.push('LIGHTPATH_LCO_API_KEY must not contain spaces (it is sent as "Authorization: Token <key>")');
  if (problems) problems.push(...found);
  else if (found.length > 0) throw new LcoConfigError(found);
  return config;
}

function baseUrl(env: Env, name: string, fallback: string, problems: string[]): string {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`${name} must be an absolute http:// or https:// URL (got "${raw}")`);
    return fallback;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`${name} must be an absolute http:// or https:// URL (got "${raw}")`);
    return fallback;
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    problems.push(`${name} must be a plain base URL without query, fragment or credentials (got "${raw}")`);
    return fallback;
  }
  // Paths are appended to it ("/api/instruments/"), so it keeps any path prefix but no trailing slash.
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
