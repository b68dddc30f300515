import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { encodeBase62 } from '../../../src/lims/compat/base62.ts';
import {
  MalformedTokenError,
  parseToken,
  usernameFromToken,
  verifyToken,
  verifyTokenOffThread,
  type TokenVerification,
} from '../../../src/lims/compat/signed-token.ts';
import { MxdcSigner, urlsafeB64encode } from '../../support/mxdc/signer.ts';
import { PYTHON_PUBLIC_KEY, PYTHON_TOKEN, PYTHON_TOKEN_TIME, SPEC_EXAMPLE_TOKEN } from './fixtures.ts';

const signer = new MxdcSigner();
const NOW = 1737475200;

function reason(result: TokenVerification): string {
  return result.ok ? 'ok' : result.reason;
}

function splitToken(token: string): { timed: string; sig: Buffer } {
  const at = token.lastIndexOf(':');
  return { timed: token.slice(0, at), sig: Buffer.from(token.slice(at + 1), 'base64url') };
}

test('token: a fresh MxDC token verifies', () => {
  const result = verifyToken(signer.token('bob', NOW), signer.publicKeyText, { now: NOW });
  assert.deepEqual(result, { ok: true, username: 'bob', timestamp: NOW });
});

test('token: a token signed by Python cryptography verifies', () => {
  const result = verifyToken(PYTHON_TOKEN, PYTHON_PUBLIC_KEY, { now: PYTHON_TOKEN_TIME + 5, username: 'bob' });
  assert.deepEqual(result, { ok: true, username: 'bob', timestamp: PYTHON_TOKEN_TIME });
  // and not under another key
  assert.equal(reason(verifyToken(PYTHON_TOKEN, signer.publicKeyText, { now: PYTHON_TOKEN_TIME })), 'bad-signature');
});

test('token: the default clock is used when now is not given', () => {
  assert.equal(reason(verifyToken(signer.token('bob'), signer.publicKeyText)), 'ok');
});

test('token: ts = now − 61 is expired; the 60 s boundary is accepted', () => {
  assert.equal(reason(verifyToken(signer.token('bob', NOW - 61), signer.publicKeyText, { now: NOW })), 'expired');
  assert.equal(reason(verifyToken(signer.token('bob', NOW - 60), signer.publicKeyText, { now: NOW })), 'ok');
  // Fractional now, as time.time() gives: 60.5 s is already too old.
  assert.equal(reason(verifyToken(signer.token('bob', NOW - 60), signer.publicKeyText, { now: NOW + 0.5 })), 'expired');
});

test('token: D3 — future timestamps beyond the window are rejected', () => {
  assert.equal(reason(verifyToken(signer.token('bob', NOW + 3600), signer.publicKeyText, { now: NOW })), 'not-yet-valid');
  assert.equal(reason(verifyToken(signer.token('bob', NOW + 61), signer.publicKeyText, { now: NOW })), 'not-yet-valid');
  assert.equal(reason(verifyToken(signer.token('bob', NOW + 60), signer.publicKeyText, { now: NOW })), 'ok');
});

test('token: the window is configurable', () => {
  const future = signer.token('bob', NOW + 3600);
  assert.equal(reason(verifyToken(future, signer.publicKeyText, { now: NOW, windowSeconds: 3600 })), 'ok');
  assert.equal(reason(verifyToken(signer.token('bob', NOW - 10), signer.publicKeyText, { now: NOW, windowSeconds: 5 })), 'expired');
  assert.throws(() => verifyToken(future, signer.publicKeyText, { now: NOW, windowSeconds: -1 }), RangeError);
});

test('token: a flipped signature byte is a bad signature', () => {
  const { timed, sig } = splitToken(signer.token('bob', NOW));
  for (const index of [0, 1, 4, 10, sig.length - 1]) {
    const tampered = Buffer.from(sig);
    tampered[index] ^= 0x01;
    const token = `${timed}:${urlsafeB64encode(tampered)}`;
    assert.equal(reason(verifyToken(token, signer.publicKeyText, { now: NOW })), 'bad-signature', `byte ${index}`);
  }
});

