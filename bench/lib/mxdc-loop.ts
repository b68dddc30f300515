// One MxDC-like client for the load test: signs a fresh token for every request (MxdcClient does),
// and loops as MxDC does during a shift: fetch the samples, launch (or resume) its session, upload a
// dataset, upload a report on it, and every few rounds close the session and start a new one.
// Each call's latency and outcome are kept by name; the loop ends at the deadline.
import fs from 'node:fs';
import path from 'node:path';
import { sessionKey } from '../../test/support/mxdc/client.ts';
import type { MxdcClient, MxdcReply } from '../../test/support/mxdc/client.ts';

export const CALLS = ['samples', 'launch', 'data', 'report', 'close'] as const;
export type CallName = (typeof CALLS)[number];

export interface CallLog {
  ms: Record<CallName, number[]>;
  errors: Record<CallName, number>;
  /** The first few error answers, to say what went wrong. */
  examples: string[];
}

export function emptyLog(): CallLog {
  const per = <T>(value: () => T) => Object.fromEntries(CALLS.map((c) => [c, value()])) as Record<CallName, T>;
  return { ms: per(() => []), errors: per(() => 0), examples: [] };
}

/** Rounds between closing a session and launching a new one. */
const ROUNDS_PER_SESSION = 10;

export interface LoopSpec {
  client: MxdcClient;
  beamline: string;
  /** Where this client's project keeps its data (under the server's data roots). */
  userDir: string;
  deadline: number;
  log: CallLog;
}

async function call(log: CallLog, name: CallName, send: () => Promise<MxdcReply>): Promise<MxdcReply | null> {
  const sent = performance.now();
  try {
    const reply = await send();
    log.ms[name].push(performance.now() - sent);
    if (reply.status === 200) return reply;
    log.errors[name]++;
    if (log.examples.length < 5) log.examples.push(`${name}: ${reply.status} ${reply.text.slice(0, 200)}`);
  } catch (error) {
    log.errors[name]++;
    if (log.examples.length < 5) log.examples.push(`${name}: ${(error as Error).message}`);
  }
  return null;
}

export async function mxdcLoop({ client, beamline, userDir, deadline, log }: LoopSpec): Promise<void> {
  let session = '';
  let round = 0;
  while (Date.now() < deadline) {
    if (round % ROUNDS_PER_SESSION === 0) session = sessionKey(beamline);
    const samples = await call(log, 'samples', () => client.samples(beamline));
    await call(log, 'launch', () => client.launch(beamline, session));
    const sample = (samples?.body as Array<{ id: number; name: string; container: string; port: string }> | undefined)?.[round % 16];
    const name = `${sample?.name ?? 'test'}_${round}`;
    const directory = path.join(userDir, session, name);
    fs.mkdirSync(directory, { recursive: true });
    const data = await call(log, 'data', () => client.addData(beamline, {
      name, frames: '1-360', filename: `${name}_{:05d}.cbf`, type: 'DATA', directory, sample_id: sample?.id, container: sample?.container, port: sample?.port,
      start_time: new Date(Date.now() - 180_000).toISOString(), end_time: new Date().toISOString(), energy: 12.658, attenuation: 50, exposure: 0.5,
      beam_size: 50, detector_type: 'PILATUS 6M', beam_x: 1231.5, beam_y: 1263.5, pixel_size: 0.172, resolution: 1.8, start_angle: 0, delta_angle: 0.5,
    }));
    const datasetId = (data?.body as { id?: number } | undefined)?.id;
    if (datasetId !== undefined) {
      await call(log, 'report', () => client.addReport(beamline, {
        data_id: [datasetId], directory, title: `Analysis of "${name}"`, kind: 'MX Native Analysis', score: 0.8, filename: 'report.json',
        details: [{ title: 'Data Quality Statistics', content: [{ kind: 'table', data: [['Resolution', 1.8]], header: 'column' }] }],
      }));
    }
    round++;
    if (round % ROUNDS_PER_SESSION === 0) await call(log, 'close', () => client.close(beamline, session));
  }
}
