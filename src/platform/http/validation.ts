// Schema validation: bodies are checked strictly (no type coercion, unknown fields refused) so bad
// input is answered before any write; path and query strings are coerced, as they arrive as text.
// Query strings get the bodies' NUL check too: a "%00" would otherwise reach PostgreSQL as text.
import { Ajv } from 'ajv';
import type { Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { checkBodyValue } from './body-checks.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(options: Options): Ajv {
  // verbose: each error carries the failing rule, whose description words the error message.
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true, verbose: true, ...options });
  addFormats(ajv);
  return ajv;
}

export function installValidation(app: FastifyInstance): void {
  const strict = makeAjv({ coerceTypes: false, removeAdditional: false });
  const coercing = makeAjv({ coerceTypes: 'array', removeAdditional: false });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
  app.addHook('preValidation', async (request) => {
    // Only an escaped "%00" decodes to NUL (a raw NUL byte never gets past the HTTP parser).
    if (request.url.includes('%00')) checkBodyValue(request.query, 'query', { depth: false });
  });
}
