// POST /targets/{id}/observations/update-status: the target page's "Update status" button, as
// tom_base's "Update Observations Status" — asks each facility at once for the state of the
// target's observations that have not ended, instead of waiting for the next follow job. Frames
// of observations that succeeded are still fetched by the follow job.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import { ErrorOut, errors, IdParams, user } from '../../platform/http/rest-schemas.ts';
import { visibleTarget } from '../targets.ts';
import type { Facility } from './facility.ts';
import { refreshStates, stillOpen } from './refresh-states.ts';

const UpdatedOut = Type.Object({
  checked: Type.Integer({ description: 'Observations whose facility was asked.' }),
  changed: Type.Integer({ description: 'Observations whose state or schedule changed.' }),
});

export async function observationStatusRoutes(instance: FastifyInstance, platform: Platform, facilities: Map<string, Facility>): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  app.post('/targets/:id/observations/update-status', {
    config: user,
    schema: {
      tags: ['observations'], summary: 'Ask the facilities now for the state of the target\'s open observations',
      description: 'Anyone signed in who may see the target may ask. A facility that cannot be reached answers 502 and changes nothing of its observations.',
      params: IdParams, response: { 200: UpdatedOut, ...errors, 502: errors[400] },
    },
  }, async (request) => {
    const target = await visibleTarget(db, request.principal, { id: request.params.id });
    if (!target) throw notFound('No such target.');
    const records = await db.selectFrom('observation_records').selectAll().where('target_id', '=', target.id).execute();
    let checked = 0;
    let changed = 0;
    for (const facility of facilities.values()) {
      const open = stillOpen(facility, records);
      try {
        changed += await refreshStates(db, facility, open);
      } catch (error) {
        request.log.warn({ err: error, facility: facility.name }, 'observation states could not be updated');
        throw new HttpError(502, `${facility.name} did not answer: ${(error as Error).message}. Try again later.`);
      }
      checked += open.length;
    }
    return { checked, changed };
  });
}
