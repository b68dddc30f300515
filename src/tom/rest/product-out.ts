// How a data product looks in the REST API: its file name, facility and URL under /data/ are read
// from its place in the file store ("<target identifier>/<facility or none>/<file>").
import { Type } from '@sinclair/typebox';
import type { Db } from '../../platform/db/database.ts';
import { dataUrl } from '../data-products.ts';
import type { DataProductRow } from '../data-products.ts';
import { Nullable, Timestamp } from './common.ts';

export const GroupRef = Type.Object({ id: Type.Integer(), name: Type.String() });

export const DataProductOut = Type.Object({
  id: Type.Integer(),
  target_id: Type.Integer(),
  product_id: Type.String(),
  file_name: Type.String(),
  facility: Nullable(Type.String()),
  data_product_type: Type.String({ description: 'fits_file, image_file, photometry, spectroscopy, timelapse, plot, or "".' }),
  size: Type.Integer({ description: 'Bytes.' }),
  url: Type.String({ description: 'Where the file is served (same access rules as its target).' }),
  thumbnail_url: Nullable(Type.String({ description: 'A FITS image\'s PNG preview, made shortly after the product arrives; null until then, and for other files.' })),
  extra_data: Type.Record(Type.String(), Type.Unknown()),
  groups: Type.Array(GroupRef),
  created_at: Timestamp,
});

/** Where a product's thumbnail is served (thumbnails.ts), once it has one. */
export function thumbnailUrl(productId: number): string {
  return `/rest/v1/data-products/${productId}/thumbnail`;
}

function parsedObject(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

export function productOut(row: DataProductRow, groups: Array<{ id: number; name: string }>) {
  const [, facility, ...name] = row.file_key.split('/');
  return {
    id: row.id, target_id: row.target_id, product_id: row.product_id, file_name: name.join('/'),
    facility: facility === 'none' ? null : facility, data_product_type: row.data_product_type, size: Number(row.size),
    url: dataUrl(row.file_key), thumbnail_url: row.thumbnail_key ? thumbnailUrl(row.id) : null, extra_data: parsedObject(row.extra_data), groups, created_at: row.created_at,
  };
}

/** The products with their groups, fetched in one query. */
export async function productsOut(db: Db, rows: DataProductRow[]) {
  const groups = new Map<number, Array<{ id: number; name: string }>>(rows.map((r) => [r.id, []]));
  if (rows.length > 0) {
    const memberships = await db.selectFrom('data_product_group_members as m').innerJoin('data_product_groups as g', 'g.id', 'm.group_id')
      .select(['m.data_product_id', 'g.id', 'g.name']).where('m.data_product_id', 'in', rows.map((r) => r.id)).orderBy('g.name').execute();
    for (const m of memberships) groups.get(m.data_product_id)!.push({ id: m.id, name: m.name });
  }
  return rows.map((row) => productOut(row, groups.get(row.id)!));
}
