// A `lightpath worker` killed (SIGKILL) in the middle of a timelapse: once its lease runs out the
// job is run again by another worker, the process ends created with exactly one timelapse, and
// the killed worker's scratch directory, with its half-written video, is gone. Half-written files
// of dead processes in the store are removed when a worker starts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { startTestServer, testEnv } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { spawnLightpath } from '../helpers/processes.ts';
import type { Spawned } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { manyFrames } from './many-frames.ts';
import { createTarget } from '../../src/tom/targets.ts';
import { saveDataProduct } from '../../src/tom/data-products.ts';
import { configuredPipelines } from '../../src/tom/pipelines/registry.ts';
import { startPipeline } from '../../src/tom/pipelines/start.ts';
import { getProcess } from '../../src/tom/processes.ts';
import { partialPath } from '../../src/platform/storage/partial-files.ts';

// The frames' thumbnails are not what this test is about; their jobs would only slow the workers down.
const noThumbnails = async () => 0;

/** Every file under `dir` whose name marks it half-written. */
function partialFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => /\.(partial|part)$/.test(name));
}

describe('a pipeline whose worker is killed', () => {
  let server: TestServer;
  let scratch: string;
  const workers: Spawned[] = [];
  const startWorker = async () => {
    // TMPDIR: the workers' scratch directories go where this test can look at them.
    const worker = spawnLightpath(['worker'], testEnv(server.database, { LIGHTPATH_JOB_LEASE_SECONDS: '2', LIGHTPATH_JOB_POLL_MS: '200', TMPDIR: scratch }));
    workers.push(worker);
    await waitFor('worker to be ready', async () => worker.output().includes('worker ready'), 30000);
    return worker;
  };

  before(async () => {
    server = await startTestServer({ env: { LIGHTPATH_SERVE_RUNS_JOBS: 'false' } });
    scratch = fs.mkdtempSync(path.join(server.database.dataDir, 'tmp-'));
  });
  after(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    await server.close();
  });

  test('runs again on another worker and ends with one timelapse and no partial file', { timeout: 180000 }, async () => {
    const { db, files, config, jobs } = server.platform;
    const target = await createTarget(db, { identifier: 'crash', name: 'Crash', name2: '', name3: '', kind: 'sidereal', ra: 1, dec: 1, is_public: true, owner_id: null }, {});
    const frames = [];
    for (const [i, bytes] of manyFrames(80).entries()) {
      frames.push(await saveDataProduct(db, files, { targetId: target.id, targetIdentifier: target.identifier, facility: null, fileName: `crash-${i}.fits`, dataProductType: 'fits_file', enqueue: noThumbnails }, Readable.from([bytes])));
    }
    const process = await startPipeline(db, config, jobs, {
      pipeline: configuredPipelines(config).get('Timelapse')!, target, productIds: frames.map((f) => f.id), settings: { format: 'webm' },
    });

    const doomed = await startWorker();
    await waitFor('the first worker to be part-way', async () => (await getProcess(db, process.id))?.logs.includes('Processing frame 2/'), 60000, 20);
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const left = fs.readdirSync(scratch).filter((name) => name.startsWith(`lightpath-${doomed.child.pid}-pipeline-`));
    assert.equal(left.length, 1, 'the killed run left its scratch directory');
    const stopped = (await getProcess(db, process.id))!;
    assert.doesNotMatch(stopped.logs, /Processing frame 80\/80/, 'the first run was killed part-way');

    const rescuer = await startWorker();
    assert.ok(!fs.existsSync(path.join(scratch, left[0])), 'the new worker removed the killed run\'s scratch directory at start');
    const ended = await waitFor('the process to end', async () => {
      const row = await getProcess(db, process.id);
      return row && ['created', 'failed'].includes(row.status) ? row : null;
    }, 120000);
    assert.equal(ended.status, 'created', ended.failure_message);
    assert.match(ended.logs, /Started again \(attempt 2\)/);
    assert.match(ended.logs, /Processing frame 80\/80\nFinished\n$/);

    // The job row is marked after the run returns, a moment after the process record.
    const job = await waitFor('the job to end', async () => {
      const row = await jobs.get(process.job_id!);
      return row && row.state !== 'running' && row.state !== 'queued' ? row : null;
    }, 20000);
    assert.equal(job.state, 'succeeded');
    assert.equal(job.attempts, 2);
    assert.match(job.lastError ?? '', /stopped responding/);

    const outputs = await db.selectFrom('data_products').selectAll().where('target_id', '=', target.id).where('data_product_type', '=', 'timelapse').execute();
    assert.equal(outputs.length, 1, 'exactly one timelapse');
    assert.equal(outputs[0].product_id, process.identifier);
    assert.ok((await files.stat(outputs[0].file_key))!.size > 0);
    assert.deepEqual(partialFiles(scratch), [], 'no partial file in the temporary directory');
    assert.deepEqual(partialFiles(path.join(server.database.dataDir, 'files')), [], 'no partial file in the store');

    rescuer.child.kill('SIGTERM');
    assert.equal(await rescuer.exited, 0);
  });

  test('a worker starting up removes the store\'s half-written files of dead processes, not those of live ones', { timeout: 60000 }, async () => {
    const dir = path.join(server.database.dataDir, 'files', 'crash', 'none');
    fs.mkdirSync(dir, { recursive: true });
    const live = partialPath(path.join(dir, 'live.fits'));
    const gone = spawnLightpath(['--help'], {});
    await gone.exited;
    const dead = partialPath(path.join(dir, 'dead.fits')).replace(`-${process.pid}-`, `-${gone.child.pid}-`);
    for (const file of [live, dead]) fs.writeFileSync(file, 'half');
    const worker = await startWorker();
    await waitFor('the dead writer\'s file to go', async () => !fs.existsSync(dead));
    assert.ok(fs.existsSync(live), 'the file this (live) process is writing stays');
    worker.child.kill('SIGTERM');
    await worker.exited;
  });
});
