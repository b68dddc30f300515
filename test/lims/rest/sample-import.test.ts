// Importing samples into a container from CSV: a good file creates every sample; a file with
// bad rows reports every one of them and writes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, CsvError } from '../../../src/lims/csv.ts';
import { startWorld } from './world.ts';
import type { World } from './world.ts';

describe('the CSV reader', () => {
  test('reads quoted fields with commas, doubled quotes and line breaks, and CRLF line ends', () => {
    const text = '\ufeffname,comments\r\na,"one, two"\r\nb,"say ""hi"""\r\nc,"line 1\r\nline 2"\r\n\r\nd,\r\n';
    assert.deepEqual(parseCsv(text), [
      { row: 1, fields: ['name', 'comments'] },
      { row: 2, fields: ['a', 'one, two'] },
      { row: 3, fields: ['b', 'say "hi"'] },
      { row: 4, fields: ['c', 'line 1\r\nline 2'] },
      { row: 7, fields: ['d', ''] },
    ]);
  });

  test('handles a last line without a line break, LF and lone CR', () => {
    assert.deepEqual(parseCsv('a,b\nc,d'), [{ row: 1, fields: ['a', 'b'] }, { row: 2, fields: ['c', 'd'] }]);
    assert.deepEqual(parseCsv('a\rb\r'), [{ row: 1, fields: ['a'] }, { row: 2, fields: ['b'] }]);
    assert.deepEqual(parseCsv('"",x'), [{ row: 1, fields: ['', 'x'] }]);
  });

  test('refuses an unclosed quote and text after a closing quote', () => {
    assert.throws(() => parseCsv('a\n"open,b\n'), (e) => e instanceof CsvError && e.row === 2);
    assert.throws(() => parseCsv('"a"b,c'), CsvError);
  });
});

describe('POST /containers/{id}/samples/import', () => {
  let world: World;
  let puck: number;
  let shipment: number;
  before(async () => {
    world = await startWorld();
    shipment = (await world.ok('alice', 'POST', '/shipments', { name: 'Imports' })).id;
    puck = (await world.ok('alice', 'POST', '/containers', { shipment_id: shipment, name: 'P-1', type: 'Uni-Puck' })).id;
    await world.ok('alice', 'POST', '/groups', { shipment_id: shipment, name: 'lyso' });
    await world.ok('alice', 'POST', '/samples', { container_id: puck, name: 'already', location: '16' });
  });
  after(() => world.close());

  const count = async () => (await world.ok('alice', 'GET', `/samples?container=${puck}`)).count as number;

  test('a file with several bad rows reports each of them and imports nothing', async () => {
    const text = [
      'Name,Location,Group,Barcode,Comments,Priority',
      'good-1,1,lyso,BC1,fine,1',
      ',2,,,,',                       // row 3: no name
      'bad-loc,17,,,,',               // row 4: no such location
      'dup,1,,,,',                    // row 5: location 1 also on row 2
      'taken,16,,,,',                 // row 6: occupied
      'nogroup,3,thaum,,,',           // row 7: unknown group
      'prio,4,,,,"high"',             // row 8: bad priority
      'bad name!,5,,bad code,,2.5',   // row 9: three problems
      'good-2,6,,,"a, b",',
    ].join('\n');
    const response = await world.csv('alice', puck, text);
    assert.equal(response.statusCode, 400, response.body);
    const body = response.json();
    assert.equal(body.detail, '7 of 9 rows have errors; nothing was imported.');
    assert.deepEqual(body.rows, [
      { row: 3, errors: ['name is missing'] },
      { row: 4, errors: ['P-1 has no location "17"'] },
      { row: 5, errors: ['location 1 is also used on row 2'] },
      { row: 6, errors: ['location 16 already holds sample already'] },
      { row: 7, errors: ['no group "thaum" in shipment Imports'] },
      { row: 8, errors: ['priority "high" must be a whole number from -1000000 to 1000000'] },
      { row: 9, errors: [
        'name "bad name!" must be 1 to 60 letters, digits, _ or - (it names directories at the beamline)',
        'barcode "bad code" must be 1 to 60 letters, digits, _ or -',
        'priority "2.5" must be a whole number from -1000000 to 1000000',
      ] },
    ]);
    assert.equal(await count(), 1, 'nothing was written');
  });

  test('a good file creates every sample (201), with groups, barcodes, comments and priorities', async () => {
    const text = 'name,location,group,barcode,comments,priority\r\ns-1,1,lyso,BC-1,"cryo: 25% glycerol, 100 K",2\r\ns-2,2,,,,\r\n"s-3",3,lyso,,"two\r\nlines",-1\r\n,,,,,\r\n';
    const response = await world.csv('alice', puck, text);
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.equal(body.count, 3);
    assert.deepEqual(body.results.map((s: { name: string; location: string; group: string | null; priority: number | null }) => [s.name, s.location, s.group, s.priority]), [
      ['s-1', '1', 'lyso', 2], ['s-2', '2', null, null], ['s-3', '3', 'lyso', -1],
    ]);
    assert.equal(body.results[0].comments, 'cryo: 25% glycerol, 100 K');
    assert.equal(body.results[0].barcode, 'BC-1');
    assert.equal(body.results[2].comments, 'two\r\nlines');
    assert.equal(await count(), 4);
    const log = await world.ok('alice', 'GET', '/activity');
    assert.equal(log.results[0].description, '3 samples imported into P-1');
  });

  test('only name and location are required columns; a charset parameter is fine', async () => {
    const response = await world.server.app.inject({
      method: 'POST', url: `/rest/v1/containers/${puck}/samples/import`,
      headers: { ...world.logins.alice.headers, 'content-type': 'text/csv; charset=utf-8' }, payload: 'location,name\n7,s-7\n',
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().results[0].name, 's-7');
  });

  test('header problems and empty files are a 400 with a clear detail', async () => {
    const cases: Array<[string, RegExp]> = [
      ['', /file is empty/],
      ['name,location\n', /no samples/],
      ['name,spot\ns,1\n', /Unknown column "spot"; the columns are name, location, group, barcode, comments, priority/],
      ['name\ns\n', /must name the column location/],
      ['name,location,name\n', /appears twice/],
      ['name,location\n"s,1\n', /not valid CSV: Row 2: a quoted field is not closed/],
    ];
    for (const [text, detail] of cases) {
      const response = await world.csv('alice', puck, text);
      assert.equal(response.statusCode, 400, text);
      assert.match(response.json().detail, detail);
    }
    assert.equal(await count(), 5);
  });

  test('too many fields on a row is reported as a row error', async () => {
    const response = await world.csv('alice', puck, 'name,location\nx,8,extra\n');
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().rows, [{ row: 2, errors: ['has 3 fields but the header has 2'] }]);
  });

  test('blank trailing columns, as spreadsheets write them, are ignored', async () => {
    const response = await world.csv('alice', puck, 'name,location,,\ns-8,8,,\n,,,\n');
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json().results.map((s: { name: string }) => s.name), ['s-8']);
  });

  test('JSON is not a CSV file (415), another project\'s container is 404, a sent shipment is 409', async () => {
    const json = await world.api('alice', 'POST', `/containers/${puck}/samples/import`, { name: 'x' });
    assert.equal(json.statusCode, 415);
    const foreign = await world.csv('bob', puck, 'name,location\nx,9\n');
    assert.equal(foreign.statusCode, 404);
    await world.ok('alice', 'POST', `/shipments/${shipment}/send`);
    const sent = await world.csv('alice', puck, 'name,location\nx,9\n');
    assert.equal(sent.statusCode, 409);
    assert.equal(await count(), 6);
  });
});
