// The floor for simple GETs: Fastify with one route and nothing else, answering the same bytes
// Lightpath's /healthz does. BODY (JSON) and PATH can be set to mirror another endpoint.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const body = process.env.BODY ?? '{"status":"ok"}';
app.get(process.env.ROUTE ?? '/healthz', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
app.get('/ready', async () => 'ready');
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
