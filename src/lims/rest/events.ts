// /events: one server-sent-event stream per browser with what changed on the beamline side
// (sessions, datasets, reports, shipments, containers, automounters), filtered by the visibility
// rule: a project's user hears of their own project's records, staff of everything.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { OpenStreams } from '../../platform/http/event-stream.ts';
import { EventFeed } from '../events/feed.ts';
import { EVENT_KINDS } from '../events/kinds.ts';
import { streamEvents } from '../events/stream.ts';
import { ErrorOut, actorOf, user } from './common.ts';

const DESCRIPTION = [
  'A `text/event-stream` (open it with `EventSource`; a cookie login or a token works). Each event has an `id:`, an `event:` ',
  'naming its kind, and `data:` JSON holding `kind`, the ids of the records concerned, `project_id` and `beamline_id`; ',
  'fetch those records again to show the change. A reconnecting EventSource sends `Last-Event-ID` and gets what it missed ',
  '(events are kept for a day). A comment line opens the stream (`: connected`) and keeps it alive every 15 seconds.\n\nKinds:\n',
  ...Object.entries(EVENT_KINDS).map(([kind, meaning]) => `- \`${kind}\`: ${meaning}\n`),
].join('');

export async function eventRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const feed = new EventFeed(db, platform.log.child({ component: 'events' }));
  const open = new OpenStreams();
  app.addHook('preClose', async () => {
    open.endAll();
    feed.stop();
  });

  app.get('/events', {
    config: user,
    schema: {
      tags: ['events'],
      summary: 'Live changes you may see, as server-sent events',
      description: DESCRIPTION,
      headers: Type.Object({
        'last-event-id': Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'The id of the last event received; sent by EventSource when it reconnects.' })),
      }),
      response: {
        200: { description: 'The event stream.', content: { 'text/event-stream': { schema: Type.String() } } },
        400: ErrorOut,
        401: ErrorOut,
      },
    },
  }, async (request, reply) => {
    const resume = request.headers['last-event-id'];
    return streamEvents(request, reply, { db, feed, open }, actorOf(request), resume === undefined ? null : Number(resume));
  });
}
