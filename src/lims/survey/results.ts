// Survey results for staff: per support area, the average rating (N/A left out, as MxLIVE did),
// how many rated it, how many said N/A, and how many gave each rating — over everything chosen,
// per beamline and per month (of the feedback, in UTC). Counted in SQL, one row per area,
// beamline, month and rating, then summed here.
import { sql } from 'kysely';
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

export const SCALE = [-2, -1, 1, 2] as const;

export interface FeedbackFilter {
  beamlineIds?: number[] | SelectQueryBuilder<any, any, { id: number }>;
  projectIds?: number[] | SelectQueryBuilder<any, any, { id: number }>;
  /** ISO bounds on when the feedback was given: from inclusive, to exclusive. */
  from?: string;
  to?: string;
}

/** Feedback joined to its session, narrowed by the filter (shared by the results and the list). */
export function feedbackQuery(db: Db, filter: FeedbackFilter) {
  let query = db.selectFrom('session_feedback as f').innerJoin('beamline_sessions as s', 's.id', 'f.session_id');
  if (filter.beamlineIds !== undefined) query = query.where('s.beamline_id', 'in', filter.beamlineIds);
  if (filter.projectIds !== undefined) query = query.where('s.project_id', 'in', filter.projectIds);
  if (filter.from !== undefined) query = query.where('f.created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('f.created_at', '<', filter.to);
  return query;
}

/** "2026-03" from an ISO timestamp: both databases store them as text. */
const monthOf = (eb: ExpressionBuilder<Database & { f: Database['session_feedback'] }, 'f'>) => sql<string>`substr(${eb.ref('f.created_at')}, 1, 7)`;

interface Tally {
  counts: Record<string, number>;
  notApplicable: number;
}

function areaStats(area: { id: number; name: string }, tally: Tally | undefined) {
  const count = (value: number) => tally?.counts[value] ?? 0;
  const counts = { '-2': count(-2), '-1': count(-1), '1': count(1), '2': count(2) };
  const ratings = SCALE.reduce((n, value) => n + count(value), 0);
  const sum = SCALE.reduce((total, value) => total + value * count(value), 0);
  return { area_id: area.id, area: area.name, average: ratings > 0 ? sum / ratings : null, ratings, not_applicable: tally?.notApplicable ?? 0, counts };
}

/** The average over every rating in a group, N/A left out. */
function overall(areas: ReturnType<typeof areaStats>[]): number | null {
  const ratings = areas.reduce((n, a) => n + a.ratings, 0);
  return ratings > 0 ? areas.reduce((total, a) => total + (a.average ?? 0) * a.ratings, 0) / ratings : null;
}

export async function feedbackResults(db: Db, filter: FeedbackFilter) {
  const rows = await feedbackQuery(db, filter).innerJoin('feedback_ratings as r', 'r.feedback_id', 'f.id')
    .select((eb) => ['r.area_id', 's.beamline_id', monthOf(eb).as('month'), 'r.rating', eb.fn.countAll().as('n')])
    .groupBy(['r.area_id', 's.beamline_id', sql`substr(f.created_at, 1, 7)`, 'r.rating'])
    .execute();
  const submissions = await feedbackQuery(db, filter)
    .select((eb) => ['s.beamline_id', monthOf(eb).as('month'), eb.fn.countAll().as('n'), sql<number>`sum(case when f.contact then 1 else 0 end)`.as('contact')])
    .groupBy(['s.beamline_id', sql`substr(f.created_at, 1, 7)`])
    .execute();

  // Every area on the survey, and any other that was rated in the chosen feedback.
  const ratedIds = [...new Set(rows.map((r) => r.area_id))];
  const areas = await db.selectFrom('support_areas').select(['id', 'name'])
    .where((eb) => (ratedIds.length > 0 ? eb.or([eb('active', '=', true), eb('id', 'in', ratedIds)]) : eb('active', '=', true)))
    .orderBy('sort_order').orderBy('name').execute();
  const beamlineIds = [...new Set(submissions.map((s) => s.beamline_id))];
  const beamlines = beamlineIds.length === 0 ? [] : await db.selectFrom('beamlines').select(['id', 'acronym'])
    .where('id', 'in', beamlineIds).orderBy('acronym').execute();
  const months = [...new Set(submissions.map((s) => s.month))].sort();

  // Tallies per group ('all', 'beamline:<id>', 'month:<yyyy-mm>') and area.
  const tallies = new Map<string, Tally>();
  for (const row of rows) {
    for (const group of ['all', `beamline:${row.beamline_id}`, `month:${row.month}`]) {
      const key = `${group}/${row.area_id}`;
      const tally = tallies.get(key) ?? { counts: {}, notApplicable: 0 };
      if (row.rating === 0) tally.notApplicable += Number(row.n);
      else tally.counts[row.rating] = (tally.counts[row.rating] ?? 0) + Number(row.n);
      tallies.set(key, tally);
    }
  }
  const group = (name: string, chosen: typeof submissions) => {
    const stats = areas.map((area) => areaStats(area, tallies.get(`${name}/${area.id}`)));
    return {
      feedback_count: chosen.reduce((n, s) => n + Number(s.n), 0),
      contact_requests: chosen.reduce((n, s) => n + Number(s.contact), 0),
      average: overall(stats),
      areas: stats,
    };
  };
  return {
    ...group('all', submissions),
    beamlines: beamlines.map((b) => ({ beamline_id: b.id, beamline: b.acronym, ...group(`beamline:${b.id}`, submissions.filter((s) => s.beamline_id === b.id)) })),
    months: months.map((month) => ({ month, ...group(`month:${month}`, submissions.filter((s) => s.month === month)) })),
  };
}
