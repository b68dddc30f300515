// Item 9: a frame is stored once per target however often it is ingested (known by its archive
// frame id, else by its content), and photometry run twice over the same frames gives each
// timestamp once in the CSV download.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startObservatory, DEMO_FRAMES } from '../observatory.ts';
import type { Observatory } from '../observatory.ts';
import { FakeFacility } from './fake-facility.ts';
import { ingestFrames } from '../../../src/tom/observations/ingest.ts';
import type { Frame } from '../../../src/tom/observations/facility.ts';
import type { TargetRow } from '../../../src/tom/targets.ts';

const DEMO = fs.readdirSync(DEMO_FRAMES).filter((f) => f.endsWith('.fits.fz')).sort().slice(0, 4);

function frame(id: string, filename: string): Frame {
  return { id, filename, url: '', dateObs: null, instrument: null, site: null, telescope: null, exposureTime: null, filter: null, reductionLevel: 91 };
}

describe('ingesting frames again', () => {
  let obs: Observatory;
  before(async () => {
    obs = await startObservatory();
  });
  after(() => obs.close());

  const db = () => obs.server.platform.db;
  const products = (target: TargetRow) => db().selectFrom('data_products').selectAll().where('target_id', '=', target.id).orderBy('id').execute();
  const record = async (target: TargetRow, facility: FakeFacility, observationId: string) => {
    const now = new Date().toISOString();
    return db().insertInto('observation_records').values({
      target_id: target.id, facility: facility.name, parameters: '{}', observation_id: observationId, status: 'COMPLETED',
      scheduled_start: null, scheduled_end: null, ingested_at: null, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
  };
  const ingest = async (facility: FakeFacility, row: Awaited<ReturnType<typeof record>>) =>
    ingestFrames(db(), obs.server.platform.files, obs.server.platform.jobs.enqueue.bind(obs.server.platform.jobs), facility, row);

  test('by archive frame id: again, from another request, or renamed by the archive, the frame is stored once', async () => {
    const target = await obs.target('again-id');
    const facility = new FakeFacility('FakeArchive');
    const frames = DEMO.map((name, i) => frame(`90${i}`, name));
    for (const [i, name] of DEMO.entries()) facility.fileBytes.set(`90${i}`, fs.readFileSync(path.join(DEMO_FRAMES, name)));
    facility.framesOf.set('obs-1', frames);
    const first = await record(target, facility, 'obs-1');
    assert.equal(await ingest(facility, first), DEMO.length);
    assert.equal(await ingest(facility, first), 0, 'the same observation again');

    facility.framesOf.set('obs-2', frames);
    assert.equal(await ingest(facility, await record(target, facility, 'obs-2')), 0, 'another request listing the same frames');

    facility.framesOf.set('obs-3', frames.map((f) => ({ ...f, filename: f.filename.replace('.fits.fz', '-v2.fits.fz') })));
    assert.equal(await ingest(facility, await record(target, facility, 'obs-3')), 0, 'the archive renamed its frames');

    const stored = await products(target);
    assert.equal(stored.length, DEMO.length);
    assert.deepEqual(stored.map((p) => p.archive_frame_id), DEMO.map((_, i) => `FakeArchive_90${i}`));
    assert.ok(stored.every((p) => /^[0-9a-f]{64}$/.test(p.checksum ?? '')));
  });

  test('without frame ids, by content: the same bytes under another name are not stored again', async () => {
    const target = await obs.target('again-sum');
    const facility = new FakeFacility('NoIds');
    facility.download = async (f: Frame) => {
      const { Readable } = await import('node:stream');
      return Readable.from([fs.readFileSync(path.join(DEMO_FRAMES, f.filename.replace(/^copy-/, '')))]);
    };
    facility.framesOf.set('a', DEMO.map((name) => frame('', name)));
    facility.framesOf.set('b', DEMO.map((name) => frame('', `copy-${name}`)));
    assert.equal(await ingest(facility, await record(target, facility, 'a')), DEMO.length);
    assert.equal(await ingest(facility, await record(target, facility, 'b')), 0);
    assert.equal((await products(target)).length, DEMO.length);
  });

  test('photometry run twice over the same frames: each timestamp once in the CSV', async () => {
    const target = await obs.target('again-phot');
    const frames = await obs.demoFrames(target, 6);
    for (let run = 0; run < 2; run++) {
      const process = await obs.run(target, 'Photometry', frames, { flags: { plot: false } });
      assert.equal(process.status, 'created', process.failure_message);
    }
    const csv = await obs.server.app.inject({ method: 'GET', url: `/targets/${target.id}/data/download/` });
    assert.equal(csv.statusCode, 200);
    const times = csv.body.trim().split('\r\n').map((row) => row.split(',')[0]);
    assert.equal(times.length, 6);
    assert.equal(new Set(times).size, 6);
  });
});
