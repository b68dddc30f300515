// Entry point of a worker thread that runs TypeScript. Worker threads do not inherit the tsx
// loader the server runs under, so the worker registers tsx itself, then imports the module
// named in workerData.entry (a file: URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
