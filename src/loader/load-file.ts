// `lightpath load FILE`: reads a YAML or JSON file of facility configuration and demo data and
// creates or updates what it describes, all in one transaction. Loading a file twice changes nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { Value } from '@sinclair/typebox/value';
import type { Platform } from '../platform/context.ts';
import { LoadReport } from './report.ts';
import { utf8Prefix } from './utf8-prefix.ts';
import type { LoadSection } from './section.ts';

export class LoadError extends Error {}

export async function parseLoadFile(file: string): Promise<Record<string, unknown>> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw new LoadError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const text = utf8Text(file, bytes);
  let document: unknown;
  try {
    document = /\.json$/i.test(file) ? JSON.parse(text) : YAML.parse(text);
  } catch (error) {
    // The parser's first line says what and where; the rest is a picture of the text around it.
    const what = (error as Error).message.split('\n')[0].replace(/:$/, '');
    throw new LoadError(`${file} is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${what}`);
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new LoadError(`${file} must hold a mapping of sections (such as "users:")`);
  }
  return document as Record<string, unknown>;
}

/** The file's text; bytes that are not UTF-8 are refused, naming the line of the first, as CSV import does. */
function utf8Text(file: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = utf8Prefix(bytes).split(/\r\n|\r|\n/).length;
    throw new LoadError(`${file} is not UTF-8 text (line ${line}); save it as UTF-8`);
  }
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
      // A rule with a description says it in the words the API document uses.
      const rule = typeof error.schema.description === 'string' ? `must be ${error.schema.description}` : error.message;
      problems.push(`${itemPath(document, section.key, error.path)}: ${rule}`);
      if (problems.length > 20) break;
    }
    problems.push(...nulCharacters(document, section.key).slice(0, 20));
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

/** An item's own name, where it has one, to say which item a problem is in. */
function nameOf(item: unknown): string | null {
  if (item === null || typeof item !== 'object') return null;
  for (const key of ['name', 'username', 'acronym', 'identifier']) {
    const value = (item as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.length > 0 && value.length <= 60) return value;
  }
  return null;
}

/**
 * `projects/0/shipments/1/name` as `projects[0].shipments[1].name (shipment S-1)`: the path, and
 * the innermost item on it that has a name of its own, to say which item a problem is in.
 */
function itemPath(document: Record<string, unknown>, section: string, pointer: string): string {
  let value: unknown = document[section];
  let text = section;
  let list = section;
  let named = '';
  for (const segment of pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    const child = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    if (Array.isArray(value)) {
      text += `[${segment}]`;
      const name = nameOf(child);
      if (name !== null) named = ` (${list.replace(/s$/, '')} ${name})`;
    } else {
      text += `.${segment}`;
      list = segment;
    }
    value = child;
  }
  return text + named;
}

/** Text with NUL characters, which PostgreSQL cannot store (the REST API refuses them too). */
function nulCharacters(document: Record<string, unknown>, section: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown, pointer: string): void => {
    if (found.length >= 20) return;
    if (typeof value === 'string' && value.includes('\u0000')) found.push(`${itemPath(document, section, pointer)}: contains a NUL character`);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  walk(document[section], '');
  return found;
}

export async function loadFile(platform: Platform, file: string, sections: LoadSection[]): Promise<LoadReport> {
  return loadDocument(platform, await parseLoadFile(file), sections, path.dirname(path.resolve(file)));
}
