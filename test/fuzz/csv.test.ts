// Fuzzing the beamline sample CSV import (POST /rest/v1/containers/{id}/samples/import, text/csv):
// damaged bytes, odd cells, many rows and columns, quotes and line ends of every kind.
import { after, before, describe, test } from 'node:test';
import { startWorld } from '../lims/rest/world.ts';
import type { World } from '../lims/rest/world.ts';
import { answerOf, rowCounts, runFuzz, showBytes, reportFuzz } from './harness.ts';
import { INVALID_UTF8, mutateBytes } from './mutate.ts';
import type { Random } from './prng.ts';

const CSV_CHUNKS = [
  ...INVALID_UTF8, Buffer.from([0]), Buffer.from('"'), Buffer.from('""'), Buffer.from(','), Buffer.from(',,,,,,,,'), Buffer.from('\r'), Buffer.from('\n'),
  Buffer.from('\r\n'), Buffer.from('\n\n\n'), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('"a\nb"'), Buffer.from('=cmd|\' /C calc\'!A0'),
  Buffer.from('x'.repeat(200_000)), Buffer.from('9'.repeat(40)), Buffer.from('-1'), Buffer.from('1e9'), Buffer.from('😀'), Buffer.from('\t'),
];

const HEADER = 'name,location,group,barcode,comments,priority';
const SEED = `${HEADER}\nfz-1,1,lyso,BC1,fine,1\nfz-2,2,,,"a, ""quoted"" comment",\nfz-3,3,lyso,,"two\nlines",5\n`;

/** Whole-row damage: rows repeated many times, extra or missing columns, a header alone, cells swapped. */
function mutateRows(random: Random, text: string): string {
  const lines = text.split('\n');
  const at = 1 + random.int(Math.max(lines.length - 1, 1));
  switch (random.int(5)) {
    case 0:
      return [...lines.slice(0, at), ...Array(random.pick([2, 50, 2000])).fill(lines[at] ?? 'x,1'), ...lines.slice(at + 1)].join('\n');
    case 1:
      return lines.map((line) => (random.chance(0.5) ? `${line},extra` : line.split(',').slice(0, -1).join(','))).join('\n');
    case 2:
      return lines[0];
    case 3:
      return lines.map((line) => line.split(',').reverse().join(',')).join('\n');
    default:
      return [lines[0].toUpperCase(), ...lines.slice(1).map((line) => line.replace(/^[^,]*/, random.pick(['', ' ', 'a b', 'x'.repeat(300), 'n\u0000', 'é'])))].join('\n');
  }
}

describe('fuzz: sample CSV import', () => {
  let world: World;
  let pucks: number[];
  before(async () => {
    world = await startWorld();
    const shipment = (await world.ok('alice', 'POST', '/shipments', { name: 'CsvFuzz' })).id;
    await world.ok('alice', 'POST', '/groups', { shipment_id: shipment, name: 'lyso' });
    pucks = [];
    for (const name of ['CF-1', 'CF-2', 'CF-3']) pucks.push((await world.ok('alice', 'POST', '/containers', { shipment_id: shipment, name, type: 'Uni-Puck' })).id);
  });
  after(() => world.close());

  test('mutated files never get a 5xx, an odd error body, or a partial write', async (t) => {
    const stats = await runFuzz<{ puck: number; contentType: string; body: Buffer }>({
      name: 'CSV import',
      generate: (random) => {
        const text = random.chance(0.3) ? mutateRows(random, SEED) : SEED;
        const body = random.chance(0.8) ? mutateBytes(random, Buffer.from(text), CSV_CHUNKS) : Buffer.from(text);
        const contentType = random.pick(['text/csv', 'text/csv; charset=utf-8', 'text/csv; charset=latin1', 'text/csv;header=present']);
        return { puck: random.pick(pucks), contentType, body };
      },
      send: async (input) => {
        const answer = answerOf(await world.server.app.inject({
          method: 'POST', url: `/rest/v1/containers/${input.puck}/samples/import`,
          headers: { ...world.logins.alice.headers, 'content-type': input.contentType }, payload: input.body,
        }));
        // Emptied after an import, so that later files can be imported too (and a failure part-way could show).
        if (answer.status === 201) await world.server.platform.db.deleteFrom('samples').where('container_id', '=', input.puck).execute();
        return answer;
      },
      counts: () => rowCounts(world.server.platform.db),
      show: (input) => `container ${input.puck}, ${input.contentType}: ${showBytes(input.body)}`,
      // The import names each bad row: {"detail", "rows": [{"row", "errors"}]}.
      extraErrorKeys: ['rows'],
    }, { seconds: 4 });
    reportFuzz(t, stats);
  });
});
