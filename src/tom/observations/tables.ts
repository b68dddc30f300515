// Tables of the observation side: templates, observation records, new-data events, alerts, and
// the email outbox (so no message is lost when the mail server is down, and none is sent twice).
import type { Generated } from 'kysely';

export interface ObservationTemplatesTable {
  id: Generated<number>;
  name: string;
  target_id: number;
  facility: string;
  /** The form's cleaned values, as JSON. */
  fields: string;
  created_at: string;
}

export interface ObservationRecordsTable {
  id: Generated<number>;
  target_id: number;
  facility: string;
  parameters: string;
  /** The portal's id for the observation (a request id for LCO). */
  observation_id: string;
  status: string;
  scheduled_start: string | null;
  scheduled_end: string | null;
  /** When its frames were last fetched after it succeeded (null: not yet, or to be retried). */
  ingested_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ObservationDataEventsTable {
  id: Generated<number>;
  observation_record_id: number;
  frames: number;
  created_at: string;
  /** When its alerts were handled (timelapse made, emails queued). */
  alerts_done_at: string | null;
}

export interface ObservationAlertsTable {
  id: Generated<number>;
  observation_record_id: number;
  email: string;
  created_at: string;
}

export type OutboxState = 'queued' | 'sent' | 'failed';

export interface EmailOutboxTable {
  id: Generated<number>;
  /** The same news is never queued twice: e.g. "alert-3-event-12". */
  dedupe_key: string;
  recipient: string;
  subject: string;
  /** The plain-text part. */
  body: string;
  /** An HTML part sent alongside the text, when there is one. */
  html_body: string | null;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface ObservationTables {
  observation_templates: ObservationTemplatesTable;
  observation_records: ObservationRecordsTable;
  observation_data_events: ObservationDataEventsTable;
  observation_alerts: ObservationAlertsTable;
  email_outbox: EmailOutboxTable;
}
