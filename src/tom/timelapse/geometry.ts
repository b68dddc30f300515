/**
 * Output frame size: the image shrunk to fit within size x size keeping its aspect ratio,
 * never enlarged (the original's PIL thumbnail did the same: a 500x50 frame stays 500x50).
 *
 * H.264 in yuv420p needs even width and height. For MP4 an odd dimension is rounded down
 * to even (a 1-pixel one up to 2): the whole image is then resampled into that box, which
 * stretches it by less than a pixel instead of cutting a row off or adding a black one.
 */
export interface FrameSize {
  width: number;
  height: number;
}

export function fitWithin(width: number, height: number, size: number, evenDimensions: boolean): FrameSize {
  const scale = Math.min(1, size / width, size / height);
  let w = Math.max(1, Math.min(size, Math.round(width * scale)));
  let h = Math.max(1, Math.min(size, Math.round(height * scale)));
  if (evenDimensions) {
    w = makeEven(w);
    h = makeEven(h);
  }
  return { width: w, height: h };
}

function makeEven(n: number): number {
  if (n % 2 === 0) return n;
  return n === 1 ? 2 : n - 1;
}
