// `lightpath fake-lco`: the fake LCO portal and archive the tests use, for trying observations
// without an LCO account.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from './command.ts';
import { parseOptions, UsageError } from './command.ts';
import { startFakeLco } from '../tom/observations/fake-lco/server.ts';
import { CommandFailure } from './failures.ts';
import { listenOrFail } from './failure-causes.ts';
import { DEFAULT_INSTRUMENTS, DEFAULT_PROPOSALS, demoFrames } from '../tom/observations/fake-lco/seed.ts';

const DEMO_FRAMES = path.resolve(import.meta.dirname, '../../examples/demo-observatory/frames');

export const fakeLco: Command = {
  name: 'fake-lco',
  summary: 'serve a fake LCO portal and archive on loopback, for trying observations without an account',
  help: `Usage: lightpath fake-lco [--port <n>] [--api-key <key>] [--complete-after <seconds>] [--frames <dir>] [--page-size <n>]

Serves the same fake LCO Observation Portal and science archive the tests use, on 127.0.0.1 only,
and prints the LIGHTPATH_LCO_* variables that point Lightpath at it. It offers the proposal
${DEFAULT_PROPOSALS[0].id} and the imager ${Object.keys(DEFAULT_INSTRUMENTS)[0]}. Submitted requests stay PENDING
until you complete them (or --complete-after does); a completed request's frames are the demo
frames (examples/demo-observatory/frames, or --frames).

Options:
  --port <n>                 port to listen on (default 8090)
  --api-key <key>            the API key the fake portal expects (default "fake-lco-key"; "" accepts any)
  --complete-after <seconds> complete every submitted request this long after submission
  --frames <dir>             FITS files to serve as the frames of completed requests
  --page-size <n>            frames per archive page at most (default 1000)

Control API (JSON):
  POST /_fake/requests/<id>/state   {"state": "COMPLETED"}   also WINDOW_EXPIRED, CANCELED, ...
  POST /_fake/requests/<id>/frames  {"frames": [{"filename": "x-e91.fits.fz", "content": "..."}]}
  POST /_fake/fail                  {"endpoint": "submit", "status": 503, "times": 1} or {"endpoint": ..., "hang": true}
  POST /_fake/validation-errors     {"errors": {...}}   (null clears)
  POST /_fake/settings              {"apiKey", "archiveToken", "pageSize"}
  GET  /_fake/state, GET /_fake/log, POST /_fake/reset
Stops on SIGINT or SIGTERM.`,
  async run(args) {
    const { values } = parseOptions(args, {
      port: { type: 'string' },
      'api-key': { type: 'string' },
      'complete-after': { type: 'string' },
      frames: { type: 'string' },
      'page-size': { type: 'string' },
    });
    const port = whole(values.port ?? '8090', '--port', 0, 65535);
    const pageSize = whole(values['page-size'] ?? '1000', '--page-size', 1, 100_000);
    const completeAfter = values['complete-after'] === undefined ? undefined : Number(values['complete-after']);
    if (completeAfter !== undefined && !(Number.isFinite(completeAfter) && completeAfter >= 0)) throw new UsageError('--complete-after must be a number of seconds');
    const apiKey = values['api-key'] ?? 'fake-lco-key';
    const framesDir = path.resolve(values.frames ?? DEMO_FRAMES);

    if (!fs.statSync(framesDir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new CommandFailure(`${framesDir} is not a directory: give --frames a directory of FITS files`);
    }
    const fake = await listenOrFail(() => startFakeLco({
      port, apiKey, pageSize, defaultFrames: demoFrames(framesDir),
      completeAfterMs: completeAfter === undefined ? undefined : completeAfter * 1000,
    }), { host: '127.0.0.1', port }, '--port');
    const out = process.stdout;
    out.write(`Fake LCO portal at ${fake.portalUrl}, archive at ${fake.archiveUrl}\n\n`);
    out.write('Point Lightpath at it with:\n');
    out.write(`  export LIGHTPATH_LCO_PORTAL_URL=${fake.portalUrl}\n`);
    out.write(`  export LIGHTPATH_LCO_ARCHIVE_URL=${fake.archiveUrl}\n`);
    out.write(`  export LIGHTPATH_LCO_API_KEY=${apiKey}\n\n`);
    out.write(`Proposal ${DEFAULT_PROPOSALS[0].id}; imager ${Object.keys(DEFAULT_INSTRUMENTS)[0]}; frames of completed requests from ${framesDir}\n`);
    out.write(`Complete a request: curl -X POST ${fake.portalUrl}/_fake/requests/<id>/state -H 'content-type: application/json' -d '{"state":"COMPLETED"}'\n`);

    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(1);
      stopping = true;
      fake.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return new Promise<number>(() => {}); // runs until a signal
  },
};

function whole(raw: string, option: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max}`);
  return n;
}
