// ProjectSamples' answer (spec §3.4): the mountable samples as MxDC reads them, in mounting order,
// with that order as "priority". The database writes the JSON (see project-samples.ts) and it is
// sent as it comes; the response schema stays as the answer's documented contract.
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { DatabaseKind } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Beamline } from '../beamlines.ts';
import { mountableSamplesJson } from '../project-samples.ts';
import type { MxdcLookups } from './mxdc-lookups.ts';

const text = Type.String();
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

export interface SampleListSource {
  db: Db;
  kind: DatabaseKind;
  lookups: MxdcLookups;
}

/** Sends the list; a string with a JSON content type goes out as it is, without the serialiser. */
export async function sendSampleList(reply: FastifyReply, source: SampleListSource, projectId: number, beamline: Beamline): Promise<FastifyReply> {
  const automounter = await source.lookups.automounterContainer(beamline.id);
  if (automounter === null) throw notFound(`Beamline "${beamline.acronym}" has no active automounter.`);
  const list = await mountableSamplesJson(source.db, source.kind, projectId, automounter);
  return reply.type('application/json; charset=utf-8').send(list);
}
