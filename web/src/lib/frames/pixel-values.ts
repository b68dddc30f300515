// The raw value under the cursor, from the Data Proxy's values.json (a window of up to 64×64
// pixels): a 32×32 window around the cursor, kept while the cursor stays in it (window-reader.ts).
import { WindowReader } from './window-reader';

export interface FrameSize {
  width: number;
  height: number;
  cutoff: number;
}

interface Window extends FrameSize {
  x: number;
  y: number;
  w: number;
  h: number;
  values: number[];
}

const SIDE = 32;

/** The values.json URL of a frame, beside its previews (`base` is the frame URL without its last component). */
export function valuesUrl(base: string, x: number, y: number, w: number, h: number): string {
  return `${base}/values.json?x=${x}&y=${y}&w=${w}&h=${h}`;
}

/** The frame's size and overload cutoff, from a one-pixel window; null when the frame cannot be read. */
export async function frameSize(base: string): Promise<FrameSize | null> {
  const response = await fetch(valuesUrl(base, 0, 0, 1, 1)).catch(() => null);
  if (!response?.ok) return null;
  const answer = (await response.json()) as FrameSize & { missing: boolean };
  return answer.missing ? null : { width: answer.width, height: answer.height, cutoff: answer.cutoff };
}

export class PixelReader {
  private readonly windows: WindowReader<Window>;

  constructor(show: (value: number | null, size: FrameSize | null) => void) {
    this.windows = new WindowReader<Window>((base, x, y, kept) => this.load(base, x, y, kept), (_at, found) => {
      if (found) show(found.window.values[found.index], found.window);
      else show(null, null);
    });
  }

  /** Asks for the value at frame pixel (x, y) of the frame at `base`; `show` is called when it is known. */
  read(base: string, x: number, y: number): void {
    this.windows.read(base, x, y);
  }

  private async load(base: string, atX: number, atY: number, kept: Window | null): Promise<Window | null> {
    const known = kept ?? await frameSize(base);
    if (known === null) return null;
    const w = Math.min(SIDE, known.width);
    const h = Math.min(SIDE, known.height);
    const x = Math.max(0, Math.min(known.width - w, atX - SIDE / 2));
    const y = Math.max(0, Math.min(known.height - h, atY - SIDE / 2));
    const response = await fetch(valuesUrl(base, x, y, w, h)).catch(() => null);
    if (!response?.ok) return null;
    const answer = (await response.json()) as Window & { missing: boolean };
    return answer.missing ? null : answer;
  }
}
