// The FITS viewer's REST routes (issue 10): a FITS data product's size, zscale range and header;
// the whole picture and any part of it as PNG, north up; pixel values with RA and Dec from the
// image's TAN WCS; refusals for regions outside the image, products that are not FITS, and
// targets the caller may not see.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fitsBytes } from '../../support/fits-writer.ts';
import { celestialWcs, readFirstImage, readFits } from '../../../src/tom/fits/index.ts';
import { demoFrame, demoFrameNames, startBench } from './rest-bench.ts';
import type { Bench } from './rest-bench.ts';

/** Width and height from a PNG's IHDR. */
function pngSize(body: Buffer): { width: number; height: number } {
  assert.equal(body.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

// 40 × 30, each pixel's value telling where it is in the file: x + 1000 y (file row 0 = bottom).
const WIDTH = 40;
const HEIGHT = 30;
const TAN = { CTYPE1: 'RA---TAN', CTYPE2: 'DEC--TAN', CRPIX1: 20.5, CRPIX2: 15.5, CRVAL1: 250.4235, CRVAL2: 36.4613, CD1_1: -0.0003, CD1_2: 0, CD2_1: 0, CD2_2: 0.0003 };

describe('the FITS viewer REST routes', () => {
  let b: Bench;
  let privateFrame: number;
  let publicFrame: number;
  let noWcsFrame: number;
  let csv: number;
  const get = (who: Record<string, string>, url: string) => b.call(who, 'GET', url);

  before(async () => {
    b = await startBench();
    const hidden = await b.target(b.alice, { identifier: 'hidden' });
    const shown = await b.target(b.alice, { identifier: 'shown', public: true });
    const upload = async (targetId: number, fileName: string, body: Buffer) => {
      const response = await b.upload(b.alice, targetId, { file_name: fileName }, body);
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id as number;
    };
    privateFrame = await upload(hidden.id, demoFrameNames()[0], demoFrame(demoFrameNames()[0]));
    publicFrame = await upload(shown.id, 'grid.fits', fitsBytes({ width: WIDTH, height: HEIGHT, pixels: (x, y) => x + 1000 * y, header: { ...TAN, 'DATE-OBS': '2019-08-01T03:04:05', FILTER: 'rp' } }));
    noWcsFrame = await upload(shown.id, 'plain.fits', fitsBytes({ width: 8, height: 4, pixels: (x) => x }));
    csv = await upload(shown.id, 'curve.csv', Buffer.from('2019-08-01T00:00:00+00:00,12.5,0.05\n'));
  });
  after(() => b.close());

  test('the image: size, display range, header, sky coordinates, and where its pictures are', async () => {
    const response = await get(b.anonymous, `/rest/v1/data-products/${publicFrame}/image`);
    assert.equal(response.statusCode, 200, response.body);
    const info = response.json();
    assert.equal(info.width, WIDTH);
    assert.equal(info.height, HEIGHT);
    assert.ok(info.z1 < info.z2, `${info.z1} < ${info.z2}`);
    assert.equal(info.wcs_problem, null);
    assert.equal(info.header['DATE-OBS'], '2019-08-01T03:04:05');
    assert.equal(info.header.FILTER, 'rp');
    assert.equal(info.picture_url, `/rest/v1/data-products/${publicFrame}/image.png`);
    assert.equal(info.region_url, `/rest/v1/data-products/${publicFrame}/image/region.png`);
    const plain = (await get(b.anonymous, `/rest/v1/data-products/${noWcsFrame}/image`)).json();
    assert.match(plain.wcs_problem, /CTYPE/);
  });

  test('pictures: the whole image and a part at full resolution, north up', async () => {
    const whole = await get(b.anonymous, `/rest/v1/data-products/${publicFrame}/image.png`);
    assert.equal(whole.statusCode, 200);
    assert.equal(whole.headers['content-type'], 'image/png');
    assert.deepEqual(pngSize(whole.rawPayload), { width: WIDTH, height: HEIGHT });
    const part = await get(b.anonymous, `/rest/v1/data-products/${publicFrame}/image/region.png?x=5&y=2&w=16&h=8`);
    assert.equal(part.statusCode, 200, part.body);
    assert.deepEqual(pngSize(part.rawPayload), { width: 16, height: 8 });
    const real = await get(b.alice, `/rest/v1/data-products/${privateFrame}/image.png`);
    assert.deepEqual(pngSize(real.rawPayload), { width: 128, height: 128 });
  });

  test('values and RA/Dec under a window, counted from the top-left of the picture', async () => {
    const response = await get(b.anonymous, `/rest/v1/data-products/${publicFrame}/image/values?x=3&y=0&w=2&h=2`);
    assert.equal(response.statusCode, 200, response.body);
    const window = response.json();
    // The picture's top row is the file's last row.
    assert.deepEqual(window.values, [3 + 1000 * 29, 4 + 1000 * 29, 3 + 1000 * 28, 4 + 1000 * 28]);
    const header = readFirstImage(readFits(fitsBytes({ width: WIDTH, height: HEIGHT, header: TAN }))).header;
    const expected = celestialWcs(header).pixelToSky(4, 30);
    assert.ok(Math.abs(window.ra[0] - expected.ra) < 1e-6 && Math.abs(window.dec[0] - expected.dec) < 1e-6, `${window.ra[0]}, ${window.dec[0]}`);

    const demo = (await get(b.alice, `/rest/v1/data-products/${privateFrame}/image/values?x=64&y=63&w=1&h=1`)).json();
    const image = readFirstImage(readFits(demoFrame(demoFrameNames()[0])));
    assert.equal(demo.values[0], image.data[64 * 128 + 64]);
    const sky = celestialWcs(image.header).pixelToSky(65, 65);
    assert.ok(Math.abs(demo.ra[0] - sky.ra) < 1e-6 && Math.abs(demo.dec[0] - sky.dec) < 1e-6);

    const plain = (await get(b.anonymous, `/rest/v1/data-products/${noWcsFrame}/image/values?x=0&y=0&w=8&h=1`)).json();
    assert.deepEqual(plain.values, [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.equal(plain.ra, null);
    assert.equal(plain.dec, null);
  });

  test('refusals: outside the image, too large, not FITS, not visible', async () => {
    const outside = await get(b.anonymous, `/rest/v1/data-products/${publicFrame}/image/region.png?x=30&y=0&w=16&h=8`);
    assert.equal(outside.statusCode, 400);
    assert.match(outside.json().detail, /40 × 30/);
    assert.ok(outside.json().fields.x);
    assert.equal((await get(b.anonymous, `/rest/v1/data-products/${publicFrame}/image/values?x=0&y=0&w=65&h=1`)).statusCode, 400);
    assert.equal((await get(b.anonymous, `/rest/v1/data-products/${publicFrame}/image/values?x=0&y=0&w=a&h=1`)).statusCode, 400);
    const notFits = await get(b.anonymous, `/rest/v1/data-products/${csv}/image`);
    assert.equal(notFits.statusCode, 404);
    assert.equal(notFits.json().detail, 'This data product is not a FITS image.');
    for (const url of ['image', 'image.png', 'image/region.png?x=0&y=0&w=1&h=1', 'image/values?x=0&y=0&w=1&h=1']) {
      assert.equal((await get(b.bob, `/rest/v1/data-products/${privateFrame}/${url}`)).statusCode, 404, url);
      assert.equal((await get(b.anonymous, `/rest/v1/data-products/${privateFrame}/${url}`)).statusCode, 404, url);
    }
    assert.equal((await get(b.sam, `/rest/v1/data-products/${privateFrame}/image`)).statusCode, 200, 'staff see everything');
  });
});
