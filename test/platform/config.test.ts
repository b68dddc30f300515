// Configuration from the environment: defaults, database choice, and clear errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { addressInList, parseCidrList } from '../../src/platform/http/networks.ts';

describe('configuration', () => {
  test('defaults: SQLite in ./var, loopback trusted, port 3000', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, path.resolve('var'));
    assert.equal(config.database.kind, 'sqlite');
    assert.equal(config.database.sqliteFile, path.resolve('var/lightpath.sqlite'));
    assert.equal(addressInList('127.0.0.1', config.trustedNetworks), true);
    assert.equal(addressInList('::1', config.trustedNetworks), true);
    assert.equal(addressInList('10.0.0.1', config.trustedNetworks), false);
    assert.equal(config.trustedProxies.ranges.length, 0);
    assert.equal(config.baseUrl, null);
  });

  test('DATABASE_URL selects PostgreSQL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db.example:5432/lightpath' });
    assert.equal(config.database.kind, 'postgres');
    assert.equal(config.database.url, 'postgres://u:p@db.example:5432/lightpath');
  });

  test('every problem is reported at once', () => {
    assert.throws(() => loadConfig({
      PORT: 'eighty', DATABASE_URL: 'mysql://x', LIGHTPATH_BASE_URL: 'example.org', LIGHTPATH_TRUSTED_NETWORKS: '10.0.0.0/33',
      SMTP_SECURE: 'maybe', SMTP_FROM: 'not an address', LOG_LEVEL: 'loud',
    }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      const message = error.message;
      for (const name of ['PORT', 'DATABASE_URL', 'LIGHTPATH_BASE_URL', 'LIGHTPATH_TRUSTED_NETWORKS', 'SMTP_SECURE', 'SMTP_FROM', 'LOG_LEVEL']) {
        assert.match(message, new RegExp(name), `${name} is named`);
      }
      assert.equal(error.problems.length, 7);
      return true;
    });
  });

  test('an SMTP server without a sender address is refused at start', () => {
    assert.throws(() => loadConfig({ SMTP_HOST: 'mail.example.org' }), /SMTP_FROM \(the sender address of alert emails\) is required when SMTP_HOST is set/);
    assert.equal(loadConfig({ SMTP_HOST: 'mail.example.org', SMTP_FROM: 'Lightpath <lp@example.org>' }).smtp.from, 'Lightpath <lp@example.org>');
  });

  test('the base URL loses its trailing slash', () => {
    assert.equal(loadConfig({ LIGHTPATH_BASE_URL: 'https://lightpath.example.org/' }).baseUrl, 'https://lightpath.example.org');
  });
});

describe('network ranges', () => {
  test('IPv4, IPv6 and IPv4-mapped IPv6 addresses compare by value', () => {
    const list = parseCidrList('10.1.0.0/16, 2001:db8::/32 192.168.5.7');
    assert.equal(addressInList('10.1.200.3', list), true);
    assert.equal(addressInList('::ffff:10.1.2.3', list), true);
    assert.equal(addressInList('10.2.0.1', list), false);
    assert.equal(addressInList('2001:0db8:0000:0000:0000:0000:0000:0001', list), true);
    assert.equal(addressInList('2001:db9::1', list), false);
    assert.equal(addressInList('192.168.5.7', list), true);
    assert.equal(addressInList('192.168.5.8', list), false);
    assert.equal(addressInList('not an address', list), false);
  });

  test('a bad entry is an error naming it', () => {
    assert.throws(() => parseCidrList('10.0.0.0/8, bogus'), /"bogus" is not an IP address or CIDR range/);
  });
});
