// What /metrics says about sendfile(2): bytes sent that way, copies running, and downloads that
// could have used it but were streamed through Node instead (and why).
import { Counter, Gauge } from 'prom-client';
import { processRegistry } from '../metrics/process-metrics.ts';

export const sendfileBytes = new Counter({
  name: 'lightpath_sendfile_bytes_total',
  help: 'Bytes of files this process sent with sendfile(2), straight from the page cache to the socket',
  registers: [processRegistry],
});

export const sendfileCopies = new Gauge({
  name: 'lightpath_sendfile_copies_in_progress',
  help: 'sendfile(2) copies running now on the thread pool',
  registers: [processRegistry],
});

export const sendfileFallbacks = new Counter({
  name: 'lightpath_sendfile_fallbacks_total',
  help: 'Downloads on plain TCP streamed through Node instead of sendfile(2), wholly or from where it stopped: busy (every copy slot taken), refused (sendfile failed before the first byte), stalled (the client stopped reading)',
  labelNames: ['reason'] as const,
  registers: [processRegistry],
});
