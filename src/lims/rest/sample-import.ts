// POST /containers/{id}/samples/import: a container's samples from a CSV file, sent as the request
// body (text/csv) or as the one file of a multipart form. Registered in its own plugin context so
// its body parsers, and its 415 that names them, apply to this route only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { boundaryOf, singleFormFile } from '../form-file.ts';
import { importSamples } from '../sample-import.ts';
import { IdParams, Page, actorOf, errors, user } from './common.ts';
import { SampleOut, sampleOut, sampleQuery } from './samples.ts';

/** CSV files are small: a container holds at most a few hundred samples. */
const CSV_LIMIT = 1024 * 1024;
/** A form adds its boundaries and part headers to the file. */
const FORM_LIMIT = CSV_LIMIT + 16 * 1024;

/** The uploaded file's bytes, however it came; decoding and checking is the import's job. */
class CsvUpload {
  constructor(readonly bytes: Buffer) {}
}

const unsupported = (request: FastifyRequest) => new HttpError(415,
  `Unsupported Content-Type: ${request.headers['content-type'] || 'none'}. Send the CSV file as the request body with `
  + 'Content-Type: text/csv, or as the one file field of a multipart/form-data form.');

const ImportErrorOut = Type.Object({
  detail: Type.String(),
  fields: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))),
  rows: Type.Optional(Type.Array(Type.Object({ row: Type.Integer({ description: 'The row in the file; the header is row 1.' }), errors: Type.Array(Type.String()) }))),
});

/** The request body as the API document shows it; what arrives is checked by the import itself. */
const CSV_BODY = { description: 'UTF-8 CSV with a header row; name and location are required columns.' };
const FORM_BODY = {
  description: 'A form with one file field holding the CSV file.',
  properties: { file: { type: 'string', format: 'binary' } },
};

export async function sampleImportRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  await instance.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: CSV_LIMIT }, (_request, body: Buffer, done) => done(null, new CsvUpload(body)));
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: FORM_LIMIT }, (request, body: Buffer, done) => {
      try {
        done(null, new CsvUpload(singleFormFile(body, boundaryOf(request.headers['content-type'] ?? '')).bytes));
      } catch (error) {
        done(error as Error);
      }
    });
    scope.addContentTypeParser('*', (request, _payload, done) => done(unsupported(request)));

    const app = scope.withTypeProvider<TypeBoxTypeProvider>();
    const { db } = platform;
    app.post('/containers/:id/samples/import', {
      config: user,
      schema: {
        tags: ['samples'], params: IdParams,
        summary: 'Import samples into a container from a UTF-8 CSV file (columns name, location, group, barcode, comments, priority), '
          + 'sent as text/csv or as the one file of a multipart/form-data form. Every bad row is reported and nothing is imported unless all rows are good.',
        body: { content: { 'text/csv': { schema: CSV_BODY }, 'multipart/form-data': { schema: FORM_BODY } } },
        response: { 201: Page(SampleOut), ...errors, 400: ImportErrorOut, 413: ImportErrorOut, 415: ImportErrorOut },
      },
    }, async (request, reply) => {
      if (!(request.body instanceof CsvUpload)) throw unsupported(request);
      const actor = actorOf(request);
      const created = await importSamples(db, actor, request.params.id, request.body.bytes);
      const rows = await sampleQuery(db, actor).where('samples.id', 'in', created.map((s) => s.id)).orderBy('slot.position').execute();
      return reply.code(201).send({ count: rows.length, results: rows.map(sampleOut) });
    });
  });
}
