// The files the database says exist do: for the newest datasets and reports, their directory
// (and a dataset's first frame file); for the newest data products, their file in the store.
// Only a sample is looked at, so the check stays quick on a facility with years of data.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parseFrames } from '../../lims/compat/frames.ts';
import { LocalFileStore } from '../storage/local-store.ts';
import type { DoctorCheck, Finding } from './finding.ts';
import { databaseOrSkip, error, ok } from './finding.ts';
import { readProblem } from './data-roots-check.ts';

export const SAMPLE_SIZE = 20;
/** Missing files named one by one before the rest are counted. */
const NAMED = 5;

/** MxDC's file name for the first frame: "x_{:05d}.cbf" with frames "1-360" is "x_00001.cbf". */
export function firstFrameFile(template: string, frames: string): string {
  let first = 1;
  try {
    first = parseFrames(frames).ranges[0]?.first ?? 1;
  } catch {
    // a frame list MxDC should not have sent: the first frame stays 1
  }
  return template.replace(/\{(?::0?(\d*)d)?\}/, (_match, width: string | undefined) => String(first).padStart(Number(width || 0), '0'));
}

const exists = (file: string) => fsp.stat(file).then(() => true, () => false);

function summarise(kind: string, checked: number, missing: string[], fix: string): Finding[] {
  if (checked === 0) return [];
  if (missing.length === 0) return [ok(`the newest ${checked} ${kind} have their files`)];
  const more = missing.length > NAMED ? ` (and ${missing.length - NAMED} more)` : '';
  return missing.slice(0, NAMED).map((what, i) => error(`${what}${i === NAMED - 1 ? more : ''}`, fix));
}

export const recordedFilesCheck: DoctorCheck = {
  name: 'recorded files',
  async run(context) {
    const database = databaseOrSkip(context);
    if ('level' in database) return [database];
    const db = database.db;
    const beamlineFix = 'mount the data directory where it was, restore the files from a backup, or move them back';

    // Records whose directory was outside the roots (or whose key was revoked) serve nothing anyway.
    const datasets = await db.selectFrom('datasets').innerJoin('proxy_keys', 'proxy_keys.key', 'datasets.proxy_key')
      .select(['datasets.id', 'datasets.name', 'datasets.file_name', 'datasets.frames', 'proxy_keys.path'])
      .where('proxy_keys.outside_roots', '=', false).where('proxy_keys.revoked_at', 'is', null)
      .orderBy('datasets.id', 'desc').limit(SAMPLE_SIZE).execute();
    const missingDatasets: string[] = [];
    for (const dataset of datasets) {
      const problem = await readProblem(dataset.path);
      if (problem !== null) {
        missingDatasets.push(`dataset ${dataset.id} (${dataset.name}): its directory ${dataset.path} cannot be read: ${problem}`);
        continue;
      }
      if (dataset.file_name === '') continue;
      const file = path.join(dataset.path, firstFrameFile(dataset.file_name, dataset.frames));
      if (!(await exists(file))) missingDatasets.push(`dataset ${dataset.id} (${dataset.name}): ${file} is missing`);
    }

    const reports = await db.selectFrom('reports').innerJoin('proxy_keys', 'proxy_keys.key', 'reports.proxy_key')
      .select(['reports.id', 'reports.name', 'proxy_keys.path'])
      .where('proxy_keys.outside_roots', '=', false).where('proxy_keys.revoked_at', 'is', null)
      .orderBy('reports.id', 'desc').limit(SAMPLE_SIZE).execute();
    const missingReports: string[] = [];
    for (const report of reports) {
      const problem = await readProblem(report.path);
      if (problem !== null) missingReports.push(`report ${report.id} (${report.name}): its directory ${report.path} cannot be read: ${problem}`);
    }

    const store = new LocalFileStore(path.join(context.config.dataDir, 'files'));
    const products = await db.selectFrom('data_products').select(['id', 'product_id', 'file_key'])
      .orderBy('id', 'desc').limit(SAMPLE_SIZE).execute();
    const missingProducts: string[] = [];
    for (const product of products) {
      if (!(await store.stat(product.file_key).catch(() => null))) {
        missingProducts.push(`data product ${product.id} (${product.product_id}): ${path.join(context.config.dataDir, 'files', product.file_key)} is missing`);
      }
    }

    const findings = [
      ...summarise('datasets', datasets.length, missingDatasets, beamlineFix),
      ...summarise('reports', reports.length, missingReports, beamlineFix),
      ...summarise('data products', products.length, missingProducts,
        'restore LIGHTPATH_DATA_DIR/files from a backup; on several machines, check that every one mounts the same files directory'),
    ];
    return findings.length > 0 ? findings : [ok('no datasets, reports or data products recorded yet')];
  },
};
