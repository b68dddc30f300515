// The survey behind the URL LaunchSession hands MxDC: the session a key names, what the page
// shows, and the one feedback a session may get (with its ratings, all written together).
import type { Db } from '../../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { isForeignKeyViolation, uniqueOr } from '../../platform/db/unique-violation.ts';
import { isoNow } from '../../platform/time.ts';
import { readSurveyKey } from './key.ts';

/** N/A as stored (MxLIVE's value); the API says null. */
const NOT_APPLICABLE = 0;

export const ratingOut = (stored: number): number | null => (stored === NOT_APPLICABLE ? null : stored);

export interface SurveySession {
  id: number;
  name: string;
  beamline: string;
  beamline_name: string;
  project: string;
}

/**
 * The session a survey key names, or a friendly 404. A project may have used one session name on
 * two beamlines; the key cannot tell them apart, so it names the newer.
 */
export async function sessionOfKey(db: Db, key: string): Promise<SurveySession> {
  const named = readSurveyKey(key);
  const session = named && await db.selectFrom('beamline_sessions as s')
    .innerJoin('beamlines as b', 'b.id', 's.beamline_id')
    .innerJoin('projects as p', 'p.id', 's.project_id')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['s.id', 's.name', 'b.acronym as beamline', 'b.name as beamline_name', 'u.username as project'])
    .where('u.username', '=', named.username).where('s.name', '=', named.session)
    .orderBy('s.created_at', 'desc').orderBy('s.id', 'desc')
    .executeTakeFirst();
  if (!session) throw notFound('This survey link does not lead to a session. Please check that the whole link was copied.');
  return session;
}

/** What the survey page shows: the session, the areas to rate, and whether it was already answered. */
export async function surveyOf(db: Db, session: SurveySession) {
  const times = await db.selectFrom('stretches')
    .select((eb) => [eb.fn.min('started_at').as('started_at'), eb.fn.max('ended_at').as('last_end'), eb.fn.countAll().as('stretches'), eb.fn.count('ended_at').as('ended')])
    .where('session_id', '=', session.id).executeTakeFirstOrThrow();
  const open = Number(times.stretches) > Number(times.ended);
  const areas = await db.selectFrom('support_areas').select(['id', 'name', 'description'])
    .where('active', '=', true).orderBy('sort_order').orderBy('name').execute();
  const given = await db.selectFrom('session_feedback').select('created_at').where('session_id', '=', session.id).executeTakeFirst();
  return {
    session: session.name, beamline: session.beamline, beamline_name: session.beamline_name, project: session.project,
    started_at: (times.started_at as string | null) ?? null,
    ended_at: open ? null : (times.last_end as string | null) ?? null,
    areas,
    submitted: given !== undefined,
    submitted_at: given?.created_at ?? null,
  };
}

export interface FeedbackInput {
  ratings?: Array<{ area_id: number; rating: number | null }>;
  comments?: string;
  contact?: boolean;
}

/** Problems with the ratings that need no database: an area rated twice, or 0 (not on the scale). */
function ratingProblems(ratings: NonNullable<FeedbackInput['ratings']>): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const seen = new Set<number>();
  ratings.forEach((entry, index) => {
    if (seen.has(entry.area_id)) problems[`ratings.${index}.area_id`] = ['this area is already rated above'];
    seen.add(entry.area_id);
    if (entry.rating === 0) problems[`ratings.${index}.rating`] = ['0 is not on the scale: rate -2, -1, 1 or 2, or send null for N/A'];
  });
  return problems;
}

/** Records the session's feedback and its ratings in one transaction; a second one is a 409. */
export async function submitFeedback(db: Db, session: SurveySession, input: FeedbackInput) {
  const ratings = input.ratings ?? [];
  const problems = ratingProblems(ratings);
  if (Object.keys(problems).length > 0) throw badRequest('Some ratings cannot be used.', problems);
  const already = () => conflict(`Feedback for session ${session.name} has already been given. Thank you!`);
  try {
    return await uniqueOr(() => db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('session_feedback').select('id').where('session_id', '=', session.id).executeTakeFirst()) throw already();
      const ids = ratings.map((r) => r.area_id);
      const areas = ids.length === 0 ? [] : await trx.selectFrom('support_areas').select(['id', 'name'])
        .where('id', 'in', ids).where('active', '=', true).execute();
      const names = new Map(areas.map((a) => [a.id, a.name]));
      const unknown: Record<string, string[]> = {};
      ratings.forEach((r, index) => {
        if (!names.has(r.area_id)) unknown[`ratings.${index}.area_id`] = [`no support area ${r.area_id} on the survey`];
      });
      if (Object.keys(unknown).length > 0) throw badRequest('Some rated areas are not on the survey.', unknown);
      const feedback = await trx.insertInto('session_feedback').values({
        session_id: session.id, comments: input.comments ?? '', contact: input.contact ?? false, created_at: isoNow(),
      }).returningAll().executeTakeFirstOrThrow();
      if (ratings.length > 0) {
        await trx.insertInto('feedback_ratings').values(ratings.map((r) => ({
          feedback_id: feedback.id, area_id: r.area_id, rating: r.rating ?? NOT_APPLICABLE,
        }))).execute();
      }
      return {
        id: feedback.id, session: session.name, beamline: session.beamline, comments: feedback.comments, contact: Boolean(feedback.contact),
        created_at: feedback.created_at,
        ratings: ratings.map((r) => ({ area_id: r.area_id, area: names.get(r.area_id)!, rating: r.rating })),
      };
    }), already);
  } catch (error) {
    // Staff deleted a rated area while this was being written.
    if (isForeignKeyViolation(error)) throw badRequest('A rated area was just removed from the survey; please reload the page.');
    throw error;
  }
}
