// The telescope side's live events in the shared event log (GET /rest/v1/events). Events about a
// target's things carry its id and no project: the stream lets a user hear of them only when they
// may see that target (staff, its owner, anyone signed in for a public one), asked of the database.
import type { Db } from '../platform/db/database.ts';
import type { Principal } from '../platform/auth/principal.ts';
import { recordEvent } from '../lims/events/record.ts';
import { visibleTargets } from './targets.ts';

/** Kinds whose subject names a target (`target_id`), seen through the target's visibility. */
export const TARGET_EVENT_KINDS = ['process.changed', 'data-product.changed'] as const;

/** Records that a process was created, logged a line, changed status or ended. */
export async function recordProcessChange(db: Db, process: { id: number; target_id: number | null }): Promise<void> {
  if (process.target_id === null) return;
  await recordEvent(db, 'process.changed', { projectId: null, beamlineId: null }, { process_id: process.id, target_id: process.target_id });
}

/** Records that some of a target's data products were added, got their preview, or were deleted. */
export async function recordProductChange(db: Db, targetId: number, productIds: number[]): Promise<void> {
  if (productIds.length === 0) return;
  await recordEvent(db, 'data-product.changed', { projectId: null, beamlineId: null }, { target_id: targetId, data_product_ids: productIds });
}

/** The rows of a stream batch this principal may see: target events only for targets they may see. */
export async function withVisibleTargets<R extends { kind: string; subject: string }>(db: Db, principal: Principal, rows: R[]): Promise<R[]> {
  const kinds: readonly string[] = TARGET_EVENT_KINDS;
  const targetOf = (row: R) => (kinds.includes(row.kind) ? Number((JSON.parse(row.subject) as { target_id?: unknown }).target_id) : null);
  const asked = [...new Set(rows.map(targetOf).filter((id): id is number => id !== null && Number.isInteger(id)))];
  if (asked.length === 0) return rows.filter((row) => targetOf(row) === null);
  const seen = new Set((await db.selectFrom('targets').select('id').where('id', 'in', asked).where(visibleTargets(principal)).execute()).map((t) => t.id));
  return rows.filter((row) => {
    const target = targetOf(row);
    return target === null || seen.has(target);
  });
}
