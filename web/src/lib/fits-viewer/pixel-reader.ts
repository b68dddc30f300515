// The value, RA and Dec under the cursor, from the REST API's values window (at most 64 × 64): a
// 32 × 32 window around the cursor is fetched and kept, so moving within it asks nothing more,
// and at most one request is on its way at a time — the latest position wins.
import { api, call } from '$lib/api/client';

export interface PixelReading {
  value: number | null;
  ra: number | null;
  dec: number | null;
}

interface Window {
  x: number;
  y: number;
  w: number;
  h: number;
  values: Array<number | null>;
  ra: number[] | null;
  dec: number[] | null;
}

const SIDE = 32;

export class PixelReader {
  private window: Window | null = null;
  private busy = false;
  private wanted: { x: number; y: number } | null = null;

  constructor(
    private readonly productId: number,
    private readonly size: { width: number; height: number },
    /** Called with the reading at (x, y), or null when it could not be read. */
    private readonly show: (at: { x: number; y: number }, reading: PixelReading | null) => void,
  ) {}

  /** Asks for picture pixel (x, y), counted from the top-left. */
  read(x: number, y: number): void {
    const kept = this.window;
    if (kept && x >= kept.x && y >= kept.y && x < kept.x + kept.w && y < kept.y + kept.h) {
      const i = (y - kept.y) * kept.w + (x - kept.x);
      this.show({ x, y }, { value: kept.values[i], ra: kept.ra?.[i] ?? null, dec: kept.dec?.[i] ?? null });
      return;
    }
    this.wanted = { x, y };
    if (!this.busy) void this.fetchWanted();
  }

  private async fetchWanted(): Promise<void> {
    const wanted = this.wanted;
    if (wanted === null) return;
    this.wanted = null;
    this.busy = true;
    const loaded = await this.load(wanted.x, wanted.y);
    this.busy = false;
    const latest = this.wanted ?? wanted;
    this.wanted = null;
    // A failure is not retried until the cursor moves again.
    if (loaded) this.read(latest.x, latest.y);
    else this.show(latest, null);
  }

  private async load(atX: number, atY: number): Promise<boolean> {
    const w = Math.min(SIDE, this.size.width);
    const h = Math.min(SIDE, this.size.height);
    const x = Math.max(0, Math.min(this.size.width - w, atX - SIDE / 2));
    const y = Math.max(0, Math.min(this.size.height - h, atY - SIDE / 2));
    try {
      this.window = await call(api.GET('/rest/v1/data-products/{id}/image/values', { params: { path: { id: this.productId }, query: { x, y, w, h } } }));
      return true;
    } catch {
      return false;
    }
  }
}
