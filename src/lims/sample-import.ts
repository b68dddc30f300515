// Importing a container's samples from a CSV file (columns name, location, group, barcode,
// comments, priority; only name and location are required). The file must be UTF-8. Every row is
// checked first — against the same field rules as the JSON API, against the file itself and
// against what the container already holds — and every bad row is reported; nothing is written
// unless all rows are good.
import type { Db } from '../platform/db/database.ts';
import { badRequest, HttpError } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { logActivity } from './activity.ts';
import { lockEditableContainer } from './containers.ts';
import { CsvEncodingError, CsvError, decodeCsv, parseCsv } from './csv.ts';
import type { CsvRecord } from './csv.ts';
import { SampleRules } from './field-rules.ts';
import { fieldProblems } from './field-problems.ts';
import { slotProblem, slotsOf } from './samples.ts';
import type { Sample } from './samples.ts';
import type { Actor } from './visibility.ts';

export const IMPORT_COLUMNS = ['name', 'location', 'group', 'barcode', 'comments', 'priority'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: Column[] = ['name', 'location'];

export interface RowErrors {
  row: number;
  errors: string[];
}

interface GoodRow {
  name: string;
  locationId: number;
  groupId: number | null;
  barcode: string | null;
  comments: string | null;
  priority: number | null;
}

/** Which column each header cell is; refuses unknown, repeated and missing columns. */
function readHeader(header: CsvRecord | undefined): Map<Column, number> {
  if (!header) throw badRequest('The file is empty; the first row must name the columns (name, location, …).');
  const columns = new Map<Column, number>();
  const unknown: string[] = [];
  header.fields.forEach((cell, index) => {
    const name = cell.trim().toLowerCase() as Column;
    // Spreadsheets often add empty columns at the end; a blank header names nothing.
    if ((name as string) === '') return;
    if (!IMPORT_COLUMNS.includes(name)) unknown.push(cell.trim());
    else if (columns.has(name)) throw badRequest(`The column "${name}" appears twice.`);
    else columns.set(name, index);
  });
  if (unknown.length > 0) throw badRequest(`Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; the columns are ${IMPORT_COLUMNS.join(', ')}.`);
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) throw badRequest(`The first row must name the column${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}.`);
  return columns;
}

/** The rows of the file; bytes that are not UTF-8 and broken quoting are a 400 naming the row. */
function readRecords(bytes: Uint8Array): CsvRecord[] {
  try {
    return parseCsv(decodeCsv(bytes));
  } catch (error) {
    if (error instanceof CsvEncodingError) {
      const column = error.field === null ? null : error.header?.[error.field]?.trim() || `field ${error.field + 1}`;
      const where = error.row === 1 && error.header === null ? 'the header row' : `row ${error.row}${column ? `, ${column}` : ''}`;
      throw new HttpError(400, `The file is not UTF-8 text (first at ${where}); save it as UTF-8 ("CSV UTF-8" in spreadsheets). Nothing was imported.`,
        { rows: [{ row: error.row, errors: [`${column ?? 'the row'} is not UTF-8 text`] }] });
    }
    if (error instanceof CsvError) throw badRequest(`The file is not valid CSV: ${error.message}.`);
    throw error;
  }
}

/** A priority cell: a whole number, or the text as it is (which the rule then refuses). */
const priorityOf = (text: string) => (/^[+-]?\d{1,15}$/.test(text) ? Number(text) : text);

export async function importSamples(db: Db, actor: Actor, containerId: number, bytes: Uint8Array): Promise<Sample[]> {
  const records = readRecords(bytes);
  const columns = readHeader(records[0]);
  const width = records[0].fields.length;
  const rows = records.slice(1).filter((r) => r.fields.some((f) => f.trim() !== ''));

  return db.transaction().execute(async (trx) => {
    const container = await lockEditableContainer(trx, actor, containerId);
    if (rows.length === 0) throw badRequest('The file has no samples, only the header row.');
    const slots = await slotsOf(trx, container.container_type_id);
    const held = new Map((await trx.selectFrom('samples').select(['location_id', 'name']).where('container_id', '=', container.id).execute())
      .map((s) => [s.location_id, s.name]));
    const groups = new Map((await trx.selectFrom('sample_groups').select(['id', 'name']).where('shipment_id', '=', container.shipment_id!).execute())
      .map((g) => [g.name, g.id]));
    const shipment = await trx.selectFrom('shipments').select('name').where('id', '=', container.shipment_id!).executeTakeFirstOrThrow();

    const seenAt = new Map<string, number>();
    const good: GoodRow[] = [];
    const bad: RowErrors[] = [];
    for (const record of rows) {
      const errors: string[] = [];
      const cell = (column: Column) => (columns.has(column) ? (record.fields[columns.get(column)!] ?? '').trim() : '');
      const extra = record.fields.slice(width).filter((f) => f.trim() !== '');
      if (extra.length > 0) errors.push(`has ${record.fields.length} fields but the header has ${width}`);
      const name = cell('name');
      const location = cell('location');
      // Empty cells are absent fields; the rest meet the JSON API's rules.
      const optional = (column: Column) => cell(column) || undefined;
      const priority = optional('priority');
      const fields = {
        name: optional('name'), location: optional('location'), barcode: optional('barcode'), comments: optional('comments'),
        priority: priority === undefined ? undefined : priorityOf(priority),
      };
      const problems = fieldProblems(SampleRules, fields);
      errors.push(...problems);
      if (name === '') errors.push('name is missing');
      let locationId = 0;
      if (location === '') {
        errors.push('location is missing');
      } else if (!problems.some((p) => p.startsWith('location '))) {
        const problem = slotProblem(container, slots, location);
        if (problem) errors.push(problem);
        else {
          locationId = slots.get(location)!.id;
          if (seenAt.has(location)) errors.push(`location ${location} is also used on row ${seenAt.get(location)}`);
          else seenAt.set(location, record.row);
          if (held.has(locationId)) errors.push(`location ${location} already holds sample ${held.get(locationId)}`);
        }
      }
      const group = cell('group');
      const groupId = group === '' ? null : groups.get(group);
      if (groupId === undefined) errors.push(`no group "${group}" in shipment ${shipment.name}`);
      if (errors.length > 0) bad.push({ row: record.row, errors });
      else good.push({ name, locationId, groupId: groupId ?? null, barcode: fields.barcode ?? null, comments: fields.comments ?? null, priority: (fields.priority as number | undefined) ?? null });
    }
    if (bad.length > 0) {
      throw new HttpError(400, `${bad.length} of ${rows.length} rows have errors; nothing was imported.`, { rows: bad });
    }

    const now = isoNow();
    const created = await trx.insertInto('samples').values(good.map((g) => ({
      project_id: container.project_id!, container_id: container.id, location_id: g.locationId, group_id: g.groupId, name: g.name,
      barcode: g.barcode, comments: g.comments, priority: g.priority, collect_status: false, created_at: now, updated_at: now,
    }))).returningAll().execute();
    await logActivity(trx, {
      projectId: container.project_id, userId: actor.userId, address: actor.address, action: 'create', objectType: 'container', objectId: container.id,
      description: `${created.length} samples imported into ${container.name}`,
    });
    return created.sort((a, b) => a.id - b.id);
  });
}