test('token: the signature is checked before the time, like the original', () => {
  const { timed, sig } = splitToken(signer.token('bob', NOW - 3600));
  sig[10] ^= 0x80;
  assert.equal(reason(verifyToken(`${timed}:${urlsafeB64encode(sig)}`, signer.publicKeyText, { now: NOW })), 'bad-signature');
});

test('token: changing the value or the time invalidates the signature', () => {
  const { sig } = splitToken(signer.token('alice', NOW));
  const b64 = urlsafeB64encode(sig);
  assert.equal(reason(verifyToken(`bob:${encodeBase62(NOW)}:${b64}`, signer.publicKeyText, { now: NOW })), 'bad-signature');
  assert.equal(reason(verifyToken(`alice:${encodeBase62(NOW + 1)}:${b64}`, signer.publicKeyText, { now: NOW })), 'bad-signature');
});

test('token: a token from another key is a bad signature', () => {
  const other = new MxdcSigner();
  assert.equal(reason(verifyToken(other.token('bob', NOW), signer.publicKeyText, { now: NOW })), 'bad-signature');
});

test('token: alice\'s token used as bob can be detected', () => {
  const token = signer.token('alice', NOW);
  // The caller can compare the signed username with the URL one…
  const plain = verifyToken(token, signer.publicKeyText, { now: NOW });
  assert.ok(plain.ok && plain.username === 'alice');
  assert.notEqual(plain.ok && plain.username, 'bob');
  // …or let verifyToken do it.
  assert.equal(reason(verifyToken(token, signer.publicKeyText, { now: NOW, username: 'bob' })), 'wrong-user');
  assert.equal(reason(verifyToken(token, signer.publicKeyText, { now: NOW, username: 'alice' })), 'ok');
});

test('token: a signed value holding ":" is not the URL username', () => {
  const token = signer.token('alice:x', NOW);
  assert.equal(usernameFromToken(token), 'alice');
  assert.equal(parseToken(token).value, 'alice:x');
  assert.equal(reason(verifyToken(token, signer.publicKeyText, { now: NOW, username: 'alice' })), 'wrong-user');
});

test('token: missing padding is malformed', () => {
  let token = signer.token('bob', NOW);
  // A 48-byte DER signature needs no padding; sign again until one does.
  for (let t = NOW; !token.endsWith('='); t++) token = signer.token('bob', t);
  const unpadded = token.replace(/=+$/, '');
  const result = verifyToken(unpadded, signer.publicKeyText, { now: NOW });
  assert.equal(reason(result), 'malformed');
  assert.throws(() => parseToken(unpadded), MalformedTokenError);
});

test('token: other malformed shapes', () => {
  const good = signer.token('bob', NOW);
  const { timed, sig } = splitToken(good);
  const b64 = urlsafeB64encode(sig);
  const cases: Record<string, string> = {
    'no separator': 'bob',
    'two parts': `bob:${b64}`,
    'empty value': `:${encodeBase62(NOW)}:${b64}`,
    'non-base62 time': `bob:1taG$Y:${b64}`,
    'signed-number time': `bob:-1taGfY:${b64}`,
    'empty time': `bob::${b64}`,
    'empty signature': `${timed}:`,
    // "+" and "/" belong to the standard alphabet, never to the urlsafe one MxDC uses.
    'standard base64 alphabet': `${timed}:+${b64.slice(1)}`,
    'standard base64 slash': `${timed}:/${b64.slice(1)}`,
    'extra padding': `${timed}:${b64}====`,
    'space in signature': `${timed}:${b64.slice(0, 8)} ${b64.slice(9)}`,
    'non-zero unused bits': `${timed}:MC1=`,
  };
  for (const [name, token] of Object.entries(cases)) {
    assert.equal(reason(verifyToken(token, signer.publicKeyText, { now: NOW })), 'malformed', name);
    assert.throws(() => parseToken(token), MalformedTokenError, name);
  }
});

