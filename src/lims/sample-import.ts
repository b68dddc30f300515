// Importing a container's samples from a CSV file (columns name, location, group, barcode,
// comments, priority; only name and location are required). Every row is checked first — against
// the file itself and against what the container already holds — and every bad row is reported;
// nothing is written unless all rows are good.
import type { Db } from '../platform/db/database.ts';
import { badRequest, HttpError } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { logActivity } from './activity.ts';
import { lockEditableContainer } from './containers.ts';
import { CsvError, parseCsv } from './csv.ts';
import type { CsvRecord } from './csv.ts';
import { BARCODE, SAMPLE_NAME, slotProblem, slotsOf } from './samples.ts';
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

const nameRule = new RegExp(SAMPLE_NAME);
const barcodeRule = new RegExp(BARCODE);

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

export async function importSamples(db: Db, actor: Actor, containerId: number, text: string): Promise<Sample[]> {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw badRequest(`The file is not valid CSV: ${error.message}.`);
    throw error;
  }
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
      if (name === '') errors.push('name is missing');
      else if (!nameRule.test(name)) errors.push(`name "${name}" must be 1 to 60 letters, digits, _ or -`);
      const location = cell('location');
      let locationId = 0;
      if (location === '') {
        errors.push('location is missing');
      } else {
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
      const barcode = cell('barcode');
      if (barcode !== '' && !barcodeRule.test(barcode)) errors.push(`barcode "${barcode}" must be 1 to 60 letters, digits, _ or -`);
      const priorityText = cell('priority');
      const priority = priorityText === '' ? null : Number(priorityText);
      if (priority !== null && !(/^[+-]?\d+$/.test(priorityText) && Number.isSafeInteger(priority))) errors.push(`priority "${priorityText}" is not a whole number`);
      const comments = cell('comments');
      if (errors.length > 0) bad.push({ row: record.row, errors });
      else good.push({ name, locationId, groupId: groupId ?? null, barcode: barcode || null, comments: comments || null, priority });
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
