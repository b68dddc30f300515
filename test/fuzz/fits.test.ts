// Fuzzing FITS data product uploads (POST /rest/v1/targets/{id}/data-products, a raw body): damaged
// header cards (sizes, types, missing END), damaged bytes and cut files, plain and tile-compressed.
import { after, before, describe, test } from 'node:test';
import { startBench, demoFrame, demoFrameNames, storedKeys } from '../tom/rest/rest-bench.ts';
import type { Bench } from '../tom/rest/rest-bench.ts';
import { fitsBytes } from '../support/fits-writer.ts';
import { answerOf, rowCounts, runFuzz, showBytes, reportFuzz } from './harness.ts';
import { mutateBytes } from './mutate.ts';
import type { Random } from './prng.ts';

const CARD = 80;
const HEADER_BLOCK = 2880;

/** Values a header card might hold that a reader must survive. */
const ODD_CARD_VALUES = [
  '0', '-1', '1', '3', '7', '999', '99999999999', '2147483648', '-32', '-64', '64', '8', '16', "'text'", "'", 'T', 'F', '', '1.5', '1E400', 'NaN',
  "'2019-13-45T99:99:99'", "'" + 'x'.repeat(68) + "'", '= 5', '\u0000', 'ÿ',
];
const KEYS = ['BITPIX', 'NAXIS', 'NAXIS1', 'NAXIS2', 'NAXIS3', 'EXTEND', 'XTENSION', 'PCOUNT', 'GCOUNT', 'ZIMAGE', 'ZBITPIX', 'ZNAXIS1', 'ZNAXIS2', 'ZTILE1', 'ZCMPTYPE', 'TFIELDS', 'NAXIS1', 'DATE-OBS', 'EXPTIME', 'END', 'SIMPLE', 'BSCALE', 'BZERO'];

/** One header card of the file (one of the first few blocks) rewritten: a key given an odd value, a card blanked, or END moved. */
function mutateCard(random: Random, file: Buffer): Buffer {
  const bytes = Buffer.from(file);
  const blocks = Math.min(Math.ceil(bytes.length / HEADER_BLOCK), 4);
  const card = random.int((blocks * HEADER_BLOCK) / CARD);
  const at = card * CARD;
  if (at + CARD > bytes.length) return bytes;
  const text = random.chance(0.15)
    ? random.pick(['END', ' '.repeat(CARD), 'CONTINUE  \'&\''])
    : `${random.pick(KEYS).padEnd(8)}= ${random.pick(ODD_CARD_VALUES).padStart(20)}`;
  bytes.write(text.padEnd(CARD).slice(0, CARD), at, 'latin1');
  return bytes;
}

describe('fuzz: FITS data product uploads', () => {
  let bench: Bench;
  let targetId: number;
  const seeds = [
    fitsBytes({ width: 10, height: 10, header: { 'DATE-OBS': '2019-08-01T01:02:03', EXPTIME: 30, FILTER: 'rp' } }),
    fitsBytes({ width: 12, height: 8, bitpix: 16, pixels: (x, y) => x * y }),
    fitsBytes({ width: 10, height: 10, extension: true, header: { 'DATE-OBS': '2019-08-01T01:02:03' } }),
    demoFrame(demoFrameNames()[0]),
  ];
  before(async () => {
    bench = await startBench();
    targetId = (await bench.target(bench.alice, { identifier: 'fits-fuzz' })).id;
  });
  after(() => bench.close());

  test('mutated files never get a 5xx, an odd error body, or a partial write (rows or stored files)', async (t) => {
    const stats = await runFuzz<{ fileName: string; body: Buffer }>({
      name: 'FITS upload',
      generate: (random, index) => {
        let body = random.pick(seeds);
        const rounds = 1 + random.int(3);
        for (let round = 0; round < rounds; round++) body = random.chance(0.6) ? mutateCard(random, body) : mutateBytes(random, body);
        // Unique names, so that a file that is accepted does not make the next one a name clash.
        const name = `f${index}${random.pick(['.fits', '.fits.fz', '.fit', '.fts'])}`;
        return { fileName: name, body };
      },
      send: async (input) => answerOf(await bench.upload(bench.alice, targetId, { file_name: input.fileName }, input.body)),
      counts: async () => ({ ...(await rowCounts(bench.server.platform.db)), stored_files: (await storedKeys(bench)).length }),
      show: (input) => `${input.fileName}: ${showBytes(input.body, 3000)}`,
    }, { seconds: 5 });
    reportFuzz(t, stats);
  });
});
