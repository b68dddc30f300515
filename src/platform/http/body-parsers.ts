// The JSON and form parsers every route shares. Both refuse bytes that are not UTF-8 (rather than
// storing U+FFFD in their place) and text with NUL characters; JSON refuses nesting deeper than
// MAX_NESTING before parsing. Each failure is a 400 {"detail"} like any other bad input.
import querystring from 'node:querystring';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from './errors.ts';
import { checkBodyValue, refuseDeepJson } from './body-checks.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body as text, or a 400 naming the format when its bytes are not UTF-8. */
export function utf8Text(body: Buffer, format: string): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw badRequest(`Request body is not valid UTF-8 ${format}.`);
  }
}

/** Every key and value must decode: "%zz" and escapes of bytes that are not UTF-8 ("%FF") are refused. */
function refuseBadEscapes(text: string): void {
  for (const pair of text.split('&')) {
    try {
      decodeURIComponent(pair.replace(/\+/g, ' '));
    } catch {
      throw badRequest('Request body is not valid form encoding: a %-escape is malformed or not UTF-8.');
    }
  }
}

export function installBodyParsers(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer, done) => {
    try {
      const text = utf8Text(body, 'JSON');
      refuseDeepJson(text);
      let failure: Error | null = null;
      let value: unknown;
      parseJson(request, text, (error, parsed) => {
        failure = error;
        value = parsed;
      });
      if (failure) throw failure;
      // NUL can only arrive escaped ("\u0000"); most bodies have none and skip the walk.
      if (text.includes('\\u0000')) checkBodyValue(value, 'JSON', { depth: false });
      done(null, value);
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    try {
      const text = utf8Text(body, 'form data');
      refuseBadEscapes(text);
      const form = querystring.parse(text);
      checkBodyValue(form, 'form data', { depth: false });
      done(null, form);
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
