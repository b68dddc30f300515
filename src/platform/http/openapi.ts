// The OpenAPI document of Lightpath's own REST API (/rest/openapi.json) and its browsable page.
// Writes with a cookie login need the CSRF header as well as the cookie, so the document declares
// that header as a security scheme and every write route asks for it next to the cookie: Swagger UI
// then offers a field for it ("Authorize") and sends it with each write.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { SwaggerOptions } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { CSRF_HEADER } from '../auth/policy.ts';
import type { Access } from '../auth/policy.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type SecurityRequirements = Array<Record<string, string[]>>;

/** Either scheme is enough to read; a write with the cookie also needs the CSRF header. */
const READ_SECURITY: SecurityRequirements = [{ bearer: [] }, { session: [] }];
const WRITE_SECURITY: SecurityRequirements = [{ bearer: [] }, { session: [], csrf: [] }];

/**
 * A query parameter with a default (limit, offset) may be left out, so the document must not call
 * it required, or generated clients insist on it. Validation is unchanged: the default fills it in.
 */
function withOptionalDefaults<T extends { querystring?: unknown } | undefined>(schema: T): T {
  const query = schema?.querystring as { properties?: Record<string, { default?: unknown }>; required?: string[] } | undefined;
  if (!query?.required || !query.properties) return schema;
  const required = query.required.filter((name) => query.properties?.[name]?.default === undefined);
  return { ...schema, querystring: { ...query, required } } as T;
}

export async function registerOpenApi(app: FastifyInstance, options: { restPrefix: string; docsPrefix: string; baseUrl: string | null }): Promise<void> {
  const document: SwaggerOptions = {
    openapi: {
      info: { title: 'Lightpath', version: '1', description: 'Lightpath\'s own REST API. The MxLIVE v2 and tom_education compatibility APIs are documented in docs/api.md.' },
      servers: options.baseUrl ? [{ url: options.baseUrl }] : [],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (lpt_…)' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The cookie POST /rest/v1/auth/login sets' },
          csrf: {
            type: 'apiKey', in: 'header', name: CSRF_HEADER,
            description: 'With a cookie login, every write also sends this header: the csrf_token that login (or GET /rest/v1/auth/me) answers.',
          },
        },
      },
      security: READ_SECURITY,
    },
    // Shared schemas keep their $id as their name, so generated clients get stable type names.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`) },
    // Only Lightpath's own API belongs in its OpenAPI document.
    transform: ({ schema, url, route }) => {
      if (!url.startsWith(options.restPrefix)) return { schema: { ...(schema ?? {}), hide: true }, url };
      schema = withOptionalDefaults(schema);
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const access = route.config?.access as Access | undefined;
      const writes = methods.some((method) => !READ_METHODS.has(method)) && access?.allow !== 'public';
      return { schema: writes ? { ...(schema ?? {}), security: WRITE_SECURITY } : schema, url };
    },
  };
  await app.register(swagger, document);
  await app.register(swaggerUi, { routePrefix: options.docsPrefix });
  app.get('/rest/openapi.json', { config: { access: { allow: 'public' } }, schema: { hide: true } }, async () => app.swagger());
}
