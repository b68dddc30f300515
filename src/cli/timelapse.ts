import path from 'node:path';
import type { Command } from './command.ts';
import { parseOptions, UsageError } from './command.ts';
import { makeLogger, openForCommand } from './runtime.ts';
import { loadConfig } from '../config.ts';
import { configuredPipelines } from '../tom/pipelines/registry.ts';
import { createPipelineProcess } from '../tom/pipelines/start.ts';
import { runPipelineProcess } from '../tom/pipelines/runner.ts';
import { CREATED } from '../tom/processes.ts';

const HELP = `Usage: lightpath timelapse TARGET [--format gif|mp4|webm] [--fps N] [--size N]
                          [--crop] [--crop-scale S] [--normalise-background] [--group NAME]

Makes a timelapse of a target (given by its identifier, e.g. m13) from its FITS data products,
in DATE-OBS order, here and now, with a progress bar. Raw frames (*e00.fits.fz) are left out;
--group uses only the products in that data product group. Settings default to the
LIGHTPATH_TIMELAPSE_* configuration. The timelapse is recorded like one made through the API.`;

export const timelapse: Command = {
  name: 'timelapse',
  summary: 'make a timelapse of a target now, with a progress bar',
  help: HELP,
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string' }, fps: { type: 'string' }, size: { type: 'string' }, 'crop-scale': { type: 'string' },
      crop: { type: 'boolean' }, 'normalise-background': { type: 'boolean' }, group: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('timelapse needs exactly one TARGET identifier');
    const config = loadConfig();
    const platform = await openForCommand(config, makeLogger(config, true));
    try {
      const { db } = platform;
      const target = await db.selectFrom('targets').selectAll().where('identifier', '=', positionals[0]).executeTakeFirst();
      if (!target) {
        process.stderr.write(`Target '${positionals[0]}' does not exist\n`);
        return 1;
      }
      let products = db.selectFrom('data_products').select(['data_products.id', 'data_products.file_key'])
        .where('data_products.target_id', '=', target.id).orderBy('data_products.id');
      if (values.group) {
        products = products.innerJoin('data_product_group_members as m', 'm.data_product_id', 'data_products.id')
          .innerJoin('data_product_groups as g', 'g.id', 'm.group_id').where('g.name', '=', values.group as string);
      }
      const frames = (await products.execute()).filter((p) => /\.(fits|fz)$/.test(p.file_key) && !p.file_key.endsWith('e00.fits.fz'));
      process.stdout.write(`Creating timelapse of ${frames.length} files for target '${target.name}'...\n`);
      if (frames.length === 0) {
        process.stdout.write('Nothing to do\n');
        return 0;
      }
      const settings: Record<string, unknown> = {};
      if (values.format !== undefined) settings.format = values.format;
      for (const [option, key] of [['fps', 'fps'], ['size', 'size'], ['crop-scale', 'crop_scale']] as const) {
        if (values[option] !== undefined) settings[key] = Number(values[option]);
      }
      const pipeline = configuredPipelines(config).get('Timelapse');
      if (!pipeline) throw new UsageError('the Timelapse pipeline is not configured (LIGHTPATH_PIPELINES)');
      const created = await db.transaction().execute((trx) => createPipelineProcess(trx, config, {
        pipeline, target, productIds: frames.map((f) => f.id), settings,
        flags: { crop: Boolean(values.crop), normalise_background: Boolean(values['normalise-background']) },
      }));
      const bar = progressBar();
      const finished = await runPipelineProcess(
        { db, files: platform.files, config, log: platform.log, enqueue: platform.jobs.enqueue.bind(platform.jobs), pipelines: configuredPipelines(config) },
        created.id,
        { settings, onLog: (message) => bar.update(message) },
      );
      bar.done();
      if (finished?.status !== CREATED) {
        process.stderr.write(`Failed to create timelapse: ${finished?.failure_message ?? 'unknown error'}\n`);
        return 1;
      }
      const file = await db.selectFrom('data_products').select('file_key').where('product_id', '=', created.identifier).executeTakeFirstOrThrow();
      process.stdout.write(`Created timelapse ${path.join(config.dataDir, 'files', file.file_key)}\n`);
      return 0;
    } finally {
      await platform.close();
    }
  },
};

/** A one-line progress bar on a terminal; plain lines otherwise (logs, CI). */
function progressBar() {
  const tty = process.stderr.isTTY;
  return {
    update(message: string) {
      const match = /^Processing frame (\d+)\/(\d+)$/.exec(message);
      if (!match || !tty) {
        process.stderr.write(`${message}\n`);
        return;
      }
      const [done, total] = [Number(match[1]), Number(match[2])];
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} frames`);
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
