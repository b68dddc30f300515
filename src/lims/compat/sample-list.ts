// ProjectSamples' answer (spec §3.4): the mountable samples as MxDC reads them, in mounting order,
// with that order as "priority". The response schema lets Fastify serialise the list with a
// compiled serialiser (fast-json-stringify) instead of JSON.stringify; the keys keep their order.
import { Type } from '@sinclair/typebox';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Beamline } from '../beamlines.ts';
import { mountableSamples } from '../project-samples.ts';
import type { MountableSample } from '../project-samples.ts';
import type { MxdcLookups } from './mxdc-lookups.ts';

const text = Type.String();
// A type list, not a union: fast-json-stringify picks a union's branch by validating each value.
const maybeText = Type.Unsafe<string | null>({ type: ['string', 'null'] });

export const SAMPLE_LIST_SCHEMA = {
  hide: true,
  response: {
    200: Type.Array(Type.Object({
      container: text, container_type: text, group: maybeText, id: Type.Integer(), name: text,
      barcode: maybeText, comments: maybeText, location: text, port: text, priority: Type.Integer(),
    })),
  },
};

export async function sampleList(db: Db, lookups: MxdcLookups, projectId: number, beamline: Beamline): Promise<unknown[]> {
  const automounter = await lookups.automounterContainer(beamline.id);
  if (automounter === null) throw notFound(`Beamline "${beamline.acronym}" has no active automounter.`);
  const samples: Array<MountableSample & { priority?: number }> = await mountableSamples(db, projectId, automounter);
  // The rows are this call's own: numbering them in place spares copying a hundred objects.
  for (let index = 0; index < samples.length; index++) samples[index].priority = index;
  return samples;
}
