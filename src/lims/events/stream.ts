// One browser's live events: every event above its starting point that the actor may see (the
// visibility rule, as SQL), read whenever the feed's watermark advances. Each event goes out with
// its id, so a reconnecting EventSource sends Last-Event-ID and resumes where it stopped. A stream
// ends when the login that opened it no longer holds.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { stillSignedIn } from '../../platform/auth/still-signed-in.ts';
import { openEventStream } from '../../platform/http/event-stream.ts';
import type { EventStream, OpenStreams } from '../../platform/http/event-stream.ts';
import { ownedBy } from '../visibility.ts';
import type { Actor } from '../visibility.ts';
import type { EventFeed } from './feed.ts';
import { TARGET_EVENT_KINDS, withVisibleTargets } from '../../tom/events-feed.ts';

const BATCH = 500;
const RECHECK_LOGIN_MS = 15000;

export async function streamEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { db: Db; feed: EventFeed; open: OpenStreams },
  actor: Actor,
  resumeAfter: number | null,
): Promise<FastifyReply> {
  const { db, feed } = deps;
  let last = 0;
  let reading = false;
  let again = false;
  let ready = false;
  let stream: EventStream;
  const send = async () => {
    if (!ready) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const upTo = feed.settled;
        for (;;) {
          const rows = await db.selectFrom('events').select(['id', 'kind', 'project_id', 'beamline_id', 'subject'])
            .where('id', '>', last).where('id', '<=', upTo)
            .where((eb) => eb.or([ownedBy(actor, 'events.project_id'), eb('kind', 'in', TARGET_EVENT_KINDS)]))
            .orderBy('id').limit(BATCH).execute();
          // Telescope events follow their target's visibility rather than a project's.
          const visible = await withVisibleTargets(db, request.principal, rows);
          if (stream.closed) return;
          if (rows.length > 0 && !await stillSignedIn(db, request.principal)) {
            stream.end();
            return;
          }
          if (visible.length > 0) stream.write(visible.map((row) => {
            const data = { kind: row.kind, ...JSON.parse(row.subject), project_id: row.project_id, beamline_id: row.beamline_id };
            return `id: ${row.id}\nevent: ${row.kind}\ndata: ${JSON.stringify(data)}\n\n`;
          }).join(''));
          if (rows.length < BATCH) break;
          last = Number(rows[rows.length - 1].id);
        }
        last = upTo;
      } while (again && !stream.closed);
    } catch (error) {
      request.log.warn({ err: error }, 'event stream read failed');
    } finally {
      reading = false;
    }
  };
  // Subscribed before anything is sent, so a feed that cannot start is an ordinary error answer.
  const unsubscribe = await feed.subscribe(() => void send());
  stream = openEventStream(request, reply, deps.open);
  stream.onClose(unsubscribe);
  // A login that ended (logout, revoked token, password change) ends its streams too, even when quiet.
  const recheck = setInterval(() => {
    stillSignedIn(db, request.principal).then((yes) => yes || stream.end(), (error) => request.log.warn({ err: error }, 'login check failed'));
  }, RECHECK_LOGIN_MS);
  stream.onClose(() => clearInterval(recheck));
  // A resumed stream starts where the client stopped (never beyond what is settled); a new one now.
  last = resumeAfter === null ? feed.settled : Math.min(resumeAfter, feed.settled);
  ready = true;
  stream.write(': connected\n\n');
  if (resumeAfter !== null) await send();
  return reply;
}
