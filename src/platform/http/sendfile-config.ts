// Whether `raw` files (and the other files sendFile hands out) go to plain TCP sockets with
// sendfile(2) (LIGHTPATH_SENDFILE, default on; LIGHTPATH_NATIVE=off turns it off with the other
// native code), and how long a copy may wait for a client that has stopped reading before the
// rest of the file is streamed instead (LIGHTPATH_SENDFILE_STALL_SECONDS).
import type { FastifyInstance } from 'fastify';

export interface SendfileConfig {
  enabled: boolean;
  stallSeconds: number;
}

interface SettingsReader {
  string(name: string, fallback: string): string;
  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T;
  integer(name: string, fallback: number, min: number, max: number): number;
}

declare module 'fastify' {
  interface FastifyInstance {
    sendfile: SendfileConfig;
  }
}

export function readSendfileConfig(read: SettingsReader): SendfileConfig {
  return {
    enabled: read.oneOf('LIGHTPATH_SENDFILE', 'on', ['on', 'off']) === 'on' && read.string('LIGHTPATH_NATIVE', '') !== 'off',
    stallSeconds: read.integer('LIGHTPATH_SENDFILE_STALL_SECONDS', 10, 1, 3600),
  };
}

/** Makes the setting reachable from any request (request.server.sendfile). */
export function installSendfileConfig(app: FastifyInstance, config: SendfileConfig): void {
  app.decorate('sendfile', config);
}
