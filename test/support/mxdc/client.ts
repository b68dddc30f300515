// A client that talks to /api/v2/ exactly as MxDC does: it signs every request afresh, posts
// msgpack bodies with no Content-Type, registers its key with a form post, and treats only a
// 200 answer as success (anything else is an error it records).
import { encode } from '@msgpack/msgpack';
import { MxdcSigner } from './signer.ts';

export interface MxdcReply<T = any> {
  status: number;
  ok: boolean;
  body: T;
  text: string;
  contentType: string | null;
}

export class MxdcClient {
  constructor(
    readonly baseUrl: string,
    readonly username: string,
    readonly signer = new MxdcSigner(),
    /** Seconds to add to the clock when signing (to test stale or future tokens). */
    public clockSkew = 0,
  ) {}

  private url(path: string): string {
    const token = this.signer.token(this.username, Math.floor(Date.now() / 1000) + this.clockSkew);
    return `${this.baseUrl}/api/v2/${token}/${path}`;
  }

  private async send(method: string, url: string, body?: Uint8Array | string, contentType?: string): Promise<MxdcReply> {
    const headers: Record<string, string> = { 'user-agent': 'python-requests/2.31.0' };
    if (contentType) headers['content-type'] = contentType;
    const response = await fetch(url, { method, headers, body: body as BodyInit | undefined });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: response.status, ok: response.status === 200, body: parsed, text, contentType: response.headers.get('content-type') };
  }

  register(): Promise<MxdcReply> {
    return this.send('POST', this.url('project/'), new URLSearchParams({ public: this.signer.publicKeyText }).toString(), 'application/x-www-form-urlencoded');
  }

  launch(beamline: string, session: string): Promise<MxdcReply> {
    return this.send('POST', this.url(`launch/${beamline}/${session}/`));
  }

  close(beamline: string, session: string): Promise<MxdcReply> {
    return this.send('POST', this.url(`close/${beamline}/${session}/`));
  }

  samples(beamline: string): Promise<MxdcReply> {
    return this.send('GET', this.url(`samples/${beamline}/`));
  }

  addData(beamline: string, info: Record<string, unknown>): Promise<MxdcReply> {
    return this.send('POST', this.url(`data/${beamline}/`), encode(info));
  }

  addReport(beamline: string, info: Record<string, unknown>): Promise<MxdcReply> {
    return this.send('POST', this.url(`report/${beamline}/`), encode(info));
  }

  /** Raw access for malformed-input tests. */
  post(path: string, body?: Uint8Array | string, contentType?: string): Promise<MxdcReply> {
    return this.send('POST', this.url(path), body, contentType);
  }
}

/** MxDC's session key: "<beamline without '-'>-<YYYYMMDD>-<8 random [0-9A-Za-z]>". */
export function sessionKey(beamline: string, date = new Date()): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const random = Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
  return `${beamline.replace(/-/g, '')}-${date.toISOString().slice(0, 10).replace(/-/g, '')}-${random}`;
}
