// The login limit holds against a burst of parallel guesses on a real listening server: only as
// many attempts as the limit allows are checked, the rest are refused before any password is.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { makeUser } from '../helpers/accounts.ts';

const LIMIT = 10;

describe('login limit under parallel attempts', () => {
  let server: TestServer;
  let base: string;
  before(async () => {
    server = await startTestServer({ env: { LIGHTPATH_LOGIN_MAX_FAILURES: String(LIMIT) } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    assert.ok(address && typeof address === 'object');
    base = `http://127.0.0.1:${address.port}`;
  });
  after(() => server.close());

  /** Sends every attempt at once and returns the status codes in the order given. */
  async function burst(username: string, passwords: string[]): Promise<number[]> {
    const responses = await Promise.all(passwords.map((password) => fetch(`${base}/rest/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
    })));
    for (const response of responses) await response.arrayBuffer();
    return responses.map((r) => r.status);
  }

  const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

  test('40 parallel wrong passwords: the limit get 401, every other one 429', async () => {
    await makeUser(server.platform, 'target40');
    const statuses = await burst('target40', Array.from({ length: 40 }, (_, i) => `guess-${i}`));
    assert.equal(count(statuses, 401), LIMIT, statuses.join(','));
    assert.equal(count(statuses, 429), 40 - LIMIT, statuses.join(','));
  });

  test('60 parallel attempts with the real password at number 46: it does not get past the limit', async () => {
    await makeUser(server.platform, 'target60');
    const passwords = Array.from({ length: 60 }, (_, i) => `guess-${i}`);
    passwords[45] = 'target60-password';
    const statuses = await burst('target60', passwords);
    // Exactly LIMIT attempts had their password checked; the real one only logs in if it was among them.
    assert.equal(count(statuses, 401) + count(statuses, 200), LIMIT, statuses.join(','));
    assert.equal(count(statuses, 429), 60 - LIMIT, statuses.join(','));
    assert.ok(statuses[45] === 429 || count(statuses, 401) < LIMIT, statuses.join(','));
    const [after] = await burst('target60', ['target60-password']);
    assert.equal(after, 429, 'the real password is refused once the limit is reached');
  });

  test('a right password gives its attempt back: logging in more often than the limit is fine', async () => {
    await makeUser(server.platform, 'regular');
    for (let i = 0; i < LIMIT + 2; i++) assert.deepEqual(await burst('regular', ['regular-password']), [200], `login ${i + 1}`);
  });
});
