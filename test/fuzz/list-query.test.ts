// Fuzzing the query strings of the REST lists: mutated `search` and `ordering` values (and
// repeated or damaged parameters) on every list that takes them. Besides the harness's checks
// (no 5xx, a proper error body, no write), a search that succeeds must only list shipments whose
// name or tracking code holds the text (compared ASCII-case-insensitively, as both databases fold).
import { after, before, describe, test } from 'node:test';
import { draftShipment, startWorld } from '../lims/rest/world.ts';
import type { World } from '../lims/rest/world.ts';
import { answerOf, rowCounts, runFuzz, reportFuzz } from './harness.ts';
import { INVALID_UTF8, mutateBytes } from './mutate.ts';
import type { Random } from './prng.ts';

const LISTS = ['/shipments', '/containers', '/groups', '/samples', '/sessions', '/datasets', '/reports', '/projects', '/users', '/activity'];
const ORDERINGS = ['name', '-name', 'created_at', '-created_at', 'state', 'priority', '-username', 'id'];
const SEEDS = ['alpha', 'Zeta', 'TRK', '100%', 'mid_', 'a\\b', 'é', '🧪', ' ', "'; drop table shipments; --"];
const CHUNKS = [
  ...INVALID_UTF8, Buffer.from('%'), Buffer.from('_'), Buffer.from('\\'), Buffer.from('*'), Buffer.from('['), Buffer.from("'"), Buffer.from('"'),
  Buffer.from('%25'), Buffer.from('%00'), Buffer.from('%FF'), Buffer.from('%ED%A0%80'), Buffer.from('&search='), Buffer.from('&ordering=-'),
  Buffer.from('x'.repeat(200)), Buffer.from('İ'), Buffer.from('ß'),
];

interface ListCase {
  path: string;
  query: string;
  search: string | null;
}

/** A value as it would sit in a query string: usually encoded, sometimes raw (damaged) bytes. */
function queryValue(random: Random, text: string): string {
  const mutated = random.chance(0.6) ? mutateBytes(random, Buffer.from(text), CHUNKS) : Buffer.from(text);
  return random.chance(0.7) ? encodeURIComponent(mutated.toString('utf8')) : mutated.toString('latin1');
}

const isPlainAscii = (text: string) => /^[\x20-\x7e]+$/.test(text);

describe('fuzz: list search and ordering', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
    for (const name of ['alpha', 'Zeta', 'mid_1']) await draftShipment(world, 'alice', name);
    await world.ok('alice', 'POST', '/shipments', { name: 'Tracked', tracking_code: 'TRK-100%' });
  });
  after(() => world.close());

  test('mutated search and ordering values never get a 5xx, and what is found contains the text', async (t) => {
    const stats = await runFuzz<ListCase>({
      name: 'list-query',
      generate: (random) => {
        const path = random.chance(0.5) ? '/shipments' : random.pick(LISTS);
        const parts: string[] = [];
        let search: string | null = null;
        if (random.chance(0.8)) {
          const raw = queryValue(random, random.pick(SEEDS));
          parts.push(`search=${raw}`);
          try {
            // A raw space or control character can be trimmed off the URL before the server parses it,
            // and a raw '&' or '#' ends the value there, so such values have no expectation.
            search = /[\x00-\x20&#]/.test(raw) ? null : decodeURIComponent(raw.replace(/\+/g, ' '));
          } catch {
            search = null;
          }
        }
        if (random.chance(0.5)) parts.push(`ordering=${random.chance(0.6) ? random.pick(ORDERINGS) : queryValue(random, random.pick(ORDERINGS))}`);
        if (random.chance(0.1)) parts.push(random.pick(['search=a', 'ordering=name', 'limit=2', 'offset=1', 'search[]=x', 'ordering[x]=1']));
        return { path, query: parts.join('&'), search };
      },
      send: async (input) => {
        const response = await world.api('staff', 'GET', `${input.path}?${input.query}`);
        if (response.statusCode === 200 && input.path === '/shipments' && input.search !== null && isPlainAscii(input.search)
          && !/(^|&)search=.*&search=/.test(input.query) && !input.query.includes('search[]')) {
          const needle = input.search.toLowerCase();
          for (const row of response.json().results as { name: string; tracking_code: string }[]) {
            if (!`${row.name}\n${row.tracking_code}`.toLowerCase().split('\n').some((field) => field.includes(needle))) {
              throw new Error(`search ${JSON.stringify(input.search)} listed ${row.name} (${row.tracking_code})`);
            }
          }
        }
        return answerOf(response);
      },
      counts: () => rowCounts(world.server.platform.db),
      show: (input) => `GET ${input.path}?${input.query}`,
    }, { seconds: 4 });
    reportFuzz(t, stats);
  });
});
