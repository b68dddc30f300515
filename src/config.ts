// One typed configuration, read from the environment and validated before anything starts.
import path from 'node:path';
import { parseCidrList } from './platform/http/networks.ts';
import type { CidrList } from './platform/http/networks.ts';
import { parseRate } from './platform/rate-limit.ts';
import { readLcoConfig } from './tom/observations/facilities/lco/config.ts';
import type { LcoConfig } from './tom/observations/facilities/lco/config.ts';
import { readOidcConfig } from './platform/auth/external/oidc-config.ts';
import type { OidcConfig } from './platform/auth/external/oidc-config.ts';
import { readLdapConfig } from './platform/auth/ldap/ldap-config.ts';
import type { LdapConfig } from './platform/auth/ldap/ldap-config.ts';
import { readAccelRedirectPrefix } from './platform/http/download-frontend-config.ts';
import { readSendfileConfig } from './platform/http/sendfile-config.ts';
import type { SendfileConfig } from './platform/http/sendfile-config.ts';

// The bundle ships with the code, so its default place does not depend on the working directory.
const DEFAULT_WEB_DIR = path.resolve(import.meta.dirname, '..', 'web', 'build');

export type DatabaseKind = 'sqlite' | 'postgres';

export interface SmtpConfig {
  host: string | null;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string | null;
}

export interface DataProxyConfig {
  /** Base URL of a standalone `lightpath proxy` (ending in /download); null = served in-process. */
  url: string | null;
  /** Shared secret the main server sends to a standalone proxy's create endpoint. */
  secret: string | null;
  /** Directories the proxy may hand out (absolute); keys are refused for paths outside them. */
  roots: string[];
  /** Where relative paths (e.g. "bob/CMCFID-20250121-a8F3kd9Q") are rooted; null = refuse relative paths. */
  userRoot: string | null;
  /** Port of `lightpath proxy`. */
  port: number;
  /** Disk space for rendered frame previews under the data directory, in bytes (0 = no cache). */
  frameCacheBytes: number;
  /** nginx's internal location for `raw` files (X-Accel-Redirect, LIGHTPATH_DOWNLOAD_FRONTEND=nginx); null = Lightpath sends them. */
  accelRedirectPrefix: string | null;
}

export type ExtraFieldType = 'string' | 'number' | 'boolean' | 'datetime';

