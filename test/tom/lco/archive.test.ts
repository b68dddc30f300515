// Frames from the science archive: every page followed, fields mapped, files downloaded intact.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import type { FakeLco } from '../../../src/tom/observations/fake-lco/server.ts';
import { BASE_FORM, calls, control, facilityFor, fakePortal, siderealTarget } from './helpers.ts';

async function submitted(fake: FakeLco): Promise<string> {
  const facility = facilityFor(fake);
  const result = await facility.validate({ ...BASE_FORM, redfilter_exposure_count: 1, redfilter_exposure_time: 2 }, siderealTarget());
  const [id] = await facility.submit((result as { cleaned: Record<string, unknown> }).cleaned, siderealTarget());
  return id;
}

describe('LCO facility and the archive', () => {
  let fake: FakeLco;
  before(async () => {
    fake = await fakePortal({ pageSize: 2 });
  });
  after(() => fake.close());
  beforeEach(() => control(fake, '/reset', {}));

  test('five frames on pages of two: three pages followed, every frame mapped', async () => {
    const id = await submitted(fake);
    const added = await control(fake, `/requests/${id}/frames`, {
      frames: [
        { filename: 'cpt1m010-fa16-20190805-0001-e00.fits.fz', dateObs: '2019-08-05T01:00:00.000', filter: 'rp', exposureTime: 30, instrument: 'fa16', site: 'cpt', telescope: '1m0a' },
        { filename: 'cpt1m010-fa16-20190805-0001-e91.fits.fz', dateObs: '2019-08-05T01:00:00.000', filter: 'rp', exposureTime: 30, instrument: 'fa16', site: 'cpt', telescope: '1m0a' },
        { filename: 'cpt1m010-fa16-20190805-0002-e91.fits.fz' },
        { filename: 'cpt1m010-fa16-20190805-0003-e91.fits.fz' },
        { filename: 'cpt1m010-fa16-20190805-0004-e91.fits.fz' },
      ],
    });
    const frames = await facilityFor(fake).frames(id);
    assert.equal(frames.length, 5);
    assert.deepEqual(frames.map((f) => f.id), added.map((f: { id: number }) => String(f.id)));
    assert.deepEqual(frames[0], {
      id: String(added[0].id),
      filename: 'cpt1m010-fa16-20190805-0001-e00.fits.fz',
      url: `${fake.archiveUrl}/download/${added[0].id}/cpt1m010-fa16-20190805-0001-e00.fits.fz?X-Signature=fake`,
      dateObs: '2019-08-05T01:00:00.000',
      instrument: 'fa16', site: 'cpt', telescope: '1m0a', exposureTime: 30, filter: 'rp', reductionLevel: 0,
    });
    assert.equal(frames[1].reductionLevel, 91);
    const pages = await calls(fake, 'frames');
    assert.equal(pages.length, 3);
    assert.match(pages[0].url, new RegExp(`REQNUM=${id}&limit=1000`));
    assert.match(pages[2].url, /offset=4/);
  });

  test('a request without frames has none; one frame can be looked up by id', async () => {
    const id = await submitted(fake);
    assert.deepEqual(await facilityFor(fake).frames(id), []);
    const [added] = await control(fake, `/requests/${id}/frames`, { frames: [{ filename: 'x-e91.fits.fz', filter: 'b' }] });
    const frame = await facilityFor(fake).frame(String(added.id));
    assert.equal(frame.filename, 'x-e91.fits.fz');
    assert.equal(frame.filter, 'b');
  });

  test('download: the bytes the archive holds, as a stream', async () => {
    const id = await submitted(fake);
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
    await control(fake, `/requests/${id}/frames`, { frames: [{ filename: 'big-e91.fits.fz', contentBase64: bytes.toString('base64') }] });
    const facility = facilityFor(fake);
    const [frame] = await facility.frames(id);
    const downloaded = await buffer(await facility.download(frame));
    assert.equal(downloaded.length, bytes.length);
    assert.ok(downloaded.equals(bytes));
  });

  test('a completed request gets a completed block (and the default frames, none here)', async () => {
    const id = await submitted(fake);
    const state = await control(fake, `/requests/${id}/state`, { state: 'COMPLETED' });
    assert.equal(state.state, 'COMPLETED');
    assert.equal(state.blocks[0].state, 'COMPLETED');
    assert.deepEqual(await facilityFor(fake).frames(id), []);
    const missing = await fetch(`${fake.archiveUrl}/download/1/none.fits`);
    assert.equal(missing.status, 404);
  });
});
