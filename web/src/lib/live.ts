// Live updates: one server-sent event stream (/rest/v1/events) per open tab, shared by every part
// of the page that listens. Events name records only ({kind, <name>_id…}); a listener refetches
// what it shows through the REST API. The browser reconnects by itself and resumes from the last
// event id, so nothing is missed after a network blip.
export type LiveKind =
  | 'session.changed' | 'dataset.created' | 'dataset.changed' | 'report.created' | 'report.changed'
  | 'shipment.changed' | 'container.changed' | 'automounter.changed' | 'process.changed'
  | 'data-product.changed';

const KINDS: LiveKind[] = [
  'session.changed', 'dataset.created', 'dataset.changed', 'report.created', 'report.changed',
  'shipment.changed', 'container.changed', 'automounter.changed', 'process.changed', 'data-product.changed',
];

export type LiveEvent = { kind: LiveKind } & Record<string, unknown>;
type Listener = (event: LiveEvent) => void;

let source: EventSource | null = null;
const listeners = new Set<{ kinds: Set<LiveKind>; listener: Listener }>();

function open(): void {
  if (source) return;
  source = new EventSource('/rest/v1/events');
  for (const kind of KINDS) {
    source.addEventListener(kind, (message) => {
      let event: LiveEvent;
      try {
        event = { ...JSON.parse((message as MessageEvent<string>).data), kind };
      } catch {
        return;
      }
      for (const entry of listeners) if (entry.kinds.has(kind)) entry.listener(event);
    });
  }
}

/** Calls `listener` for each event of the given kinds until the returned function is called (an $effect can return it). */
export function onLive(kinds: LiveKind[], listener: Listener): () => void {
  const entry = { kinds: new Set(kinds), listener };
  listeners.add(entry);
  open();
  return () => {
    listeners.delete(entry);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}

/**
 * `run`, at most once per `settleMs`: MxDC uploads datasets in bursts, and one refetch after the
 * burst is enough.
 */
export function settled(run: () => void, settleMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      run();
    }, settleMs);
  };
}
