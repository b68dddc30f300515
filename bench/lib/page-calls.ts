// The REST calls behind a web page's first screen, timed one at a time (sequential, warm, over one
// keep-alive connection) with a login cookie. A page is a set of chains that the page starts in
// parallel; a chain is a list of steps run one after the other; a step is a set of parallel calls.
// A page's time is its slowest chain, a chain's the sum of its steps, a step's its slowest call.
import http from 'node:http';

export type Step = string[];
export type Chain = Step[];
export interface PageCalls {
  page: string;
  who: string;
  chains: Chain[];
}

export interface CallTiming {
  path: string;
  p50: number;
  p95: number;
  max: number;
  bytes: number;
}

export class Caller {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;

  constructor(base: string, private readonly cookie = '') {
    this.url = new URL(base);
  }

  /** One GET; the body as text, and the milliseconds until it was read whole. */
  get(path: string): Promise<{ status: number; text: string; ms: number }> {
    const sent = performance.now();
    return new Promise((resolve, reject) => {
      const headers = this.cookie ? { cookie: this.cookie } : {};
      const request = http.get({ host: this.url.hostname, port: this.url.port, path, agent: this.agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString(), ms: performance.now() - sent }));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
  }

  async json<T>(path: string): Promise<T> {
    const answer = await this.get(path);
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    return JSON.parse(answer.text) as T;
  }

  /** `runs` timed GETs after `warm` untimed ones; any answer but 200 fails the benchmark. */
  async time(path: string, runs: number, warm = 5): Promise<CallTiming> {
    let bytes = 0;
    const ms: number[] = [];
    for (let i = 0; i < warm + runs; i++) {
      const answer = await this.get(path);
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
      bytes = Buffer.byteLength(answer.text);
      if (i >= warm) ms.push(answer.ms);
    }
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)];
    return { path, p50: at(0.5), p95: at(0.95), max: ms[ms.length - 1], bytes };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Logs in through POST /rest/v1/auth/login and returns the cookie header to send. */
export async function loginCookie(base: string, username: string, password: string): Promise<string> {
  const answer = await fetch(`${base}/rest/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (answer.status !== 200) throw new Error(`login as ${username} answered ${answer.status}: ${await answer.text()}`);
  return answer.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** A page's first-screen time from its calls' timings (by p50 or p95). */
export function pageTime(page: PageCalls, timings: Map<string, CallTiming>, by: 'p50' | 'p95'): number {
  const step = (s: Step) => Math.max(...s.map((path) => timings.get(path)![by]));
  return Math.max(...page.chains.map((chain) => chain.reduce((sum, s) => sum + step(s), 0)));
}
