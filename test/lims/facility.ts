// A beamline test facility: a real listening server with data roots, the demo facility or any
// load document, and MxDC-like clients.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadDocument } from '../../src/loader/load-file.ts';
import { loadSections } from '../../src/modules.ts';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { tempDir } from '../helpers/database.ts';
import { MxdcClient } from '../support/mxdc/client.ts';

export interface Facility {
  server: TestServer;
  baseUrl: string;
  usersRoot: string;
  client(username: string): MxdcClient;
  load(document: Record<string, unknown> | string): Promise<void>;
  /** A directory under the users root (as MxDC's data directories are). */
  directory(relative: string): string;
  close(): Promise<void>;
}

export const DEMO_FACILITY = path.resolve(import.meta.dirname, '../../examples/demo-facility.yaml');

export async function startFacility(env: Record<string, string> = {}): Promise<Facility> {
  const dataRoot = tempDir('lightpath-users-');
  const usersRoot = fs.realpathSync(dataRoot);
  const server = await startTestServer({ env: { LIGHTPATH_DATA_ROOTS: usersRoot, LIGHTPATH_DATA_USER_ROOT: usersRoot, ...env } });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    server, baseUrl, usersRoot,
    client: (username) => new MxdcClient(baseUrl, username),
    async load(document) {
      const parsed = typeof document === 'string' ? YAML.parse(fs.readFileSync(document, 'utf8')) : document;
      await loadDocument(server.platform, parsed, loadSections, path.dirname(DEMO_FACILITY));
    },
    directory(relative) {
      const full = path.join(usersRoot, relative);
      fs.mkdirSync(full, { recursive: true });
      return full;
    },
    async close() {
      await server.close();
      fs.rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}
