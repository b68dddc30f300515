// The value, RA and Dec under the cursor, from the REST API's values window (at most 64 × 64):
// a 32 × 32 window around the cursor, kept while the cursor stays in it (frames/window-reader.ts).
import { api, call } from '$lib/api/client';
import { WindowReader } from '$lib/frames/window-reader';

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
  private readonly windows: WindowReader<Window>;

  constructor(
    productId: number,
    size: { width: number; height: number },
    /** Called with the reading at (x, y), or null when it could not be read. */
    show: (at: { x: number; y: number }, reading: PixelReading | null) => void,
  ) {
    this.windows = new WindowReader<Window>(
      (_source, atX, atY) => {
        const w = Math.min(SIDE, size.width);
        const h = Math.min(SIDE, size.height);
        const x = Math.max(0, Math.min(size.width - w, atX - SIDE / 2));
        const y = Math.max(0, Math.min(size.height - h, atY - SIDE / 2));
        return call(api.GET('/rest/v1/data-products/{id}/image/values', { params: { path: { id: productId }, query: { x, y, w, h } } }));
      },
      (at, found) => show(at, found && { value: found.window.values[found.index], ra: found.window.ra?.[found.index] ?? null, dec: found.window.dec?.[found.index] ?? null }),
    );
  }

  /** Asks for picture pixel (x, y), counted from the top-left. */
  read(x: number, y: number): void {
    this.windows.read('', x, y);
  }
}
