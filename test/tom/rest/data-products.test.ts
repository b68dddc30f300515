// Data products through the REST API: streamed uploads checked against what they claim to be,
// served under /data/ with their target's access rules, listed, read and deleted; and refused
// uploads leave neither a row nor a file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fitsBytes } from '../../support/fits-writer.ts';
import { demoFrame, demoFrameNames, startBench, storedKeys } from './rest-bench.ts';
import type { Bench } from './rest-bench.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);

describe('REST data products', () => {
  let b: Bench;
  let privateTarget: { id: number; identifier: string };
  let publicTarget: { id: number; identifier: string };
  const products = async (targetId: number) => (await b.server.platform.db.selectFrom('data_products').selectAll().where('target_id', '=', targetId).execute());

  before(async () => {
    b = await startBench();
    privateTarget = await b.target(b.alice, { identifier: 'm13' });
    publicTarget = await b.target(b.alice, { identifier: 'm57', public: true });
  });
  after(() => b.close());

  test('a real FITS frame is uploaded, described, and served byte for byte under /data/ to its owner only', async () => {
    const name = demoFrameNames()[0];
    const frame = demoFrame(name);
    const response = await b.upload(b.alice, privateTarget.id, { file_name: name, facility: 'LCO' }, frame);
    assert.equal(response.statusCode, 201, response.body);
    const product = response.json();
    assert.equal(product.file_name, name);
    assert.equal(product.facility, 'LCO');
    assert.equal(product.data_product_type, 'fits_file', 'guessed from the name');
    assert.equal(product.size, frame.length);
    assert.equal(product.url, `/data/m13/LCO/${name}`);
    assert.equal(product.target_id, privateTarget.id);

    const served = await b.call(b.alice, 'GET', product.url);
    assert.equal(served.statusCode, 200);
    assert.ok(served.rawPayload.equals(frame), 'the same bytes come back');
    for (const who of [b.bob, b.anonymous]) {
      assert.equal((await b.call(who, 'GET', product.url)).statusCode, 404, '/data/ of a private target is hidden from others');
      assert.equal((await b.call(who, 'GET', `/rest/v1/data-products/${product.id}`)).statusCode, 404);
      assert.equal((await b.call(who, 'GET', `/rest/v1/targets/${privateTarget.id}/data-products`)).statusCode, 404);
    }
    assert.equal((await b.call(b.sam, 'GET', product.url)).statusCode, 200, 'staff see everything');
    const read = await b.call(b.alice, 'GET', `/rest/v1/data-products/${product.id}`);
    assert.deepEqual(read.json(), product);
  });

  test('public targets\' products are readable by anyone, and only the owner or staff upload to them', async () => {
    const csv = Buffer.from('2019-08-01T00:00:00+00:00,12.5,0.05\n2019-08-02T00:00:00+00:00,12.6,0.04\n');
    const upload = await b.upload(b.alice, publicTarget.id, { file_name: 'curve.csv', data_product_type: 'photometry' }, csv);
    assert.equal(upload.statusCode, 201, upload.body);
    const served = await b.call(b.anonymous, 'GET', upload.json().url);
    assert.equal(served.statusCode, 200);
    assert.equal(served.body, csv.toString());
    const listed = (await b.call(b.anonymous, 'GET', `/rest/v1/targets/${publicTarget.id}/data-products?data_product_type=photometry`)).json();
    assert.equal(listed.count, 1);
    assert.equal(listed.results[0].file_name, 'curve.csv');

    const bobs = await b.upload(b.bob, publicTarget.id, { file_name: 'bob.csv' }, csv);
    assert.equal(bobs.statusCode, 403, 'visible but not his');
    const hidden = await b.upload(b.bob, privateTarget.id, { file_name: 'bob.csv' }, csv);
    assert.equal(hidden.statusCode, 404, 'not even visible');
    assert.equal((await b.upload(b.anonymous, publicTarget.id, { file_name: 'anon.csv' }, csv)).statusCode, 401);
    const staff = await b.upload(b.sam, publicTarget.id, { file_name: 'staff.csv' }, csv);
    assert.equal(staff.statusCode, 201);
    assert.deepEqual((await products(publicTarget.id)).map((p) => p.file_key).sort(), ['m57/none/curve.csv', 'm57/none/staff.csv']);
  });

  test('a read-only token cannot upload (403) and nothing is stored', async () => {
    const before = await storedKeys(b);
    const response = await b.upload(b.aliceReadToken, privateTarget.id, { file_name: 'token.fits' }, fitsBytes({ width: 4, height: 4 }));
    assert.equal(response.statusCode, 403);
    assert.match(response.json().detail, /read-only/);
    assert.deepEqual(await storedKeys(b), before);
    const cookieWithoutCsrf = { cookie: b.alice.cookie };
    assert.equal((await b.upload(cookieWithoutCsrf, privateTarget.id, { file_name: 'csrf.fits' }, fitsBytes({ width: 4, height: 4 }))).statusCode, 403);
  });

  test('a file claiming to be FITS that is not is refused with 400, leaving no row and no file', async () => {
    const keysBefore = await storedKeys(b);
    const rowsBefore = (await products(privateTarget.id)).length;
    for (const [fileName, type, body] of [
      ['fake.fits', undefined, Buffer.from('this is not FITS at all, just words\n'.repeat(200))],
      ['fake.dat', 'fits_file', PNG],
      ['tiny.fits', undefined, Buffer.from('SIMPLE  =')],
    ] as const) {
      const response = await b.upload(b.alice, privateTarget.id, { file_name: fileName, ...(type ? { data_product_type: type } : {}) }, body);
      assert.equal(response.statusCode, 400, `${fileName}: ${response.body}`);
      assert.match(response.json().detail, new RegExp(`^"${fileName.replace('.', '\\.')}" is not a valid FITS file`));
    }
    assert.deepEqual(await storedKeys(b), keysBefore, 'no file left behind (not even a partial one)');
    assert.equal((await products(privateTarget.id)).length, rowsBefore, 'no row');
  });

  test('a corrupt (truncated) FITS file is refused, naming the file and what is wrong', async () => {
    const name = demoFrameNames()[1];
    const frame = demoFrame(name);
    const truncated = await b.upload(b.alice, privateTarget.id, { file_name: name }, frame.subarray(0, frame.length - 5000));
    assert.equal(truncated.statusCode, 400);
    assert.match(truncated.json().detail, new RegExp(`^"${name.replace(/\./g, '\\.')}" is not a valid compressed FITS file: truncated data in HDU 1`));

    const plain = fitsBytes({ width: 40, height: 40 });
    const cut = await b.upload(b.alice, privateTarget.id, { file_name: 'cut.fits' }, plain.subarray(0, 2880 + 100));
    assert.equal(cut.statusCode, 400);
    assert.match(cut.json().detail, /"cut\.fits" .*truncated data in HDU 0 \(expected 6400 bytes, found 100\)/);

    const headerOnly = fitsBytes({ width: 4, height: 4 }).subarray(0, 1000);
    const noEnd = await b.upload(b.alice, privateTarget.id, { file_name: 'noend.fits' }, headerOnly);
    assert.equal(noEnd.statusCode, 400);
    assert.match(noEnd.json().detail, /"noend\.fits" is not a valid FITS file/);

    // A plain FITS image named .fz is not what it says: no compressed image inside.
    const notCompressed = await b.upload(b.alice, privateTarget.id, { file_name: 'plain.fits.fz' }, fitsBytes({ width: 4, height: 4 }));
    assert.equal(notCompressed.statusCode, 400);
    assert.match(notCompressed.json().detail, /no tile-compressed image/);

    const bitpix = Buffer.from(fitsBytes({ width: 4, height: 4 }));
    bitpix.write('BITPIX  =                   17', 80, 'latin1');
    const badHeader = await b.upload(b.alice, privateTarget.id, { file_name: 'bitpix.fits' }, bitpix);
    assert.equal(badHeader.statusCode, 400);
    assert.match(badHeader.json().detail, /"bitpix\.fits" is not a valid FITS file: bad BITPIX 17/);
    const names = [name, 'cut.fits', 'noend.fits', 'plain.fits.fz', 'bitpix.fits'];
    assert.deepEqual((await products(privateTarget.id)).filter((p) => names.some((n) => p.file_key === `m13/none/${n}`)), [], 'no rows');
    assert.ok(!(await storedKeys(b)).some((k) => k.startsWith('m13/none/')), 'nothing stored for any of them');
  });

  test('plain and extension FITS files pass; images must carry the signature their name claims; CSV must be text', async () => {
    const ok = await b.upload(b.alice, privateTarget.id, { file_name: 'ext.fits' }, fitsBytes({ width: 8, height: 8, extension: true }));
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal((await b.upload(b.alice, privateTarget.id, { file_name: 'pic.png' }, PNG)).statusCode, 201);
    const anyImage = await b.upload(b.alice, privateTarget.id, { file_name: 'pic-any', data_product_type: 'image_file' }, JPEG);
    assert.equal(anyImage.statusCode, 201, 'image_file without an extension takes any of the four formats');

    const wrongMagic = await b.upload(b.alice, privateTarget.id, { file_name: 'photo.png' }, JPEG);
    assert.equal(wrongMagic.statusCode, 400);
    assert.equal(wrongMagic.json().detail, '"photo.png" is not a valid PNG image: its bytes are a JPEG image.');
    const noMagic = await b.upload(b.alice, privateTarget.id, { file_name: 'photo.jpg' }, Buffer.from('GIF? no, just text'));
    assert.equal(noMagic.statusCode, 400);
    assert.match(noMagic.json().detail, /"photo\.jpg" is not a valid JPEG image/);
    const contradiction = await b.upload(b.alice, privateTarget.id, { file_name: 'frame.fits', data_product_type: 'image_file' }, PNG);
    assert.equal(contradiction.statusCode, 400);
    assert.match(contradiction.json().detail, /does not fit the file name/);

    const binaryCsv = await b.upload(b.alice, privateTarget.id, { file_name: 'data.csv' }, Buffer.from([0x31, 0x2c, 0x00, 0x32]));
    assert.equal(binaryCsv.statusCode, 400);
    assert.match(binaryCsv.json().detail, /"data\.csv" is not a valid CSV file: it has a NUL byte/);
    const latin1Csv = await b.upload(b.alice, privateTarget.id, { file_name: 'latin.csv' }, Buffer.from('caf\xe9,1\n', 'latin1'));
    assert.equal(latin1Csv.statusCode, 400);
    assert.match(latin1Csv.json().detail, /not valid UTF-8/);
    const empty = await b.upload(b.alice, privateTarget.id, { file_name: 'empty.txt' }, Buffer.alloc(0));
    assert.equal(empty.statusCode, 400);
    assert.equal((await b.upload(b.alice, privateTarget.id, { file_name: 'notes.txt' }, Buffer.from([0, 1, 2]))).statusCode, 201, 'other files are not checked');
    const keys = await storedKeys(b);
    for (const refused of ['photo.png', 'photo.jpg', 'frame.fits', 'data.csv', 'latin.csv', 'empty.txt']) assert.ok(!keys.includes(`m13/none/${refused}`), refused);
  });

  test('bad names, types and facilities are 400; a duplicate file name is 409; a JSON body is 415', async () => {
    const frame = fitsBytes({ width: 4, height: 4 });
    assert.equal((await b.upload(b.alice, privateTarget.id, { file_name: 'twice.fits' }, frame)).statusCode, 201);
    const again = await b.upload(b.alice, privateTarget.id, { file_name: 'twice.fits' }, fitsBytes({ width: 5, height: 5 }));
    assert.equal(again.statusCode, 409);
    const served = await b.call(b.alice, 'GET', '/data/m13/none/twice.fits');
    assert.ok(served.rawPayload.equals(frame), 'the first file is untouched');
    const elsewhere = await b.upload(b.alice, publicTarget.id, { file_name: 'twice.fits' }, frame);
    assert.equal(elsewhere.statusCode, 201, 'another target may have a file of the same name');

    const badQueries: Array<Record<string, string>> = [{ file_name: '../escape.fits' }, { file_name: '.hidden' }, { file_name: 'a.fits', data_product_type: 'video' }, { file_name: 'a.fits', facility: 'a/b' }, { file_name: 'a.fits', colour: 'red' }];
    for (const query of badQueries) {
      const response = await b.upload(b.alice, privateTarget.id, query, frame);
      assert.equal(response.statusCode, 400, JSON.stringify(query));
      assert.equal(typeof response.json().detail, 'string');
    }
    const json = await b.call(b.alice, 'POST', `/rest/v1/targets/${privateTarget.id}/data-products?file_name=j.fits`, { not: 'a file' });
    assert.equal(json.statusCode, 415);
    assert.ok(!(await storedKeys(b)).some((k) => k.includes('escape') || k.endsWith('/a.fits') || k.endsWith('j.fits')));
  });

  test('an upload joins its group; products are deleted by owner or staff only, with their file', async () => {
    const response = await b.upload(b.alice, publicTarget.id, { file_name: 'grouped.fits', group: 'night 1' }, fitsBytes({ width: 4, height: 4 }));
    assert.equal(response.statusCode, 201, response.body);
    const product = response.json();
    assert.deepEqual(product.groups.map((g: { name: string }) => g.name), ['night 1']);
    assert.equal((await b.call(b.bob, 'DELETE', `/rest/v1/data-products/${product.id}`)).statusCode, 403);
    assert.equal((await b.call(b.anonymous, 'DELETE', `/rest/v1/data-products/${product.id}`)).statusCode, 401);
    assert.equal((await b.call(b.alice, 'DELETE', `/rest/v1/data-products/${product.id}`)).statusCode, 204);
    assert.equal((await b.call(b.alice, 'GET', `/rest/v1/data-products/${product.id}`)).statusCode, 404);
    assert.equal((await b.call(b.alice, 'GET', product.url)).statusCode, 404);
    assert.ok(!(await storedKeys(b)).includes('m57/none/grouped.fits'));
  });
});
