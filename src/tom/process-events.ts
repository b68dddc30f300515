// Tells listeners (server-sent-event streams) that a target's processes changed. Changes made in
// this process arrive at once; streams also re-read the database every second, which catches
// changes made by workers elsewhere.
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
bus.setMaxListeners(0);

export function processChanged(targetId: number | null): void {
  if (targetId !== null) bus.emit(`target:${targetId}`);
}

export function onProcessChange(targetId: number, listener: () => void): () => void {
  bus.on(`target:${targetId}`, listener);
  return () => bus.off(`target:${targetId}`, listener);
}
