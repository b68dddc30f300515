// A scripted browser for sign-in tests: it keeps cookies for Lightpath (reached with app.inject at
// LIGHTPATH_ORIGIN) and for the test provider (reached over HTTP), follows redirects between them,
// and fills in the provider's login form.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';

/** The address Lightpath is configured with (LIGHTPATH_BASE_URL); requests to it go through inject. */
export const LIGHTPATH_ORIGIN = 'http://lightpath.test';

export interface Answer {
  status: number;
  location: string | null;
  body: string;
  headers: Record<string, unknown>;
}

export class ProviderBrowser {
  /** Cookies by host ("lightpath.test", "127.0.0.1:port"). */
  readonly cookies = new Map<string, Map<string, string>>();
  /** Every answer Lightpath gave, in order (to check nothing token-like reached the browser). */
  readonly lightpathAnswers: Answer[] = [];

  constructor(private readonly app: FastifyInstance) {}

  cookie(host: string, name: string): string | undefined {
    return this.cookies.get(host)?.get(name);
  }

  private remember(host: string, setCookies: string[]): void {
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair.split('=');
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) <= Date.now()) || value.join('=') === '';
      if (expired) jar.delete(name.trim());
      else jar.set(name.trim(), value.join('='));
    }
    this.cookies.set(host, jar);
  }

  private cookieHeader(host: string): string {
    return [...(this.cookies.get(host) ?? new Map()).entries()].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** One request, to Lightpath or to the provider; no redirect followed. */
  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
    const target = new URL(url, LIGHTPATH_ORIGIN);
    if (target.origin === LIGHTPATH_ORIGIN) {
      const response: LightMyRequestResponse = await this.app.inject({
        method: (init.method ?? 'GET') as 'GET', url: target.pathname + target.search,
        headers: { cookie: this.cookieHeader(target.host), ...init.headers },
      });
      const setCookie = response.headers['set-cookie'];
      this.remember(target.host, setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie]);
      const answer = { status: response.statusCode, location: (response.headers.location as string | undefined) ?? null, body: response.body, headers: response.headers };
      this.lightpathAnswers.push(answer);
      return answer;
    }
    const response = await fetch(target, {
      method: init.method ?? 'GET', redirect: 'manual',
      headers: { cookie: this.cookieHeader(target.host), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    this.remember(target.host, response.headers.getSetCookie());
    const location = response.headers.get('location');
    return { status: response.status, location: location ? new URL(location, target).href : null, body: await response.text(), headers: {} };
  }

  /**
   * Follows redirects from `url`; on the provider's login page signs in as `username`. Stops at
   * Lightpath's answer to its callback (or, with `stopAtCallback`, before it), or at the first
   * answer that is no redirect.
   */
  async follow(url: string, options: { username?: string; stopAtCallback?: boolean } = {}): Promise<{ url: string; answer: Answer }> {
    let current = new URL(url, LIGHTPATH_ORIGIN).href;
    for (let step = 0; step < 20; step++) {
      if (options.stopAtCallback && current.startsWith(`${LIGHTPATH_ORIGIN}/auth/oidc/callback`)) return { url: current, answer: { status: 0, location: null, body: '', headers: {} } };
      const callback = current.startsWith(`${LIGHTPATH_ORIGIN}/auth/oidc/callback`);
      let answer = await this.request(current);
      if (callback) return { url: current, answer };
      if (answer.status === 200 && answer.body.includes('name="login"')) {
        assert.ok(options.username, 'the provider asks who signs in');
        const action = /<form[^>]*action="([^"]+)"/.exec(answer.body)?.[1] ?? current;
        answer = await this.request(new URL(action, current).href, { method: 'POST', form: { prompt: 'login', login: options.username, password: 'any password' } });
      }
      if (answer.location === null || answer.status < 300 || answer.status >= 400) return { url: current, answer };
      current = answer.location;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}
