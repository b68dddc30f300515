// A telescope test bench: a server with a target, FITS frames made on the fly or taken from the
// demo observatory, and pipeline runs executed right here.
import path from 'node:path';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { createTarget } from '../../src/tom/targets.ts';
import type { TargetRow } from '../../src/tom/targets.ts';
import { saveDataProduct } from '../../src/tom/data-products.ts';
import type { DataProductRow } from '../../src/tom/data-products.ts';
import { configuredPipelines } from '../../src/tom/pipelines/registry.ts';
import { createPipelineProcess } from '../../src/tom/pipelines/start.ts';
import { runPipelineProcess } from '../../src/tom/pipelines/runner.ts';
import type { Pipeline } from '../../src/tom/pipelines/types.ts';
import type { ProcessRow } from '../../src/tom/processes.ts';
import { fitsBytes } from '../support/fits-writer.ts';
import type { FitsImageSpec } from '../support/fits-writer.ts';

export const DEMO_FRAMES = path.resolve(import.meta.dirname, '../../examples/demo-observatory/frames');
export const DEMO_OBSERVATORY = path.resolve(import.meta.dirname, '../../examples/demo-observatory.yaml');

export interface Observatory {
  server: TestServer;
  target(identifier: string, options?: { public?: boolean; ownerId?: number | null; ra?: number; dec?: number }): Promise<TargetRow>;
  frame(target: TargetRow, fileName: string, spec: FitsImageSpec | Buffer): Promise<DataProductRow>;
  demoFrames(target: TargetRow, count?: number): Promise<DataProductRow[]>;
  run(target: TargetRow, pipelineName: string, products: DataProductRow[], options?: { settings?: Record<string, unknown>; flags?: Record<string, boolean>; pipelines?: Map<string, Pipeline> }): Promise<ProcessRow>;
  close(): Promise<void>;
}

export async function startObservatory(env: Record<string, string> = {}): Promise<Observatory> {
  const server = await startTestServer({ env });
  const { db, files, config } = server.platform;
  const enqueue = server.platform.jobs.enqueue.bind(server.platform.jobs);
  // Frames stored here queue no thumbnails: pipeline tests would otherwise wait behind hundreds of them.
  const noThumbnails = async () => 0;
  const frame: Observatory['frame'] = (target, fileName, spec) => saveDataProduct(db, files, {
    targetId: target.id, targetIdentifier: target.identifier, facility: null, fileName, dataProductType: 'fits_file', enqueue: noThumbnails,
  }, Readable.from([Buffer.isBuffer(spec) ? spec : fitsBytes(spec)]));
  return {
    server,
    frame,
    target: (identifier, options = {}) => createTarget(db, {
      identifier, name: `Target ${identifier}`, name2: '', name3: '', kind: 'sidereal', ra: options.ra ?? 250.4235, dec: options.dec ?? 36.4613,
      is_public: options.public ?? true, owner_id: options.ownerId ?? null,
    }, {}),
    async demoFrames(target, count = 12) {
      const names = fs.readdirSync(DEMO_FRAMES).filter((f) => f.endsWith('.fits.fz')).sort().slice(0, count);
      const rows = [];
      for (const name of names) rows.push(await frame(target, name, fs.readFileSync(path.join(DEMO_FRAMES, name))));
      return rows;
    },
    async run(target, pipelineName, products, options = {}) {
      const pipelines = options.pipelines ?? configuredPipelines(config);
      const pipeline = pipelines.get(pipelineName)!;
      const process = await db.transaction().execute((trx) => createPipelineProcess(trx, config, {
        pipeline, target, productIds: products.map((p) => p.id), settings: options.settings, flags: options.flags,
      }));
      return (await runPipelineProcess({ db, files, config, log: server.platform.log, enqueue, pipelines }, process.id, { settings: options.settings }))!;
    },
    close: () => server.close(),
  };
}

/** A frame whose DATE-OBS is given, with a star field so the stretch has something to show. */
export function frameSpec(dateObs: string | null, width = 60, height = 20, brightness = 100): FitsImageSpec {
  return {
    width, height,
    pixels: (x, y) => brightness + ((x * 7 + y * 13) % 17) + (x === 10 && y === 5 ? 5000 : 0),
    header: dateObs === null ? {} : { 'DATE-OBS': dateObs },
  };
}
