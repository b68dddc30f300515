import type { Command } from './command.ts';
import { parseOptions } from './command.ts';
import { makeLogger, onShutdown, openForCommand } from './runtime.ts';
import { loadConfig } from '../config.ts';
import { buildProxyApp } from '../dataproxy/proxy-app.ts';
import { listenOrFail } from './failure-causes.ts';

export const proxy: Command = {
  name: 'proxy',
  summary: 'run the Data Proxy on its own (e.g. on the file server)',
  help: `Usage: lightpath proxy

Runs only the Data Proxy — the MxLIVE-compatible /download/… URLs, plus /healthz, /readyz and
/metrics — on HOST:LIGHTPATH_PROXY_PORT (default 127.0.0.1:3001), with its own database
(DATABASE_URL or the data directory; pending migrations are applied first). Run it on the machine that holds the
data, with LIGHTPATH_DATA_ROOTS (and LIGHTPATH_DATA_USER_ROOT) naming the directories it may
hand out, and LIGHTPATH_DATAPROXY_SECRET set to the same value as on the main server. Then start
the main server with LIGHTPATH_DATAPROXY_URL=http://<this host>:<port>/download: it asks this
process for keys and passes /download/files/… requests through to it.
On SIGTERM or SIGINT it stops accepting connections, finishes downloads in flight, then exits.
Configuration: docs/configuration.md.`,
  async run(args) {
    parseOptions(args, {});
    const config = loadConfig();
    const log = makeLogger(config);
    const platform = await openForCommand(config, log);
    const app = await buildProxyApp(platform);
    const stop = async () => {
      await app.close();
      await platform.close();
    };
    onShutdown(log, stop);
    if (config.dataProxy.roots.length === 0) log.warn('LIGHTPATH_DATA_ROOTS is empty: keys are made for no directory (data/create/ answers {"key": null}) and no file is served; see docs/configuration.md');
    const where = { port: config.dataProxy.port, host: config.host };
    await listenOrFail(() => app.listen(where), where, 'LIGHTPATH_PROXY_PORT', stop);
    log.info({ roots: config.dataProxy.roots, userRoot: config.dataProxy.userRoot }, 'data proxy ready');
    return new Promise<number>(() => {}); // runs until a signal
  },
};
