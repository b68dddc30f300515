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
import { HttpError } from '../platform/http/errors.ts';
import { addToGroup, fileKeyFor, groupByName } from './data-products.ts';
import { createTarget, declaredExtraFields, rawExtras, setExtras } from './targets.ts';
import type { TargetFields, TargetRow } from './targets.ts';
import { TargetIn } from './rest/target-schemas.ts';
import { extraValues, positionColumns, problemsText } from './rest/target-input.ts';
import type { PositionColumns } from './rest/target-input.ts';
import { ProductType } from './rest/data-products.ts';
import { UPLOAD_LIMIT_BYTES } from './uploads/checked-stream.ts';
import { guessedType } from './uploads/claims.ts';
import { checkContent, uploadDataProduct } from './uploads/upload.ts';

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

// A target in a load file is what POST /rest/v1/targets takes, plus its owner and files, checked
// by the same rules (target-input.ts, uploads/). Every target and file is checked before anything
// is written, so a refused file leaves nothing behind; each problem names its item.
const TargetEntry = Type.Object({
  ...TargetIn.properties,
  owner: Type.Optional(Type.String({ description: 'username of the owner' })),
  data_products: Type.Optional(Type.Array(Type.Object({
    file: Type.String({ minLength: 1, description: 'path of the file, relative to the load file' }),
    type: Type.Optional(ProductType),
    facility: Type.Optional(Type.String({ pattern: '^[\\w-]{1,60}$' })),
    group: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  }, { additionalProperties: false }))),
}, { additionalProperties: false });

const TargetsSection = Type.Array(TargetEntry);
type TargetSpec = Static<typeof TargetsSection>[number];

interface ProductPlan {
  source: string;
  fileName: string;
  facility: string | null;
  dataProductType: string;
  group: string | null;
}

interface TargetPlan {
  entry: TargetSpec;
  existing: TargetRow | null;
  ownerId: number | null;
  position: PositionColumns;
  extras: Record<string, string | null>;
  products: ProductPlan[];
}

export const targetsSection: LoadSection<TargetSpec[]> = {
  key: 'targets',
  schema: TargetsSection,
  async apply(entries, context) {
    const plans = await checkTargets(entries, context);
    for (const plan of plans) await applyTarget(plan, context);
  },
};

async function checkTargets(entries: TargetSpec[], { db, platform, baseDir }: LoadContext): Promise<TargetPlan[]> {
  const declared = await declaredExtraFields(db, platform.config.tom);
  const problems: string[] = [];
  const plans: TargetPlan[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const item = `targets[${index}] (target ${entry.identifier})`;
    if (seen.has(entry.identifier)) problems.push(`${item}: the identifier is given twice`);
    seen.add(entry.identifier);
    const existing = (await db.selectFrom('targets').selectAll().where('identifier', '=', entry.identifier).executeTakeFirst()) ?? null;
    const ownerId = entry.owner === undefined ? null
      : (await db.selectFrom('users').select('id').where('username', '=', entry.owner).executeTakeFirst())?.id;
    if (ownerId === undefined) problems.push(`${item}: no user "${entry.owner}"`);
    const found: Record<string, string[]> = {};
    const position = positionColumns(entry, existing, found);
    const extras = extraValues(entry.extra_fields ?? {}, declared, found);
    if (Object.keys(found).length > 0) problems.push(`${item}: ${problemsText(found)}`);
    const products: ProductPlan[] = [];
    for (const [n, product] of (entry.data_products ?? []).entries()) {
      const where = `targets[${index}].data_products[${n}] (target ${entry.identifier}, file ${product.file})`;
      const planned = await checkProduct(baseDir, product);
      if (typeof planned === 'string') problems.push(`${where}: ${planned}`);
      else if (products.some((p) => p.fileName === planned.fileName && p.facility === planned.facility)) problems.push(`${where}: another file of this target has the same name`);
      else products.push(planned);
    }
    plans.push({ entry, existing, ownerId: ownerId ?? null, position, extras, products });
  }
  if (problems.length > 0) throw new LoadError(problems.join('\n'));
  return plans;
}

/** The product to store, or why it cannot be: the file is read through the upload check. */
async function checkProduct(baseDir: string, product: NonNullable<TargetSpec['data_products']>[number]): Promise<ProductPlan | string> {
  const source = path.resolve(baseDir, product.file);
  const fileName = path.basename(source);
  const dataProductType = product.type ?? guessedType(fileName);
  try {
    if (!fs.statSync(source, { throwIfNoEntry: false })?.isFile()) return 'no such file';
    await checkContent(fileName, dataProductType, UPLOAD_LIMIT_BYTES, fs.createReadStream(source));
  } catch (error) {
    return error instanceof HttpError ? error.detail : (error as Error).message;
  }
  const facility = product.facility === undefined || product.facility === 'none' ? null : product.facility;
  return { source, fileName, facility, dataProductType, group: product.group ?? null };
}

async function applyTarget(plan: TargetPlan, { db, platform, report }: LoadContext): Promise<void> {
  const { entry, existing } = plan;
  const wanted: Record<string, unknown> = {
    name: entry.name, name2: entry.name2 ?? '', name3: entry.name3 ?? '', is_public: entry.public ?? false, owner_id: plan.ownerId, ...plan.position,
  };
  let target: TargetRow;
  if (!existing) {
    target = await createTarget(db, { identifier: entry.identifier, ...wanted } as TargetFields, {});
    report.add('target', entry.identifier, 'created');
  } else {
    const changes = differences({ ...existing, is_public: Boolean(existing.is_public) }, wanted);
    if (changes.length) {
      await db.updateTable('targets').set({ ...Object.fromEntries(changes.map((k) => [k, wanted[k]])), updated_at: isoNow() }).where('id', '=', existing.id).execute();
    }
    target = existing;
    report.add('target', entry.identifier, changes.length ? 'updated' : 'unchanged', changes);
  }
  const current = await rawExtras(db, target.id);
  const changed = Object.fromEntries(Object.entries(plan.extras).filter(([key, value]) => (current[key] ?? null) !== value));
  if (Object.keys(changed).length > 0) {
    await setExtras(db, target.id, changed);
    report.add('extra fields of', entry.identifier, 'updated', Object.keys(changed));
  }
  for (const product of plan.products) {
    const key = fileKeyFor(entry.identifier, product.facility, product.fileName);
    let row = await db.selectFrom('data_products').select(['id']).where('file_key', '=', key).executeTakeFirst();
    if (!row) {
      row = await uploadDataProduct(db, platform.files, {
        target, fileName: product.fileName, dataProductType: product.dataProductType, facility: product.facility, group: null, limitBytes: UPLOAD_LIMIT_BYTES,
        enqueue: platform.jobs.enqueue.bind(platform.jobs),
      }, fs.createReadStream(product.source));
      report.add('data product', product.fileName, 'created');
    } else {
      report.add('data product', product.fileName, 'unchanged');
    }
    if (product.group) await addToGroup(db, (await groupByName(db, product.group, true))!, [row.id]);
  }
}
