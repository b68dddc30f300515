// `target_extra_fields:` and `targets:` in a load file: declared extra fields, and targets with
// their extra values and data product files (copied into the file store).
import fs from 'node:fs';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { LoadContext, LoadSection } from '../loader/section.ts';
import { differences } from '../loader/report.ts';
import { LoadError } from '../loader/load-file.ts';
import { isoNow } from '../platform/time.ts';
import { addToGroup, fileKeyFor, groupByName, saveDataProduct } from './data-products.ts';
import { rawExtras, setExtras, storedExtra, declaredExtraFields, ORBITAL_COLUMNS } from './targets.ts';

const FieldType = Type.Union(['string', 'number', 'boolean', 'datetime'].map((t) => Type.Literal(t)));

const ExtraFieldsSection = Type.Array(Type.Object({
  name: Type.String({ pattern: '^[A-Za-z_][\\w-]{0,99}$' }),
  type: FieldType,
}, { additionalProperties: false }));

export const targetExtraFieldsSection: LoadSection<Static<typeof ExtraFieldsSection>> = {
  key: 'target_extra_fields',
  schema: ExtraFieldsSection,
  async apply(entries, { db, report }) {
    for (const entry of entries) {
      const existing = await db.selectFrom('target_extra_fields').select('type').where('name', '=', entry.name).executeTakeFirst();
      if (!existing) await db.insertInto('target_extra_fields').values({ name: entry.name, type: entry.type as never }).execute();
      else if (existing.type !== entry.type) await db.updateTable('target_extra_fields').set({ type: entry.type as never }).where('name', '=', entry.name).execute();
      report.add('extra field', entry.name, !existing ? 'created' : existing.type !== entry.type ? 'updated' : 'unchanged', existing && existing.type !== entry.type ? ['type'] : []);
    }
  },
};

const optionalNumber = Type.Optional(Type.Number());
const TargetEntry = Type.Object({
  identifier: Type.String({ pattern: '^[A-Za-z0-9][\\w.+-]{0,99}$' }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  name2: Type.Optional(Type.String()),
  name3: Type.Optional(Type.String()),
  kind: Type.Optional(Type.Union([Type.Literal('sidereal'), Type.Literal('non_sidereal')])),
  ra: optionalNumber, dec: optionalNumber, epoch: optionalNumber, pm_ra: optionalNumber, pm_dec: optionalNumber, parallax: optionalNumber,
  scheme: Type.Optional(Type.Union(['MPC_MINOR_PLANET', 'MPC_COMET', 'JPL_MAJOR_PLANET'].map((s) => Type.Literal(s)))),
  ...Object.fromEntries(ORBITAL_COLUMNS.map((c) => [c, optionalNumber])),
  public: Type.Optional(Type.Boolean()),
  owner: Type.Optional(Type.String({ description: 'username of the owner' })),
  extra_fields: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
  data_products: Type.Optional(Type.Array(Type.Object({
    file: Type.String({ description: 'path of the file, relative to the load file' }),
    type: Type.Optional(Type.String()),
    facility: Type.Optional(Type.String({ pattern: '^[\\w-]{1,60}$' })),
    group: Type.Optional(Type.String()),
  }, { additionalProperties: false }))),
}, { additionalProperties: false });

const TargetsSection = Type.Array(TargetEntry);
type TargetSpec = Static<typeof TargetsSection>[number];

const POSITION_FIELDS = ['ra', 'dec', 'epoch', 'pm_ra', 'pm_dec', 'parallax', 'scheme', ...ORBITAL_COLUMNS] as const;

export const targetsSection: LoadSection<TargetSpec[]> = {
  key: 'targets',
  schema: TargetsSection,
  async apply(entries, context) {
    const { db, report } = context;
    for (const entry of entries) {
      const ownerId = entry.owner === undefined ? null
        : (await db.selectFrom('users').select('id').where('username', '=', entry.owner).executeTakeFirst())?.id;
      if (ownerId === undefined) throw new LoadError(`target ${entry.identifier}: no user "${entry.owner}"`);
      const wanted: Record<string, unknown> = {
        name: entry.name, name2: entry.name2 ?? '', name3: entry.name3 ?? '', kind: entry.kind ?? (entry.scheme ? 'non_sidereal' : 'sidereal'),
        is_public: entry.public ?? false, owner_id: ownerId,
        ...Object.fromEntries(POSITION_FIELDS.map((f) => [f, (entry as Record<string, unknown>)[f] ?? null])),
      };
      const existing = await db.selectFrom('targets').selectAll().where('identifier', '=', entry.identifier).executeTakeFirst();
      let targetId: number;
      if (!existing) {
        const now = isoNow();
        targetId = (await db.insertInto('targets').values({ identifier: entry.identifier, ...wanted, created_at: now, updated_at: now } as never)
          .returning('id').executeTakeFirstOrThrow()).id;
        report.add('target', entry.identifier, 'created');
      } else {
        targetId = existing.id;
        const changes = differences({ ...existing, is_public: Boolean(existing.is_public) }, wanted);
        if (changes.length) {
          await db.updateTable('targets').set({ ...Object.fromEntries(changes.map((k) => [k, wanted[k]])), updated_at: isoNow() }).where('id', '=', targetId).execute();
        }
        report.add('target', entry.identifier, changes.length ? 'updated' : 'unchanged', changes);
      }
      await applyExtras(context, targetId, entry);
      await applyDataProducts(context, targetId, entry);
    }
  },
};

async function applyExtras({ db, platform, report }: LoadContext, targetId: number, entry: TargetSpec): Promise<void> {
  if (!entry.extra_fields) return;
  const declared = await declaredExtraFields(db, platform.config.tom);
  const current = await rawExtras(db, targetId);
  const changed: Record<string, string> = {};
  for (const [key, value] of Object.entries(entry.extra_fields)) {
    const type = declared.find((f) => f.name === key)?.type ?? 'string';
    const stored = storedExtra(value, type);
    if (current[key] !== stored) changed[key] = stored;
  }
  if (Object.keys(changed).length > 0) {
    await setExtras(db, targetId, changed);
    report.add('extra fields of', entry.identifier, 'updated', Object.keys(changed));
  }
}

async function applyDataProducts({ db, platform, report, baseDir }: LoadContext, targetId: number, entry: TargetSpec): Promise<void> {
  for (const product of entry.data_products ?? []) {
    const source = path.resolve(baseDir, product.file);
    if (!fs.existsSync(source)) throw new LoadError(`target ${entry.identifier}: no file ${product.file}`);
    const fileName = path.basename(source);
    const key = fileKeyFor(entry.identifier, product.facility ?? null, fileName);
    let row = await db.selectFrom('data_products').select(['id']).where('file_key', '=', key).executeTakeFirst();
    if (!row) {
      row = await saveDataProduct(db, platform.files, {
        targetId, targetIdentifier: entry.identifier, facility: product.facility ?? null, fileName, dataProductType: product.type ?? guessType(fileName),
      }, fs.createReadStream(source));
      report.add('data product', fileName, 'created');
    } else {
      report.add('data product', fileName, 'unchanged');
    }
    if (product.group) await addToGroup(db, (await groupByName(db, product.group, true))!, [row.id]);
  }
}

function guessType(fileName: string): string {
  if (/\.(fits|fit|fts)(\.fz|\.gz)?$|\.fz$/i.test(fileName)) return 'fits_file';
  if (/\.(png|jpe?g|gif|webp)$/i.test(fileName)) return 'image_file';
  if (/\.csv$/i.test(fileName)) return 'photometry';
  return '';
}
