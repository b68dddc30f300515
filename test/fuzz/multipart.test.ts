// Fuzzing multipart/form-data uploads: the sample CSV import (which takes one file field), and the
// other upload routes, which must refuse a form clearly (a FITS data product, MxDC's AddData).
import { after, before, describe, test } from 'node:test';
import { startWorld } from '../lims/rest/world.ts';
import type { World } from '../lims/rest/world.ts';
import { makeUser, login } from '../helpers/accounts.ts';
import { createTarget } from '../../src/tom/targets.ts';
import { fitsBytes } from '../support/fits-writer.ts';
import { answerOf, rowCounts, runFuzz, showBytes, reportFuzz } from './harness.ts';
import { INVALID_UTF8, mutateBytes } from './mutate.ts';
import type { Random } from './prng.ts';

const BOUNDARY = '----lightpathFuzz7MA4YWxkTrZu0gW';

function form(parts: Array<{ headers: string; body: Buffer }>, boundary = BOUNDARY): Buffer {
  return Buffer.concat([
    ...parts.flatMap((part) => [Buffer.from(`--${boundary}\r\n${part.headers}\r\n\r\n`), part.body, Buffer.from('\r\n')]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}

const CSV = Buffer.from('name,location,group,comments\nmp-1,1,lyso,"fine"\nmp-2,2,,\n');
const FILE_HEADERS = 'Content-Disposition: form-data; name="file"; filename="samples.csv"\r\nContent-Type: text/csv';

const MULTIPART_CHUNKS = [
  ...INVALID_UTF8, Buffer.from([0]), Buffer.from('\r\n'), Buffer.from('\n'), Buffer.from(`--${BOUNDARY}`), Buffer.from(`\r\n--${BOUNDARY}\r\n`),
  Buffer.from(`\r\n--${BOUNDARY}--`), Buffer.from('--'), Buffer.from('Content-Disposition: form-data; name="file"; filename="a\u0000.csv"\r\n'),
  Buffer.from('Content-Disposition: attachment\r\n'), Buffer.from('filename*=UTF-8\'\'%E9.csv; '), Buffer.from('name="\\"'), Buffer.from('X-Pad: ' + 'p'.repeat(10_000) + '\r\n'),
  Buffer.from('\r\n\r\n'), Buffer.from('x'.repeat(70_000)), Buffer.from(form([{ headers: 'Content-Disposition: form-data; name="other"', body: Buffer.from('v') }])),
];

const CONTENT_TYPES = [
  `multipart/form-data; boundary=${BOUNDARY}`, `multipart/form-data; boundary="${BOUNDARY}"`, `multipart/form-data; charset=utf-8; boundary=${BOUNDARY}`,
  'multipart/form-data', 'multipart/form-data; boundary=', `multipart/form-data; boundary=${'b'.repeat(71)}`, 'multipart/form-data; boundary=other',
  `multipart/mixed; boundary=${BOUNDARY}`, `Multipart/Form-Data; BOUNDARY=${BOUNDARY}`,
];

function mutateForm(random: Random, seed: Buffer): { contentType: string; body: Buffer } {
  const contentType = random.chance(0.8) ? CONTENT_TYPES[random.int(3)] : random.pick(CONTENT_TYPES);
  return { contentType, body: random.chance(0.85) ? mutateBytes(random, seed, MULTIPART_CHUNKS) : seed };
}

describe('fuzz: multipart uploads', () => {
  let world: World;
  let routes: Array<{ url: string; headers: Record<string, string>; seed: Buffer; weight: number; puck?: number }>;
  before(async () => {
    world = await startWorld();
    const shipment = (await world.ok('alice', 'POST', '/shipments', { name: 'MpFuzz' })).id;
    await world.ok('alice', 'POST', '/groups', { shipment_id: shipment, name: 'lyso' });
    const pucks: number[] = [];
    for (const name of ['MP-1', 'MP-2', 'MP-3']) pucks.push((await world.ok('alice', 'POST', '/containers', { shipment_id: shipment, name, type: 'Uni-Puck' })).id);
    const owner = await makeUser(world.server.platform, 'olga');
    const target = await createTarget(world.server.platform.db, { identifier: 'mp', name: 'mp', name2: '', name3: '', kind: 'sidereal', ra: 1, dec: 2, is_public: false, owner_id: owner.id }, {});
    const olga = (await login(world.server.app, 'olga')).headers;
    const fits = fitsBytes({ width: 8, height: 8 });
    routes = [
      ...pucks.map((puck) => ({ url: `/rest/v1/containers/${puck}/samples/import`, headers: world.logins.alice.headers, seed: form([{ headers: FILE_HEADERS, body: CSV }]), weight: 3, puck })),
      {
        url: `/rest/v1/targets/${target.id}/data-products?file_name=mp.fits`, headers: olga, weight: 1,
        seed: form([{ headers: 'Content-Disposition: form-data; name="file"; filename="mp.fits"\r\nContent-Type: application/fits', body: fits }]),
      },
    ];
  });
  after(() => world.close());

  test('mutated forms never get a 5xx, an odd error body, or a partial write', async (t) => {
    const stats = await runFuzz<{ url: string; headers: Record<string, string>; puck?: number; contentType: string; body: Buffer }>({
      name: 'multipart',
      generate: (random) => {
        const route = random.pick(routes.flatMap((r) => Array(r.weight).fill(r) as typeof routes));
        return { url: route.url, headers: route.headers, puck: route.puck, ...mutateForm(random, route.seed) };
      },
      send: async (input) => {
        const answer = answerOf(await world.server.app.inject({
          method: 'POST', url: input.url, headers: { ...input.headers, 'content-type': input.contentType }, payload: input.body,
        }));
        // Emptied after an import, so that later forms can be imported too.
        if (answer.status === 201 && input.puck) await world.server.platform.db.deleteFrom('samples').where('container_id', '=', input.puck).execute();
        return answer;
      },
      counts: () => rowCounts(world.server.platform.db),
      show: (input) => `POST ${input.url} (${input.contentType}) ${showBytes(input.body)}`,
      // The CSV import names each bad row: {"detail", "rows": [{"row", "errors"}]}.
      extraErrorKeys: ['rows'],
    }, { seconds: 4 });
    reportFuzz(t, stats);
  });
});
