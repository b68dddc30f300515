// Pipelines stop when told to: an abort signal or the job's time limit ends the run part-way and its
// process failed with the reason, never pending or running for ever; and the FITS file of audit A3
// (a primary image without DATE-OBS, then an IMAGE extension) ends a timelapse with a clear message.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startObservatory, DEMO_FRAMES } from './observatory.ts';
import type { Observatory } from './observatory.ts';
import { manyFrames } from './many-frames.ts';
import { createPipelineProcess, startPipeline } from '../../src/tom/pipelines/start.ts';
import { configuredPipelines } from '../../src/tom/pipelines/registry.ts';
import { runPipelineProcess } from '../../src/tom/pipelines/runner.ts';
import { getProcess } from '../../src/tom/processes.ts';
import type { TargetRow } from '../../src/tom/targets.ts';
import type { DataProductRow } from '../../src/tom/data-products.ts';
import { fitsBytes, imageExtensionBytes } from '../support/fits-writer.ts';
import { waitFor } from '../helpers/wait.ts';

/** This test process's pipeline scratch directories (they go when a run has really stopped). */
const scratchDirs = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(`lightpath-${process.pid}-pipeline-`));

describe('pipelines stop when aborted or out of time', () => {
  let obs: Observatory;
  before(async () => {
    obs = await startObservatory({ LIGHTPATH_PIPELINE_TIME_LIMIT_SECONDS: '1' });
  });
  after(() => obs.close());

  const db = () => obs.server.platform.db;
  const count = async (table: 'data_products' | 'reduced_datums', targetId: number) =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('target_id', '=', targetId).executeTakeFirstOrThrow()).n);

  /** Photometry over 120 frames (the demo frames, ten times over) takes a few seconds. */
  async function manyDemoFrames(target: TargetRow): Promise<DataProductRow[]> {
    const names = fs.readdirSync(DEMO_FRAMES).filter((f) => f.endsWith('.fits.fz')).sort();
    const rows = [];
    for (let copy = 0; copy < 10; copy++) {
      for (const name of names) rows.push(await obs.frame(target, `${target.identifier}-${copy}-${name}`, fs.readFileSync(path.join(DEMO_FRAMES, name))));
    }
    return rows;
  }

  /** Timelapse frames big enough that a run takes a while (see many-frames.ts). */
  async function largeFrames(target: TargetRow, count: number): Promise<DataProductRow[]> {
    const rows = [];
    for (const [i, bytes] of manyFrames(count).entries()) rows.push(await obs.frame(target, `${target.identifier}-${i}.fits`, bytes));
    return rows;
  }

  async function runWithSignal(target: TargetRow, pipelineName: string, products: DataProductRow[], signal: AbortSignal, settings = {}) {
    const { files, config, log, jobs } = obs.server.platform;
    const pipelines = configuredPipelines(config);
    const created = await db().transaction().execute((trx) => createPipelineProcess(trx, config, {
      pipeline: pipelines.get(pipelineName)!, target, productIds: products.map((p) => p.id), settings,
    }));
    return (await runPipelineProcess({ db: db(), files, config, log, enqueue: jobs.enqueue.bind(jobs), pipelines }, created.id, { settings, signal }))!;
  }

  test('the A3 file: a timelapse ends failed with the missing-date message; dated in its extension, it is made', { timeout: 60000 }, async () => {
    const target = await obs.target('a3');
    const undated = await obs.frame(target, 'a3.fits', Buffer.concat([fitsBytes({ width: 10, height: 10 }), imageExtensionBytes({ width: 10, height: 10 })]));
    const failed = await obs.run(target, 'Timelapse', [undated]);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.failure_message, "Error in file 'a3.fits': could not find observation date in FITS header 'DATE-OBS'");

    const dated = [];
    for (const minute of ['01', '02']) {
      dated.push(await obs.frame(target, `a3-${minute}.fits`, Buffer.concat([
        fitsBytes({ width: 10, height: 10, pixels: (x, y) => x * y }),
        imageExtensionBytes({ width: 10, height: 10, header: { 'DATE-OBS': `2019-01-02T03:${minute}:00` } }),
      ])));
    }
    const made = await obs.run(target, 'Timelapse', dated, { settings: { format: 'gif' } });
    assert.equal(made.status, 'created', made.failure_message);
  });

  test('photometry aborted part-way ends failed with the reason and saves nothing', async () => {
    const target = await obs.target('abort-phot');
    const frames = await manyDemoFrames(target);
    const controller = new AbortController();
    const running = runWithSignal(target, 'Photometry', frames, controller.signal);
    await waitFor('the run to start', async () => scratchDirs().length > 0, 20000, 5);
    controller.abort(new Error('stopped by the operator'));
    const ended = await running;
    assert.equal(ended.status, 'failed');
    assert.equal(ended.failure_message, 'The pipeline did not finish: stopped by the operator');
    assert.doesNotMatch(ended.logs, /Measured/);
    assert.equal(await count('reduced_datums', target.id), 0);
    assert.equal(await count('data_products', target.id), frames.length, 'no plot');
    assert.deepEqual(scratchDirs(), [], 'the scratch directory is gone');
  });

  test('a timelapse aborted part-way ends failed and leaves no output and no partial file', async () => {
    const target = await obs.target('abort-tl');
    const frames = await largeFrames(target, 40);
    const controller = new AbortController();
    const running = runWithSignal(target, 'Timelapse', frames, controller.signal, { format: 'webm' });
    await waitFor('the first frame', async () => (await db().selectFrom('processes').select('logs').where('target_id', '=', target.id).executeTakeFirst())?.logs.includes('Processing frame 1/'), 60000, 5);
    controller.abort(new Error('stopped by the operator'));
    const ended = await running;
    assert.equal(ended.status, 'failed');
    assert.equal(ended.failure_message, 'The pipeline did not finish: stopped by the operator');
    assert.doesNotMatch(ended.logs, /Processing frame 40\/40/);
    assert.equal(await count('data_products', target.id), frames.length, 'no timelapse product');
    assert.deepEqual(scratchDirs(), [], 'the scratch directory and its partial video are gone');
  });

  test('a pipeline job past its time limit ends its process failed and is not retried', async () => {
    const target = await obs.target('slow-tl');
    const frames = await largeFrames(target, 100);
    const { platform } = obs.server;
    const process = await startPipeline(db(), platform.config, platform.jobs, {
      pipeline: configuredPipelines(platform.config).get('Timelapse')!, target, productIds: frames.map((f) => f.id), settings: { format: 'webm' },
    });
    await platform.jobs.startWorking();
    const ended = await waitFor('the process to end', async () => {
      const row = await getProcess(db(), process.id);
      return row && ['created', 'failed'].includes(row.status) ? row : null;
    }, 60000);
    assert.equal(ended.failure_message, 'The pipeline did not finish: timed out after 1 s');
    await waitFor('the run to stop', async () => scratchDirs().length === 0, 60000);
    const job = (await platform.jobs.get(process.job_id!))!;
    assert.equal(job.state, 'failed');
    assert.equal(job.attempts, 1, 'a run past its time limit is not retried');
    const final = (await getProcess(db(), process.id))!;
    assert.equal(final.status, 'failed', 'the stopped run did not turn it into a success');
    assert.doesNotMatch(final.logs, /Processing frame 100\/100/);
    assert.equal(await count('data_products', target.id), frames.length, 'no timelapse product');
  });
});
