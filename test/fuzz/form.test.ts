// Fuzzing form bodies (application/x-www-form-urlencoded): a login (rarely: hashing a password is slow
// on purpose), a REST write, MxDC's key registration (read raw by the MxLIVE v2 routes) and the Data
// Proxy's key creation (a form, as MxLIVE posts it).
import { after, before, describe, test } from 'node:test';
import { DEMO_FACILITY, startFacility } from '../lims/facility.ts';
import type { Facility } from '../lims/facility.ts';
import { login, makeUser } from '../helpers/accounts.ts';
import { MxdcSigner } from '../support/mxdc/signer.ts';
import { answerOf, rowCounts, runFuzz, showBytes, reportFuzz } from './harness.ts';
import { INVALID_UTF8, mutateBytes, mutateValue } from './mutate.ts';
import type { Random } from './prng.ts';

const FORM_CHUNKS = [
  ...INVALID_UTF8, Buffer.from('%'), Buffer.from('%zz'), Buffer.from('%FF'), Buffer.from('%C3'), Buffer.from('%ED%A0%80'), Buffer.from('%00'),
  Buffer.from([0]), Buffer.from('&'), Buffer.from('='), Buffer.from('+'), Buffer.from('&&=&=='), Buffer.from('a=1&'.repeat(2000)),
  Buffer.from('x'.repeat(70_000)), Buffer.from('%E2%82%AC'), Buffer.from('path[]=1&path[]=2'), Buffer.from('__proto__=x&constructor=y'),
];

interface FormCase {
  url: string;
  headers?: Record<string, string>;
  body: Buffer;
}

/** A form of the seed's fields with mutated values (repeated keys for lists), sometimes damaged byte by byte. */
function mutateForm(random: Random, seed: Record<string, string>): Buffer {
  const encoded = Buffer.from(new URLSearchParams(seed).toString());
  if (random.chance(0.4)) return mutateBytes(random, encoded, FORM_CHUNKS);
  const fields = mutateValue(random, seed) as unknown;
  const params = new URLSearchParams();
  if (fields !== null && typeof fields === 'object') {
    for (const [key, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, typeof item === 'string' ? item : JSON.stringify(item) ?? '');
    }
  }
  const text = Buffer.from(params.toString());
  return random.chance(0.3) ? mutateBytes(random, text, FORM_CHUNKS) : text;
}

describe('fuzz: form bodies', () => {
  let facility: Facility;
  let signer: MxdcSigner;
  let seeds: Array<{ url: () => string; seed: Record<string, string>; headers?: Record<string, string>; weight: number }>;
  before(async () => {
    facility = await startFacility();
    await facility.load(DEMO_FACILITY);
    await makeUser(facility.server.platform, 'fz');
    signer = new MxdcSigner();
    const directory = facility.directory('demo/form');
    const { headers } = await login(facility.server.app, 'fz');
    seeds = [
      { url: () => '/rest/v1/auth/login', seed: { username: 'fz', password: 'fz-password' }, weight: 1 },
      { url: () => '/rest/v1/tokens', seed: { name: 'form-token', scope: 'read' }, headers, weight: 6 },
      { url: () => `/api/v2/${signer.token('demo')}/project/`, seed: { public: signer.publicKeyText }, weight: 6 },
      { url: () => '/download/data/create/', seed: { path: directory }, weight: 6 },
    ];
  });
  after(() => facility.close());

  test('mutated forms never get a 5xx, an odd error body, or a partial write', async (t) => {
    const stats = await runFuzz<FormCase>({
      name: 'form',
      generate: (random) => {
        const chosen = random.pick(seeds.flatMap((seed) => Array(seed.weight).fill(seed) as typeof seeds));
        return { url: chosen.url(), headers: chosen.headers, body: mutateForm(random, chosen.seed) };
      },
      send: async (input) => answerOf(await facility.server.app.inject({
        method: 'POST', url: input.url, headers: { ...input.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: input.body,
      })),
      counts: () => rowCounts(facility.server.platform.db),
      show: (input) => `POST ${input.url} ${showBytes(input.body)}`,
    }, { seconds: 4 });
    reportFuzz(t, stats);
  });
});
