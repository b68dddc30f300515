// Keeps the telescope pages current from the live stream. Processes: signed in, a page hears
// process.changed (naming the process and its target); a visitor has no stream, so the page asks
// again every few seconds instead, only while something it shows still runs. Data products:
// data-product.changed (signed in only) when files are added, get their preview or are deleted.
import { onLive, settled } from '$lib/live';
import { session } from '$lib/session.svelte';

/** Calls `refresh` (once per burst) when data products of the given target, or with the given ids, change. Signed in only. */
export function watchProducts(matches: (event: { target_id: unknown; data_product_ids: number[] }) => boolean, refresh: () => void): () => void {
  if (!session.user) return () => {};
  const soon = settled(refresh, 300);
  return onLive(['data-product.changed'], (event) => {
    const ids = Array.isArray(event.data_product_ids) ? event.data_product_ids.map(Number) : [];
    if (matches({ target_id: event.target_id, data_product_ids: ids })) soon();
  });
}

const VISITOR_POLL_MS = 3000;

export function watchProcesses(
  matches: (event: { process_id: unknown; target_id: unknown }) => boolean,
  refresh: () => void,
  running: () => boolean,
): () => void {
  if (session.user) {
    const soon = settled(refresh, 200);
    return onLive(['process.changed'], (event) => {
      if (matches({ process_id: event.process_id, target_id: event.target_id })) soon();
    });
  }
  const timer = setInterval(() => {
    if (running()) refresh();
  }, VISITOR_POLL_MS);
  return () => clearInterval(timer);
}
