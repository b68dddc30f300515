// Who may do what with a target, for the REST routes: see it (staff, its owner, anyone if public)
// and change it or what belongs to it (staff and its owner). Lists use the SQL conditions; a single
// target answers 404 when it may not be seen and 403 when it may be seen but not changed.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { mayChangeTarget, visibleTarget } from '../targets.ts';
import type { TargetRow } from '../targets.ts';

export const NO_TARGET = 'No such target.';

/** SQL condition: targets this principal may change. */
export function changeableTargets(principal: Principal) {
  return (eb: any) => {
    if (principal.kind === 'user' && principal.user.isStaff) return eb.val(true);
    if (principal.kind === 'user') return eb('targets.owner_id', '=', principal.user.id);
    return eb.val(false);
  };
}

export async function seeTarget(db: Db, request: FastifyRequest, id: number): Promise<TargetRow> {
  const target = await visibleTarget(db, request.principal, { id });
  if (!target) throw notFound(NO_TARGET);
  return target;
}

export async function changeTarget(db: Db, request: FastifyRequest, id: number): Promise<TargetRow> {
  const target = await seeTarget(db, request, id);
  if (!mayChangeTarget(request.principal, target)) throw forbidden('Only the target\'s owner or staff may change it or what belongs to it.');
  return target;
}
