// The metrics this process counts as it works: requests, job attempts, Data Proxy bytes, frame
// previews, timelapses and emails, beside prom-client's process and Node.js metrics (memory,
// event-loop lag). Prometheus scrapes a process, so they live in one registry per process, and
// the code that does the work counts it where it happens without being handed anything.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

export const httpRequestDuration = new Histogram({
  name: 'lightpath_http_request_duration_seconds',
  help: 'HTTP requests answered, by method, route pattern and status code, with their duration',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [processRegistry],
});

export const jobAttempts = new Counter({
  name: 'lightpath_job_attempts_total',
  help: 'Job attempts this process ran, by job type and outcome (succeeded, queued for retry, failed, lost)',
  labelNames: ['type', 'outcome'] as const,
  registers: [processRegistry],
});

export const jobDuration = new Histogram({
  name: 'lightpath_job_duration_seconds',
  help: 'How long the job attempts this process ran took, by job type',
  labelNames: ['type'] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
  registers: [processRegistry],
});

export const dataProxyBytesSent = new Counter({
  name: 'lightpath_dataproxy_bytes_sent_total',
  help: 'Bytes of files, archives, snapshots and frame previews the Data Proxy sent, by kind',
  labelNames: ['kind'] as const,
  registers: [processRegistry],
});

export const framePreviews = new Counter({
  name: 'lightpath_frame_previews_total',
  help: 'Diffraction frame previews answered, by how: rendered now, from the cache, or joined to a rendering in progress',
  labelNames: ['how'] as const,
  registers: [processRegistry],
});

export const timelapsesMade = new Counter({
  name: 'lightpath_timelapses_made_total',
  help: 'Timelapses this process encoded, by format',
  labelNames: ['format'] as const,
  registers: [processRegistry],
});

export const emailsSent = new Counter({
  name: 'lightpath_emails_sent_total',
  help: 'Emails this process handed to the mail server',
  registers: [processRegistry],
});

export const emailsFailed = new Counter({
  name: 'lightpath_emails_failed_total',
  help: 'Attempts of this process to send an email that the mail server refused or that could not reach it',
  registers: [processRegistry],
});

export const databaseUp = new Gauge({
  name: 'lightpath_database_up',
  help: 'Whether the last scrape could read the metrics kept in the database (1) or not (0)',
  registers: [processRegistry],
});