export interface TomConfig {
  /** Typed extra target fields (LIGHTPATH_TARGET_EXTRA_FIELDS="mykey:string,active:boolean"). */
  extraFields: Array<{ name: string; type: ExtraFieldType }>;
  /** Default timelapse settings; a run may override them. */
  timelapse: { format: 'gif' | 'mp4' | 'webm'; fps: number; size: number; cropScale: number };
  /** Pipelines offered, by name. */
  pipelines: string[];
  /** How long one pipeline run may take before it is stopped and its process failed (seconds). */
  pipelineTimeLimitSeconds: number;
  /** Who may call the tom_education endpoints: anyone (as the original), or logged-in users and tokens. */
  apiAccess: 'anonymous' | 'login';
  /** The POST /api/observe/ throttle, e.g. "6/minute". */
  observeRate: { limit: number; windowSeconds: number };
  /** How often observations are checked with their facility (seconds; 0 turns polling off). */
  observationPollSeconds: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: DatabaseKind; url: string; sqliteFile: string };
  baseUrl: string | null;
  trustedNetworks: CidrList;
  trustedProxies: CidrList;
  smtp: SmtpConfig;
  logLevel: string;
  bodyLimitBytes: number;
  /** Whether `serve` also executes queued jobs (the embedded default); off when dedicated workers run them. */
  serveRunsJobs: boolean;
  jobs: { concurrency: number; leaseSeconds: number; pollMilliseconds: number };
  sessionDays: number;
  login: { maxFailures: number; windowSeconds: number };
  /** Survey links that name no session, allowed per client address before it must wait ("20/hour"). */
  surveyMissRate: { limit: number; windowSeconds: number };
  dataProxy: DataProxyConfig;
  /** Files to plain TCP clients with sendfile(2) (LIGHTPATH_SENDFILE), and when a stalled client is streamed to instead. */
  sendfile: SendfileConfig;
  /** Accepted clock difference for MxDC signed URLs, in seconds (Lightpath decision D3). */
  mxdcTokenWindowSeconds: number;
  /** ffmpeg to run; null = the system's `ffmpeg` on PATH, else the one shipped in an npm package. */
  ffmpegPath: string | null;
  /** The built web app (scripts/build-web.js writes it); default web/build in this checkout. */
  webDir: string;
  tom: TomConfig;
  lco: LcoConfig;
  /** Sign-in through the facility's OpenID Connect provider; null = off. */
  oidc: OidcConfig | null;
  /** Sign-in through the facility's LDAP directory; null = off. */
  ldap: LdapConfig | null;
  /**
   * Who may read GET /metrics: these networks, or anyone sending the token as a bearer token; and
   * the port where `lightpath worker` answers /metrics and the probes (null: it listens nowhere).
   */
  metrics: { networks: CidrList; token: string | null; workerPort: number | null };
  /** When /readyz reports "degraded": a due job waiting longer than this, or this many failures in a row. */
  readiness: { jobBacklogSeconds: number; failuresInARow: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads and checks every setting; collects all problems so an operator fixes them in one go. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const dataDir = path.resolve(read.string('LIGHTPATH_DATA_DIR', './var'));
  const databaseUrl = read.string('DATABASE_URL', '');
  let database: Config['database'];
  if (databaseUrl === '' || databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : '';
    database = { kind: 'sqlite', url: '', sqliteFile: file ? path.resolve(file) : path.join(dataDir, 'lightpath.sqlite') };
  } else if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    database = { kind: 'postgres', url: databaseUrl, sqliteFile: '' };
  } else {
    problems.push('DATABASE_URL must start with postgres://, postgresql:// or sqlite: (or be unset for the SQLite file in the data directory)');
    database = { kind: 'sqlite', url: '', sqliteFile: '' };
  }

  const baseUrl = read.string('LIGHTPATH_BASE_URL', '');
  if (baseUrl !== '' && !isHttpUrl(baseUrl)) problems.push('LIGHTPATH_BASE_URL must be an absolute http:// or https:// URL');

  const config: Config = {
    port: read.integer('PORT', 3000, 0, 65535),
    host: read.string('HOST', '127.0.0.1'),
    dataDir,
    database,
    baseUrl: baseUrl === '' ? null : baseUrl.replace(/\/+$/, ''),
    trustedNetworks: read.cidrs('LIGHTPATH_TRUSTED_NETWORKS', '127.0.0.0/8,::1/128'),
    trustedProxies: read.cidrs('LIGHTPATH_TRUSTED_PROXIES', ''),
    smtp: {
      host: read.string('SMTP_HOST', '') || null,
      port: read.integer('SMTP_PORT', 25, 1, 65535),
      secure: read.boolean('SMTP_SECURE', false),
      user: read.string('SMTP_USER', '') || null,
      password: read.string('SMTP_PASSWORD', '') || null,
      from: read.string('SMTP_FROM', '') || null,
    },
    logLevel: read.oneOf('LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    bodyLimitBytes: read.integer('LIGHTPATH_BODY_LIMIT', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    serveRunsJobs: read.boolean('LIGHTPATH_SERVE_RUNS_JOBS', true),
    jobs: {
      concurrency: read.integer('LIGHTPATH_JOB_CONCURRENCY', 2, 1, 64),
      leaseSeconds: read.integer('LIGHTPATH_JOB_LEASE_SECONDS', 30, 1, 3600),
      pollMilliseconds: read.integer('LIGHTPATH_JOB_POLL_MS', 1000, 50, 60000),
    },
    sessionDays: read.integer('LIGHTPATH_SESSION_DAYS', 14, 1, 365),
    login: {
      maxFailures: read.integer('LIGHTPATH_LOGIN_MAX_FAILURES', 10, 1, 10000),
      windowSeconds: read.integer('LIGHTPATH_LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    },
    surveyMissRate: read.rate('LIGHTPATH_SURVEY_MISS_RATE', '20/hour'),
    dataProxy: {
      url: read.string('LIGHTPATH_DATAPROXY_URL', '').replace(/\/+$/, '') || null,
      secret: read.string('LIGHTPATH_DATAPROXY_SECRET', '') || null,
      roots: read.string('LIGHTPATH_DATA_ROOTS', '').split(/[,:]/).map((r) => r.trim()).filter(Boolean).map((r) => path.resolve(r)),
      userRoot: read.string('LIGHTPATH_DATA_USER_ROOT', '') ? path.resolve(read.string('LIGHTPATH_DATA_USER_ROOT', '')) : null,
      port: read.integer('LIGHTPATH_PROXY_PORT', 3001, 0, 65535),
      frameCacheBytes: read.integer('LIGHTPATH_FRAME_CACHE_MB', 1024, 0, 16 * 1024 * 1024) * 1024 * 1024,
      accelRedirectPrefix: readAccelRedirectPrefix(read, problems),
    },
    sendfile: readSendfileConfig(read),
    mxdcTokenWindowSeconds: read.integer('LIGHTPATH_MXDC_TOKEN_WINDOW', 60, 1, 86400),
    ffmpegPath: read.string('LIGHTPATH_FFMPEG', '') || null,
    webDir: path.resolve(read.string('LIGHTPATH_WEB_DIR', '') || DEFAULT_WEB_DIR),
    tom: {
      extraFields: read.extraFields('LIGHTPATH_TARGET_EXTRA_FIELDS'),
      timelapse: {
        format: read.oneOf('LIGHTPATH_TIMELAPSE_FORMAT', 'gif', ['gif', 'mp4', 'webm']),
        fps: read.number('LIGHTPATH_TIMELAPSE_FPS', 10, 0.1, 120),
        size: read.integer('LIGHTPATH_TIMELAPSE_SIZE', 500, 16, 8192),
        cropScale: read.number('LIGHTPATH_TIMELAPSE_CROP_SCALE', 0.5, 0.01, 1),
      },
      pipelines: read.string('LIGHTPATH_PIPELINES', 'Timelapse,Photometry').split(',').map((p) => p.trim()).filter(Boolean),
      pipelineTimeLimitSeconds: read.integer('LIGHTPATH_PIPELINE_TIME_LIMIT_SECONDS', 3600, 1, 7 * 86400),
      apiAccess: read.oneOf('LIGHTPATH_TOM_API_ACCESS', 'anonymous', ['anonymous', 'login']),
      observeRate: read.rate('LIGHTPATH_OBSERVE_RATE', '6/minute'),
      observationPollSeconds: read.integer('LIGHTPATH_OBSERVATION_POLL_SECONDS', 300, 0, 86400),
    },
    lco: readLcoConfig(env, problems),
    oidc: readOidcConfig(read, problems),
    ldap: readLdapConfig(read, problems),
    metrics: {
      networks: read.cidrs('LIGHTPATH_METRICS_NETWORKS', '127.0.0.0/8,::1/128'),
      token: read.string('LIGHTPATH_METRICS_TOKEN', '') || null,
      workerPort: read.string('LIGHTPATH_WORKER_METRICS_PORT', '') === '' ? null : read.integer('LIGHTPATH_WORKER_METRICS_PORT', 0, 1, 65535),
    },
    readiness: {
      jobBacklogSeconds: read.integer('LIGHTPATH_READY_JOB_BACKLOG_SECONDS', 900, 1, 7 * 86400),
      failuresInARow: read.integer('LIGHTPATH_READY_FAILURES_IN_A_ROW', 3, 1, 1000),
    },
  };
  if (config.dataProxy.url !== null && !isHttpUrl(config.dataProxy.url)) problems.push('LIGHTPATH_DATAPROXY_URL must be an absolute http:// or https:// URL');
  if (config.dataProxy.url !== null && config.dataProxy.secret === null) problems.push('LIGHTPATH_DATAPROXY_SECRET is required with LIGHTPATH_DATAPROXY_URL');
  if (config.dataProxy.secret !== null && config.dataProxy.secret.length < 16) problems.push('LIGHTPATH_DATAPROXY_SECRET must be at least 16 characters');
  if (config.metrics.token !== null && (config.metrics.token.length < 16 || /\s/.test(config.metrics.token))) {
    problems.push('LIGHTPATH_METRICS_TOKEN must be at least 16 characters without spaces (it is sent as "Authorization: Bearer <token>")');
  }
  if (config.smtp.host !== null && config.smtp.from === null) problems.push('SMTP_FROM (the sender address of alert emails) is required when SMTP_HOST is set');
  if (config.smtp.from !== null && !/^[^@\s]+@[^@\s]+$/.test(config.smtp.from.replace(/^.*<(.*)>$/, '$1'))) {
    problems.push('SMTP_FROM must be an email address, e.g. "Lightpath <lightpath@example.org>"');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

class EnvReader {
  constructor(private readonly env: Env, private readonly problems: string[]) {}

  string(name: string, fallback: string): string {
    const value = this.env[name];
    return value === undefined ? fallback : value.trim();
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  number(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      this.problems.push(`${name} must be a number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  rate(name: string, fallback: string): { limit: number; windowSeconds: number } {
    const raw = this.string(name, fallback);
    const rule = parseRate(raw);
    if (!rule) {
      this.problems.push(`${name} must look like "6/minute" (a number per second, minute, hour or day; got "${raw}")`);
      return parseRate(fallback)!;
    }
    return rule;
  }

  extraFields(name: string): TomConfig['extraFields'] {
    const fields: TomConfig['extraFields'] = [];
    for (const item of this.string(name, '').split(',').map((i) => i.trim()).filter(Boolean)) {
      const [field, type = 'string'] = item.split(':').map((p) => p.trim());
      if (!/^[A-Za-z_][\w-]{0,99}$/.test(field) || !['string', 'number', 'boolean', 'datetime'].includes(type)) {
        this.problems.push(`${name}: "${item}" must be name:type with type string, number, boolean or datetime`);
        continue;
      }
      fields.push({ name: field, type: type as ExtraFieldType });
    }
    return fields;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${this.env[name]}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const raw = this.env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  }

  cidrs(name: string, fallback: string): CidrList {
    const raw = this.string(name, fallback);
    try {
      return parseCidrList(raw);
    } catch (error) {
      this.problems.push(`${name}: ${(error as Error).message}`);
      return parseCidrList('');
    }
  }
}
