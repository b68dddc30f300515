import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBase62 } from '../../../src/lims/compat/base62.ts';
import { verifyToken } from '../../../src/lims/compat/signed-token.ts';
import { MxdcSigner, urlsafeB64encode } from '../../support/mxdc/signer.ts';
import { SPEC_EXAMPLE_TOKEN } from './fixtures.ts';

const signer = new MxdcSigner();
const NOW = 1737475200;

function signaturePart(token: string): string {
  return token.slice(token.lastIndexOf(':') + 1);
}

test('mxdc signer: urlsafe base64 keeps "=" padding and swaps "+/" for "-_"', () => {
  assert.equal(urlsafeB64encode(Buffer.from([0xfb, 0xff])), '-_8=');
  assert.equal(urlsafeB64encode(Buffer.from([0xfb, 0xef, 0xbe])), '----');
  assert.equal(urlsafeB64encode(Buffer.from('a')), 'YQ==');
});

test('mxdc signer: the token is <user>:<base62 now>:<signature>', () => {
  const before = Math.floor(Date.now() / 1000);
  const token = signer.token('bob');
  const after = Math.floor(Date.now() / 1000);
  const [user, ts62] = token.split(':');
  assert.equal(user, 'bob');
  const ts = decodeBase62(ts62);
  assert.ok(ts >= before && ts <= after);
  assert.equal(signer.token('bob', NOW).split(':')[1], '1taGfY');
});

test('mxdc signer: spec invariants (64-char signature starting MC, length = user + 8 + 64)', () => {
  // The spec's worked example: 75 characters for bob.
  assert.equal(SPEC_EXAMPLE_TOKEN.length, 75);
  for (const username of ['bob', 'a', 'someone-with_a-long-name']) {
    for (let i = 0; i < 100; i++) {
      const token = signer.token(username, NOW + i);
      const b64 = signaturePart(token);
      const der = Buffer.from(b64, 'base64url');
      assert.ok(b64.startsWith('MC'), b64);
      assert.equal(der[0], 0x30);
      if (der.length >= 46) {
        // 46–48 DER bytes: the usual case, always 64 base64 characters.
        assert.equal(b64.length, 64);
        assert.equal(token.length, username.length + 8 + 64);
      } else {
        assert.equal(b64.length, 60); // rare: see the next test
      }
      assert.equal(verifyToken(token, signer.publicKeyText, { now: NOW + i, username }).ok, true);
    }
  }
});

test('mxdc signer: a short (45-byte) DER signature gives 60 characters and still verifies', () => {
  // About 1 signature in 350 has r or s below 2^152, so DER drops a byte. The spec's
  // "always 64 characters" holds only for 46–48 byte signatures; the server must not rely on it.
  let token = '';
  for (let i = 0; i < 50_000; i++) {
    const candidate = signer.token('bob', NOW);
    if (Buffer.from(signaturePart(candidate), 'base64url').length < 46) {
      token = candidate;
      break;
    }
  }
  assert.ok(token, 'no short signature found in 50 000 tries');
  assert.ok(signaturePart(token).length <= 60);
  assert.ok(signaturePart(token).startsWith('MC'));
  assert.equal(verifyToken(token, signer.publicKeyText, { now: NOW }).ok, true);
});
