// Test-side imitation of MxDC's signer (spec §2.1–2.2): a fresh 1024/160-bit DSA key
// pair, the OpenSSH public key text MxDC registers, and tokens built the way MxDC
// builds them. Deliberately independent of the server's token parser.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { encodeBase62 } from '../../../src/lims/compat/base62.ts';
import { formatSshDssPublicKey } from '../../../src/lims/compat/ssh-dss.ts';

export const MXDC_SALT = 'ca.clsi.cmcf';

/** Python's base64.urlsafe_b64encode: standard base64, "+/" → "-_", "=" padding kept. */
export function urlsafeB64encode(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

export class MxdcSigner {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** `ssh-dss AAAA…`, no comment, no newline: the `public` form field. */
  readonly publicKeyText: string;

  constructor(keys = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 })) {
    this.privateKey = keys.privateKey;
    this.publicKey = keys.publicKey;
    this.publicKeyText = formatSshDssPublicKey(keys.publicKey);
  }

  /** DER DSA-SHA256 signature over "ca.clsi.cmcf:" + timed value. */
  signature(timedValue: string): Buffer {
    return sign('sha256', Buffer.from(`${MXDC_SALT}:${timedValue}`, 'utf8'), {
      key: this.privateKey,
      dsaEncoding: 'der',
    });
  }

  /** A token exactly as MxDC sends it; the time is int(time.time()) unless given. */
  token(username: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
    const timed = `${username}:${encodeBase62(nowSeconds)}`;
    return `${timed}:${urlsafeB64encode(this.signature(timed))}`;
  }
}
