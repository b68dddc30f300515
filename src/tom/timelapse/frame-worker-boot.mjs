// Entry point of a frame worker thread. Worker threads do not inherit the tsx loader that
// lets the server run TypeScript (neither the register() API nor, on Node 20, an
// --import in the worker's execArgv applies to its entry module), so the worker
// registers tsx itself before loading the TypeScript worker code.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
