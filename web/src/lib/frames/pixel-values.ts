// The raw value under the cursor, from the Data Proxy's values.json (a window of up to 64×64
// pixels). A 32×32 window around the cursor is fetched and kept, so moving within it asks nothing
// more, and at most one request is on its way at a time: the latest position wins.
export interface FrameSize {
  width: number;
  height: number;
  cutoff: number;
}

interface Window extends FrameSize {
  url: string;
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
  private window: Window | null = null;
  private busy = false;
  private wanted: { base: string; x: number; y: number } | null = null;

  constructor(private readonly show: (value: number | null, size: FrameSize | null) => void) {}

  /** Asks for the value at frame pixel (x, y) of the frame at `base`; `show` is called when it is known. */
  read(base: string, x: number, y: number): void {
    const kept = this.window;
    if (kept && kept.url === base && x >= kept.x && y >= kept.y && x < kept.x + kept.w && y < kept.y + kept.h) {
      this.show(kept.values[(y - kept.y) * kept.w + (x - kept.x)], kept);
      return;
    }
    this.wanted = { base, x, y };
    if (!this.busy) void this.fetchWanted();
  }

  private async fetchWanted(): Promise<void> {
    const wanted = this.wanted;
    if (wanted === null) return;
    this.wanted = null;
    this.busy = true;
    const loaded = await this.load(wanted.base, wanted.x, wanted.y);
    this.busy = false;
    const latest = this.wanted ?? wanted;
    this.wanted = null;
    // A failure is not retried until the cursor moves again.
    if (loaded) this.read(latest.base, latest.x, latest.y);
    else this.show(null, null);
  }

  private async load(base: string, atX: number, atY: number): Promise<boolean> {
    const known = this.window?.url === base ? this.window : await frameSize(base);
    if (known === null) return false;
    const w = Math.min(SIDE, known.width);
    const h = Math.min(SIDE, known.height);
    const x = Math.max(0, Math.min(known.width - w, atX - SIDE / 2));
    const y = Math.max(0, Math.min(known.height - h, atY - SIDE / 2));
    const response = await fetch(valuesUrl(base, x, y, w, h)).catch(() => null);
    if (!response?.ok) return false;
    const answer = (await response.json()) as Omit<Window, 'url'> & { missing: boolean };
    if (answer.missing) return false;
    this.window = { ...answer, url: base };
    return true;
  }
}
