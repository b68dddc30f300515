// Thumbnails of FITS data products: made by a queue job after the product arrives (upload, load
// file), served as a PNG of the expected size with the target's visibility, listed as the
// product's thumbnail_url, removed with their product or target; a file that does not render gets
// no thumbnail, a note on the product, and breaks nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fitsBytes } from '../support/fits-writer.ts';
import { waitFor } from '../helpers/wait.ts';
import { demoFrame, demoFrameNames, startBench, storedKeys } from './rest/rest-bench.ts';
import type { Bench } from './rest/rest-bench.ts';
import { readFits, readFirstImage } from '../../src/tom/fits/index.ts';
import { saveDataProduct } from '../../src/tom/data-products.ts';
import { loadFile } from '../../src/loader/load-file.ts';
import { loadSections } from '../../src/modules.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature and the chunk's length and type). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.ok(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('FITS thumbnails', () => {
  let b: Bench;
  let target: { id: number; identifier: string };

  const product = async (id: number) => (await b.call(b.alice, 'GET', `/rest/v1/data-products/${id}`)).json();
  const thumbnailOf = (id: number) => waitFor(`the thumbnail of product ${id}`, async () => (await product(id)).thumbnail_url as string | null);

  before(async () => {
    b = await startBench();
    await b.server.platform.jobs.startWorking();
    target = await b.target(b.alice, { identifier: 'thumbs' });
  });
  after(() => b.close());

  test('an uploaded frame gets a PNG thumbnail of its shape, at most 256 pixels, seen only by who may see the frame', async () => {
    const name = demoFrameNames()[0];
    const upload = await b.upload(b.alice, target.id, { file_name: name }, demoFrame(name));
    assert.equal(upload.statusCode, 201, upload.body);
    const created = upload.json();
    assert.equal(created.thumbnail_url, null, 'not made yet when the upload is answered');

    const url = await thumbnailOf(created.id);
    assert.equal(url, `/rest/v1/data-products/${created.id}/thumbnail`);
    const served = await b.call(b.alice, 'GET', url);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png');
    const image = readFirstImage(readFits(demoFrame(name)));
    const scale = Math.min(1, 256 / Math.max(image.width, image.height));
    assert.deepEqual(pngSize(served.rawPayload), { width: Math.round(image.width * scale), height: Math.round(image.height * scale) });

    assert.equal((await b.call(b.bob, 'GET', url)).statusCode, 404, 'a private target\'s thumbnail is hidden from others');
    assert.equal((await b.call(b.anonymous, 'GET', url)).statusCode, 404);
    assert.equal((await b.call(b.sam, 'GET', url)).statusCode, 200, 'staff see it');
    const listed = (await b.call(b.alice, 'GET', `/rest/v1/targets/${target.id}/data-products`)).json();
    assert.equal(listed.results.find((p: { id: number }) => p.id === created.id).thumbnail_url, url);
  });

  test('a small or wide frame is never enlarged and keeps its aspect ratio; other files get none', async () => {
    const wide = await b.upload(b.alice, target.id, { file_name: 'wide.fits' }, fitsBytes({ width: 600, height: 100, pixels: (x, y) => x + y }));
    const small = await b.upload(b.alice, target.id, { file_name: 'small.fits' }, fitsBytes({ width: 40, height: 30, pixels: (x) => x }));
    const csv = await b.upload(b.alice, target.id, { file_name: 'curve.csv' }, Buffer.from('a,b\n1,2\n'));
    for (const [response, size] of [[wide, { width: 256, height: 43 }], [small, { width: 40, height: 30 }]] as const) {
      assert.equal(response.statusCode, 201, response.body);
      const served = await b.call(b.alice, 'GET', await thumbnailOf(response.json().id));
      assert.deepEqual(pngSize(served.rawPayload), size);
    }
    assert.equal(csv.statusCode, 201, csv.body);
    assert.equal((await product(csv.json().id)).thumbnail_url, null);
    assert.equal((await b.call(b.alice, 'GET', `/rest/v1/data-products/${csv.json().id}/thumbnail`)).statusCode, 404);
  });

  test('deleting a product or its target deletes its thumbnail', async () => {
    const other = await b.target(b.alice, { identifier: 'thumbs-gone' });
    const [first, second] = demoFrameNames();
    const ids: number[] = [];
    for (const name of [first, second]) {
      const upload = await b.upload(b.alice, other.id, { file_name: name }, demoFrame(name));
      ids.push(upload.json().id);
      await thumbnailOf(upload.json().id);
    }
    const keys = (id: number) => `_thumbnails/${id}.png`;
    assert.ok((await storedKeys(b)).includes(keys(ids[0])));
    assert.equal((await b.call(b.alice, 'DELETE', `/rest/v1/data-products/${ids[0]}`)).statusCode, 204);
    assert.ok(!(await storedKeys(b)).includes(keys(ids[0])), 'gone with its product');
    assert.equal((await b.call(b.alice, 'GET', `/rest/v1/data-products/${ids[0]}/thumbnail`)).statusCode, 404);
    assert.ok((await storedKeys(b)).includes(keys(ids[1])));
    assert.equal((await b.call(b.alice, 'DELETE', `/rest/v1/targets/${other.id}`)).statusCode, 204);
    assert.ok(!(await storedKeys(b)).includes(keys(ids[1])), 'gone with its target');
  });

  test('a stored file that is not a FITS image gets no thumbnail, a note why, and the server carries on', async () => {
    const { db, files, jobs } = b.server.platform;
    // Frames fetched from an archive are stored unchecked: the job meets the bad file, not the upload check.
    const junk = await saveDataProduct(db, files, {
      targetId: target.id, targetIdentifier: target.identifier, facility: 'LCO', fileName: 'junk-e91.fits.fz', dataProductType: 'fits_file',
      enqueue: jobs.enqueue.bind(jobs),
    }, Readable.from([Buffer.from('not a FITS file at all')]));
    const noted = await waitFor('the note on the junk frame', async () => (await db.selectFrom('data_products').select('thumbnail_error')
      .where('id', '=', junk.id).executeTakeFirstOrThrow()).thumbnail_error);
    assert.match(noted, /junk-e91\.fits\.fz/);
    assert.equal((await product(junk.id)).thumbnail_url, null);
    const job = (await db.selectFrom('jobs').select(['state', 'attempts', 'payload']).where('type', '=', 'product-thumbnail').execute())
      .find((row) => JSON.parse(row.payload).productId === junk.id);
    assert.deepEqual({ state: job?.state, attempts: job?.attempts }, { state: 'succeeded', attempts: 1 }, 'not retried');
    assert.equal((await b.call(b.anonymous, 'GET', '/healthz')).statusCode, 200);
    // A good frame after the bad one still gets its thumbnail.
    const name = demoFrameNames()[2];
    await thumbnailOf((await b.upload(b.alice, target.id, { file_name: name }, demoFrame(name))).json().id);
  });

  test('frames of a load file get their thumbnails', async () => {
    await loadFile(b.server.platform, path.join(root, 'examples', 'demo-observatory.yaml'), loadSections);
    const m13 = (await b.call(b.sam, 'GET', '/rest/v1/targets?identifier=m13')).json().results[0];
    const frames = await waitFor('thumbnails of all of m13\'s frames', async () => {
      const listed = (await b.call(b.sam, 'GET', `/rest/v1/targets/${m13.id}/data-products?data_product_type=fits_file`)).json();
      return listed.count > 0 && listed.results.every((p: { thumbnail_url: string | null }) => p.thumbnail_url) ? listed : null;
    }, 60000);
    assert.equal(frames.count, 12);
  });
});