test('token: an unusable key is reported as bad-key', () => {
  const token = signer.token('bob', NOW);
  assert.equal(reason(verifyToken(token, '', { now: NOW })), 'bad-key');
  assert.equal(reason(verifyToken(token, 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB', { now: NOW })), 'bad-key');
  assert.equal(reason(verifyToken(token, generateKeyPairSync('ed25519').publicKey, { now: NOW })), 'bad-key');
});

test('token: a parsed KeyObject can be passed instead of text', () => {
  assert.equal(reason(verifyToken(signer.token('bob', NOW), signer.publicKey, { now: NOW })), 'ok');
});

test('token: the spec\'s worked example parses as described', () => {
  const parsed = parseToken(SPEC_EXAMPLE_TOKEN);
  assert.equal(parsed.value, 'bob');
  assert.equal(parsed.ts62, '1taGfY');
  assert.equal(parsed.timestamp, 1737475200);
  assert.equal(parsed.signature.length, 46);
  assert.deepEqual([...parsed.signature.subarray(0, 2)], [0x30, 0x2c]);
  assert.equal(parsed.signedMessage.toString('utf8'), 'ca.clsi.cmcf:bob:1taGfY');
});

test('token: usernameFromToken takes the part before the first ":" if it is [\\w-]+', () => {
  assert.equal(usernameFromToken(SPEC_EXAMPLE_TOKEN), 'bob');
  assert.equal(usernameFromToken('bob-1_X:1taGfY:sig'), 'bob-1_X');
  assert.equal(usernameFromToken('bo.b:1taGfY:sig'), null);
  assert.equal(usernameFromToken(':1taGfY:sig'), null);
  assert.equal(usernameFromToken('nocolon'), null);
  assert.equal(usernameFromToken('bøb:1taGfY:sig'), null);
});

test('token: verifying on the thread pool gives the same answer as verifying in place, case by case', async () => {
  const { timed, sig } = splitToken(signer.token('bob', NOW));
  const flipped = Buffer.from(sig);
  flipped[12] ^= 0x01;
  const cases: Array<[string, string, string | ReturnType<typeof generateKeyPairSync>['publicKey'], Parameters<typeof verifyToken>[2]]> = [
    ['fresh', signer.token('bob', NOW), signer.publicKeyText, { now: NOW, username: 'bob' }],
    ['python', PYTHON_TOKEN, PYTHON_PUBLIC_KEY, { now: PYTHON_TOKEN_TIME + 5 }],
    ['parsed key', signer.token('bob', NOW), signer.publicKey, { now: NOW }],
    ['expired', signer.token('bob', NOW - 61), signer.publicKeyText, { now: NOW }],
    ['future', signer.token('bob', NOW + 61), signer.publicKeyText, { now: NOW }],
    ['flipped byte', `${timed}:${urlsafeB64encode(flipped)}`, signer.publicKeyText, { now: NOW }],
    ['not DER at all', `${timed}:${urlsafeB64encode(Buffer.from('not a signature'))}`, signer.publicKeyText, { now: NOW }],
    ['another key', new MxdcSigner().token('bob', NOW), signer.publicKeyText, { now: NOW }],
    ['wrong user', signer.token('alice', NOW), signer.publicKeyText, { now: NOW, username: 'bob' }],
    ['malformed', 'bob:1taGfY', signer.publicKeyText, { now: NOW }],
    ['bad key', signer.token('bob', NOW), '', { now: NOW }],
    ['default clock', signer.token('bob'), signer.publicKeyText, {}],
  ];
  const seen = new Set<string>();
  for (const [name, token, key, options] of cases) {
    const inPlace = verifyToken(token, key, options);
    assert.deepEqual(await verifyTokenOffThread(token, key, options), inPlace, name);
    seen.add(reason(inPlace));
  }
  // The cases reach every outcome, so a difference in any branch would show.
  assert.deepEqual([...seen].sort(), ['bad-key', 'bad-signature', 'expired', 'malformed', 'not-yet-valid', 'ok', 'wrong-user']);
  await assert.rejects(verifyTokenOffThread(signer.token('bob', NOW), signer.publicKeyText, { now: NOW, windowSeconds: -1 }), RangeError);
});
