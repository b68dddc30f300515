// The same GET against two servers (a small and a large database), timed in alternating rounds so
// that both see the same load on a shared machine; sequential, warm, one keep-alive connection each.
import type { Caller } from './page-calls.ts';

export interface PairedTiming {
  small: { p50: number; p95: number };
  large: { p50: number; p95: number };
  /** large p50 / small p50. */
  ratio: number;
}

const percentile = (ms: number[], q: number) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

/** A fixed path, or one made afresh for every request (e.g. with a newly signed MxDC token). */
export type PathOf = string | (() => string);

async function timed(caller: Caller, pathOf: PathOf): Promise<number> {
  const path = typeof pathOf === 'string' ? pathOf : pathOf();
  const answer = await caller.get(path);
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return answer.ms;
}

/** `rounds` rounds of `perRound` timed GETs on each server, after 5 warm-ups each. */
export async function timePair(small: Caller, smallPath: PathOf, large: Caller, largePath: PathOf, rounds = 5, perRound = 10): Promise<PairedTiming> {
  const times = { small: [] as number[], large: [] as number[] };
  for (let i = 0; i < 5; i++) {
    await timed(small, smallPath);
    await timed(large, largePath);
  }
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < perRound; i++) times.small.push(await timed(small, smallPath));
    for (let i = 0; i < perRound; i++) times.large.push(await timed(large, largePath));
  }
  const summary = (ms: number[]) => ({ p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) });
  const result = { small: summary(times.small), large: summary(times.large) };
  return { ...result, ratio: result.large.p50 / result.small.p50 };
}
