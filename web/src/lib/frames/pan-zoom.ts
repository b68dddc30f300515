// Moving a picture's view with the pointer, the wheel and the keys, for the diffraction frame
// viewer and the FITS image viewer alike: one pointer drags, two pinch, the wheel zooms where it
// points, + and - zoom, the arrow keys move and 0 fits the whole picture.
import { panBy, zoomAt, type Box, type View } from './view';

export interface PanZoomSurface {
  view(): View;
  frame(): Box;
  viewport(): Box;
  /** A view chosen by the person (no longer fitted). */
  set(view: View): void;
  fit(): void;
  /** The pointer moved over the picture without a button down (to read the pixel under it). */
  hover(event: PointerEvent): void;
}

export class PanZoom {
  private readonly pointers = new Map<number, { x: number; y: number }>();

  constructor(private readonly surface: PanZoomSurface) {}

  get dragging(): boolean {
    return this.pointers.size > 0;
  }

  /** Zoom by `factor` around the middle of the view. */
  zoom(factor: number): void {
    const s = this.surface;
    const viewport = s.viewport();
    s.set(zoomAt(s.view(), factor, viewport.width / 2, viewport.height / 2, s.frame(), viewport));
  }

  down = (event: PointerEvent): void => {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  };

  move = (event: PointerEvent): void => {
    const s = this.surface;
    const before = this.pointers.get(event.pointerId);
    if (!before) {
      s.hover(event);
      return;
    }
    const now = { x: event.clientX, y: event.clientY };
    if (this.pointers.size === 1) {
      s.set(panBy(s.view(), now.x - before.x, now.y - before.y, s.frame(), s.viewport()));
    } else if (this.pointers.size === 2) {
      const other = [...this.pointers.entries()].find(([id]) => id !== event.pointerId)![1];
      const factor = Math.hypot(now.x - other.x, now.y - other.y) / Math.max(1, Math.hypot(before.x - other.x, before.y - other.y));
      const bounds = (event.currentTarget as HTMLElement).getBoundingClientRect();
      s.set(zoomAt(s.view(), factor, (now.x + other.x) / 2 - bounds.left, (now.y + other.y) / 2 - bounds.top, s.frame(), s.viewport()));
    }
    this.pointers.set(event.pointerId, now);
  };

  up = (event: PointerEvent): void => {
    this.pointers.delete(event.pointerId);
  };

  key = (event: KeyboardEvent): void => {
    const s = this.surface;
    const viewport = s.viewport();
    const step = 0.15;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [viewport.width * step, 0], ArrowRight: [-viewport.width * step, 0],
      ArrowUp: [0, viewport.height * step], ArrowDown: [0, -viewport.height * step],
    };
    if (event.key === '+' || event.key === '=') this.zoom(1.5);
    else if (event.key === '-' || event.key === '_') this.zoom(1 / 1.5);
    else if (event.key === '0') s.fit();
    else if (event.key in moves) s.set(panBy(s.view(), ...moves[event.key], s.frame(), viewport));
    else return;
    event.preventDefault();
  };

  /** Wheel zooming on `element`; returns the function that stops it (for an $effect). */
  wheel(element: HTMLElement): () => void {
    // Not passive: the page must not scroll while the wheel zooms.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const s = this.surface;
      const bounds = element.getBoundingClientRect();
      s.set(zoomAt(s.view(), Math.exp(-event.deltaY / 300), event.clientX - bounds.left, event.clientY - bounds.top, s.frame(), s.viewport()));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }
}
