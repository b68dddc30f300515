// The floor for simple routes: Fastify with one route and nothing else, answering the same bytes
// Lightpath's /healthz does. BODY (JSON), ROUTE (a plain path) and METHOD (GET or POST) can be
// set to mirror another endpoint; a POST body is read (as raw bytes, whatever its type) and dropped.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });
const body = process.env.BODY ?? '{"status":"ok"}';
const method = process.env.METHOD === 'POST' ? 'POST' : 'GET';
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, raw, done) => done(null, raw));
app.route({ method, url: process.env.ROUTE ?? '/healthz', handler: async (_request, reply) => reply.type('application/json; charset=utf-8').send(body) });
app.get('/ready', async () => 'ready');
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
