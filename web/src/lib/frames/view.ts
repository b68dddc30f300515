// Zoom and pan of a frame in a viewport: `scale` screen pixels per frame pixel, and the frame
// pixel at the viewport's top-left corner. Fitting shows the whole frame; zooming stops at 32
// screen pixels per frame pixel; panning keeps the frame in view (centred when it is smaller).
export interface View {
  scale: number;
  left: number;
  top: number;
}

export interface Box {
  width: number;
  height: number;
}

export const MAX_SCALE = 32;

export function fitScale(frame: Box, viewport: Box): number {
  return Math.min(viewport.width / frame.width, viewport.height / frame.height);
}

function clampAxis(start: number, frameSide: number, visibleSide: number): number {
  if (visibleSide >= frameSide) return (frameSide - visibleSide) / 2;
  return Math.max(0, Math.min(frameSide - visibleSide, start));
}

export function clampView(view: View, frame: Box, viewport: Box): View {
  const scale = Math.max(fitScale(frame, viewport), Math.min(MAX_SCALE, view.scale));
  return {
    scale,
    left: clampAxis(view.left, frame.width, viewport.width / scale),
    top: clampAxis(view.top, frame.height, viewport.height / scale),
  };
}

export function fitView(frame: Box, viewport: Box): View {
  return clampView({ scale: 0, left: 0, top: 0 }, frame, viewport);
}

/** Zoom by `factor` keeping the frame point under screen point (sx, sy) where it is. */
export function zoomAt(view: View, factor: number, sx: number, sy: number, frame: Box, viewport: Box): View {
  const x = view.left + sx / view.scale;
  const y = view.top + sy / view.scale;
  const scale = view.scale * factor;
  return clampView({ scale, left: x - sx / scale, top: y - sy / scale }, frame, viewport);
}

/** Move the picture by (dx, dy) screen pixels. */
export function panBy(view: View, dx: number, dy: number, frame: Box, viewport: Box): View {
  return clampView({ ...view, left: view.left - dx / view.scale, top: view.top - dy / view.scale }, frame, viewport);
}

/** The frame pixels in view, whole, within the frame. */
export function visibleRect(view: View, frame: Box, viewport: Box): { x: number; y: number; w: number; h: number } {
  const x = Math.max(0, Math.floor(view.left));
  const y = Math.max(0, Math.floor(view.top));
  const right = Math.min(frame.width, Math.ceil(view.left + viewport.width / view.scale));
  const bottom = Math.min(frame.height, Math.ceil(view.top + viewport.height / view.scale));
  return { x, y, w: Math.max(1, right - x), h: Math.max(1, bottom - y) };
}
