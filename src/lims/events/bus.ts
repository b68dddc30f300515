// Tells this process's event feeds that an event row was just written, so open streams look at
// once instead of at their next poll. Only a hint: the row may not be committed yet (the feed
// looks again shortly), and rows written by other processes are found by polling alone.
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
bus.setMaxListeners(0);

export function eventWritten(): void {
  bus.emit('written');
}

export function onEventWritten(listener: () => void): () => void {
  bus.on('written', listener);
  return () => bus.off('written', listener);
}
