import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FitsError, readFits, readFitsFile, readImage, type FitsFile } from '../../../src/tom/fits/index.ts';
import { fixtureBytes, fixturePath } from './fixtures.ts';

/** Asserts a FitsError whose message is exactly `message` (string) or matches it (RegExp). */
function isFitsError(message: string | RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof FitsError, `expected FitsError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  };
}

/** Rewrites the value of `keyword` in the header that starts at `offset`. */
function setCard(bytes: Buffer, offset: number, keyword: string, value: string): void {
  for (let p = offset; p < bytes.length; p += 80) {
    const card = bytes.toString('latin1', p, p + 80);
    if (card.startsWith(keyword.padEnd(8, ' ') + '=')) {
      bytes.write(`${keyword.padEnd(8, ' ')}= ${value.padStart(20, ' ')}`.padEnd(80, ' '), p, 'latin1');
      return;
    }
    if (card.startsWith('END     ')) break;
  }
  throw new Error(`no ${keyword} card`);
}

/** Reads the whole file and decodes every image, as a caller would. */
function readEverything(bytes: Uint8Array, name?: string): FitsFile {
  const fits = readFits(bytes, { name });
  for (const hdu of fits.hdus) if (hdu.kind === 'image' || hdu.kind === 'compressed-image') readImage(hdu);
  return fits;
}

test('data shorter than declared: truncated data, with expected and found byte counts', () => {
  const name = 'int16_rice.fits.fz';
  const intact = readFits(fixtureBytes(name));
  const hdu = intact.hdus[1];
  const h = hdu.storedHeader;
  const expected = h.requireInt('NAXIS1') * h.requireInt('NAXIS2') + h.requireInt('PCOUNT');
  const cut = fixtureBytes(name).subarray(0, hdu.dataOffset + 1200);
  assert.throws(
    () => readFits(cut, { name }),
    isFitsError(`${name}: truncated data in HDU 1 (expected ${expected} bytes, found 1200)`),
  );
});

test('a primary image cut short is truncated data in HDU 0', () => {
  const cut = fixtureBytes('bitpix-32.fits').subarray(0, 2880 + 100);
  assert.throws(() => readFits(cut, { name: 'x.fits' }), isFitsError('x.fits: truncated data in HDU 0 (expected 960 bytes, found 100)'));
});

test('a file ending inside a header is a truncated header', () => {
  const bytes = fixtureBytes('mef.fits');
  const second = readFits(bytes).hdus[1].offset;
  assert.throws(
    () => readFits(bytes.subarray(0, second + 2880 - 400), { name: 'mef.fits' }),
    isFitsError(/^mef\.fits: truncated header in HDU 1 \(file ends 2480 bytes into it, before an END card\)$/),
  );
});

test('a garbled END card is reported, not read past', () => {
  const bytes = Buffer.from(fixtureBytes('bitpix-32.fits'));
  const end = bytes.indexOf('END     ', 0, 'latin1');
  assert.ok(end > 0 && end < 2880);
  bytes.write('ENX', end, 'latin1');
  assert.throws(() => readFits(bytes, { name: 'bad.fits' }), isFitsError(/^bad\.fits: no END card in HDU 0 \(header runs into non-ASCII bytes at offset \d+\)$/));

  // With ASCII-looking data after it, the reader runs to the end of the file and says so.
  const text = Buffer.from(fixtureBytes('header_cards.fits'));
  text.write('ENX', text.indexOf('END     ', 0, 'latin1'), 'latin1');
  text.fill(0x20, 2880);
  assert.throws(() => readFits(text), isFitsError(/truncated header in HDU 0|no END card in HDU 0/));
});

test('a bad BITPIX is refused', () => {
  const bytes = Buffer.from(fixtureBytes('bitpix16_scaled.fits'));
  setCard(bytes, 0, 'BITPIX', '12');
  assert.throws(
    () => readFits(bytes, { name: 'b.fits' }),
    isFitsError('b.fits: bad BITPIX 12 in HDU 0 (expected 8, 16, 32, 64, -32 or -64)'),
  );
  setCard(bytes, 0, 'BITPIX', "'sixteen'");
  assert.throws(() => readFits(bytes, { name: 'b.fits' }), isFitsError(/^b\.fits: keyword BITPIX is not an integer in HDU 0/));
});

test('a bad ZBITPIX in a compressed header is refused', () => {
  const name = 'int16_rice.fits.fz';
  const bytes = Buffer.from(fixtureBytes(name));
  setCard(bytes, readFits(bytes).hdus[1].offset, 'ZBITPIX', '24');
  assert.throws(() => readFits(bytes, { name }), isFitsError(`${name}: bad ZBITPIX 24 in HDU 1 (expected 8, 16, 32, 64, -32 or -64)`));
});

test('missing NAXISn is refused', () => {
  const bytes = Buffer.from(fixtureBytes('bitpix-32.fits'));
  setCard(bytes, 0, 'NAXIS', '3');
  assert.throws(() => readFits(bytes), isFitsError('missing required keyword NAXIS3 in HDU 0'));
});

test('not a FITS file at all', () => {
  assert.throws(() => readFits(Buffer.alloc(5000, 7), { name: 'photo.jpg' }), isFitsError(/^photo\.jpg: not a FITS file/));
  assert.throws(() => readFits(Buffer.alloc(0)), isFitsError(/^not a FITS file/));
  assert.throws(() => readFits(fixtureBytes('bitpix-32.fits').subarray(0, 1000)), isFitsError(/not a FITS file/));
});

/** Offset of the first COMPRESSED_DATA descriptor (row 1) in a compressed fixture. */
function firstDescriptor(bytes: Buffer): number {
  const hdu = readFits(bytes).hdus[1];
  assert.equal(hdu.storedHeader.getString('TTYPE1'), 'COMPRESSED_DATA');
  return hdu.dataOffset;
}

test('a RICE tile shorter than its pixels need is a bad compressed tile', () => {
  const name = 'int16_rice.fits.fz';
  const bytes = Buffer.from(fixtureBytes(name));
  bytes.writeUInt32BE(3, firstDescriptor(bytes)); // row 1 now claims 3 bytes
  assert.throws(
    () => readEverything(bytes, name),
    isFitsError(/^int16_rice\.fits\.fz: bad compressed tile 1 in HDU 1 \(RICE_1 stream (too short|ends early)/),
  );
});

test('a descriptor pointing outside the heap is a bad compressed tile', () => {
  const name = 'int16_rice.fits.fz';
  const bytes = Buffer.from(fixtureBytes(name));
  bytes.writeUInt32BE(0x7fffff00, firstDescriptor(bytes) + 8 + 4); // row 2's heap offset
  assert.throws(
    () => readEverything(bytes, name),
    isFitsError(/^int16_rice\.fits\.fz: bad compressed tile 2 in HDU 1 \(bad descriptor in column COMPRESSED_DATA row 2: /),
  );
});

test('corrupt gzip data is a bad compressed tile', () => {
  const name = 'int16_gzip1.fits.fz';
  const bytes = Buffer.from(fixtureBytes(name));
  const hdu = readFits(bytes).hdus[1];
  const h = hdu.storedHeader;
  const heap = hdu.dataOffset + h.getInt('THEAP', h.requireInt('NAXIS1') * h.requireInt('NAXIS2'));
  const start = heap + bytes.readUInt32BE(firstDescriptor(bytes) + 4);
  bytes.fill(0xff, start + 10, start + 20); // inside the deflate stream of tile 1
  assert.throws(() => readEverything(bytes, name), isFitsError(/^int16_gzip1\.fits\.fz: bad compressed tile 1 in HDU 1 \(gzip data is corrupt/));
});

test('a tile grid that does not match the table rows is refused', () => {
  const name = 'int16_rice.fits.fz';
  const bytes = Buffer.from(fixtureBytes(name));
  setCard(bytes, readFits(bytes).hdus[1].offset, 'ZNAXIS2', '41');
  assert.throws(() => readEverything(bytes, name), isFitsError(`${name}: bad compressed image in HDU 1 (41 tiles but 40 table rows)`));
});

test('a compressed header asking for an absurd image size is refused before allocating', () => {
  const name = 'int16_rice.fits.fz';
  const bytes = Buffer.from(fixtureBytes(name));
  const offset = readFits(bytes).hdus[1].offset;
  setCard(bytes, offset, 'ZNAXIS1', '4000000000');
  setCard(bytes, offset, 'ZTILE1', '4000000000');
  assert.throws(() => readEverything(bytes, name), isFitsError(`${name}: compressed image too large in HDU 1 (4000000000 x 40 pixels)`));
});

test('random damage never escapes as anything but FitsError, and never hangs', () => {
  const names = ['int16_rice.fits.fz', 'float32_rice_dither1.fits.fz', 'int32_rice_blank.fits.fz', 'uint8_rice.fits.fz', 'float32_gzip2_lossless.fits.fz', 'mef.fits', 'bitpix64_scaled.fits'];
  let seed = 12345;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  let failures = 0;
  let runs = 0;
  for (const name of names) {
    const original = fixtureBytes(name);
    for (let trial = 0; trial < 40; trial++) {
      const bytes = Buffer.from(original);
      // Damage only past the primary header, where structure is least checked.
      const hits = 1 + Math.floor(random() * 20);
      for (let k = 0; k < hits; k++) bytes[2880 + Math.floor(random() * (bytes.length - 2880))] = Math.floor(random() * 256);
      const cut = random() < 0.3 ? bytes.subarray(0, 2880 + Math.floor(random() * (bytes.length - 2880))) : bytes;
      runs++;
      try {
        readEverything(cut, name);
      } catch (error) {
        failures++;
        assert.ok(error instanceof FitsError, `${name} trial ${trial}: ${error instanceof Error ? error.stack : String(error)}`);
        assert.ok((error as FitsError).message.startsWith(`${name}: `));
      }
    }
  }
  assert.equal(runs, names.length * 40);
  assert.ok(failures > 0, 'damage should have been detected at least once');
});

test('readFitsFile names the path in errors, and in a missing-file error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fits-test-'));
  try {
    const path = join(dir, 'm13_001.fits.fz');
    const bytes = fixtureBytes('int16_rice.fits.fz');
    const dataOffset = readFits(bytes).hdus[1].dataOffset;
    writeFileSync(path, bytes.subarray(0, dataOffset + 1200));
    await assert.rejects(readFitsFile(path), isFitsError(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: truncated data in HDU 1 \\(expected \\d+ bytes, found 1200\\)$`)));
    await assert.rejects(readFitsFile(join(dir, 'nope.fits')), (e: unknown) => e instanceof FitsError && e.message === `${join(dir, 'nope.fits')}: cannot read file (ENOENT)` && e.file === join(dir, 'nope.fits'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ok = await readFitsFile(fixturePath('mef.fits'));
  assert.equal(ok.file, fixturePath('mef.fits'));
  assert.equal(ok.hdus.length, 5);
});

test('bytes after the last HDU that are not an extension are ignored and counted', () => {
  const bytes = Buffer.concat([fixtureBytes('bitpix-32.fits'), Buffer.alloc(100, 0)]);
  const fits = readFits(bytes);
  assert.equal(fits.hdus.length, 1);
  assert.equal(fits.trailingBytes, 100);
});
