// Every error leaves as JSON {"detail": "..."}; validation errors also name the fields.
// Nothing internal (stack traces, SQL) reaches the client; 5xx are logged with the request id.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';
import { StoragePathError } from '../storage/file-store.ts';

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
  /** The rule that failed (Ajv's verbose mode): its description says in words what is allowed. */
  parentSchema?: { description?: unknown };
}

/** Rules whose own wording ("must match pattern \"^[A-Za-z…\"") means little to a person. */
const DESCRIBED_KEYWORDS = new Set(['pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'format']);
/** What a nullable or alternative field adds beside the real problem ("must be null"). */
const GENERIC_MESSAGES = new Set(['must be null', 'must match a schema in anyOf', 'must match exactly one schema in oneOf']);

function messageOf(issue: ValidationIssue): string {
  if (issue.params?.additionalProperty) return 'is not allowed';
  const description = issue.parentSchema?.description;
  if (issue.keyword && DESCRIBED_KEYWORDS.has(issue.keyword) && typeof description === 'string') return `must be ${description}`;
  return issue.message ?? 'is invalid';
}

/** "body/username must be string" → field "username"; a missing required property names itself. */
function fieldOf(issue: ValidationIssue): string {
  const missing = issue.params?.missingProperty;
  const pathParts = (issue.instancePath ?? '').split('/').filter(Boolean);
  if (typeof missing === 'string') pathParts.push(missing);
  const extra = issue.params?.additionalProperty;
  if (typeof extra === 'string') pathParts.push(extra);
  return pathParts.join('.') || 'non_field_errors';
}

export function describeValidation(issues: ValidationIssue[], context: string | undefined) {
  // A Map, because field names come from the client: "constructor" or "__proto__" must stay plain keys.
  const fields = new Map<string, string[]>();
  for (const issue of issues) {
    const field = fieldOf(issue);
    const messages = fields.get(field) ?? [];
    const message = messageOf(issue);
    if (!messages.includes(message)) fields.set(field, [...messages, message]);
  }
  for (const [field, messages] of fields) {
    const specific = messages.filter((message) => !GENERIC_MESSAGES.has(message));
    if (specific.length > 0) fields.set(field, specific);
  }
  const where = context === 'body' ? '' : ` in the ${context ?? 'request'}`;
  const summary = [...fields].map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ');
  return { detail: `Invalid input${where}: ${summary}`, fields: Object.fromEntries(fields) };
}

export function sendError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpError) {
    return reply.code(error.statusCode).headers(error.headers).send({ detail: error.detail, ...error.extra });
  }
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (fastifyError.validation) {
    return reply.code(400).send(describeValidation(fastifyError.validation as ValidationIssue[], fastifyError.validationContext));
  }
  if (error instanceof StoragePathError) return reply.code(400).send({ detail: error.message });
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return reply.code(status).send({ detail: clientMessage(fastifyError) });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(status !== undefined && status >= 500 ? status : 500).send({ detail: 'Internal server error.' });
}

/** Fastify's own 4xx messages, made plain where they are cryptic. */
function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `Unsupported Content-Type: ${error.message.replace(/^Unsupported Media Type:?\s*/, '') || 'none'}.`;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'Request body is too large.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'Request body is empty but Content-Type is application/json.';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'Request body is not valid JSON.';
    default:
      return error.message;
  }
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    try {
      return sendError(error as Error, request, reply);
    } catch (failure) {
      // Never let Fastify's own error shape out, even when describing an error fails.
      request.log.error({ err: failure, original: error }, 'error handler failed');
      return reply.code(500).send({ detail: 'Internal server error.' });
    }
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ detail: 'Not found.' }));
}
