// Observation alerts (spec §6, decision T12): for each new-data event of an alerted observation,
// a fresh timelapse of the target's reduced frames (raw e00 frames excluded) replaces its older
// timelapses, and each alert address gets one email about that event. A failure for one target
// never stops the others; the dedupe key makes sure no address gets the same news twice. The
// email links to the web app's pages of the target, the observation and the timelapse (alert-email.ts).
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { isoNow } from '../../platform/time.ts';
import { absoluteBaseUrl } from '../../platform/http/base-url.ts';
import { targetTimelapses } from '../compat/wire.ts';
import { deleteDataProducts } from '../data-products.ts';
import { configuredPipelines } from '../pipelines/registry.ts';
import { createPipelineProcess } from '../pipelines/start.ts';
import { runPipelineProcess } from '../pipelines/runner.ts';
import { CREATED } from '../processes.ts';
import { alertEmail } from './alert-email.ts';
import type { Enqueue } from '../thumbnails/request.ts';

export interface AlertDependencies {
  db: Db;
  files: FileStore;
  config: Config;
  log: Logger;
  enqueue: Enqueue;
}

export interface AlertReport {
  timelapses: string[];
  emailsQueued: number;
  failures: string[];
}

export async function processAlerts(deps: AlertDependencies): Promise<AlertReport> {
  const { db } = deps;
  const report: AlertReport = { timelapses: [], emailsQueued: 0, failures: [] };
  const events = await db.selectFrom('observation_data_events as e')
    .innerJoin('observation_records as r', 'r.id', 'e.observation_record_id')
    .select(['e.id as event_id', 'r.id as record_id', 'r.target_id'])
    .where('e.alerts_done_at', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('observation_alerts as a').select('a.id').whereRef('a.observation_record_id', '=', 'r.id')))
    .orderBy('e.id').execute();
  for (const targetId of new Set(events.map((e) => e.target_id))) {
    try {
      const made = await freshTimelapse(deps, targetId);
      if (made) report.timelapses.push(made);
    } catch (error) {
      report.failures.push(`target ${targetId}: ${(error as Error).message}`);
      deps.log.error({ err: error, target: targetId }, 'alert timelapse failed');
    }
  }
  const base = absoluteBaseUrl(deps.config);
  for (const event of events) {
    const target = await db.selectFrom('targets').select('name').where('id', '=', event.target_id).executeTakeFirstOrThrow();
    const timelapse = (await targetTimelapses(db, event.target_id))[0];
    // A timelapse process is named like its file (decision T1).
    const made = timelapse && await db.selectFrom('processes').select('id').where('target_id', '=', event.target_id).where('identifier', '=', timelapse.name).executeTakeFirst();
    const email = alertEmail({
      targetName: target.name, targetUrl: `${base}/targets/${event.target_id}/`, observationUrl: `${base}/observations/${event.record_id}/`,
      timelapseUrl: timelapse ? `${base}${timelapse.url}` : null, pipelineUrl: made ? `${base}/pipeline/${made.id}` : null,
    });
    const alerts = await db.selectFrom('observation_alerts').select(['id', 'email']).where('observation_record_id', '=', event.record_id).execute();
    await db.transaction().execute(async (trx) => {
      for (const alert of alerts) {
        const inserted = await trx.insertInto('email_outbox').values({
          dedupe_key: `alert-${alert.id}-event-${event.event_id}`, recipient: alert.email, subject: email.subject, body: email.text, html_body: email.html,
          state: 'queued', attempts: 0, last_error: null, created_at: isoNow(), sent_at: null,
        }).onConflict((oc) => oc.column('dedupe_key').doNothing()).returning('id').executeTakeFirst();
        if (inserted) report.emailsQueued++;
      }
      await trx.updateTable('observation_data_events').set({ alerts_done_at: isoNow() }).where('id', '=', event.event_id).execute();
    });
  }
  return report;
}

/** Makes a timelapse of the target's reduced FITS frames; on success its older timelapses go. */
async function freshTimelapse(deps: AlertDependencies, targetId: number): Promise<string | null> {
  const { db, config } = deps;
  const target = await db.selectFrom('targets').selectAll().where('id', '=', targetId).executeTakeFirstOrThrow();
  const frames = (await db.selectFrom('data_products').select(['id', 'file_key']).where('target_id', '=', targetId).orderBy('id').execute())
    .filter((p) => p.file_key.endsWith('.fits.fz') && !p.file_key.endsWith('e00.fits.fz'));
  if (frames.length === 0) return null;
  const pipelines = configuredPipelines(config);
  const pipeline = pipelines.get('Timelapse');
  if (!pipeline) throw new Error('the Timelapse pipeline is not configured');
  deps.log.info({ target: target.identifier, frames: frames.length }, 'creating timelapse for target');
  const process = await db.transaction().execute((trx) => createPipelineProcess(trx, config, { pipeline, target, productIds: frames.map((f) => f.id) }));
  const finished = await runPipelineProcess({ db, files: deps.files, config, log: deps.log, enqueue: deps.enqueue, pipelines }, process.id);
  if (finished?.status !== CREATED) throw new Error(`timelapse failed: ${finished?.failure_message}`);
  const older = await db.selectFrom('data_products').select('id')
    .where('target_id', '=', targetId).where('data_product_type', '=', 'timelapse').where('product_id', '!=', finished.identifier).execute();
  await deleteDataProducts(db, deps.files, older.map((o) => o.id));
  return finished.identifier;
}
