// Keeps a page's processes current. Signed in, it listens to the live stream (process.changed,
// which names the process and its target); a visitor has no stream, so the page asks again every
// few seconds instead, and only while something it shows is still running.
import { onLive, settled } from '$lib/live';
import { session } from '$lib/session.svelte';

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
