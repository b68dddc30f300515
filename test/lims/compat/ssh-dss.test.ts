import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import {
  SshKeyError,
  formatSshDssPublicKey,
  parseSshDssNumbers,
  parseSshDssPublicKey,
} from '../../../src/lims/compat/ssh-dss.ts';
import { MxdcSigner } from '../../support/mxdc/signer.ts';
import { PYTHON_PUBLIC_KEY } from './fixtures.ts';

const signer = new MxdcSigner();

function sshString(bytes: Buffer | string): Buffer {
  const body = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

function blobOf(text: string): Buffer {
  return Buffer.from(text.split(' ')[1], 'base64');
}

function keyText(type: string, blob: Buffer): string {
  return `${type} ${blob.toString('base64')}`;
}

/** Rebuilds an ssh-dss blob from the signer's key with one field replaced. */
function dssBlobWith(replace: Partial<Record<'p' | 'q' | 'g' | 'y', Buffer>>): Buffer {
  const numbers = parseSshDssNumbers(signer.publicKeyText);
  const merged = { ...numbers, ...replace };
  return Buffer.concat([sshString('ssh-dss'), sshString(merged.p), sshString(merged.q), sshString(merged.g), sshString(merged.y)]);
}

test('ssh-dss: OpenSSH text → KeyObject → OpenSSH text round trips', () => {
  const key = parseSshDssPublicKey(signer.publicKeyText);
  assert.equal(key.asymmetricKeyType, 'dsa');
  assert.ok(key.equals(signer.publicKey));
  assert.equal(formatSshDssPublicKey(key), signer.publicKeyText);
});

test('ssh-dss: the text has MxDC\'s shape (1024-bit p, no comment, no newline)', () => {
  assert.match(signer.publicKeyText, /^ssh-dss AAAAB3NzaC1kc3MAAACB[A-Za-z0-9+/]+={0,2}$/);
  assert.ok(Math.abs(signer.publicKeyText.length - 588) <= 8, `length ${signer.publicKeyText.length}`);
});

test('ssh-dss: a key written by Python cryptography parses and re-formats identically', () => {
  const key = parseSshDssPublicKey(PYTHON_PUBLIC_KEY);
  assert.equal(key.asymmetricKeyDetails?.modulusLength, 1024);
  assert.equal(key.asymmetricKeyDetails?.divisorLength, 160);
  assert.equal(formatSshDssPublicKey(key), PYTHON_PUBLIC_KEY);
});

test('ssh-dss: a trailing comment, tabs and newline are tolerated', () => {
  for (const suffix of ['\n', ' bob@beamline', ' bob@beamline\n', '\t comment with spaces \r\n']) {
    assert.ok(parseSshDssPublicKey(signer.publicKeyText + suffix).equals(signer.publicKey), JSON.stringify(suffix));
  }
  assert.ok(parseSshDssPublicKey(signer.publicKeyText.replace(' ', '\t')).equals(signer.publicKey));
});

test('ssh-dss: larger DSA parameter sets also work', () => {
  const { publicKey } = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 });
  const text = formatSshDssPublicKey(publicKey);
  assert.ok(parseSshDssPublicKey(text).equals(publicKey));
});

test('ssh-dss: keys of other types are rejected', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
  const rsaBlob = Buffer.concat([
    sshString('ssh-rsa'),
    sshString(Buffer.concat([Buffer.from([0]), Buffer.from(rsa.e!, 'base64url')])),
    sshString(Buffer.concat([Buffer.from([0]), Buffer.from(rsa.n!, 'base64url')])),
  ]);
  const ed = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const edBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(Buffer.from(ed.x!, 'base64url'))]);

  assert.throws(() => parseSshDssPublicKey(keyText('ssh-rsa', rsaBlob)), /unsupported key type "ssh-rsa"/);
  assert.throws(() => parseSshDssPublicKey(keyText('ssh-ed25519', edBlob)), SshKeyError);
  // The outer label lies about the blob.
  assert.throws(() => parseSshDssPublicKey(keyText('ssh-dss', rsaBlob)), /does not match/);
  assert.throws(() => parseSshDssPublicKey(keyText('ssh-rsa', blobOf(signer.publicKeyText))), SshKeyError);
});

test('ssh-dss: formatting refuses non-DSA and private keys', () => {
  assert.throws(() => formatSshDssPublicKey(generateKeyPairSync('ed25519').publicKey), SshKeyError);
  assert.throws(() => formatSshDssPublicKey(signer.privateKey), SshKeyError);
});

test('ssh-dss: malformed text and blobs are rejected with SshKeyError', () => {
  const good = signer.publicKeyText;
  const blob = blobOf(good);
  const cases: Record<string, string> = {
    empty: '',
    'type only': 'ssh-dss',
    'leading space': ' ' + good,
    'missing padding': good.replace(/=+$/, '') + (good.endsWith('=') ? '' : 'A'),
    'bad base64 character': good.slice(0, 40) + '*' + good.slice(41),
    'truncated blob': keyText('ssh-dss', blob.subarray(0, blob.length - 7)),
    'length prefix past the end': keyText('ssh-dss', Buffer.concat([Buffer.from([0, 0, 0, 200]), blob.subarray(4)])),
    'trailing data in blob': keyText('ssh-dss', Buffer.concat([blob, sshString('x')])),
    'negative y': keyText('ssh-dss', dssBlobWith({ y: Buffer.from([0x80, 1]) })),
    'g of 1': keyText('ssh-dss', dssBlobWith({ g: Buffer.from([1]) })),
    'y of 0': keyText('ssh-dss', dssBlobWith({ y: Buffer.alloc(0) })),
    'q too small': keyText('ssh-dss', dssBlobWith({ q: Buffer.from([0x7f, 0xff]) })),
    'p too small': keyText('ssh-dss', dssBlobWith({ p: Buffer.alloc(64, 0x7f) })),
  };
  for (const [name, text] of Object.entries(cases)) {
    assert.throws(() => parseSshDssPublicKey(text), SshKeyError, name);
  }
});
