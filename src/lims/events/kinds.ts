// The kinds of live event and the ids each carries. Payloads name records only: a page that
// hears of a change fetches the record again through the REST API, with the usual access checks.
export interface EventSubjects {
  'session.changed': { session_id: number };
  'dataset.created': { dataset_id: number; session_id: number | null };
  'dataset.changed': { dataset_id: number; session_id: number | null };
  'report.created': { report_id: number; session_id: number | null; dataset_ids: number[] };
  'report.changed': { report_id: number; session_id: number | null; dataset_ids: number[] };
  'shipment.changed': { shipment_id: number; state: string };
  'container.changed': { container_id: number; shipment_id: number | null };
  'automounter.changed': { automounter_id: number; beamline_id: number };
  'process.changed': { process_id: number; target_id: number };
  'data-product.changed': { target_id: number; data_product_ids: number[] };
}

export type EventKind = keyof EventSubjects;

/** What each kind means; the OpenAPI description and docs/api.md list the same. */
export const EVENT_KINDS: Record<EventKind, string> = {
  'session.changed': 'a session was launched or closed, or one of its stretches ended because another session started on the beamline',
  'dataset.created': 'MxDC uploaded a new dataset',
  'dataset.changed': 'MxDC uploaded a dataset again (with its id)',
  'report.created': 'MxDC uploaded a new analysis report; session_id is the session of its first dataset',
  'report.changed': 'MxDC uploaded a report again (with its id)',
  'shipment.changed': 'a shipment was sent, recalled, received, returned or archived (or one of the undo actions); state is the new state',
  'container.changed': 'a container changed state with its shipment, or was loaded, unloaded or moved',
  'automounter.changed': 'an automounter was installed, changed, activated, deactivated or removed, or a container was loaded into it, moved in it or taken out (staff only)',
  'process.changed': 'a telescope process (pipeline or timelapse) was created, logged a line, changed status or ended; sent to those who may see its target',
  'data-product.changed': 'data products of a target were added (uploaded, made by a pipeline, ingested), got their preview, or were deleted; sent to those who may see the target',
};
