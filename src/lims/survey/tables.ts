// Tables of the post-session survey (migration 0013).
import type { Generated } from 'kysely';
import type { DbBoolean } from '../../platform/db/schema.ts';

export interface SupportAreasTable {
  id: Generated<number>;
  name: string;
  description: string;
  /** Only active areas are on the survey; an area with ratings is deactivated rather than deleted. */
  active: DbBoolean;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface SessionFeedbackTable {
  id: Generated<number>;
  session_id: number;
  comments: string;
  contact: DbBoolean;
  created_at: string;
}

export interface FeedbackRatingsTable {
  feedback_id: number;
  area_id: number;
  /** −2, −1, 1 or 2; 0 is N/A, as MxLIVE stored it. */
  rating: number;
}

export interface SurveyTables {
  support_areas: SupportAreasTable;
  session_feedback: SessionFeedbackTable;
  feedback_ratings: FeedbackRatingsTable;
}
