// CSV import checks what the JSON API checks (same field limits), refuses bytes that are not
// UTF-8 naming the row and column, takes a multipart form with one file as well as a text/csv
// body, and answers other content types with a 415 that names the two it takes. Nothing is written
// when anything is refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld } from './world.ts';
import type { World } from './world.ts';

const BOUNDARY = '----lightpath-test-boundary';

function form(parts: Array<{ name: string; filename?: string; body: string | Buffer }>, boundary = BOUNDARY): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: text/csv\r\n\r\n`), Buffer.from(part.body), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

describe('CSV import: the JSON API\'s rules, UTF-8, multipart forms', () => {
  let world: World;
  let puck: number;
  before(async () => {
    world = await startWorld();
    const shipment = (await world.ok('alice', 'POST', '/shipments', { name: 'Rules' })).id;
    puck = (await world.ok('alice', 'POST', '/containers', { shipment_id: shipment, name: 'R-1', type: 'Uni-Puck' })).id;
  });
  after(() => world.close());

  const count = async () => (await world.ok('alice', 'GET', `/samples?container=${puck}`)).count as number;
  const upload = (contentType: string, payload: string | Buffer) => world.server.app.inject({
    method: 'POST', url: `/rest/v1/containers/${puck}/samples/import`, headers: { ...world.logins.alice.headers, 'content-type': contentType }, payload,
  });

  test('a 200,000-character comment is refused, naming the row; nothing is written', async () => {
    const response = await world.csv('alice', puck, `name,location,comments\nok-1,1,fine\nlong-1,2,${'x'.repeat(200000)}\n`);
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json().detail, '1 of 2 rows have errors; nothing was imported.');
    assert.deepEqual(response.json().rows, [{ row: 3, errors: ['comments (200000 characters) must be at most 10000 characters'] }]);
    assert.equal(await count(), 0);
  });

  test('the limits are the JSON API\'s: 10,000 characters pass both ways, 10,001 fail both ways', async () => {
    const json = await world.api('alice', 'POST', '/samples', { container_id: puck, name: 'j-long', location: '3', comments: 'y'.repeat(10001) });
    assert.equal(json.statusCode, 400);
    assert.ok(json.json().fields.comments);
    const csv = await world.csv('alice', puck, `name,location,comments\nc-long,4,${'y'.repeat(10001)}\n`);
    assert.equal(csv.statusCode, 400);
    assert.equal(await count(), 0);

    await world.ok('alice', 'POST', '/samples', { container_id: puck, name: 'j-max', location: '3', comments: 'y'.repeat(10000), priority: 1000000 });
    const fits = await world.csv('alice', puck, `name,location,comments,priority\nc-max,4,${'y'.repeat(10000)},-1000000\n`);
    assert.equal(fits.statusCode, 201, fits.body);
    assert.equal(fits.json().results[0].comments.length, 10000);
    const beyond = await world.csv('alice', puck, 'name,location,priority,barcode\nc-prio,5,1000001,\nc-code,6,,has space\n');
    assert.deepEqual(beyond.json().rows, [
      { row: 2, errors: ['priority 1000001 must be a whole number from -1000000 to 1000000'] },
      { row: 3, errors: ['barcode "has space" must be 1 to 60 letters, digits, _ or -'] },
    ]);
    await world.ok('alice', 'DELETE', `/samples/${fits.json().results[0].id}`);
    await world.ok('alice', 'DELETE', `/samples/${(await world.ok('alice', 'GET', `/samples?container=${puck}`)).results[0].id}`);
    assert.equal(await count(), 0);
  });

  test('Latin-1 bytes are refused, naming the row and column; nothing is written', async () => {
    const latin1 = Buffer.from('name,location,comments\nok-2,1,plain\ncafe,2,caf\xe9 au lait\n', 'latin1');
    const response = await upload('text/csv', latin1);
    assert.equal(response.statusCode, 400, response.body);
    assert.match(response.json().detail, /not UTF-8 text \(first at row 3, comments\)/);
    assert.deepEqual(response.json().rows, [{ row: 3, errors: ['comments is not UTF-8 text'] }]);
    // Inside a quoted field running over lines, the row is where the record starts.
    const quoted = await upload('text/csv', Buffer.from('name,comments,location\nq-1,"line one\nline tw\xf6",1\n', 'latin1'));
    assert.deepEqual(quoted.json().rows, [{ row: 2, errors: ['comments is not UTF-8 text'] }]);
    const header = await upload('text/csv', Buffer.from('name,location,n\xf6te\n', 'latin1'));
    assert.match(header.json().detail, /first at the header row/);
    assert.equal(await count(), 0);
  });

  test('a NUL character in a cell is refused, naming the row', async () => {
    const response = await world.csv('alice', puck, 'name,location,comments\nnul-1,1,a\u0000b\n');
    assert.equal(response.statusCode, 400, response.body);
    assert.deepEqual(response.json().rows, [{ row: 2, errors: ['comments contains a NUL character'] }]);
    assert.equal(await count(), 0);
  });

  test('a multipart form with one file imports it like a text/csv body', async () => {
    const response = await upload(`multipart/form-data; boundary=${BOUNDARY}`, form([{ name: 'file', filename: 'samples.csv', body: 'name,location\nform-1,7\nform-2,8\n' }]));
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json().results.map((s: { name: string }) => s.name), ['form-1', 'form-2']);
    // The form's file gets the same checks.
    const latin1 = await upload(`multipart/form-data; boundary="${BOUNDARY}"`, form([{ name: 'file', filename: 'x.csv', body: Buffer.from('name,location\nd\xe9j\xe0,9\n', 'latin1') }]));
    assert.equal(latin1.statusCode, 400);
    assert.deepEqual(latin1.json().rows, [{ row: 2, errors: ['name is not UTF-8 text'] }]);
    assert.equal(await count(), 2);
  });

  test('a bad form is a 400 that says what is wrong', async () => {
    const csv = 'name,location\nbad-form,10\n';
    const cases: Array<[string, Buffer | string, RegExp]> = [
      [`multipart/form-data; boundary=${BOUNDARY}`, form([{ name: 'file', filename: 'a.csv', body: csv }, { name: 'other', filename: 'b.csv', body: csv }]), /exactly one field.*more than one/],
      [`multipart/form-data; boundary=${BOUNDARY}`, form([]), /exactly one field.*none/],
      ['multipart/form-data', form([{ name: 'file', body: csv }]), /needs a boundary/],
      [`multipart/form-data; boundary=${BOUNDARY}`, form([{ name: 'file', body: csv }]).subarray(0, 80), /cut short/],
      [`multipart/form-data; boundary=${BOUNDARY}`, 'no boundary here at all', /does not contain its boundary/],
      [`multipart/form-data; boundary=${BOUNDARY}`, `--${BOUNDARY}\r\nX-Other: 1\r\n\r\n${csv}\r\n--${BOUNDARY}--\r\n`, /Content-Disposition/],
    ];
    for (const [contentType, payload, detail] of cases) {
      const response = await upload(contentType, payload);
      assert.equal(response.statusCode, 400, `${contentType}: ${response.body}`);
      assert.match(response.json().detail, detail);
      assert.deepEqual(Object.keys(response.json()), ['detail']);
    }
    assert.equal(await count(), 2);
  });

  test('other content types are a 415 naming text/csv and multipart/form-data', async () => {
    for (const contentType of ['application/xml', 'application/json', 'text/plain']) {
      const response = await upload(contentType, contentType === 'application/json' ? '{"name": "x"}' : 'name,location\nx,11\n');
      assert.equal(response.statusCode, 415, contentType);
      assert.match(response.json().detail, new RegExp(`^Unsupported Content-Type: ${contentType}\\. Send the CSV file .*text/csv.*multipart/form-data`));
    }
    const none = await world.server.app.inject({ method: 'POST', url: `/rest/v1/containers/${puck}/samples/import`, headers: world.logins.alice.headers });
    assert.equal(none.statusCode, 415);
    assert.match(none.json().detail, /^Unsupported Content-Type: none\. .*text\/csv.*multipart\/form-data/);
    assert.equal(await count(), 2);
  });

  test('the API document offers both ways in', async () => {
    const doc = (await world.server.app.inject({ method: 'GET', url: '/rest/openapi.json' })).json();
    const content = doc.paths['/rest/v1/containers/{id}/samples/import'].post.requestBody.content;
    assert.deepEqual(Object.keys(content).sort(), ['multipart/form-data', 'text/csv']);
    assert.equal(content['multipart/form-data'].schema.properties.file.format, 'binary');
  });
});
