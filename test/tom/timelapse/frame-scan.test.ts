import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { readFirstImage, readFitsFile } from '../../../src/tom/fits/index.ts';
import { scanFrame, TimelapseError } from '../../../src/tom/timelapse/index.ts';
import { fitsBytes, imageExtensionBytes } from '../../support/fits-writer.ts';
import { fitsFile, scratch } from './helpers.ts';

const run = promisify(execFile);

async function scan(file: string, name = path.basename(file)) {
  return scanFrame({ path: file, name }, 0);
}

async function scanError(file: string, name = path.basename(file)): Promise<string> {
  try {
    await scan(file, name);
  } catch (error) {
    assert.ok(error instanceof TimelapseError, `expected TimelapseError, got ${error}`);
    assert.equal(error.file, name);
    return error.message;
  }
  assert.fail('scan should have failed');
}

test('scan: DATE-OBS and size from a primary image, matching the FITS reader', async (t) => {
  const dir = await scratch(t);
  const file = await fitsFile(dir, 'a.fits', { width: 30, height: 20, header: { 'DATE-OBS': '2019-01-02T03:04:05.5', OBJECT: 'm13' } });
  const info = await scan(file);
  assert.equal(info.time, Date.UTC(2019, 0, 2, 3, 4, 5, 500));
  assert.equal(info.dateObs, '2019-01-02T03:04:05.5');
  assert.deepEqual([info.width, info.height], [30, 20]);
  const image = readFirstImage(await readFitsFile(file));
  assert.deepEqual([image.width, image.height], [30, 20]);
});

test('scan: date in the primary, image in an extension (fpack layout); date only in the extension', async (t) => {
  const dir = await scratch(t);
  const primaryDate = await fitsFile(dir, 'p.fits', {
    width: 12, height: 7, extension: true, primaryHeader: { 'DATE-OBS': '2020-05-06' }, header: { 'DATE-OBS': '2021-01-01' },
  });
  const info = await scan(primaryDate);
  assert.equal(info.time, Date.UTC(2020, 4, 6), 'the first header having DATE-OBS wins');
  assert.deepEqual([info.width, info.height], [12, 7]);
  const extensionDate = await fitsFile(dir, 'e.fits', { width: 12, height: 7, extension: true, header: { 'DATE-OBS': '2021-01-01T00:00:01' } });
  assert.equal((await scan(extensionDate)).time, Date.UTC(2021, 0, 1, 0, 0, 1));
});

test('scan: missing DATE-OBS gives the spec message naming the file', async (t) => {
  const dir = await scratch(t);
  const file = await fitsFile(dir, 'nodate.fits', { width: 4, height: 4, header: { OBJECT: 'x' } });
  assert.equal(await scanError(file), "Error in file 'nodate.fits': could not find observation date in FITS header 'DATE-OBS'");
  assert.equal(
    await scanError(file, 'm13/none/nodate.fits'),
    "Error in file 'm13/none/nodate.fits': could not find observation date in FITS header 'DATE-OBS'",
    'the caller-given name is used',
  );
  const bad = await fitsFile(dir, 'baddate.fits', { width: 4, height: 4, header: { 'DATE-OBS': 'last tuesday' } });
  assert.equal(await scanError(bad), "Error in file 'baddate.fits': could not parse observation date 'last tuesday' in FITS header 'DATE-OBS'");
  const numeric = await fitsFile(dir, 'numdate.fits', { width: 4, height: 4, header: { 'DATE-OBS': 2019 } });
  assert.equal(await scanError(numeric), "Error in file 'numdate.fits': could not parse observation date '2019' in FITS header 'DATE-OBS'");
});

