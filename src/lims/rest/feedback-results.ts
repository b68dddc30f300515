// /feedback and /feedback-results: what users said in the post-session survey, for staff — every
// answer with its comments, and averages per support area, beamline and month.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { feedbackQuery, feedbackResults } from '../survey/results.ts';
import type { FeedbackFilter } from '../survey/results.ts';
import { ratingOut } from '../survey/feedback.ts';
import { Rating } from '../survey/rules.ts';
import { Ref, refIds } from './filters.ts';
import { ErrorOut, ListQuery, Nullable, Page, Timestamp, fetchPage, isoBound, staff } from './common.ts';

const Filters = {
  beamline: Ref('beamline', 'beamline'),
  from: Type.Optional(Type.String({ maxLength: 40, description: 'Feedback given at or after this ISO date or date-time (UTC).' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: 'Feedback given before this ISO date or date-time (UTC).' })),
};

type FilterQuery = { beamline?: number | string; project?: number | string; from?: string; to?: string };

function filterOf(db: Db, query: FilterQuery): FeedbackFilter {
  return {
    beamlineIds: query.beamline === undefined ? undefined : refIds(db, 'beamline', query.beamline),
    projectIds: query.project === undefined ? undefined : refIds(db, 'project', query.project),
    from: query.from === undefined ? undefined : isoBound(query.from, 'from'),
    to: query.to === undefined ? undefined : isoBound(query.to, 'to'),
  };
}

const FeedbackOut = Type.Object({
  id: Type.Integer(),
  session_id: Type.Integer(),
  session: Type.String(),
  beamline_id: Type.Integer(),
  beamline: Type.String(),
  project_id: Type.Integer(),
  project: Type.String({ description: 'The project\'s (owner\'s) username.' }),
  comments: Type.String(),
  contact: Type.Boolean({ description: 'The user would like to be contacted about the session.' }),
  created_at: Timestamp,
  ratings: Type.Array(Type.Object({ area_id: Type.Integer(), area: Type.String(), rating: Rating }), { description: 'In survey order.' }),
}, { $id: 'SessionFeedback' });

const AreaResult = Type.Object({
  area_id: Type.Integer(),
  area: Type.String(),
  average: Nullable(Type.Number({ description: 'Mean of the ratings, N/A left out; null when nobody rated it.' })),
  ratings: Type.Integer({ description: 'How many rated it (N/A not counted).' }),
  not_applicable: Type.Integer({ description: 'How many answered N/A.' }),
  counts: Type.Object({ '-2': Type.Integer(), '-1': Type.Integer(), '1': Type.Integer(), '2': Type.Integer() }, { description: 'How many gave each rating.' }),
});
const GroupResult = {
  feedback_count: Type.Integer({ description: 'Surveys answered.' }),
  contact_requests: Type.Integer({ description: 'Of those, how many asked to be contacted.' }),
  average: Nullable(Type.Number({ description: 'Mean of every rating in the group, N/A left out.' })),
  areas: Type.Array(AreaResult, { description: 'Every active area and any other rated here, in survey order.' }),
};
const ResultsOut = Type.Object({
  ...GroupResult,
  beamlines: Type.Array(Type.Object({ beamline_id: Type.Integer(), beamline: Type.String(), ...GroupResult }), { description: 'Beamlines with answers, by acronym.' }),
  months: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM, when the feedback was given (UTC).' }), ...GroupResult }), { description: 'Months with answers, oldest first.' }),
}, { $id: 'FeedbackResults' });

export async function feedbackResultRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['survey'];

  app.get('/feedback', {
    config: staff,
    schema: {
      tags, summary: 'Survey answers, newest first, with comments and ratings (staff)',
      querystring: ListQuery({ ...Filters, project: Ref('project', 'project'), contact: Type.Optional(Type.Boolean({ description: 'Only answers that ask (true) or do not ask (false) to be contacted.' })) }),
      response: { 200: Page(FeedbackOut), 400: ErrorOut, 401: ErrorOut, 403: ErrorOut },
    },
  }, async (request) => {
    let query = feedbackQuery(db, filterOf(db, request.query))
      .innerJoin('beamlines as b', 'b.id', 's.beamline_id')
      .innerJoin('projects as p', 'p.id', 's.project_id')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['f.id', 'f.session_id', 's.name as session', 's.beamline_id', 'b.acronym as beamline', 's.project_id', 'u.username as project', 'f.comments', 'f.contact', 'f.created_at'])
      .orderBy('f.created_at', 'desc').orderBy('f.id', 'desc');
    if (request.query.contact !== undefined) query = query.where('f.contact', '=', request.query.contact);
    const page = await fetchPage(query, request.query);
    const ids = page.rows.map((row) => row.id);
    const ratings = ids.length === 0 ? [] : await db.selectFrom('feedback_ratings as r').innerJoin('support_areas as a', 'a.id', 'r.area_id')
      .select(['r.feedback_id', 'r.area_id', 'a.name as area', 'r.rating']).where('r.feedback_id', 'in', ids)
      .orderBy('a.sort_order').orderBy('a.name').execute();
    return {
      count: page.count,
      results: page.rows.map((row) => ({
        ...row,
        contact: Boolean(row.contact),
        ratings: ratings.filter((r) => r.feedback_id === row.id).map((r) => ({ area_id: r.area_id, area: r.area, rating: ratingOut(r.rating) })),
      })),
    };
  });

  app.get('/feedback-results', {
    config: staff,
    schema: {
      tags, summary: 'Survey results: average rating per support area, overall, per beamline and per month (staff)',
      querystring: Type.Object(Filters, { additionalProperties: false }),
      response: { 200: ResultsOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut },
    },
  }, async (request) => feedbackResults(db, filterOf(db, request.query)));
}
