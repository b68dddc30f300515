// `lightpath load FILE`: reads a YAML or JSON file of facility configuration and demo data and
// creates or updates what it describes, all in one transaction. Loading a file twice changes nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { Value } from '@sinclair/typebox/value';
import type { Platform } from '../platform/context.ts';
import { LoadReport } from './report.ts';
import type { LoadSection } from './section.ts';

export class LoadError extends Error {}

export async function parseLoadFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new LoadError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = /\.json$/i.test(file) ? JSON.parse(text) : YAML.parse(text);
  } catch (error) {
    throw new LoadError(`${file} is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new LoadError(`${file} must hold a mapping of sections (such as "users:")`);
  }
  return document as Record<string, unknown>;
}

/** Checks every section before writing anything, then applies them in the order of `sections`. */
export async function loadDocument(platform: Platform, document: Record<string, unknown>, sections: LoadSection[], baseDir: string): Promise<LoadReport> {
  const known = new Map(sections.map((s) => [s.key, s]));
  const problems: string[] = [];
  for (const key of Object.keys(document)) {
    if (!known.has(key)) problems.push(`unknown section "${key}" (known: ${[...known.keys()].join(', ')})`);
  }
  for (const section of sections) {
    if (!(section.key in document)) continue;
    for (const error of Value.Errors(section.schema, document[section.key])) {
      problems.push(`${section.key}${error.path.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}: ${error.message}`);
      if (problems.length > 20) break;
    }
  }
  if (problems.length > 0) throw new LoadError(problems.join('\n'));

  const report = new LoadReport();
  await platform.db.transaction().execute(async (db) => {
    for (const section of sections) {
      if (section.key in document) await section.apply(document[section.key], { db, platform, report, baseDir });
    }
  });
  return report;
}

export async function loadFile(platform: Platform, file: string, sections: LoadSection[]): Promise<LoadReport> {
  return loadDocument(platform, await parseLoadFile(file), sections, path.dirname(path.resolve(file)));
}