test('scan: corrupt, truncated and missing files are named in the message', async (t) => {
  const dir = await scratch(t);
  const junk = path.join(dir, 'junk.fits');
  await writeFile(junk, Buffer.from('this is not a FITS file at all'.repeat(200)));
  assert.equal(await scanError(junk), "Error in file 'junk.fits': not a FITS file (it does not start with a SIMPLE card in a 2880-byte block)");

  const short = await fitsFile(dir, 'short.fits', { width: 100, height: 100, header: { 'DATE-OBS': '2019-01-01' } });
  await truncate(short, 2880 + 1000);
  assert.equal(await scanError(short), "Error in file 'short.fits': truncated data in HDU 0 (expected 40000 bytes, found 1000)");

  const noEnd = path.join(dir, 'noend.fits');
  const bytes = fitsBytes({ width: 2, height: 2, header: { 'DATE-OBS': '2019-01-01' } });
  await writeFile(noEnd, bytes.subarray(0, 2880).toString('latin1').replace('END' + ' '.repeat(77), ' '.repeat(80)));
  assert.match(await scanError(noEnd), /^Error in file 'noend.fits': truncated header in HDU 0/);

  const binary = path.join(dir, 'binary.fits');
  const withGarbage = Buffer.from(bytes);
  withGarbage.write(' '.repeat(80), 80 * 6, 'latin1'); // blank out the END card (after 5 mandatory + DATE-OBS)
  withGarbage.fill(0, 80 * 10, 2880); // binary bytes where more cards should be
  await writeFile(binary, withGarbage);
  assert.match(await scanError(binary), /^Error in file 'binary.fits': no END card in HDU 0/);

  assert.equal(await scanError(path.join(dir, 'gone.fits')), "Error in file 'gone.fits': cannot read file (ENOENT)");

  const headerOnly = path.join(dir, 'header-only.fits');
  const cards = ['SIMPLE  =                    T', 'BITPIX  =                    8', 'NAXIS   =                    0', "DATE-OBS= '2019-01-01'", 'END'];
  await writeFile(headerOnly, cards.map((c) => c.padEnd(80)).join('').padEnd(2880), 'latin1');
  assert.equal(await scanError(headerOnly), "Error in file 'header-only.fits': no image HDU with data in file");

  const empty = await fitsFile(dir, 'empty.fits', { width: 0, height: 5, header: { 'DATE-OBS': '2019-01-01' } });
  assert.equal(await scanError(empty), "Error in file 'empty.fits': image has no pixels (0x5)");
});

test('scan: tile-compressed (fpack) files give the image size and date of the compressed HDU', async (t) => {
  const fpack = await run('fpack', ['-V']).then(() => true, () => false);
  if (!fpack) {
    t.skip('fpack not installed (apt-get install libcfitsio-bin)');
    return;
  }
  const dir = await scratch(t);
  const file = await fitsFile(dir, 'c.fits', { width: 64, height: 40, pixels: (x, y) => x + y, header: { 'DATE-OBS': '2019-01-02T03:05:00' } });
  await run('fpack', ['-r', file]);
  const info = await scan(`${file}.fz`);
  assert.deepEqual([info.width, info.height], [64, 40]);
  assert.equal(info.time, Date.UTC(2019, 0, 2, 3, 5));
  const image = readFirstImage(await readFitsFile(`${file}.fz`));
  assert.deepEqual([image.width, image.height], [64, 40]);
  assert.ok((await readFile(`${file}.fz`)).length > 0);
});

// Audit A3: the header of an extension was read at its file offset, but its data offset was taken
// as if the file began there, so the walk went back to the same extension for ever.
test('scan: a primary image without DATE-OBS followed by an IMAGE extension ends with a clear message', { timeout: 20000 }, async (t) => {
  const dir = await scratch(t);
  const undated = path.join(dir, 'a3.fits');
  await writeFile(undated, Buffer.concat([fitsBytes({ width: 10, height: 10 }), imageExtensionBytes({ width: 10, height: 10 })]));
  assert.equal(await scanError(undated), "Error in file 'a3.fits': could not find observation date in FITS header 'DATE-OBS'");

  const datedExtension = path.join(dir, 'a3-dated.fits');
  await writeFile(datedExtension, Buffer.concat([
    fitsBytes({ width: 10, height: 10 }),
    imageExtensionBytes({ width: 10, height: 10, header: { 'DATE-OBS': '2019-01-02T03:04:05' } }),
    imageExtensionBytes({ width: 10, height: 10 }),
  ]));
  const info = await scan(datedExtension);
  assert.equal(info.time, Date.UTC(2019, 0, 2, 3, 4, 5), 'the date comes from the extension after the primary image');
  assert.deepEqual([info.width, info.height], [10, 10], 'the image is the primary one');
});

test('scan: an aborted signal stops the scan with its reason', async (t) => {
  const dir = await scratch(t);
  const file = await fitsFile(dir, 'x.fits', { width: 4, height: 4, header: { 'DATE-OBS': '2019-01-01' } });
  const controller = new AbortController();
  controller.abort(new Error('stop now'));
  await assert.rejects(scanFrame({ path: file, name: 'x.fits' }, 0, controller.signal), /stop now/);
});
