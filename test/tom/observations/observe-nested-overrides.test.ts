// Audit A5: POST /api/observe/ checks everything it will echo or store before it calls the portal
// or records anything, so a refused request never leaves a telescope request behind (a client that
// retries after an error must not create a second one). Runs against the fake LCO portal.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import YAML from 'yaml';
import { startTestServer } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { startFakeLco } from '../../../src/tom/observations/fake-lco/server.ts';
import type { FakeLco } from '../../../src/tom/observations/fake-lco/server.ts';
import { loadDocument } from '../../../src/loader/load-file.ts';
import { loadSections } from '../../../src/modules.ts';
import { DEMO_OBSERVATORY } from '../observatory.ts';

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

describe('POST /api/observe/ refuses what it could not echo, before any side effect', () => {
  let lco: FakeLco;
  let server: TestServer;
  let targetId: number;

  before(async () => {
    lco = await startFakeLco({ apiKey: 'test-key' });
    server = await startTestServer({
      env: { LIGHTPATH_LCO_PORTAL_URL: lco.portalUrl, LIGHTPATH_LCO_ARCHIVE_URL: lco.archiveUrl, LIGHTPATH_LCO_API_KEY: 'test-key', LIGHTPATH_OBSERVE_RATE: '1000/minute' },
    });
    await loadDocument(server.platform, YAML.parse(fs.readFileSync(DEMO_OBSERVATORY, 'utf8')), loadSections, path.dirname(DEMO_OBSERVATORY));
    targetId = (await server.platform.db.selectFrom('targets').select('id').where('identifier', '=', 'm13').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    await server.close();
    await lco.close();
  });

  const observe = (overrides: unknown, email = 'class@school.test') => server.app.inject({
    method: 'POST', url: '/api/observe/', headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ target: targetId, template_name: 'demo-template', facility: 'LCO', overrides, email }),
  });
  const records = async () => Number((await server.platform.db.selectFrom('observation_records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const submissions = () => lco.store.log.filter((entry) => entry.method === 'POST').length;

  test('nested, oversized or too many overrides: 400 in DRF form, nothing sent, nothing recorded', async () => {
    // Shallower than the server-wide nesting limit: this endpoint's own check refuses it.
    const cases: Array<[string, unknown, unknown]> = [
      ['a deeply nested value', { start: '2030-02-01T00:00:00', extra: nested(40) }, { overrides: { extra: ['Not a valid string, number, boolean or null.'] } }],
      ['a shallow object value', { start: { when: 'now' } }, { overrides: { start: ['Not a valid string, number, boolean or null.'] } }],
      ['a list value', { start: ['2030-02-01'] }, { overrides: { start: ['Not a valid string, number, boolean or null.'] } }],
      ['a huge string', { start: 'x'.repeat(10_001) }, { overrides: { start: ['Ensure this field has no more than 10000 characters.'] } }],
      ['too many keys', Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, i])), { overrides: ['Ensure this field has no more than 200 elements.'] }],
    ];
    for (const [what, overrides, errors] of cases) {
      const response = await observe(overrides);
      assert.equal(response.statusCode, 400, `${what}: ${response.body.slice(0, 200)}`);
      assert.deepEqual(response.json(), errors, what);
    }
    const longEmail = await observe({ start: '2030-02-01T00:00:00' }, `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.org`);
    assert.equal(longEmail.statusCode, 400, longEmail.body);
    assert.deepEqual(longEmail.json(), { email: ['Ensure this field has no more than 254 characters.'] });
    assert.equal(submissions(), 0, 'the portal received no request');
    assert.equal(await records(), 0, 'no observation was recorded');
  });

  test('flat overrides of plain values still submit once and echo', async () => {
    const overrides = { start: '2030-02-01T00:00:00', max_airmass: 1.8, extra_flag: true, period: null };
    const response = await observe(overrides);
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json().overrides, overrides);
    assert.equal(await records(), 1);
  });
});
