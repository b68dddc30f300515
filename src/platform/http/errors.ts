// Errors that carry their HTTP answer. Services throw these; the error handler turns every error,
// ours or Fastify's, into JSON {"detail": "..."} (plus "fields" for validation problems).
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, fields?: Record<string, string[]>) =>
  new HttpError(400, detail, fields ? { fields } : {});
export const unauthorized = (detail = 'Authentication credentials were not provided.') => new HttpError(401, detail);
export const forbidden = (detail = 'You do not have permission to perform this action.') => new HttpError(403, detail);
export const notFound = (detail = 'Not found.') => new HttpError(404, detail);
export const conflict = (detail: string) => new HttpError(409, detail);
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new HttpError(429, detail, {}, { 'retry-after': String(retryAfterSeconds) });
