// A telescope REST test bench: a server with extra fields declared, users alice (owner), bob
// (another user) and sam (staff), and a client that sends JSON or raw file bodies as one of them.
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { bearer, login, makeUser } from '../../helpers/accounts.ts';

export const DEMO_FRAMES = path.resolve(import.meta.dirname, '../../../examples/demo-observatory/frames');
export const demoFrameNames = () => fs.readdirSync(DEMO_FRAMES).filter((f) => f.endsWith('.fits.fz')).sort();
export const demoFrame = (name: string) => fs.readFileSync(path.join(DEMO_FRAMES, name));

export type Who = Record<string, string>;

export interface Bench {
  server: TestServer;
  alice: Who;
  bob: Who;
  sam: Who;
  anonymous: Who;
  /** A read-only token of alice's. */
  aliceReadToken: Who;
  call(who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'HEAD', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  upload(who: Who, targetId: number, query: Record<string, string>, body: Buffer): Promise<LightMyRequestResponse>;
  /** Creates a target through the API as `who` and returns its JSON. */
  target(who: Who, body: Record<string, unknown>): Promise<{ id: number; identifier: string; [key: string]: unknown }>;
  close(): Promise<void>;
}

export const EXTRA_FIELDS = 'mykey:string,count:number,active:boolean,seen:datetime';

export async function startBench(env: Record<string, string> = {}): Promise<Bench> {
  const server = await startTestServer({ env: { LIGHTPATH_TARGET_EXTRA_FIELDS: EXTRA_FIELDS, ...env } });
  const alice = await makeUser(server.platform, 'alice');
  await makeUser(server.platform, 'bob');
  await makeUser(server.platform, 'sam', { staff: true });
  const bench: Bench = {
    server,
    alice: (await login(server.app, 'alice')).headers,
    bob: (await login(server.app, 'bob')).headers,
    sam: (await login(server.app, 'sam')).headers,
    anonymous: {},
    aliceReadToken: await bearer(server.platform, alice, 'read'),
    call: (who, method, url, payload) => server.app.inject({ method, url, headers: who, ...(payload === undefined ? {} : { payload: payload as never }) }),
    upload: (who, targetId, query, body) => server.app.inject({
      method: 'POST', url: `/rest/v1/targets/${targetId}/data-products?${new URLSearchParams(query)}`,
      headers: { ...who, 'content-type': 'application/octet-stream' }, payload: body,
    }),
    async target(who, body) {
      const response = await bench.call(who, 'POST', '/rest/v1/targets', { name: `Target ${String(body.identifier)}`, ra: 250.4235, dec: 36.4613, ...body });
      if (response.statusCode !== 201) throw new Error(`target not created: ${response.statusCode} ${response.body}`);
      return response.json();
    },
    close: () => server.close(),
  };
  return bench;
}

/** The files in the store, as keys. */
export async function storedKeys(bench: Bench): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of bench.server.platform.files.list('')) keys.push(key);
  return keys;
}
