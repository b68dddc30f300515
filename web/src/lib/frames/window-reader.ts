// Reading what lies under a moving cursor through small windows: the window around the cursor is
// fetched and kept, so moving within it asks nothing more, and at most one request is on its way
// at a time — when it returns, the latest position wins. Used for the frame viewer's pixel values
// and the FITS viewer's values and sky coordinates.
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class WindowReader<W extends Rect> {
  private window: { source: string; rect: W } | null = null;
  private busy = false;
  private wanted: { source: string; x: number; y: number } | null = null;

  constructor(
    /** Fetches the window of `source` around (x, y); null when it cannot be read. `kept` is the window held now. */
    private readonly load: (source: string, x: number, y: number, kept: W | null) => Promise<W | null>,
    /** Called with the window holding (x, y) and the pixel's index in it, or null when it could not be read. */
    private readonly show: (at: { source: string; x: number; y: number }, found: { window: W; index: number } | null) => void,
  ) {}

  /** Asks for pixel (x, y) of `source` (a frame's URL, or any name of the picture). */
  read(source: string, x: number, y: number): void {
    const kept = this.window;
    if (kept && kept.source === source && x >= kept.rect.x && y >= kept.rect.y && x < kept.rect.x + kept.rect.w && y < kept.rect.y + kept.rect.h) {
      this.show({ source, x, y }, { window: kept.rect, index: (y - kept.rect.y) * kept.rect.w + (x - kept.rect.x) });
      return;
    }
    this.wanted = { source, x, y };
    if (!this.busy) void this.fetchWanted();
  }

  private async fetchWanted(): Promise<void> {
    const wanted = this.wanted;
    if (wanted === null) return;
    this.wanted = null;
    this.busy = true;
    const held = this.window?.source === wanted.source ? this.window.rect : null;
    const loaded = await this.load(wanted.source, wanted.x, wanted.y, held).catch(() => null);
    if (loaded) this.window = { source: wanted.source, rect: loaded };
    this.busy = false;
    const latest = this.wanted ?? wanted;
    this.wanted = null;
    // A failure is not retried until the cursor moves again.
    if (loaded) this.read(latest.source, latest.x, latest.y);
    else this.show(latest, null);
  }
}
