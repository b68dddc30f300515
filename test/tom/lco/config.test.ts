// LIGHTPATH_LCO_* settings: defaults, base URLs normalised, every bad value reported.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LcoConfigError, readLcoConfig } from '../../../src/tom/observations/facilities/lco/config.ts';

describe('LCO configuration', () => {
  test('defaults: the real portal and archive, no key', () => {
    assert.deepEqual(readLcoConfig({}), { portalUrl: 'https://observe.lco.global', archiveUrl: 'https://archive-api.lco.global', apiKey: '' });
  });

  test('URLs keep a path prefix but lose trailing slashes; the key is trimmed', () => {
    const config = readLcoConfig({
      LIGHTPATH_LCO_PORTAL_URL: 'http://127.0.0.1:8090/',
      LIGHTPATH_LCO_ARCHIVE_URL: ' http://127.0.0.1:8090/archive// ',
      LIGHTPATH_LCO_API_KEY: ' abc123 ',
    });
    assert.deepEqual(config, { portalUrl: 'http://127.0.0.1:8090', archiveUrl: 'http://127.0.0.1:8090/archive', apiKey: 'abc123' });
  });

  test('bad values are all reported at once, thrown or appended to the caller\'s list', () => {
    const env = { LIGHTPATH_LCO_PORTAL_URL: 'observe.lco.global', LIGHTPATH_LCO_ARCHIVE_URL: 'ftp://archive', LIGHTPATH_LCO_API_KEY: 'two words' };
    assert.throws(() => readLcoConfig(env), (error: Error) => {
      assert.ok(error instanceof LcoConfigError);
      assert.equal(error.problems.length, 3);
      assert.match(error.message, /LIGHTPATH_LCO_PORTAL_URL must be an absolute http:\/\/ or https:\/\/ URL \(got "observe.lco.global"\)/);
      assert.match(error.message, /LIGHTPATH_LCO_ARCHIVE_URL must be an absolute/);
      assert.match(error.message, /LIGHTPATH_LCO_API_KEY must not contain spaces/);
      return true;
    });
    const problems = ['an earlier problem'];
    const config = readLcoConfig({ LIGHTPATH_LCO_PORTAL_URL: 'https://observe.lco.global/?x=1' }, problems);
    assert.equal(problems.length, 2);
    assert.match(problems[1], /LIGHTPATH_LCO_PORTAL_URL must be a plain base URL/);
    assert.equal(config.portalUrl, 'https://observe.lco.global');
  });
});
