// Runs mutated inputs against a real app until a case budget or a deadline runs out (whichever
// comes first), and checks every answer: no 5xx, error bodies {"detail"} (with optional "fields"),
// nothing written by a refused request, and no request slower than a generous hang limit.
// A failure names the seed and the case, and prints the input, so it can be replayed.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { TestContext } from 'node:test';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { Random, fuzzSeed } from './prng.ts';

export interface FuzzAnswer {
  status: number;
  body: string;
}

export interface FuzzTarget<Input> {
  name: string;
  generate(random: Random, index: number): Input;
  send(input: Input): Promise<FuzzAnswer>;
  /** Row counts that a refused request must leave unchanged. */
  counts(): Promise<Record<string, number>>;
  /** Printable form of an input for a failure message. */
  show?(input: Input): string;
  /** Keys an error body may carry besides "detail" and "fields" (a route's documented extras). */
  extraErrorKeys?: string[];
  /** A compatibility API's own error shape, accepted beside {"detail"}: returns true when the body has it. */
  compatError?(body: unknown, status: number): boolean;
}

export interface FuzzLimits {
  maxCases?: number;
  seconds?: number;
  slowMs?: number;
}

export interface FuzzStats {
  seed: number;
  cases: number;
  statuses: Record<number, number>;
}

/**
 * Bytes and text, printed so that every byte can be read back (latin1 escapes), with long runs of
 * one character shortened to "x⟨×N⟩" and cut to a readable length (the seed replays the exact input).
 */
export function showBytes(input: Buffer | string, limit = 1500): string {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const text = JSON.stringify(bytes.toString('latin1')).replace(/(.)\1{19,}/g, (run, char) => `${char}⟨×${run.length}⟩`);
  return `${bytes.length} bytes (latin1-escaped): ${text.length > limit ? `${text.slice(0, limit)}…` : text}`;
}

/** Why an error body breaks the convention, or null when it is fine. */
export function errorBodyProblem(text: string, extraKeys: string[] = []): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'the error body is not JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the error body is not an object';
  const record = body as Record<string, unknown>;
  if (typeof record.detail !== 'string') return 'the error body has no "detail" string';
  const unexpected = Object.keys(record).filter((key) => key !== 'detail' && key !== 'fields' && !extraKeys.includes(key));
  if (unexpected.length > 0) return `the error body has unexpected keys: ${unexpected.join(', ')}`;
  if (record.fields !== undefined) {
    const fields = record.fields;
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) return '"fields" is not an object';
    for (const messages of Object.values(fields)) {
      if (!Array.isArray(messages) || !messages.every((m) => typeof m === 'string')) return '"fields" values are not lists of text';
    }
  }
  return null;
}

/** Every table a request may write to. Rate-limit hits are left out: a refused login is meant to count. */
export const WRITTEN_TABLES = [
  'access_list_beamlines', 'access_list_projects', 'access_lists', 'activity_log', 'api_tokens', 'automounters', 'beamline_sessions',
  'beamlines', 'container_location_accepts', 'container_locations', 'container_types', 'containers', 'data_product_group_members',
  'data_product_groups', 'data_products', 'data_types', 'datasets', 'email_outbox', 'jobs', 'load_history', 'login_sessions',
  'observation_alerts', 'observation_data_events', 'observation_records', 'observation_templates', 'process_inputs', 'processes',
  'projects', 'proxy_keys', 'reduced_datums', 'remote_connections', 'report_datasets', 'reports', 'sample_groups', 'samples', 'shipments',
  'ssh_keys', 'stretches', 'target_extra_fields', 'target_extras', 'targets', 'users', 'support_areas', 'session_feedback', 'feedback_ratings',
];

/** Row counts of the given tables, in one query. */
export async function rowCounts(db: Kysely<any>, tables: string[] = WRITTEN_TABLES): Promise<Record<string, number>> {
  const columns = tables.map((table) => `(select count(*) from ${table}) as ${table}`).join(', ');
  const result = await sql<Record<string, number | string>>`select ${sql.raw(columns)}`.execute(db);
  return Object.fromEntries(Object.entries(result.rows[0]).map(([table, n]) => [table, Number(n)]));
}

/** LIGHTPATH_FUZZ_SECONDS=<n> runs every fuzz test for n seconds, without a case budget (for a long hunt). */
function limitsFrom(limits: FuzzLimits): Required<FuzzLimits> {
  const seconds = Number(process.env.LIGHTPATH_FUZZ_SECONDS);
  const chosen = { maxCases: 3000, seconds: 4, slowMs: 2000, ...limits };
  return Number.isFinite(seconds) && seconds > 0 ? { ...chosen, seconds, maxCases: Number.MAX_SAFE_INTEGER } : chosen;
}

export async function runFuzz<Input>(target: FuzzTarget<Input>, limits: FuzzLimits = {}): Promise<FuzzStats> {
  const { maxCases, seconds, slowMs } = limitsFrom(limits);
  const seed = fuzzSeed();
  const deadline = performance.now() + seconds * 1000;
  const stats: FuzzStats = { seed, cases: 0, statuses: {} };
  let counts = await target.counts();
  for (let index = 0; index < maxCases && performance.now() < deadline; index++) {
    // Each case draws from its own stream, so a case can be regenerated from the seed and its number.
    const random = new Random((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
    const input = target.generate(random, index);
    const fail = (problem: string, answer?: FuzzAnswer): never => {
      const shown = target.show ? target.show(input) : JSON.stringify(input)?.slice(0, 1500);
      throw new Error(`${target.name}: ${problem}\n  replay: LIGHTPATH_FUZZ_SEED=${seed} (case ${index})\n  input: ${shown}`
        + (answer ? `\n  answer: ${answer.status} ${answer.body.slice(0, 800)}` : ''));
    };
    const started = performance.now();
    let answer: FuzzAnswer;
    try {
      answer = await target.send(input);
    } catch (error) {
      return fail(`the request threw: ${(error as Error).stack ?? error}`);
    }
    const elapsed = performance.now() - started;
    stats.cases++;
    stats.statuses[answer.status] = (stats.statuses[answer.status] ?? 0) + 1;
    const after = await target.counts();
    if (answer.status >= 500) fail(`answered ${answer.status}`, answer);
    if (elapsed > slowMs) fail(`took ${Math.round(elapsed)} ms (hang limit ${slowMs} ms)`, answer);
    if (answer.status >= 400) {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(answer.body);
      } catch { /* reported below */ }
      const problem = target.compatError?.(parsed, answer.status) ? null : errorBodyProblem(answer.body, target.extraErrorKeys);
      if (problem) fail(problem, answer);
      for (const [table, count] of Object.entries(after)) {
        if (count !== counts[table]) fail(`a refused request changed ${table} from ${counts[table]} to ${count} rows`, answer);
      }
    }
    counts = after;
  }
  return stats;
}

/** One line in the test's output: the seed, how many cases ran, and their statuses. */
export function reportFuzz(t: TestContext, stats: FuzzStats): void {
  const statuses = Object.entries(stats.statuses).map(([status, n]) => `${status}×${n}`).join(' ');
  t.diagnostic(`seed ${stats.seed}: ${stats.cases} cases (${statuses})`);
  assert.ok(stats.cases > 0, 'no case ran');
}

/** An injected response as the harness reads it. */
export const answerOf = (response: { statusCode: number; body: string }): FuzzAnswer => ({ status: response.statusCode, body: response.body });
