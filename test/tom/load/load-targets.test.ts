// Audit A7 (telescope half): `lightpath load` holds targets and their files to the REST API's
// rules. A refused file writes nothing (no user, no target, no row, no stored file) and names the
// item and the reason in one line; two targets may each hold a frame of the same file name.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { startTestServer, testEnv } from '../../helpers/platform.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { runLightpath } from '../../helpers/processes.ts';
import { loadDocument, LoadError } from '../../../src/loader/load-file.ts';
import { loadSections } from '../../../src/modules.ts';
import { DEMO_FRAMES } from '../observatory.ts';

const FRAME = fs.readdirSync(DEMO_FRAMES).filter((f) => f.endsWith('.fits.fz')).sort()[0];

describe('lightpath load: targets and their files by the REST API\'s rules', () => {
  let server: TestServer;
  let dir: string;

  const load = (document: Record<string, unknown>) => loadDocument(server.platform, document, loadSections, dir);
  const storedFiles = async () => {
    const keys: string[] = [];
    for await (const key of server.platform.files.list('')) keys.push(key);
    return keys;
  };
  const count = async (table: 'targets' | 'data_products' | 'users') => Number((await server.platform.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const target = (identifier: string, extra: Record<string, unknown> = {}) => ({ identifier, name: `Target ${identifier}`, ra: 10, dec: 20, ...extra });

  before(async () => {
    server = await startTestServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightpath-load-'));
    fs.mkdirSync(path.join(dir, 'a'));
    fs.mkdirSync(path.join(dir, 'b'));
    fs.copyFileSync(path.join(DEMO_FRAMES, FRAME), path.join(dir, 'a', FRAME));
    fs.copyFileSync(path.join(DEMO_FRAMES, FRAME), path.join(dir, 'b', FRAME));
    fs.writeFileSync(path.join(dir, 'not-really.fits'), 'SIMPLE? no, just text pretending to be FITS\n');
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('refused: each item named with its reason, and nothing written', async () => {
    const users = [{ username: 'loader-user', password: 'secret-pass' }];
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['ra out of range', { users, targets: [target('t-ra', { ra: 999 })] }, /^targets\[0\]\.ra \(target Target t-ra\): must be a number from 0 to 360, or null: right ascension in degrees$/m],
      ['a sidereal target without dec', { users, targets: [target('t-dec', { dec: undefined })] }, /^targets\[0\] \(target t-dec\): dec is required for a sidereal target$/m],
      ['an undeclared extra field', { users, targets: [target('t-extra', { extra_fields: { nope: 1 } })] }, /^targets\[0\] \(target t-extra\): extra_fields\.nope is not a declared extra field/m],
      ['a text file claiming to be FITS', { users, targets: [target('t-ok', { data_products: [{ file: `a/${FRAME}` }] }), target('t-fits', { data_products: [{ file: 'not-really.fits' }] })] },
        /^targets\[1\]\.data_products\[0\] \(target t-fits, file not-really\.fits\): "not-really\.fits" is not a valid FITS file/m],
      ['a type the API does not know', { users, targets: [target('t-type', { data_products: [{ file: `a/${FRAME}`, type: 'movie' }] })] }, /^targets\[0\]\.data_products\[0\]\.type \(target Target t-type\): must be one of fits_file, image_file/m],
      ['a missing file', { users, targets: [target('t-missing', { data_products: [{ file: 'nowhere.fits' }] })] }, /^targets\[0\]\.data_products\[0\] \(target t-missing, file nowhere\.fits\): no such file$/m],
    ];
    for (const [what, document, message] of cases) {
      await assert.rejects(load(JSON.parse(JSON.stringify(document))), (error: Error) => {
        assert.ok(error instanceof LoadError, `${what}: ${error.message}`);
        assert.match(error.message, message, what);
        return true;
      });
      assert.equal(await count('targets'), 0, `${what}: no target`);
      assert.equal(await count('data_products'), 0, `${what}: no data product`);
      assert.equal(await count('users'), 0, `${what}: the other sections were not written either`);
      assert.deepEqual(await storedFiles(), [], `${what}: no stored file`);
    }
  });

  test('two targets each hold a frame of the same file name; loading again changes nothing', async () => {
    const document = { targets: [target('same-a', { data_products: [{ file: `a/${FRAME}` }] }), target('same-b', { data_products: [{ file: `b/${FRAME}`, facility: 'LCO' }] }), target('same-c', { data_products: [{ file: `a/${FRAME}`, facility: 'LCO' }] })] };
    const report = await load(document);
    assert.equal(report.entries.filter((e) => e.section === 'data product' && e.action === 'created').length, 3, report.format());
    const products = await server.platform.db.selectFrom('data_products').select(['file_key', 'data_product_type']).orderBy('file_key').execute();
    assert.deepEqual(products, [
      { file_key: `same-a/none/${FRAME}`, data_product_type: 'fits_file' },
      { file_key: `same-b/LCO/${FRAME}`, data_product_type: 'fits_file' },
      { file_key: `same-c/LCO/${FRAME}`, data_product_type: 'fits_file' },
    ]);
    assert.equal((await load(document)).changed, false);
  });

  test('the lightpath load command says what is wrong in one line and exits non-zero', async () => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, YAML.stringify({ targets: [target('cli-bad', { data_products: [{ file: 'not-really.fits' }] })] }));
    const result = await runLightpath(['load', file], testEnv(server.database));
    assert.notEqual(result.code, 0);
    assert.match(result.output, /targets\[0\]\.data_products\[0\] \(target cli-bad, file not-really\.fits\): "not-really\.fits" is not a valid FITS file[^\n]*\n/);
    assert.equal(await server.platform.db.selectFrom('targets').select('id').where('identifier', '=', 'cli-bad').executeTakeFirst(), undefined);
  });
});
